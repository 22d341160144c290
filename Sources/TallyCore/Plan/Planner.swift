/// Resolves a parsed query against the store (the binder): field names, table and column
/// ids, text values to dictionary ids, code patterns to id ranges, and the defaults that keep
/// a sum from adding the same money twice (§3). Unknown names are errors, never empty results.
public struct Planner {
    public static let maxGroupFields = 6

    private let store: LineItemStore
    private let source: String
    private var notes: [Diagnostic] = []
    /// Asked while `~` is matched over a dictionary: that is work in proportion to the data.
    private let cancel: Cancellation

    private init(store: LineItemStore, source: String, cancel: Cancellation) {
        self.store = store
        self.source = source
        self.cancel = cancel
    }

    public static func plan(_ query: Query, source: String, store: LineItemStore, cancel: Cancellation = .never) throws(Diagnostic) -> QueryPlan {
        var planner = Planner(store: store, source: source, cancel: cancel)
        return try planner.planQuery(query)
    }

    private func error(_ message: String, at range: SourceRange, help: String? = nil) -> Diagnostic {
        .error(message, in: source, at: range, help: help)
    }

    private mutating func note(_ message: String, at range: SourceRange) {
        notes.append(Diagnostic(.warning, message, source: source, range: range))
    }

    /// What a query's `by` names and which defaults apply (§3). Decided here only: the plan
    /// holds the outcome (`QueryPlan.rows`), which `explain sql` writes out.
    struct Shape: Sendable {
        var groupFields: [Field] = []
        var byColumns: [ColumnID] = []
        var pivot: Field?
        /// `sum`-like verbs read one table per code pattern unless told which.
        var tableDefault = false
        /// … and the total column unless told which.
        var columnDefault = false
        /// … and from each document only its own year (`year == budget_year`) unless the
        /// statement names `year`, and only its own phase unless it names `phase` (§3).
        var ownYear = false
        var ownPhase = false

        /// Whether the statement names `field` in `where`, `by` or `as columns`.
        static func names(_ field: Field, _ query: Query, _ groups: [Field]) -> Bool {
            (query.filter?.mentions(field.rawValue) ?? false) || groups.contains(field)
        }
    }

    static func shape(of query: Query, source: String) throws(Diagnostic) -> Shape {
        func error(_ message: String, at range: SourceRange, help: String? = nil) -> Diagnostic {
            .error(message, in: source, at: range, help: help)
        }
        var shape = Shape()
        // by: fields become groups, column ids become output columns.
        for name in query.groups {
            if let field = Field(rawValue: name.text.lowercased()) {
                if field == .amount {
                    throw error("cannot group by amount", at: name.range, help: "group by a field such as dept, year or code")
                }
                if !shape.groupFields.contains(field) { shape.groupFields.append(field) }
            } else if let column = ColumnID(named: name.text) {
                if !shape.byColumns.contains(column) { shape.byColumns.append(column) }
            } else {
                let candidates = Field.names + ColumnID.allCases.map(\.id)
                throw error("unknown field or column id `\(name.text)`", at: name.range,
                            help: Suggestion.help(for: name.text, among: candidates)
                                ?? "group by a field (\(Field.names.joined(separator: " "))) or a column id (basic, project, …)")
            }
        }
        if let name = query.per {
            guard let field = Field(rawValue: name.text.lowercased()), field != .amount else {
                let candidates = Field.names.filter { $0 != "amount" }
                throw error("`top N per` takes a field, not `\(name.text)`", at: name.range,
                            help: Suggestion.help(for: name.text, among: candidates) ?? "for example `top 1 per doc 208???? by code`")
            }
            if query.pivot.map({ Field(rawValue: $0.text.lowercased()) == field }) == true {
                throw error("`\(name.text)` cannot both rank groups apart and be spread across columns", at: name.range)
            }
            // Ranked within each of its values, so it is the first group.
            shape.groupFields.removeAll { $0 == field }
            shape.groupFields.insert(field, at: 0)
        }
        if let name = query.pivot {
            guard let field = Field(rawValue: name.text.lowercased()) else {
                throw error("`\(name.text)` is a column id, and its figures are a column already", at: name.range,
                            help: "spread a field across columns, such as `year as columns`")
            }
            if query.verb == .list {
                throw error("`list` prints line items, not groups to spread across columns", at: name.range,
                            help: "use `sum … by code, \(name.text) as columns`")
            }
            shape.pivot = field
        }
        if shape.groupFields.count > Self.maxGroupFields {
            throw error("at most \(Self.maxGroupFields) fields can be grouped by", at: query.groups[Self.maxGroupFields].range)
        }
        shape.tableDefault = query.verb.addsMoney && !(query.filter?.mentions("table") ?? false)
            && !shape.groupFields.contains(.table)
        shape.columnDefault = query.verb.addsMoney && !(query.filter?.mentions("column") ?? false)
            && !shape.groupFields.contains(.column) && shape.byColumns.isEmpty
        shape.ownYear = query.verb.addsMoney && !Shape.names(.year, query, shape.groupFields)
        shape.ownPhase = query.verb.addsMoney && !Shape.names(.phase, query, shape.groupFields)
        return shape
    }

    private mutating func planQuery(_ query: Query) throws(Diagnostic) -> QueryPlan {
        let shape = try Self.shape(of: query, source: source)
        let groupFields = shape.groupFields, byColumns = shape.byColumns, pivot = shape.pivot
        let tableDefault = shape.tableDefault, columnDefault = shape.columnDefault

        // The rows read, every default stated: the where clause, the targets, each with its
        // default table, the default column, the columns `by` names, the own year and phase.
        var rows: [RowTest] = []
        if let filter = query.filter { rows.append(try Self.rowTest(filter, source: source, cancel: cancel)) }
        let targets: [RowTest] = query.targets.map { value in
            let pattern = CodePattern(value.text)
            return .target(pattern, table: tableDefault ? pattern.defaultTable : nil, range: value.range)
        }
        if targets.isEmpty {
            if tableDefault { rows.append(.tables([.expenditure])) }
        } else {
            rows.append(targets.count == 1 ? targets[0] : .or(targets))
        }
        if columnDefault { rows.append(.columns([.total])) }
        if !byColumns.isEmpty { rows.append(.columns(byColumns)) }
        if shape.ownYear { rows.append(.ownYear) }
        if shape.ownPhase { rows.append(.ownPhase) }
        var parts: [RowFilter] = []
        for test in rows { parts.append(try bind(test)) }

        let valueColumns: [QueryPlan.ValueColumn]
        if byColumns.isEmpty {
            let title = switch query.verb {
            case .sum, .top: columnDefault ? "total" : "sum"
            default: query.verb.rawValue
            }
            valueColumns = [.init(title: title, column: nil)]
        } else {
            valueColumns = byColumns.map { .init(title: $0.id, column: $0) }
        }

        var plan = QueryPlan(
            verb: query.verb, limit: query.limit,
            filter: parts.isEmpty ? .all : (parts.count == 1 ? parts[0] : .and(parts)),
            topmost: query.verb == .sum || query.verb == .top, groupFields: groupFields,
            valueColumns: valueColumns, pivot: pivot, notes: notes)
        plan.rows = rows
        plan.pivotRange = query.pivot?.range
        if query.verb == .list, let key = query.order.first {
            throw error("`order by` sorts grouped results; `list` prints rows in document order", at: key.column.range,
                        help: "group them, for example `sum … by code order by total desc`")
        }
        plan.order = query.order
        // `list` prints `phase` and `page` where these documents have them.
        if query.verb == .list { plan.listedFields = Field.listed(hasPhases: store.hasPhases, hasPages: store.hasPages) }
        plan.per = query.per.flatMap { Field(rawValue: $0.text.lowercased()) }
        try planResultClauses(query, into: &plan)
        plan.oneSide = plan.topmost && plan.filter.mayMatch(TableID.allCases.filter(\.isTwoSided))
        plan.ownYear = shape.ownYear
        plan.ownPhase = shape.ownPhase
        plan.source = source
        plan.verbRange = query.verbRange
        return plan
    }

    /// Computed columns and `having`, checked against the columns the result will have.
    private func planResultClauses(_ query: Query, into plan: inout QueryPlan) throws(Diagnostic) {
        if query.verb == .list, let first = query.computed.first {
            throw error("`list` prints line items; a computed column needs a grouped result", at: first.range,
                        help: "for example `sum * by dept, total, project, share = project / total`")
        }
        if query.verb == .list, let having = query.having {
            throw error("`having` filters a grouped result; `list` prints line items", at: having.range,
                        help: "filter line items with `where`")
        }
        var columns = ResultColumns(plan)
        for computed in query.computed {
            if columns.kind(of: computed.name.text) != nil, ResultColumns.index(of: computed.name.text, among: columns.names) != nil {
                throw error("the result has a column `\(computed.name.text)` already", at: computed.name.range,
                            help: "give the computed column another name")
            }
            let planned = try ComputedColumnPlan.plan(computed, columns: columns, source: source)
            plan.computed.append(planned)
            columns.add(planned.name, planned.kind)
        }
        if let having = query.having {
            plan.having = try HavingPlan.plan(having, columns: columns, source: source)
        }
    }

    private func tableFilter(_ tables: [TableID]) -> RowFilter {
        var mask = [Bool](repeating: false, count: TableID.allCases.count)
        for t in tables { mask[Int(t.rawValue)] = true }
        return .identifier(.table, mask: mask)
    }

    private func columnFilter(_ columns: [ColumnID]) -> RowFilter {
        var mask = [Bool](repeating: false, count: ColumnID.allCases.count)
        for c in columns { mask[Int(c.rawValue)] = true }
        return .identifier(.column, mask: mask)
    }

    private func codeFilter(_ pattern: CodePattern) -> RowFilter {
        if pattern.text == "*" { return .all }
        if let prefix = pattern.literalPrefix {
            let range = store.codes.ids(withPrefix: prefix)
            return range.isEmpty ? .none : .codeRange(range)
        }
        if !pattern.hasWildcard {
            guard let id = store.codes.id(of: pattern.text) else { return .none }
            return .codeRange(Int(id)..<Int(id) + 1)
        }
        let mask = store.codes.codes.map(pattern.matches)
        return mask.contains(true) ? .codeMask(mask) : .none
    }

    // MARK: - where

    /// A where clause with each condition's meaning read (every error given here, with its caret).
    static func rowTest(_ expr: Expr, source: String, cancel: Cancellation) throws(Diagnostic) -> RowTest {
        switch expr {
        case .condition(let c): return .condition(try ConditionMeaning.of(c, source: source, cancel: cancel), operand: c.operand.range)
        case .not(let e, _): return .not(try rowTest(e, source: source, cancel: cancel))
        case .parenthesized(let e, _): return try rowTest(e, source: source, cancel: cancel)
        case .isEmpty(let name, _, let range):
            throw .error("`is empty` tests a result's column, and line items always have a figure", in: source, at: range,
                         help: "use it after `having`, for example `… by code, year as columns having \"2025\" is empty`; `\(name)` here is a field")
        case .and(let es), .or(let es):
            var out: [RowTest] = []
            for e in es { out.append(try rowTest(e, source: source, cancel: cancel)) }
            if case .and = expr { return .and(out) }
            return .or(out)
        }
    }

    /// The rows a test accepts, as ids of this store; a note where a value matches nothing.
    private mutating func bind(_ test: RowTest) throws(Diagnostic) -> RowFilter {
        switch test {
        case .condition(let meaning, let operand): return try bind(meaning, operand: operand)
        case .target(let pattern, let table, let range):
            let filter = codeFilter(pattern)
            if case .none = filter { note("no code matches `\(pattern)`", at: range) }
            return table.map { .and([filter, tableFilter([$0])]) } ?? filter
        case .tables(let tables): return tableFilter(tables)
        case .columns(let columns): return columnFilter(columns)
        case .ownYear: return .ownYear
        case .ownPhase: return .ownPhase
        case .not(let t): return .not(try bind(t))
        case .and(let ts), .or(let ts):
            var out: [RowFilter] = []
            for t in ts { out.append(try bind(t)) }
            if case .and = test { return .and(out) }
            return .or(out)
        }
    }

    private mutating func bind(_ meaning: ConditionMeaning, operand: SourceRange) throws(Diagnostic) -> RowFilter {
        let field = meaning.field
        let filter: RowFilter
        switch meaning.test {
        case .contains(let values):
            filter = textFilter(field, operand, verb: "contains", values) { v in values.contains { v.contains($0) } }
        case .whole(let values):
            filter = textFilter(field, operand, verb: "is", values) { v in values.contains(v) }
        case .matches(let expressions, let patterns):
            if field == .code {
                filter = .codeMask(try mask(store.codes.codes, expressions))
            } else {
                let m = try mask(store.textColumn(field).dictionary.values, expressions)
                noteIfNothing(m, field, operand, verb: "matches", patterns)
                filter = .text(field, mask: m)
            }
        case .identifiers(let ids):
            var m = [Bool](repeating: false, count: LineItemStore.identifierNames(field).count)
            for id in ids { m[Int(id.raw)] = true }
            filter = .identifier(field, mask: m)
        case .codePatterns(let patterns):
            let filters = patterns.map(codeFilter)
            filter = filters.count == 1 ? filters[0] : .or(filters)
        case .codes(let codes):
            let filters: [RowFilter] = codes.map { code in
                store.codes.id(of: code).map { .codeRange(Int($0)..<Int($0) + 1) } ?? .none
            }
            filter = filters.count == 1 ? filters[0] : .or(filters)
        case .anyOf(let numbers):
            filter = .number(field, intervals: numbers.map { $0...$0 })
        case .between(let low, let high):
            filter = .number(field, intervals: [low...high])
        case .compared(let op, let n):
            let interval: ClosedRange<Int64>? = switch op {
            case .less: n == .min ? nil : Int64.min...(n - 1)
            case .lessEqual: Int64.min...n
            case .greater: n == .max ? nil : (n + 1)...Int64.max
            default: n...Int64.max
            }
            filter = interval.map { .number(field, intervals: [$0]) } ?? .none
        }
        return meaning.negated ? .not(filter) : filter
    }

    /// A text field's rows whose value passes `accepts`, one test per distinct value; a note
    /// when none does.
    private mutating func textFilter(_ field: Field, _ operand: SourceRange, verb: String, _ values: [String],
                                     _ accepts: (String) -> Bool) -> RowFilter {
        let m = store.textColumn(field).dictionary.mask(accepts)
        noteIfNothing(m, field, operand, verb: verb, values)
        return .text(field, mask: m)
    }

    private mutating func noteIfNothing(_ mask: [Bool], _ field: Field, _ operand: SourceRange, verb: String, _ values: [String]) {
        if !mask.contains(true), store.count > 0 {
            note("no \(field.rawValue) \(verb) \(values.map { "`\($0)`" }.joined(separator: " or "))", at: operand)
        }
    }

    /// Whether any of `expressions` matches `text`; Ctrl-C is asked inside long matches.
    private func matches(_ text: String, _ expressions: [RegularExpression]) throws(Diagnostic) -> Bool {
        for e in expressions where try e.matches(in: text, cancel: cancel) { return true }
        return false
    }

    /// A mask over the distinct values: each is matched once, whatever its row count.
    private func mask(_ values: [String], _ expressions: [RegularExpression]) throws(Diagnostic) -> [Bool] {
        var mask = [Bool](repeating: false, count: values.count)
        for (i, v) in values.enumerated() {
            if i % 1024 == 0 { try cancel.check() }
            mask[i] = try matches(v, expressions)
        }
        return mask
    }
}
