/// Finds the tables of a TSV or Markdown disclosure: a title line, then 单位 and 部门全称
/// lines, header rows, and data rows until the next title. Blank lines (page breaks) do not
/// end a table.
enum TabbedTables {
    static func find(_ lines: [SourceLine]) -> [RawTable] {
        var tables: [RawTable] = []
        var current: RawTable?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            defer { i += 1 }
            if line.text.isEmpty { continue }
            if line.cells.count <= 2, let title = titleAt(i, lines) {
                if let t = current { tables.append(t) }
                current = RawTable(title: title, titleLine: line.number)
                continue
            }
            if line.cells.count <= 2, TableTitle.isOtherTitle(line.text) {
                if let t = current { tables.append(t) }
                current = nil
                continue
            }
            guard var table = current else { continue }
            defer { current = table }
            if let unit = unitStatement(line.text) {
                table.state(unit, line: line.number)
                continue
            }
            if line.cells.count <= 2 {
                if isEmptyStatement(line.text) { table.emptyStatement = line.text }
                // Other single-cell lines (备注, 部门全称, page numbers) carry no figures.
                if line.text.hasPrefix("（") && line.text.contains("经济分类") { continue }
                if DocumentText.containsFigure(line.text) && !line.text.hasPrefix("备注") && !line.text.hasPrefix("说明") {
                    table.unreadable.append((line.number, line.text))
                }
                continue
            }
            let cells = line.cells
            let hasFigure = cells.contains { DocumentText.isFigure(Substring($0)) }
            // Before the first figures, a row without a code is header (合计 | 因公出国（境）费 | …).
            if !hasFigure && table.rows.isEmpty && !DocumentText.isCode(Substring(cells[0].replacingAll(" ", with: ""))) {
                table.header.append(cells)
                continue
            }
            if !hasFigure { continue }  // a row printed without figures: nothing to record
            table.rows.append(row(cells, line: line.number, table: table.title.table))
        }
        if let t = current { tables.append(t) }
        return tables
    }

    static func titleAt(_ i: Int, _ lines: [SourceLine]) -> TableTitle? {
        var text = lines[i].text
        // 万盛's basic tables put their qualifier on the next line: （部门预算支出经济分类科目）.
        var j = i + 1
        while j < lines.count, lines[j].text.isEmpty { j += 1 }
        if j < lines.count, lines[j].text.hasPrefix("（") || lines[j].text.hasPrefix("("), lines[j].text.contains("分类") {
            text += lines[j].text
        }
        return TableTitle.recognise(text)
    }

    static func unitStatement(_ text: String) -> UnitStatement? { Vocabulary.unitStatement(in: text) }

    static func isEmptyStatement(_ text: String) -> Bool { Vocabulary.isEmptyStatement(text) }

    /// Code tables: code, name, then figures. Three_public: figures only. Summary tables keep
    /// every cell (two sides of labels and figures).
    static func row(_ cells: [String], line: Int, table: TableID) -> RawRow {
        switch table {
        case .threePublic:
            return RawRow(line: line, code: "", name: "", cells: cells)
        case .summary, .fiscalSummary, .procurement:
            return RawRow(line: line, code: "", name: "", cells: cells)
        default:
            var code = cells[0].replacingAll(" ", with: "")
            var name = cells.count > 1 ? cells[1] : ""
            if let plain = DocumentText.dottedCode(code, beforeName: DocumentText.beginsName(name)) { code = plain }
            if code == "合计" || code == "总计" {
                name = code
                code = ""
            } else if !DocumentText.isCode(Substring(code)) {
                // A label in the code column (a project name, say): keep it as the name.
                name = [code, name].filter { !$0.isEmpty }.joined(separator: " ")
                code = ""
            }
            return RawRow(line: line, code: code, name: name, cells: Array(cells.dropFirst(2)))
        }
    }
}
