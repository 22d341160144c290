/// The `complete` rule: what a disclosure must print (财预〔2016〕143号, §1). Every required
/// table is there; a table published empty carries its statement (or the text says why) and
/// the statement names the table's own fund; function codes reach the 项 and the basic
/// table the 款; no template text is left in; no title names another year.
extension AuditRules {
    mutating func complete() {
        var shallow = codeDepth()
        for doc in documents() where !stopping() {
            guard let report = report(of: doc.name) else {
                findings.append(Finding(doc: doc.name, rule: "complete", severity: .insufficient, table: nil, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [],
                                        message: "loaded as line items, without its import report: whether every required table is printed cannot be told"))
                continue
            }
            for table in Vocabulary.requiredTables where !report.tables.contains(where: { $0.table == table }) {
                findings.append(Finding(doc: doc.name, rule: "complete", severity: .material, table: table, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [],
                                        message: "no \(table.aliases.first ?? table.id) (\(table.id)): every disclosure prints it, an empty one with its statement"))
            }
            for entry in report.tables where entry.items == 0 && entry.table != .narrative && entry.table != .projects {
                emptyTable(doc, report, entry)
            }
            for remark in report.remarks {
                guard let placeholder = DocumentRemarks.templateText(in: remark.text) else { continue }
                findings.append(Finding(doc: doc.name, rule: "complete", severity: .label, table: nil, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [remark.line],
                                        message: "template text left in (\(placeholder)): “\(DocumentRemarks.excerpt(remark.text, around: placeholder))”"))
            }
            for entry in report.tables where entry.table != .narrative && entry.table != .projects {
                guard report.year > 0, let year = Self.titleYear(entry.title), year != report.year else { continue }
                findings.append(Finding(doc: doc.name, rule: "complete", severity: .label, table: entry.table, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [entry.line],
                                        message: "the title “\(entry.title)” names \(year), the document is for \(report.year)"))
            }
            findings += shallow.removeValue(forKey: doc.id) ?? []
        }
    }

    /// A table published empty: with its statement it is accounted for; without one, the
    /// text may say the department has no such money; otherwise it is a gap in the disclosure.
    private mutating func emptyTable(_ doc: Document, _ report: ImportReport, _ entry: ImportReport.TableEntry) {
        let what = "\(entry.table.id) (\(entry.title)) is published empty"
        guard let statement = entry.emptyStatement else {
            if let stated = statedAbsent(doc.name, table: entry.table) {
                findings.append(Finding(doc: doc.name, rule: "complete", severity: .explained, table: entry.table, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [entry.line, stated.line],
                                        message: "\(what) without a statement; explained by \(stated.citation)", explanations: [stated]))
            } else {
                findings.append(Finding(doc: doc.name, rule: "complete", severity: .material, table: entry.table, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [entry.line],
                                        message: "\(what) with no statement (本表无数据) and nothing in the text says why"))
            }
            return
        }
        let squeezed = DocumentRemarks.squeezed(statement)
        // The statement's own line: the first remark holding it under the title, before the
        // next table; else the nearest above it (a converter may put a title after its rows).
        let holding = report.remarks.filter { $0.text.contains(squeezed) || squeezed.contains($0.text) }
        let next = report.tables.map(\.line).filter { $0 > entry.line }.min() ?? Int.max
        let line = (holding.first { $0.line > entry.line && $0.line < next } ?? holding.last { $0.line < entry.line })?.line ?? 0
        let cited = Explanation(reason: "空表说明", text: squeezed, line: line)
        findings.append(Finding(doc: doc.name, rule: "complete", severity: .explained, table: entry.table, code: "", column: nil,
                                expected: nil, actual: nil, lines: [entry.line] + (line > 0 ? [line] : []),
                                message: "\(what); explained by \(cited.citation)", explanations: [cited]))
        // The statement of a 国有资本经营 table that says 无政府性基金 was copied from the table before.
        guard let own = AuditVocabulary.tableFund.first(where: { $0.0 == entry.table })?.1, !own.contains(where: { squeezed.contains($0) }),
            let other = AuditVocabulary.tableFund.first(where: { $0.0 != entry.table && $0.1.contains { squeezed.contains($0) } })
        else { return }
        findings.append(Finding(doc: doc.name, rule: "complete", severity: .label, table: entry.table, code: "", column: nil,
                                expected: nil, actual: nil, lines: [entry.line] + (line > 0 ? [line] : []),
                                message: "the empty \(entry.table.id) table's statement names \(other.1[0]), not \(own[0]): “\(squeezed)”"))
    }

    /// `2024年南岸区…` → 2024; nil when the title names no year.
    static func titleYear(_ title: String) -> Int? {
        let t = DocumentRemarks.squeezed(title)
        guard let r = t.firstRange(of: "年") else { return nil }
        let digits = t[..<r.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(String(digits.reversed())), (1990...2100).contains(year) else { return nil }
        return year
    }

    /// Codes that stop short: a function code (2xx) with no 项 under it, a basic table's
    /// class (3xx, 5xx) with no 款; one finding per table, by document. Rows are grouped by
    /// document, so each document's cells are gathered in small tables of its own, emptied
    /// for the next (a parent is always of its row's document).
    private mutating func codeDepth() -> [UInt32: [Finding]] {
        let function: Set<TableID> = [.expenditure, .gpbExpenditure, .income, .govFund, .soeCapital]
        let basic: Set<TableID> = [.basicEcon, .basicGovEcon]
        var read = [Bool](repeating: false, count: 256)
        for t in function.union(basic) { read[Int(t.rawValue)] = true }
        struct Group: Hashable { var doc: UInt32; var table: UInt8; var year: Int16; var phase: UInt8 }
        /// A cell of one document: table, year, phase and code in one integer.
        func cell(_ row: Int) -> UInt64 {
            UInt64(store.table[row]) << 56 | UInt64(store.phase[row]) << 48 | UInt64(UInt16(bitPattern: store.year[row])) << 32
                | UInt64(store.code[row])
        }
        var first: [UInt64: Int] = [:]
        var order: [UInt64] = []
        var parents = Set<UInt64>()
        var short: [Group: [Int]] = [:]  // (doc, table, year, phase) → rows that stop short
        var tables: [Group] = []
        var current: UInt32?
        func finishDocument() {
            guard let doc = current else { return }
            for key in order where !parents.contains(key) {
                let row = first[key]!
                let level = store.level(row)
                guard let t = TableID(rawValue: store.table[row]) else { continue }
                let stops = function.contains(t) ? store.codes[store.code[row]].hasPrefix("2") && (level == 1 || level == 2) : level == 1
                guard stops else { continue }
                let group = Group(doc: doc, table: store.table[row], year: store.year[row], phase: store.phase[row])
                if short[group] == nil { tables.append(group) }
                short[group, default: []].append(row)
            }
            first.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            parents.removeAll(keepingCapacity: true)
        }
        let empty = store.codes.id(of: "")
        var documents = DocumentCursor(store.doc)
        scope.forEach { row in
            guard read[Int(store.table[row])], store.code[row] != empty else { return }
            let d = UInt32(documents.document(of: row))
            if d != current {
                finishDocument()
                current = d
            }
            let key = cell(row)
            if first[key] == nil {
                first[key] = row
                order.append(key)
            }
            let p = Int(store.parent[row])
            if p >= 0 { parents.insert(cell(p)) }
        }
        finishDocument()
        var out: [UInt32: [Finding]] = [:]
        for group in tables {
            let rows = short[group]!
            guard let t = TableID(rawValue: group.table) else { continue }
            let depth = function.contains(t) ? "项" : "款"
            let listed = rows.prefix(5).map { label($0) }.joined(separator: ", ") + (rows.count > 5 ? " …" : "")
            out[group.doc, default: []].append(Finding(
                doc: store.docs[group.doc], rule: "complete", severity: .material, table: t, code: store.codes[store.code[rows[0]]], column: nil,
                expected: nil, actual: nil, lines: rows.prefix(8).map { Int(store.line[$0]) },
                message: "\(t.id) \(group.year): \(rows.count) \(rows.count == 1 ? "code stops" : "codes stop") short of the \(depth) (\(listed)); "
                    + (depth == "项" ? "function codes are published down to the 项" : "the basic table is published down to the 款")))
        }
        return out
    }
}
