/// Evaluates `check` and `let`: each query of the expression runs as a normal query, grouped
/// results are joined on their group values, and every group passes or fails on its own.
///
/// In a check, conditions of the last query's `where` on doc, district, dept or year say
/// which documents are compared, so they apply to every query of the check:
/// `check sum 208 == sum 208?? where dept=万盛` compares 万盛's 208 with 万盛's 款.
/// Its other conditions (table, column, code …) choose that query's own figures.
struct CheckEvaluator {
    static let scopeFields: Set<String> = ["doc", "district", "dept", "year"]

    let store: LineItemStore
    let source: String
    let names: [String: Measure]
    let cancel: Cancellation
    var notes: [Diagnostic] = []

    struct Row {
        var key: Measure.Key
        var left: Int64?
        var right: Int64?
        var passed: Bool
    }

    struct Outcome {
        var title: String
        var fields: [String]
        var kind: Measure.Kind
        var rows: [Row]
        var passed: Bool { rows.allSatisfy(\.passed) && !rows.isEmpty }
    }

    mutating func evaluate(_ check: Check) throws(Diagnostic) -> Outcome {
        let shared = Self.sharedScope(check)
        var left = try measure(check.left, shared: shared)
        var right = try measure(check.right, shared: shared)
        if left.kind == .literal { left = try left.resolved(as: right.kind == .literal ? .money : right.kind, source: source) }
        if right.kind == .literal { right = try right.resolved(as: left.kind, source: source) }
        guard left.kind == right.kind else {
            throw .error("cannot compare a count with an amount", in: source, at: check.opRange)
        }
        guard let (fields, keys) = Measure.joined(left, right) else {
            throw .error("the two sides are grouped differently (by \(left.fields.joined(separator: ", ")) and by \(right.fields.joined(separator: ", ")))",
                         in: source, at: check.opRange, help: "group both sides by the same fields")
        }
        var tolerance: Int64 = 0
        if let t = check.tolerance {
            let resolved = try Measure(kind: .literal, fields: [], values: [:], order: [], literal: t).resolved(as: left.kind, source: source)
            tolerance = resolved.values[[]] ?? 0
            // `within -5` would make every equality fail and every inequality pass: say so.
            guard tolerance >= 0 else {
                throw .error("a tolerance is a distance and cannot be negative", in: source, at: t.range,
                             help: "write `within \(t.text.hasPrefix("-") ? String(t.text.dropFirst()) : "5")`")
            }
        }
        var rows: [Row] = []
        for key in keys {
            let l = left.value(at: key), r = right.value(at: key)
            var passed = false
            if let l, let r {
                let (diff, overflow) = l.subtractingReportingOverflow(r)
                if overflow { throw .error("the difference overflows the amount range", in: source, at: check.opRange) }
                passed = Self.compare(diff, check.op, tolerance)
            }
            rows.append(Row(key: key, left: l, right: r, passed: passed))
        }
        let title = check.label?.text ?? check.description
        return Outcome(title: title, fields: fields, kind: left.kind, rows: rows)
    }

    static func compare(_ diff: Int64, _ op: ComparisonOp, _ tolerance: Int64) -> Bool {
        switch op {
        case .equal, .whole: abs(diff) <= tolerance
        case .notEqual: abs(diff) > tolerance
        case .less: diff < tolerance
        case .lessEqual: diff <= tolerance
        case .greater: diff > -tolerance
        case .greaterEqual: diff >= -tolerance
        case .matches: false
        }
    }

    /// The scope conditions of the check's last query, shared with every query.
    static func sharedScope(_ check: Check) -> [Expr] { sharedScope(check.left.queries + check.right.queries) }

    /// … of the last of `queries` (a check's or a `show`'s, left to right).
    static func sharedScope(_ queries: [Query]) -> [Expr] {
        guard let last = queries.last, let filter = last.filter else { return [] }
        let conjuncts: [Expr] = if case .and(let es) = filter { es } else { [filter] }
        return conjuncts.filter { e in
            let fields = e.fieldNames
            return !fields.isEmpty && fields.allSatisfy { scopeFields.contains($0.lowercased()) }
        }
    }

    mutating func measure(_ expr: ValueExpr, shared: [Expr]) throws(Diagnostic) -> Measure {
        switch expr {
        case .number(let v):
            return Measure(kind: .literal, fields: [], values: [:], order: [], literal: v)
        case .name(let n):
            guard let m = names[n.text] else {
                throw .error("no result is named `\(n.text)`", in: source, at: n.range,
                             help: Suggestion.help(for: n.text, among: Array(names.keys)) ?? "name one first with `let \(n.text) = …`")
            }
            return m
        case .parenthesized(let e, _):
            return try measure(e, shared: shared)
        case .query(var query):
            let own = query.filter
            let extra = shared.filter { e in !(own?.contains(e) ?? false) }
            if !extra.isEmpty { query.filter = own.map { .and([$0] + extra) } ?? (extra.count == 1 ? extra[0] : .and(extra)) }
            return try run(query)
        case .binary(let op, let l, let r, let opRange):
            var left = try measure(l, shared: shared)
            var right = try measure(r, shared: shared)
            if op == .multiply || op == .divide {
                guard right.kind == .literal, let factor = right.literal else {
                    throw .error("`\(op.rawValue)` takes a number on its right, such as `* 2` or `/ 10000`", in: source, at: opRange)
                }
                if left.kind == .literal { left = try left.resolved(as: .money, source: source) }
                return try scale(left, by: factor, dividing: op == .divide, at: opRange)
            }
            if left.kind == .literal { left = try left.resolved(as: right.kind == .literal ? .money : right.kind, source: source) }
            if right.kind == .literal { right = try right.resolved(as: left.kind, source: source) }
            guard left.kind == right.kind else {
                throw .error("cannot add a count and an amount", in: source, at: opRange)
            }
            return try combine(left, right, subtract: op == .subtract, at: opRange)
        }
    }

    private mutating func run(_ query: Query) throws(Diagnostic) -> Measure {
        if query.verb == .list {
            throw .error("`list` gives line items, not an amount to check", in: source, at: query.verbRange,
                         help: "use sum, count, avg, min or max")
        }
        let plan = try Planner.plan(query, source: source, store: store, cancel: cancel)
        notes += plan.notes
        let result = try Executor.run(plan, on: store, cancel: cancel)
        // Said once for the check, not once for each of its queries.
        notes += result.notes.filter { n in !notes.contains { $0.message == n.message } }
        let groupCount = plan.groupFields.count
        guard result.columns.count == groupCount + 1 else {
            if let pivot = query.pivot {
                throw .error("a check compares one amount per group, and `\(pivot.text) as columns` spreads the amounts over a column per \(pivot.text)",
                             in: source, at: query.range, help: "group by \(pivot.text) instead: `by \(pivot.text)`")
            }
            throw .error("a check compares one amount per group, and this query gives \(max(0, result.columns.count - groupCount))",
                         in: source, at: query.range, help: "compare one column at a time: `where column=basic`")
        }
        var values: [Measure.Key: Int64] = [:]
        var order: [Measure.Key] = []
        for row in result.rows {
            let key = Array(row.prefix(groupCount))
            let value: Int64? = switch row[groupCount] {
            case .amount(let a): a.fen
            case .number(let n): n
            default: nil
            }
            order.append(key)
            if let value { values[key] = value }
        }
        return Measure(kind: query.verb == .count ? .count : .money, fields: plan.groupFields.map(\.rawValue),
                       values: values, order: order, literal: nil)
    }

    func combine(_ a: Measure, _ b: Measure, subtract: Bool, at range: SourceRange) throws(Diagnostic) -> Measure {
        let (fields, order) = try joined(a, b, at: range)
        var values: [Measure.Key: Int64] = [:]
        for key in order {
            // A group missing on one side adds nothing there.
            let x = a.value(at: key) ?? 0
            let y = b.value(at: key) ?? 0
            let (v, overflow) = subtract ? x.subtractingReportingOverflow(y) : x.addingReportingOverflow(y)
            if overflow { throw .error("this arithmetic overflows the amount range", in: source, at: range) }
            values[key] = v
        }
        return Measure(kind: a.kind, fields: fields, values: values, order: order, literal: nil)
    }

    /// `Measure.joined`, or the error for results grouped differently.
    func joined(_ a: Measure, _ b: Measure, at range: SourceRange) throws(Diagnostic) -> (fields: [String], keys: [Measure.Key]) {
        guard let joined = Measure.joined(a, b) else {
            throw .error("cannot combine results grouped by \(a.fields.joined(separator: ", ")) and by \(b.fields.joined(separator: ", "))",
                         in: source, at: range)
        }
        return joined
    }

    private func scale(_ m: Measure, by factor: Value, dividing: Bool, at range: SourceRange) throws(Diagnostic) -> Measure {
        // The factor as an exact decimal with six places: 1.05 → 1_050_000 millionths.
        guard case .success(let f) = Amount.parse(factor.text, unit: .wan) else {
            throw .error("`\(factor.text)` is not a number", in: source, at: factor.range)
        }
        let millionths = f.fen
        if dividing && millionths == 0 { throw .error("division by zero", in: source, at: factor.range) }
        var out = m
        for (key, v) in m.values {
            let (num, o1) = v.multipliedReportingOverflow(by: dividing ? 1_000_000 : millionths)
            if o1 { throw .error("this arithmetic overflows the amount range", in: source, at: range) }
            let den: Int64 = dividing ? millionths : 1_000_000
            var q = num / den
            let r = num % den
            if r.magnitude * 2 >= den.magnitude { q += (num < 0) != (den < 0) ? -1 : 1 }
            out.values[key] = q
        }
        return out
    }
}

extension Expr {
    /// The field names its conditions use.
    var fieldNames: [String] {
        switch self {
        case .condition(let c): [c.field.text]
        case .isEmpty(let n, _, _): [n.text]
        case .not(let e, _), .parenthesized(let e, _): e.fieldNames
        case .and(let es), .or(let es): es.flatMap(\.fieldNames)
        }
    }

    func contains(_ other: Expr) -> Bool {
        if self == other { return true }
        if case .and(let es) = self { return es.contains(other) }
        return false
    }
}
