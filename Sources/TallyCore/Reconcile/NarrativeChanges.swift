/// The text's year-on-year statements (ChangeStatement: 比上年增加 X 万元, 增长 Y%, 与上年持平)
/// against the prior year's figure: the same table's column for that year, or the same table of
/// a loaded document of the same department for that year. A statement that agrees within
/// rounding (0.01 万元, 0.1 percentage points) passes; one that does not is `material`; one whose
/// prior figure is not loaded is `insufficient`, never a pass.
extension AuditRules {
    /// A stated change may differ from the tables' by this much (0.01 万元) …
    static let changeTolerance: Int64 = 10_000
    /// … and a stated percent by this many hundredths of a point (0.1).
    static let percentTolerance: Int64 = 10

    mutating func yearOnYear(_ doc: Document) {
        guard let report = report(of: doc.name), !report.changes.isEmpty else { return }
        for change in report.changes {
            guard let subject = Self.narrativeSubject(change.name, change.column) else { continue }
            check(change, of: subject, in: doc)
        }
    }

    private mutating func check(_ c: ChangeStatement, of subject: NarrativeSubject, in doc: Document) {
        let year = c.year.map { Int16(clamping: $0) } ?? doc.year &- 1
        let own = ownPhase(doc.id)
        let said = "the text's \(subject.stated) \(c.stated.display(in: .wan)) \(c.phrase)"
        func finding(_ severity: Finding.Severity, expected: Int64? = nil, actual: Int64? = nil, lines: [Int], _ message: String) -> Finding {
            Finding(doc: doc.name, rule: "narrative", severity: severity, table: subject.table, code: subject.code,
                    column: subject.tableColumn, expected: expected.map { Amount(fen: $0) }, actual: actual.map { Amount(fen: $0) },
                    lines: lines, message: message)
        }
        let phase: UInt8
        switch c.against {
        case .same: phase = own
        case .budget: phase = Phase.budget.rawValue
        case .final: phase = Phase.final.rawValue
        case .execution:
            findings.append(finding(.insufficient, lines: [c.line], "cannot check \(said): no table prints a 预算执行数"))
            return
        }
        guard let prior = earlierFigure(subject, of: doc.id, year: year, phase: phase) else {
            let kind = phase == Phase.final.rawValue ? "决算" : "预算"
            findings.append(finding(.insufficient, lines: [c.line], "cannot check \(said): no \(year) \(subject.figure) is loaded "
                                        + "(no \(year) column here, no \(year) \(kind) of the department)"))
            return
        }
        let x = c.stated.fen, p = prior.amount
        let (delta, overflow) = x.subtractingReportingOverflow(p)
        guard !overflow else { return }
        let lines = [c.line] + (prior.line.map { [$0] } ?? [])
        let against = "\(subject.figure) \(year) is \(Amount(fen: p).display(in: .wan))\(prior.source)"
        var wrong: [String] = []
        if let stated = c.change, (stated.fen &- delta).magnitude > UInt64(Self.changeTolerance) {
            wrong.append("a change of \(Amount(fen: delta).display(in: .wan))")
        }
        if let pct = c.percent, p != 0, let off = Self.percentGap(pct, change: delta, prior: p),
           case let (limit, overflow) = UInt64(Self.percentTolerance).multipliedReportingOverflow(by: p.magnitude), !overflow, off > limit {
            wrong.append("\(Amount(fen: delta).display(in: .wan)) is \(Self.percentText(change: delta, prior: p))")
        }
        guard !wrong.isEmpty else { return }
        findings.append(finding(.material, expected: c.change == nil ? nil : delta, actual: c.change?.fen, lines: lines,
                                "\(said), but \(against): " + wrong.joined(separator: "; ")))
    }

    /// |stated × prior − change × 10,000| in hundredths of a point times the prior figure (so
    /// no division rounds it); nil past what 64 bits hold.
    static func percentGap(_ stated: Int64, change: Int64, prior: Int64) -> UInt64? {
        let (a, o1) = stated.multipliedReportingOverflow(by: prior)
        let (b, o2) = change.multipliedReportingOverflow(by: 10_000)
        let (d, o3) = a.subtractingReportingOverflow(b)
        return o1 || o2 || o3 ? nil : d.magnitude
    }

    /// The change as a percent of the prior figure, to two decimals (`10.09%`).
    static func percentText(change: Int64, prior: Int64) -> String {
        let (scaled, overflow) = change.multipliedReportingOverflow(by: 10_000)
        guard !overflow, prior != 0 else { return "—" }
        let q = (scaled.magnitude + prior.magnitude / 2) / prior.magnitude
        let negative = (change < 0) != (prior < 0) && q != 0
        let cents = q % 100
        return (negative ? "-" : "") + "\(q / 100).\(cents < 10 ? "0" : "")\(cents)%"
    }

    /// The figure a statement compares with: this document's column for `year`, else a loaded
    /// document of the same department whose own year it is, in `phase`. A 三公 part left empty
    /// in a printed 三公 table is zero.
    private mutating func earlierFigure(_ s: NarrativeSubject, of doc: UInt32, year: Int16, phase: UInt8)
        -> (amount: Int64, line: Int?, source: String)?
    {
        if earlier == nil { earlier = EarlierFigures(store, subjects: Self.narrativeSubjects) }
        guard let earlier, let codeID = store.codes.id(of: s.code) else { return nil }
        func found(in d: UInt32) -> (Int64, Int?)? {
            let key = EarlierFigures.Key(doc: d, table: s.table.rawValue, code: codeID, column: s.tableColumn.rawValue, year: year, phase: phase)
            if let (amount, row) = earlier.figures[key] { return (amount, row) }
            if s.need == .blankIsZero, earlier.printed.contains(.init(doc: d, table: s.table.rawValue, code: 0, column: 0, year: year, phase: phase)) {
                return (0, nil)
            }
            return nil
        }
        if phase == ownPhase(doc), let (amount, row) = found(in: doc) {
            return (amount, row.map { Int(store.line[$0]) }, " (its \(year) column)")
        }
        for other in earlier.documents(like: doc) where other.doc != doc && other.year == year && other.phase == phase {
            if let (amount, row) = found(in: other.doc) {
                let label = row.map { store.labels[store.label[$0]] } ?? ""
                let name = label.isEmpty ? store.docs[other.doc] : label
                return (amount, nil, " (in \(name)\(row.map { ", line \(store.line[$0])" } ?? ""))")
            }
        }
        return nil
    }
}

/// Every loaded document's figures that a year-on-year statement may compare with (the
/// tables of the stated figures, their 合计 or named code), and each document's department,
/// year and phase: found in one pass over the store, whatever the audit's scope, since the
/// prior year's document need not be among those audited.
struct EarlierFigures {
    struct Key: Hashable {
        var doc: UInt32
        var table: UInt8
        var code: UInt32
        var column: UInt8
        var year: Int16
        var phase: UInt8
    }

    var figures: [Key: (Int64, Int)] = [:]
    /// (doc, table, year, phase) that print any figure (code and column 0).
    var printed: Set<Key> = []
    /// By department id: its documents with their own year and phase.
    private var byDept: [UInt32: [(doc: UInt32, year: Int16, phase: UInt8)]] = [:]
    private var deptOf: [UInt32: UInt32] = [:]

    init(_ store: LineItemStore, subjects: [AuditRules.NarrativeSubject]) {
        let tables = Set(subjects.map(\.table.rawValue))
        let codes = Set(subjects.compactMap { store.codes.id(of: $0.code) })
        var seen = [Bool](repeating: false, count: store.docs.count)
        var documents = DocumentCursor(store.doc)
        for row in 0..<store.count {
            let d = UInt32(documents.document(of: row))
            if Int(d) < seen.count, !seen[Int(d)] {
                seen[Int(d)] = true
                let phase = Int(d) < store.ownPhase.count ? store.ownPhase[Int(d)] : Phase.budget.rawValue
                deptOf[d] = store.dept[row]
                byDept[store.dept[row], default: []].append((d, store.budgetYear[row] != 0 ? store.budgetYear[row] : store.year[row], phase))
            }
            let table = store.table[row]
            guard tables.contains(table) else { continue }
            printed.insert(Key(doc: d, table: table, code: 0, column: 0, year: store.year[row], phase: store.phase[row]))
            guard codes.contains(store.code[row]) else { continue }
            let key = Key(doc: d, table: table, code: store.code[row], column: store.column[row], year: store.year[row], phase: store.phase[row])
            if figures[key] == nil { figures[key] = (store.amount[row], row) }
        }
    }

    /// The documents of `doc`'s department (itself included).
    func documents(like doc: UInt32) -> [(doc: UInt32, year: Int16, phase: UInt8)] {
        deptOf[doc].flatMap { byDept[$0] } ?? []
    }
}
