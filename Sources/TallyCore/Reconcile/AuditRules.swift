/// The standard reconciliation rules (§5 and notes/reconciliation-rules.md), run over the
/// loaded line items: within a table (tree, rows), across tables (tables, names,
/// three_public), text against tables (narrative), and what the import repaired or could
/// not place (extraction).
struct AuditRules {
    static let all = ["tree", "rows", "tables", "names", "three_public", "narrative", "extraction"]

    let store: LineItemStore
    let scope: RowSet
    let reports: [ImportReport]
    /// What the rules found; each rule appends (the within-table rules live in WithinTableRules.swift).
    var findings: [Finding] = []
    /// Ctrl-C: asked between rules and between documents; the audit then stops unfinished.
    let cancel: Cancellation
    private(set) var cancelled = false

    init(store: LineItemStore, scope: RowSet, reports: [ImportReport], cancel: Cancellation = .never) {
        self.store = store
        self.scope = scope
        self.reports = reports
        self.cancel = cancel
    }

    /// True once the user has asked to stop (and from then on).
    private mutating func stopping() -> Bool {
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
            case "narrative": narrative()
            case "extraction": extraction()
            default: break
            }
        }
        findings.sort { a, b in
            if a.doc != b.doc { return a.doc < b.doc }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.rule != b.rule { return a.rule < b.rule }
            return (a.lines.first ?? 0) < (b.lines.first ?? 0)
        }
    }

    private func docName(_ row: Int) -> String { store.docs[store.doc[row]] }
    private func table(_ row: Int) -> TableID? { TableID(rawValue: store.table[row]) }
    private func column(_ row: Int) -> ColumnID? { ColumnID(rawValue: store.column[row]) }
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
        /// Only narrative figures are told apart by name.
        var name: UInt32
    }

    /// Each figure by where it is printed (the first, if printed twice); built on first use,
    /// since the tree and row rules do not need it.
    private var index: [FigureKey: (Int64, Int)]?
    /// Narrative figures whatever their year (the text speaks of the document's year).
    private var undated: [FigureKey: (Int64, Int)] = [:]
    /// doc id << 8 | table, for each table a document has.
    private var tablesOfDoc: Set<UInt64> = []

    private mutating func buildIndex() -> [FigureKey: (Int64, Int)] {
        if let index { return index }
        var built: [FigureKey: (Int64, Int)] = [:]
        var present = Set<UInt64>()
        let narrative = TableID.narrative.rawValue
        scope.forEach { row in
            let isNarrative = store.table[row] == narrative
            var key = FigureKey(doc: store.doc[row], table: store.table[row], code: store.code[row], column: store.column[row],
                                year: store.year[row], name: isNarrative ? store.name[row] : 0)
            if built[key] == nil { built[key] = (store.amount[row], row) }
            if isNarrative {
                key.year = 0
                if undated[key] == nil { undated[key] = (store.amount[row], row) }
            }
            present.insert(UInt64(store.doc[row]) << 8 | UInt64(store.table[row]))
        }
        index = built
        tablesOfDoc = present
        return built
    }

    /// The doc's figure for (table, code, column, year).
    private mutating func figure(_ doc: UInt32, _ table: TableID, _ code: String, _ column: ColumnID, year: Int16? = nil, name: String? = nil) -> (Int64, Int)? {
        let index = buildIndex()
        guard let codeID = store.codes.id(of: code) else { return nil }
        let nameID = name.flatMap { store.names.id(of: $0) } ?? 0
        if name != nil && store.names.id(of: name ?? "") == nil { return nil }
        if let year {
            return index[FigureKey(doc: doc, table: table.rawValue, code: codeID, column: column.rawValue, year: year, name: nameID)]
        }
        // Narrative figures are for the document's year; look them up whatever it is.
        return undated[FigureKey(doc: doc, table: table.rawValue, code: codeID, column: column.rawValue, year: 0, name: nameID)]
    }

    /// The summary table's first income-side row naming `keyword` (a spending row ends in 支出).
    private mutating func summaryIncome(_ doc: UInt32, containing keyword: String, year: Int16) -> (Int64, Int)? {
        _ = buildIndex()
        var found: (Int64, Int)?
        scope.forEach { row in
            guard found == nil, store.doc[row] == doc, store.table[row] == TableID.summary.rawValue, store.year[row] == year,
                store.column[row] == ColumnID.total.rawValue
            else { return }
            let name = store.names[store.name[row]]
            guard name.contains(keyword), !name.contains("支出"), keyword == "上年结转" || !name.contains("结转") else { return }
            found = (store.amount[row], row)
        }
        return found
    }

    private mutating func hasTable(_ doc: UInt32, _ table: TableID) -> Bool {
        _ = buildIndex()
        return tablesOfDoc.contains(UInt64(doc) << 8 | UInt64(table.rawValue))
    }

    /// Each document in scope with its year, found once.
    private mutating func documents() -> [(id: UInt32, name: String, year: Int16)] {
        if let documentList { return documentList }
        // A document's year is its expenditure table's (other tables may show a prior year too).
        var fromExpenditure = [Int16](repeating: 0, count: store.docs.count)
        var latest = [Int16](repeating: Int16.min, count: store.docs.count)
        let expenditure = TableID.expenditure.rawValue
        scope.forEach { row in
            let d = Int(store.doc[row])
            if store.table[row] == expenditure { fromExpenditure[d] = max(fromExpenditure[d], store.year[row]) }
            latest[d] = max(latest[d], store.year[row])
        }
        let found = latest.indices.filter { latest[$0] != Int16.min }.map { d in
            (UInt32(d), store.docs[UInt32(d)], fromExpenditure[d] != 0 ? fromExpenditure[d] : latest[d])
        }
        documentList = found
        return found
    }

    private var documentList: [(id: UInt32, name: String, year: Int16)]?

    private mutating func compare(
        _ doc: (id: UInt32, name: String, year: Int16), rule: String, _ a: (Int64, Int)?, _ aWhat: String,
        _ b: (Int64, Int)?, _ bWhat: String, table: TableID?, code: String = "", column: ColumnID? = .total, figures: Int = 1,
        missing: String
    ) {
        guard let a, let b else {
            findings.append(Finding(doc: doc.name, rule: rule, severity: .insufficient, table: table, code: code, column: column,
                                    expected: nil, actual: nil, lines: [a?.1, b?.1].compactMap { $0 }.map { Int(store.line[$0]) },
                                    message: "cannot compare \(aWhat) with \(bWhat): \(missing)"))
            return
        }
        let (gap, overflow) = a.0.subtractingReportingOverflow(b.0)
        guard gap != 0 || overflow else { return }
        findings.append(Finding(doc: doc.name, rule: rule, severity: overflow ? .material : Finding.severity(gap: gap, figures: figures), table: table,
                                code: code, column: column, expected: Amount(fen: b.0), actual: Amount(fen: a.0),
                                lines: a.1 == b.1 ? [Int(store.line[a.1])] : [Int(store.line[a.1]), Int(store.line[b.1])],
                                message: "\(aWhat) \(Amount(fen: a.0).display(in: .wan)) but \(bWhat) \(Amount(fen: b.0).display(in: .wan))"))
    }

    // MARK: - 表间

    mutating func tables() {
        for doc in documents() where !stopping() {
            let y = doc.year
            let income = figure(doc.id, .income, "", .total, year: y)
            let spending = figure(doc.id, .expenditure, "", .total, year: y)
            compare(doc, rule: "tables", spending, "expenditure 合计", income, "income 合计", table: .expenditure,
                    missing: income == nil ? "no income table" : "no expenditure table")
            let gpbTotal = figure(doc.id, .gpbExpenditure, "", .basic, year: y)
            let basicEcon = figure(doc.id, .basicEcon, "", .total, year: y)
            compare(doc, rule: "tables", gpbTotal, "gpb_expenditure 合计 basic", basicEcon, "basic_econ 合计", table: .gpbExpenditure,
                    column: .basic, missing: gpbTotal == nil ? "no gpb_expenditure table" : "no basic_econ table")
            // gpb ⊂ expenditure: where all money is general public budget they are equal.
            let incomeGPB = figure(doc.id, .income, "", .gpb, year: y)
            let allGPB = income != nil && incomeGPB?.0 == income?.0
            if allGPB {
                scope.forEach { row in
                    guard store.doc[row] == doc.id, store.table[row] == TableID.gpbExpenditure.rawValue, store.year[row] == y,
                        store.code[row] != store.codes.id(of: "") ?? UInt32.max
                    else { return }
                    let code = store.codes[store.code[row]]
                    guard let col = column(row), let other = figure(doc.id, .expenditure, code, col, year: y) else { return }
                    let gap = store.amount[row] &- other.0
                    if gap != 0 {
                        findings.append(Finding(
                            doc: doc.name, rule: "tables", severity: Finding.severity(gap: gap, figures: 1), table: .gpbExpenditure,
                            code: code, column: col, expected: Amount(fen: other.0), actual: Amount(fen: store.amount[row]),
                            lines: [Int(store.line[row]), Int(store.line[other.1])],
                            message: "\(label(row)) \(col.id): gpb_expenditure \(Amount(fen: store.amount[row]).display(in: .wan)) but expenditure \(Amount(fen: other.0).display(in: .wan)) (all funds are 一般公共预算, so they should agree)"))
                    }
                }
            }
            // The summary's income sources against the income table's 合计 (a table whose total
            // folds in the carry-over while another shows it apart shows up here).
            if hasTable(doc.id, .summary) && hasTable(doc.id, .income) {
                for (column, include, label) in [(ColumnID.gpb, "一般公共预算", "一般公共预算拨款"), (.govFund, "政府性基金", "政府性基金"),
                                                 (.soeCapital, "国有资本经营", "国有资本经营"), (.carryover, "上年结转", "上年结转")] {
                    guard let stated = summaryIncome(doc.id, containing: include, year: y) else { continue }
                    let printed = figure(doc.id, .income, "", column, year: y) ?? (0, stated.1)
                    compare(doc, rule: "tables", printed, "income 合计 \(column.id)", stated, "summary \(label)",
                            table: .income, column: column, missing: "")
                }
            }
            // 部门 vs 政府 economic classes. The 政府 table may print its one column as 基本支出.
            if hasTable(doc.id, .basicGovEcon) && hasTable(doc.id, .basicEcon) {
                for (dept, gov) in [("301", "501"), ("302", "502"), ("303", "509"), ("310", "503")] {
                    let a = figure(doc.id, .basicEcon, dept, .total, year: y)
                    let b = figure(doc.id, .basicGovEcon, gov, .total, year: y) ?? figure(doc.id, .basicGovEcon, gov, .basic, year: y)
                    guard a != nil || b != nil else { continue }
                    // A class printed in one table only is a difference of its whole amount.
                    let row = a?.1 ?? b?.1 ?? 0
                    compare(doc, rule: "tables", a ?? (0, row), "basic_econ \(dept)", b ?? (0, row), "basic_gov_econ \(gov)",
                            table: .basicEcon, code: dept, missing: "")
                }
            }
        }
    }

    // MARK: - one code, one name

    mutating func names() {
        struct Key: Hashable { var doc: UInt32; var code: UInt32 }
        struct Naming: Hashable { var doc: UInt32; var code: UInt32; var name: UInt32 }
        // The first row of each (doc, code, name id): ids only, so no text is touched per row.
        var firstRow: [Naming: Int] = [:]
        var order: [Naming] = []
        let empty = store.codes.id(of: "")
        let projects = TableID.projects.rawValue
        scope.forEach { row in
            guard store.code[row] != empty, store.table[row] != projects else { return }
            let naming = Naming(doc: store.doc[row], code: store.code[row], name: store.name[row])
            if firstRow[naming] == nil {
                firstRow[naming] = row
                order.append(naming)
            }
        }
        var seen: [Key: [String: (TableID, Int)]] = [:]
        for naming in order {
            let row = firstRow[naming]!
            guard let t = table(row) else { continue }
            let name = store.names[naming.name].replacingAll(" ", with: "")
            let key = Key(doc: naming.doc, code: naming.code)
            if seen[key, default: [:]][name] == nil { seen[key, default: [:]][name] = (t, row) }
        }
        for (key, names) in seen.sorted(by: { ($0.key.doc, $0.key.code) < ($1.key.doc, $1.key.code) }) where names.count > 1 {
            let listed = names.sorted { $0.value.1 < $1.value.1 }
            let lines = listed.map { Int(store.line[$0.value.1]) }
            findings.append(Finding(
                doc: store.docs[key.doc], rule: "names", severity: .label, table: listed.first?.value.0, code: store.codes[key.code],
                column: nil, expected: nil, actual: nil, lines: lines,
                message: "\(store.codes[key.code]) is named " + listed.map { "“\($0.key)” (\($0.value.0.id))" }.joined(separator: " and ")))
        }
    }

    // MARK: - 三公 against the basic table

    mutating func threePublic() {
        for doc in documents() where !stopping() {
            let y = doc.year
            guard hasTable(doc.id, .threePublic) else {
                findings.append(Finding(doc: doc.name, rule: "three_public", severity: .insufficient, table: .threePublic, code: "",
                                        column: nil, expected: nil, actual: nil, lines: [], message: "no 三公 table to check"))
                continue
            }
            guard hasTable(doc.id, .basicEcon) else {
                findings.append(Finding(doc: doc.name, rule: "three_public", severity: .insufficient, table: .basicEcon, code: "",
                                        column: nil, expected: nil, actual: nil, lines: [], message: "no basic_econ table to hold the 三公 table to"))
                continue
            }
            for (code, col, what) in [("30217", ColumnID.reception, "公务接待费"), ("30231", .vehicleOperation, "公务用车运行维护费"),
                                      ("30212", .overseas, "因公出国（境）费用"), ("31013", .vehiclePurchase, "公务用车购置")] {
                guard let basic = figure(doc.id, .basicEcon, code, .total, year: y) else { continue }
                let table = figure(doc.id, .threePublic, "", col, year: y)
                let printed = table?.0 ?? 0
                // The 三公 table covers project spending too: it may exceed the basic table, not fall short.
                guard printed < basic.0 else { continue }
                let gap = printed &- basic.0
                findings.append(Finding(
                    doc: doc.name, rule: "three_public", severity: Finding.severity(gap: gap, figures: 1), table: .threePublic, code: code,
                    column: col, expected: Amount(fen: basic.0), actual: Amount(fen: printed),
                    lines: [table.map { Int(store.line[$0.1]) }, Int(store.line[basic.1])].compactMap { $0 },
                    message: "三公 \(col.id) \(Amount(fen: printed).display(in: .wan)) is less than basic_econ \(code) \(what) \(Amount(fen: basic.0).display(in: .wan))"))
            }
        }
    }

    // MARK: - 表文: the text against the tables

    mutating func narrative() {
        for doc in documents() where !stopping() {
            let y = doc.year
            guard hasTable(doc.id, .narrative) else { continue }
            func stated(_ name: String, _ column: ColumnID) -> (Int64, Int)? { figure(doc.id, .narrative, "", column, name: name) }
            func check(_ name: String, _ column: ColumnID, against table: TableID, code: String = "", as tableColumn: ColumnID? = nil, what: String) {
                guard let text = stated(name, column) else { return }
                let printed = figure(doc.id, table, code, tableColumn ?? column, year: y)
                compare(doc, rule: "narrative", text, "the text's \(name)\(column == .total ? "" : " " + column.id)", printed, what,
                        table: table, code: code, column: tableColumn ?? column, missing: "the document has no \(table.id) table")
            }
            check("收入预算", .total, against: .income, what: "income 合计")
            check("支出预算", .total, against: .expenditure, what: "expenditure 合计")
            check("一般公共预算财政拨款收入", .total, against: .gpbExpenditure, what: "gpb_expenditure 合计")
            check("一般公共预算财政拨款支出", .total, against: .gpbExpenditure, what: "gpb_expenditure 合计")
            check("一般公共预算财政拨款支出", .basic, against: .gpbExpenditure, what: "gpb_expenditure 合计 basic")
            check("一般公共预算财政拨款支出", .project, against: .gpbExpenditure, what: "gpb_expenditure 合计 project")
            check("机关运行经费", .total, against: .basicEcon, code: "302", what: "basic_econ 302")
            if hasTable(doc.id, .procurement) { check("政府采购", .total, against: .procurement, what: "procurement 合计") }
            // 三公: a part the table leaves empty is zero.
            for col in [ColumnID.total, .overseas, .vehiclePurchase, .vehicleOperation, .reception] {
                guard let text = stated("三公经费", col), hasTable(doc.id, .threePublic) else { continue }
                let printed = figure(doc.id, .threePublic, "", col, year: y) ?? (0, text.1)
                compare(doc, rule: "narrative", text, "the text's 三公 \(col.id)", printed, "the 三公 table",
                        table: .threePublic, column: col, missing: "")
            }
        }
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
