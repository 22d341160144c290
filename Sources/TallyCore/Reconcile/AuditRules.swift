/// The standard reconciliation rules (§5 and notes/reconciliation-rules.md), run over the
/// loaded line items: within a table (tree, rows; WithinTableRules.swift), across tables
/// (tables, names, three_public; AcrossTableRules.swift), the 总表 (fiscal; FiscalRule.swift),
/// what a disclosure must print (complete; CompleteRule.swift), the projects' performance
/// targets against 项目支出 (performance; PerformanceRule.swift), 政府采购 (procurement),
/// text against tables, year-on-year statements included (narrative; NarrativeRule.swift,
/// NarrativeChanges.swift), and what the import repaired or could not place (extraction).
/// What the document says that accounts for a difference is in Explanations.swift.
/// The rules' names, help and examples are in one table (AuditRuleCatalog.swift).
struct AuditRules {

    let store: LineItemStore
    let scope: RowSet
    let reports: [ImportReport]
    /// What the rules found; each rule appends.
    var findings: [Finding] = []
    /// Ctrl-C: asked between rules and between documents; the audit then stops unfinished.
    let cancel: Cancellation
    private(set) var cancelled = false
    /// How the row rule splits its printed rows (PrintedRows.collect): for tests; by default
    /// over two cores for a large store.
    var rowLanes: Int?
    var rowPartitionTarget = PrintedRows.partitionTarget
    var rowRuns = true

    init(store: LineItemStore, scope: RowSet, reports: [ImportReport], cancel: Cancellation = .never) {
        self.store = store
        self.scope = scope
        self.reports = reports
        self.cancel = cancel
    }

    /// True once the user has asked to stop (and from then on).
    mutating func stopping() -> Bool {
        if !cancelled && cancel.isCancelled() { cancelled = true }
        return cancelled
    }

    mutating func run(_ rules: [String]) {
        for rule in rules {
            if stopping() { return }
            switch rule {
            case "tree": tree()
            case "rows": rows()
            case "tables": tables()
            case "names": names()
            case "three_public": threePublic()
            case "fiscal": fiscal()
            case "complete": complete()
            case "performance": performance()
            case "procurement": procurement()
            case "narrative": narrative()
            case "execution": execution()
            case "extraction": extraction()
            default: break
            }
        }
        attachPages()
        findings.sort { a, b in
            if a.doc != b.doc { return a.doc < b.doc }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.rule != b.rule { return a.rule < b.rule }
            return (a.lines.first ?? 0) < (b.lines.first ?? 0)
        }
    }

    func table(_ row: Int) -> TableID? { TableID(rawValue: store.table[row]) }
    func column(_ row: Int) -> ColumnID? { ColumnID(rawValue: store.column[row]) }
    func label(_ row: Int) -> String {
        let code = store.codes[store.code[row]]
        return code.isEmpty ? store.names[store.name[row]] : "\(code) \(store.names[store.name[row]])"
    }

    // MARK: - lookups per document

    struct FigureKey: Hashable {
        var doc: UInt32
        var table: UInt8
        var code: UInt32
        var column: UInt8
        var year: Int16
        /// A 决算's 预算数 columns are not its figures: each document is read in its own phase.
        var phase: UInt8
        /// Only narrative figures are told apart by name.
        var name: UInt32
    }

    /// Each figure by where it is printed (the first, if printed twice); built on first use,
    /// since the tree and row rules do not need it.
    private var index: FigureIndex?
    /// Every loaded document's figures the text's year-on-year statements may compare with,
    /// whatever the audit's scope (NarrativeChanges.swift); built on first use.
    var earlier: EarlierFigures?
    static let rowTables: Set<TableID> = [.summary, .fiscalSummary, .procurement, .income, .expenditure, .gpbExpenditure]

    private mutating func buildIndex() -> FigureIndex {
        if let index { return index }
        let built = FigureIndex(store, scope: scope, rowTables: Self.rowTables)
        index = built
        return built
    }

    /// The sum of printed figures, or nil past what tally can hold (never a wrapped sum).
    static func sum(_ values: some Sequence<Int64>) -> Int64? {
        var total: Int64 = 0
        for v in values {
            let (s, overflow) = total.addingReportingOverflow(v)
            if overflow { return nil }
            total = s
        }
        return total
    }

    /// The doc's figure for (table, code, column, year), in the document's own phase.
    mutating func figure(_ doc: UInt32, _ table: TableID, _ code: String, _ column: ColumnID, year: Int16? = nil, name: String? = nil) -> (Int64, Int)? {
        let index = buildIndex()
        guard let codeID = store.codes.id(of: code) else { return nil }
        let nameID = name.flatMap { store.names.id(of: $0) } ?? 0
        if name != nil && store.names.id(of: name ?? "") == nil { return nil }
        let phase = ownPhase(doc)
        // Narrative figures are for the document's year; without one they are looked up whatever it is.
        let key = FigureKey(doc: doc, table: table.rawValue, code: codeID, column: column.rawValue, year: year ?? 0, phase: phase, name: nameID)
        return index.row(key, anyYear: year == nil).map { (store.amount[$0], $0) }
    }

    mutating func hasTable(_ doc: UInt32, _ table: TableID) -> Bool {
        buildIndex().lines(doc, table) != nil
    }

    /// The first and last line of a table's figures in a document.
    mutating func lines(of doc: UInt32, _ table: TableID) -> (first: Int, last: Int)? {
        buildIndex().lines(doc, table)
    }

    /// Where the next table of the document starts after `line` (Int.max if none).
    mutating func nextTableStart(_ doc: UInt32, after line: Int) -> Int {
        let index = buildIndex()
        var next = Int.max
        for t in TableID.allCases where t != .narrative && t != .projects {
            if let s = index.lines(doc, t), s.first > line { next = min(next, s.first) }
        }
        return next
    }

    /// A table's rows in a document for one year, in its own phase (of the tables in `rowTables`).
    mutating func rows(of doc: UInt32, _ table: TableID, year: Int16) -> [Int] {
        let rows = buildIndex().rows(doc, table)
        let phase = ownPhase(doc)
        return rows.filter { store.year[$0] == year && store.phase[$0] == phase }
    }

    /// A two-sided 总表 read by its row names, or nil if the document has none.
    mutating func totals(_ doc: UInt32, _ table: TableID, year: Int16) -> TwoSidedTotals? {
        let rows = rows(of: doc, table, year: year)
        return rows.isEmpty ? nil : TwoSidedTotals(store, rows: rows)
    }

    /// The import report of a document (nil for line items loaded from a TSV or a snapshot).
    func report(of doc: String) -> ImportReport? {
        reports.last { $0.doc == doc }
    }

    /// The phase a document's own figures are in: `final` for final accounts (决算), whose
    /// 预算数 columns are set aside, else `budget`.
    mutating func ownPhase(_ doc: UInt32) -> UInt8 {
        _ = documents()
        return Int(doc) < finalAccounts.count && finalAccounts[Int(doc)] ? Phase.final.rawValue : Phase.budget.rawValue
    }

    /// Whether the import found the table printed empty (with or without a statement).
    func publishedEmpty(_ doc: String, _ table: TableID) -> Bool {
        report(of: doc)?.tables.contains { $0.table == table && $0.items == 0 } ?? false
    }

    /// Each document in scope with its year and whether it is final accounts, found once.
    mutating func documents() -> [Document] {
        if let documentList { return documentList }
        // A document's year is its expenditure table's (other tables may show a prior year too).
        var fromExpenditure = [Int16](repeating: 0, count: store.docs.count)
        var latest = [Int16](repeating: Int16.min, count: store.docs.count)
        var final = [Bool](repeating: false, count: store.docs.count)
        let expenditure = TableID.expenditure.rawValue
        var documents = DocumentCursor(store.doc)
        scope.forEach { row in
            let d = documents.document(of: row)
            if store.table[row] == expenditure { fromExpenditure[d] = max(fromExpenditure[d], store.year[row]) }
            latest[d] = max(latest[d], store.year[row])
            if Phase.marksFinalAccount(store.phase[row]) { final[d] = true }
        }
        let found = latest.indices.filter { latest[$0] != Int16.min }.map { d in
            Document(id: UInt32(d), name: store.docs[UInt32(d)], year: fromExpenditure[d] != 0 ? fromExpenditure[d] : latest[d],
                     final: final[d])
        }
        documentList = found
        finalAccounts = final
        return found
    }

    /// The document of a doc id (in scope).
    mutating func document(_ id: UInt32) -> Document {
        let list = documents()
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].id < id { low = mid + 1 } else { high = mid }
        }
        if low < list.count, list[low].id == id { return list[low] }
        return Document(id: id, name: store.docs[id], year: 0, final: ownPhase(id) == Phase.final.rawValue)
    }

    private var documentList: [Document]?
    /// By doc id: final accounts (决算), told by the phase of their figures (Phase.marksFinalAccount).
    private var finalAccounts: [Bool] = []

    typealias Document = (id: UInt32, name: String, year: Int16, final: Bool)

    /// Compares two figures: a finding when they differ (explained if `explain` finds the
    /// document accounting for the gap), insufficient when one is missing.
    mutating func compare(
        _ doc: Document, rule: String, _ a: (Int64, Int)?, _ aWhat: String,
        _ b: (Int64, Int)?, _ bWhat: String, table: TableID?, code: String = "", column: ColumnID? = .total, figures: Int = 1,
        missing: String, explain: ((inout AuditRules, Int64) -> [Explanation])? = nil
    ) {
        guard let a, let b else {
            findings.append(Finding(doc: doc.name, rule: rule, severity: .insufficient, table: table, code: code, column: column,
                                    expected: nil, actual: nil, lines: [a?.1, b?.1].compactMap { $0 }.map { Int(store.line[$0]) },
                                    message: "cannot compare \(aWhat) with \(bWhat): \(missing)"))
            return
        }
        let (gap, overflow) = a.0.subtractingReportingOverflow(b.0)
        guard gap != 0 || overflow else { return }
        var finding = Finding(doc: doc.name, rule: rule, severity: overflow ? .material : Finding.severity(gap: gap, figures: figures), table: table,
                              code: code, column: column, expected: Amount(fen: b.0), actual: Amount(fen: a.0),
                              lines: a.1 == b.1 ? [Int(store.line[a.1])] : [Int(store.line[a.1]), Int(store.line[b.1])],
                              message: "\(aWhat) \(Amount(fen: a.0).display(in: .wan)) but \(bWhat) \(Amount(fen: b.0).display(in: .wan))")
        if finding.severity == .material, !overflow, let explain { finding = finding.explained(by: explain(&self, gap)) }
        findings.append(finding)
    }

    // MARK: - what the import repaired or could not place

    mutating func extraction() {
        let docsInScope = Set(documents().map(\.name))
        for report in reports where docsInScope.contains(report.doc) {
            for shifted in report.shifted {
                findings.append(Finding(doc: report.doc, rule: "extraction", severity: .label, table: nil, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [], message: "shifted table, read back into place: \(shifted)"))
            }
            for d in report.unplaced {
                findings.append(Finding(doc: report.doc, rule: "extraction", severity: .material, table: nil, code: "", column: nil,
                                        expected: nil, actual: nil, lines: d.origin.map { [$0.firstLine] } ?? [],
                                        message: "figure not placed: \(d.message)"))
            }
        }
    }
}
