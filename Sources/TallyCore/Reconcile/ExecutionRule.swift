/// The `execution` rule (预算执行): each 决算 figure against its 预算. A 决算 that departs from
/// its budget by more than the document's own threshold (one it states, else 10%) is material
/// unless the text gives the reason (决算数小于预算数的主要原因：…), which makes it `explained`,
/// citing that text and its line; within the threshold it is no finding.
///
/// The budget comes, in this order of preference, from (a) the 决算's own 预算数 / 调整预算数
/// columns beside its 决算数 (the 三公 table prints both), (b) its text's statements
/// (年初预算为…，支出决算为…，完成年初预算的…%; ExecutionStatements.swift), whose stated 决算 is
/// held to the table's figure for the 类/款/项 it names and whose rate to its two figures, and
/// (c) a loaded 预算 of the same department and year. A 决算 with none of these is one
/// `insufficient` finding, never a pass. Where both a 年初 and a 全年 (adjusted) budget are
/// given, the 决算 is held to the adjusted one: that is the budget the year was run on.
extension AuditRules {
    /// 10%, in hundredths of a percent, where the document states no threshold of its own.
    static let defaultExecutionThreshold: Int64 = 1000

    mutating func execution() {
        let finals = documents().filter(\.final)
        guard !finals.isEmpty else { return }
        let figures = ExecutionFigures(self, finals: finals)
        for doc in finals where !stopping() { execution(doc, figures) }
    }

    private struct Basis {
        var amount: Int64
        var line: Int
        /// What the budget is: 年初预算, 全年预算, the table's 预算数, the 预算 document's figure.
        var what: String
    }

    private struct Threshold {
        var basisPoints: Int64
        var said: String
    }

    private mutating func execution(_ doc: Document, _ figures: ExecutionFigures) {
        typealias Key = ExecutionFigures.Key
        let own = figures.own[doc.id] ?? [:]
        let execution = report(of: doc.name)?.execution ?? ExecutionText()
        let threshold = execution.threshold.map {
            Threshold(basisPoints: $0.basisPoints, said: "the document's threshold \(Self.percent($0.basisPoints)) (line \($0.line))")
        } ?? Threshold(basisPoints: Self.defaultExecutionThreshold, said: "threshold \(Self.percent(Self.defaultExecutionThreshold))")
        var judged: Set<Key> = []
        var anyBudget = false

        // What the text says of each figure it names, and the reason it gives, by table and code.
        var reasons: [Key: ExecutionStatement.Reason] = [:]
        var targets: [Int: Key] = [:]
        for (n, s) in execution.statements.enumerated() {
            guard let key = target(of: s, doc, figures) else { continue }
            targets[n] = key
            if let r = s.reason {
                if reasons[key] == nil { reasons[key] = r }
                let row = Key(table: key.table, code: key.code, column: ColumnID.total.rawValue)
                if reasons[row] == nil { reasons[row] = r }
            }
        }
        func reason(_ key: Key) -> ExecutionStatement.Reason? {
            reasons[key] ?? reasons[Key(table: key.table, code: key.code, column: ColumnID.total.rawValue)]
        }

        // (a) the 决算's own 预算数 columns; a 决算数 cell left blank beside one is 0.
        let printed = (figures.budget[doc.id] ?? [:]).merging(figures.adjusted[doc.id] ?? [:]) { _, adjusted in adjusted }
        for key in printed.keys.sorted(by: ExecutionFigures.order) {
            guard let basisFigure = printed[key] else { continue }
            let adjusted = figures.adjusted[doc.id]?[key] != nil
            anyBudget = true
            judged.insert(key)
            let final = own[key]
            let basis = Basis(amount: basisFigure.amount, line: Int(store.line[basisFigure.row]), what: adjusted ? "调整预算数" : "预算数")
            departure(doc, key: key, name: what(key, row: final?.row ?? basisFigure.row, named: ""), final: (final?.amount ?? 0, Int(store.line[final?.row ?? basisFigure.row])),
                      basis: basis, reason: reason(key), threshold: threshold)
        }

        // (b) the text's statements: their figures against the tables, their rate, their departure.
        for (n, s) in execution.statements.enumerated() {
            if s.budget != nil || s.adjusted != nil { anyBudget = true }
            let key = targets[n]
            checkStated(doc, s, key: key, own: own, figures: figures)
            guard key.map({ !judged.contains($0) }) ?? true else { continue }
            guard let basis = s.adjusted.map({ Basis(amount: $0.amount.fen, line: $0.line, what: "全年预算") })
                ?? s.budget.map({ Basis(amount: $0.amount.fen, line: $0.line, what: "年初预算") }) else { continue }
            if let key { judged.insert(key) }
            let name = key.map { k in what(k, row: own[k]?.row, named: s.named) } ?? s.named
            departure(doc, key: key, name: name, final: (s.final.amount.fen, s.final.line), basis: basis, reason: s.reason, threshold: threshold)
        }

        // (c) a loaded 预算 of the same department and year.
        if let budgetDoc = figures.budgetDocuments[doc.id]?.first {
            let theirs = figures.own[budgetDoc] ?? [:]
            let budgetName = store.docs[budgetDoc]
            var keys = Set<Key>()
            for table in figures.comparedTables(doc.id, budgetDoc) {
                let columns: Set<UInt8>? = table == .threePublic ? nil : [ColumnID.total.rawValue]
                for key in Set(own.keys).union(theirs.keys) where key.table == table.rawValue && (columns?.contains(key.column) ?? true) {
                    keys.insert(key)
                }
            }
            for key in keys.sorted(by: ExecutionFigures.order) where !judged.contains(key) {
                anyBudget = true
                judged.insert(key)
                let mine = own[key], budgeted = theirs[key]
                guard let anyRow = mine?.row ?? budgeted?.row else { continue }
                let basis = Basis(amount: budgeted?.amount ?? 0, line: budgeted.map { Int(store.line[$0.row]) } ?? 0,
                                  what: "预算 (\(budgetName))")
                departure(doc, key: key, name: what(key, row: anyRow, named: ""), final: (mine?.amount ?? 0, mine.map { Int(store.line[$0.row]) } ?? 0),
                          basis: basis, reason: reason(key), threshold: threshold)
            }
        }

        if !anyBudget {
            findings.append(Finding(doc: doc.name, rule: "execution", severity: .insufficient, table: nil, code: "", column: nil,
                                    expected: nil, actual: nil, lines: [],
                                    message: "no 预算 figure to hold this 决算 to: its tables print no 预算数 column, its text states no 年初预算 or 全年预算, and no 预算 of the same department and year is loaded"))
        }
    }

    /// The table figure a statement speaks of: the gpb table's 合计 (or the expenditure
    /// table's), the 三公 table's 合计, or the 类/款/项 its names give, matched by name.
    private mutating func target(of s: ExecutionStatement, _ doc: Document, _ figures: ExecutionFigures) -> ExecutionFigures.Key? {
        let function: TableID = hasTable(doc.id, .gpbExpenditure) ? .gpbExpenditure : .expenditure
        switch s.subject {
        case .generalBudget(let column):
            guard let code = store.codes.id(of: "") else { return nil }
            return .init(table: function.rawValue, code: code, column: column.rawValue)
        case .threePublic:
            guard let code = store.codes.id(of: "") else { return nil }
            return .init(table: TableID.threePublic.rawValue, code: code, column: ColumnID.total.rawValue)
        case .threePublicPart(let column):
            guard let code = store.codes.id(of: "") else { return nil }
            return .init(table: TableID.threePublic.rawValue, code: code, column: column.rawValue)
        case .function(let names):
            // By the names of the table it is in, else of the other function table (a table
            // whose names the import could not read still has its codes).
            for table in [function, function == .gpbExpenditure ? .expenditure : .gpbExpenditure] {
                let rows = rows(of: doc.id, table, year: doc.year).filter { column($0) == .total }
                if let row = Self.functionRow(names, rows: rows, store) {
                    return .init(table: function.rawValue, code: store.code[row], column: ColumnID.total.rawValue)
                }
            }
            return nil
        case .other:
            return nil
        }
    }

    /// The row whose 类, 款 and 项 names are `names` (类 first): each level among the children
    /// of the one above; a 项 name alone where it names one 项 of the table.
    static func functionRow(_ names: [String], rows: [Int], _ store: LineItemStore) -> Int? {
        func plain(_ s: String) -> String {
            DocumentRemarks.squeezed(s).replacingAll("(", with: "（").replacingAll(")", with: "）")
        }
        let lengths = [3, 5, 7]
        var parent = ""
        var found: Int?
        for (level, name) in names.prefix(3).enumerated() {
            let wanted = plain(name)
            let candidates = rows.filter { r in
                let code = store.codes[store.code[r]]
                return code.count == lengths[level] && code.hasPrefix(parent) && plain(store.names[store.name[r]]) == wanted
            }
            let codes = Set(candidates.map { store.code[$0] })
            if codes.count == 1, let r = candidates.first {
                found = r
                parent = store.codes[store.code[r]]
                continue
            }
            // The last name alone (under the levels found so far), if it names one row of its
            // level: a 款 whose name the import cut short still has its 项.
            let last = min(names.count, 3) - 1
            let lastName = plain(names[last])
            let alone = rows.filter { r in
                let code = store.codes[store.code[r]]
                return code.count == lengths[last] && code.hasPrefix(parent) && plain(store.names[store.name[r]]) == lastName
            }
            guard Set(alone.map { store.code[$0] }).count == 1 else { return nil }
            return alone.first
        }
        return found
    }

    /// The text's figures held to the tables: its 决算 to the table's 决算, its budget to a
    /// 预算数 the table prints or a loaded 预算's figure, its rate to its two figures.
    private mutating func checkStated(_ doc: Document, _ s: ExecutionStatement, key: ExecutionFigures.Key?, own: [ExecutionFigures.Key: ExecutionFigures.Figure],
                                      figures: ExecutionFigures) {
        let table = key.flatMap { TableID(rawValue: $0.table) }
        let code = key.map { store.codes[$0.code] } ?? ""
        let column = key.flatMap { ColumnID(rawValue: $0.column) }
        let what = key.map { k in self.what(k, row: own[k]?.row, named: s.named) } ?? s.named
        func stated(_ text: ExecutionStatement.Figure, _ textWhat: String, _ printed: (Int64, Int)?, _ printedWhat: String) {
            guard let printed else { return }
            // Figures near the limit of an amount differ by more than one can hold: material.
            let (difference, overflow) = text.amount.fen.subtractingReportingOverflow(printed.0)
            let gap = overflow ? Int64.max : difference
            guard gap != 0 else { return }
            findings.append(Finding(doc: doc.name, rule: "execution", severity: Finding.severity(gap: gap, figures: 1), table: table, code: code,
                                    column: column, expected: Amount(fen: printed.0), actual: text.amount,
                                    lines: Array(Set([text.line, printed.1].filter { $0 > 0 })).sorted(),
                                    message: "the text's \(textWhat) for \(what) \(text.amount.display(in: .wan)) but \(printedWhat) \(Amount(fen: printed.0).display(in: .wan))"))
        }
        switch (s.subject, key) {
        case (.function, nil):
            findings.append(Finding(doc: doc.name, rule: "execution", severity: .insufficient, table: nil, code: "", column: nil,
                                    expected: nil, actual: nil, lines: [s.final.line],
                                    message: "the text's \(s.named) (\(Self.names(s))) names no code of the function tables"))
        case (_, let key?):
            if let table, hasTable(doc.id, table) || table == .threePublic {
                // A 三公 part or total the table leaves blank is 0.
                let printed = own[key].map { ($0.amount, Int(store.line[$0.row])) } ?? (table == .threePublic ? (0, 0) : nil)
                stated(s.final, "支出决算", printed, "\(table.id) 决算")
            }
            if let b = s.budget, let p = figures.budget[doc.id]?[key] { stated(b, "年初预算", (p.amount, Int(store.line[p.row])), "\(table?.id ?? "") 预算数") }
            if let a = s.adjusted, let p = figures.adjusted[doc.id]?[key] { stated(a, "全年预算", (p.amount, Int(store.line[p.row])), "\(table?.id ?? "") 调整预算数") }
            if let b = s.budget, let budgetDoc = figures.budgetDocuments[doc.id]?.first,
               figures.budget[doc.id]?[key] == nil, let p = figures.own[budgetDoc]?[key] {
                stated(b, "年初预算", (p.amount, Int(store.line[p.row])), "\(store.docs[budgetDoc]) 预算")
            }
        default: break
        }
        guard let rate = s.rate else { return }
        // A rate stated with no budget beside it (a 三公 part's 完成预算的0%) is of the table's 预算数.
        var withBudget = s
        if s.budget == nil, s.adjusted == nil, let key, let p = figures.budget[doc.id]?[key] {
            withBudget.budget = .init(amount: Amount(fen: p.amount), line: Int(store.line[p.row]))
        }
        checkRate(doc, withBudget, rate, table: table, code: code, column: column, what: what)
    }

    /// How a message names a figure: table, code and name (the text's name where the table
    /// prints none), and its column unless it is the total.
    private func what(_ key: ExecutionFigures.Key, row: Int?, named: String) -> String {
        let table = TableID(rawValue: key.table)?.id ?? ""
        let code = store.codes[key.code]
        let printed = row.map { store.names[store.name[$0]] } ?? ""
        let name = printed.isEmpty ? named : printed
        let column = key.column == ColumnID.total.rawValue ? "" : " " + (ColumnID(rawValue: key.column)?.id ?? "")
        return [table, code, name].filter { !$0.isEmpty }.joined(separator: " ") + column
    }

    private static func names(_ s: ExecutionStatement) -> String {
        guard case .function(let names) = s.subject else { return s.named }
        return zip(names, ["类", "款", "项"]).map { "\($0)（\($1)）" }.joined()
    }

    /// 完成年初预算的98.20%: the 决算 over the budget it names, rounded to the printed decimals
    /// (or cut there), in integers.
    private mutating func checkRate(_ doc: Document, _ s: ExecutionStatement, _ rate: ExecutionStatement.Rate,
                                    table: TableID?, code: String, column: ColumnID?, what: String) {
        let named: ExecutionStatement.Figure? = switch rate.base {
        case .budget?: s.budget
        case .adjusted?: s.adjusted
        default: s.adjusted ?? s.budget
        }
        guard let named else { return }
        let other = rate.base == .budget ? s.adjusted : rate.base == .adjusted ? s.budget : nil
        let final = s.final.amount.fen
        let said = Self.percent(rate.digits, decimals: rate.decimals)
        func share(_ of: Int64) -> (rounded: Int64, cut: Int64)? { Self.share(final, of: of, decimals: rate.decimals) }
        func fits(_ of: Int64) -> Bool { share(of).map { $0.rounded == rate.digits || $0.cut == rate.digits } ?? false }
        let baseWord = rate.base == .adjusted ? "全年预算" : rate.base == .budget ? "年初预算" : (s.adjusted != nil ? "全年预算" : "年初预算")
        var lines = [rate.line]
        for l in [s.final.line, named.line] where !lines.contains(l) && l > 0 { lines.append(l) }
        func finding(_ severity: Finding.Severity, _ message: String) {
            findings.append(Finding(doc: doc.name, rule: "execution", severity: severity, table: table, code: code, column: column,
                                    expected: nil, actual: nil, lines: lines, message: message))
        }
        // Nothing budgeted and nothing spent: 0% is all a text can say.
        if fits(named.amount.fen) || (named.amount.fen == 0 && final == 0 && rate.digits == 0) { return }
        // The rate of the other budget the text gives: the words name the wrong one.
        if let other, fits(other.amount.fen) {
            let otherWord = rate.base == .budget ? "全年预算" : "年初预算"
            if !lines.contains(other.line) { lines.append(other.line) }
            finding(.label, "the text's “\(rate.text)” for \(what) is \(s.final.amount.display(in: .wan)) of its \(otherWord) \(other.amount.display(in: .wan)), not of its \(baseWord) \(named.amount.display(in: .wan))")
            return
        }
        guard let computed = share(named.amount.fen) else {
            finding(.material, "the text's “\(rate.text)” for \(what): \(s.final.amount.display(in: .wan)) is no share of a \(baseWord) of \(named.amount.display(in: .wan))")
            return
        }
        let off = (rate.digits - computed.rounded).magnitude
        finding(off <= 1 ? .rounding : .material,
                "the text's “\(rate.text)” for \(what) but \(s.final.amount.display(in: .wan)) / \(named.amount.display(in: .wan)) = \(Self.percent(computed.rounded, decimals: rate.decimals)) (stated \(said))")
    }

    /// `part` / `whole` in percent with `decimals` places, rounded half away from zero and cut,
    /// as integers (98.20% → 9820); nil for a zero whole or past Int64.
    static func share(_ part: Int64, of whole: Int64, decimals: Int) -> (rounded: Int64, cut: Int64)? {
        guard whole != 0, decimals <= 6 else { return nil }
        var scale: Int64 = 100
        for _ in 0..<decimals { scale *= 10 }
        let (scaled, overflow) = part.magnitude.multipliedReportingOverflow(by: UInt64(scale))
        guard !overflow else { return nil }
        let w = whole.magnitude
        let cut = scaled / w
        let rounded = (scaled % w) * 2 >= w ? cut + 1 : cut
        let negative = (part < 0) != (whole < 0) && part != 0
        guard rounded <= UInt64(Int64.max) else { return nil }
        return negative ? (-Int64(rounded), -Int64(cut)) : (Int64(rounded), Int64(cut))
    }

    /// `digits` with `decimals` places as a percentage (9820, 2 → 98.20%).
    static func percent(_ digits: Int64, decimals: Int = 2) -> String {
        guard decimals > 0 else { return "\(digits)%" }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let m = digits.magnitude
        let fraction = String(m % UInt64(scale))
        return (digits < 0 ? "-" : "") + "\(m / UInt64(scale)).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)%"
    }

    /// A 决算 against its budget: a finding when it departs by more than the threshold.
    private mutating func departure(_ doc: Document, key: ExecutionFigures.Key?, name: String, final: (amount: Int64, line: Int), basis: Basis,
                                    reason: ExecutionStatement.Reason?, threshold: Threshold) {
        let (gap, overflow) = final.amount.subtractingReportingOverflow(basis.amount)
        guard gap != 0 || overflow else { return }
        var departure: Int64?  // hundredths of a percent of the budget; nil: no budget to be a share of
        if basis.amount != 0, !overflow {
            let (scaled, big) = gap.magnitude.multipliedReportingOverflow(by: 10_000)
            let b = basis.amount.magnitude
            if !big { departure = Int64(clamping: (scaled + b / 2) / b) }
            // Beyond the threshold exactly, not as rounded for display.
            if !big, scaled <= UInt64(threshold.basisPoints) * b { return }
        }
        let direction: ExecutionStatement.Reason.Direction = gap < 0 ? .below : .above
        let how = departure.map { "\(Self.percent($0)) \(direction == .below ? "below" : "above")" } ?? (direction == .below ? "below" : "above")
        let table = key.flatMap { TableID(rawValue: $0.table) }
        var f = Finding(doc: doc.name, rule: "execution", severity: overflow ? .material : Finding.severity(gap: gap, figures: 1), table: table,
                        code: key.map { store.codes[$0.code] } ?? "", column: key.flatMap { ColumnID(rawValue: $0.column) },
                        expected: Amount(fen: basis.amount), actual: Amount(fen: final.amount),
                        lines: Array(Set([final.line, basis.line].filter { $0 > 0 })).sorted(),
                        message: "\(name): 决算 \(Amount(fen: final.amount).display(in: .wan)) is \(how) its \(basis.what) \(Amount(fen: basis.amount).display(in: .wan)) (\(threshold.said))")
        guard f.severity == .material else { findings.append(f); return }
        let quoted = reason.map { "“\(String($0.text.prefix(80)))” (line \($0.line))" } ?? ""
        switch reason?.direction {
        case nil where reason == nil:
            f.message += "; the document gives no reason"
        case .level?:
            f.message += "; yet the text says \(quoted)"
            if let r = reason, !f.lines.contains(r.line) { f.lines.append(r.line) }
        case let said? where said != direction:
            f.message += "; the text's reason is for a 决算 \(said == .below ? "below" : "above") its budget: \(quoted)"
            if let r = reason, !f.lines.contains(r.line) { f.lines.append(r.line) }
        default:
            if let r = reason { f = f.explained(by: [Explanation(reason: "执行说明", text: String(r.text.prefix(80)), line: r.line)]) }
        }
        findings.append(f)
    }
}

/// The figures the `execution` rule holds to each other, found in one pass over the scope:
/// each 决算's own figures of its year, the 预算数 and 调整预算数 its tables print beside them,
/// and the figures of a loaded 预算 of the same department and year.
struct ExecutionFigures {
    struct Key: Hashable {
        var table: UInt8
        var code: UInt32
        var column: UInt8
    }

    typealias Figure = (amount: Int64, row: Int)

    /// By doc id: its own-phase figures of its own year (the first, if printed twice).
    var own: [UInt32: [Key: Figure]] = [:]
    /// By 决算 doc id: the figures of its 预算数 and 调整预算数 columns.
    var budget: [UInt32: [Key: Figure]] = [:]
    var adjusted: [UInt32: [Key: Figure]] = [:]
    /// By 决算 doc id: the loaded 预算 of its department and year (lowest id first).
    var budgetDocuments: [UInt32: [UInt32]] = [:]

    static func order(_ a: Key, _ b: Key) -> Bool {
        (a.table, a.code, a.column) < (b.table, b.code, b.column)
    }

    init(_ rules: AuditRules, finals: [AuditRules.Document]) {
        let store = rules.store
        var deptOf = [UInt32?](repeating: nil, count: store.docs.count)
        var yearOf = [Int16](repeating: 0, count: store.docs.count)
        var documents = DocumentCursor(store.doc)
        rules.scope.forEach { row in
            let d = documents.document(of: row)
            if deptOf[d] == nil {
                deptOf[d] = store.dept[row]
                yearOf[d] = store.budgetYear[row]
            }
        }
        var isFinal = [Bool](repeating: false, count: store.docs.count)
        for f in finals { isFinal[Int(f.id)] = true }
        // Which 预算 each 决算 is held to: same department, same year.
        var wanted = isFinal
        for f in finals {
            let mine = Int(f.id)
            let matches = (0..<store.docs.count).filter { d in
                !isFinal[d] && deptOf[d] != nil && deptOf[d] == deptOf[mine] && yearOf[d] == yearOf[mine]
            }
            for d in matches { wanted[d] = true }
            if !matches.isEmpty { budgetDocuments[f.id] = matches.map(UInt32.init) }
        }
        let skipped: Set<UInt8> = [TableID.narrative.rawValue, TableID.projects.rawValue]
        let final = Phase.final.rawValue, adjustedPhase = Phase.adjusted.rawValue
        var inOrder = DocumentCursor(store.doc)
        rules.scope.forEach { row in
            let d = UInt32(inOrder.document(of: row))
            guard wanted[Int(d)], store.year[row] == store.budgetYear[row], !skipped.contains(store.table[row]) else { return }
            let key = Key(table: store.table[row], code: store.code[row], column: store.column[row])
            let figure = (store.amount[row], row)
            let phase = store.phase[row]
            if phase == store.ownPhase[Int(d)] {
                if own[d]?[key] == nil { own[d, default: [:]][key] = figure }
            } else if isFinal[Int(d)], phase != final {
                if phase == adjustedPhase {
                    if adjusted[d]?[key] == nil { adjusted[d, default: [:]][key] = figure }
                } else if budget[d]?[key] == nil {
                    budget[d, default: [:]][key] = figure
                }
            }
        }
    }

    /// The tables a 决算 and a 预算 are compared in: the 三公 table, and the gpb table where both
    /// print it (else the expenditure table), so the same money is judged once.
    func comparedTables(_ final: UInt32, _ budget: UInt32) -> [TableID] {
        func has(_ doc: UInt32, _ t: TableID) -> Bool { own[doc]?.keys.contains { $0.table == t.rawValue } ?? false }
        var tables: [TableID] = []
        if has(final, .gpbExpenditure) && has(budget, .gpbExpenditure) { tables.append(.gpbExpenditure) }
        else if has(final, .expenditure) && has(budget, .expenditure) { tables.append(.expenditure) }
        if has(final, .threePublic) || has(budget, .threePublic) { tables.append(.threePublic) }
        return tables
    }
}
