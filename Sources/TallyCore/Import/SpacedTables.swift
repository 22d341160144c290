/// Finds the tables of a space-separated disclosure (pdf-text). Each table starts at its
/// `表N` marker; its title comes after its rows, and after a page break rows go on past the
/// title, so a table is everything from one marker to the next. Lines without figures are
/// header fragments; empty cells have vanished, so a row's figures are kept in order and
/// given columns later by `ColumnSolver`.
enum SpacedTables {
    static func isMarker(_ text: String) -> Bool {
        let t = text.replacingAll(" ", with: "")
        guard t.hasPrefix("表"), t.count >= 2, t.count <= 4 else { return false }
        return t.dropFirst().allSatisfy { "一二三四五六七八九十".contains($0) }
    }

    static func find(_ lines: [SourceLine]) -> [RawTable] {
        let markers = lines.indices.filter { isMarker(lines[$0].text) }
        if markers.isEmpty { return titledLast(lines) }
        var tables: [RawTable] = []
        for (n, start) in markers.enumerated() {
            let end = n + 1 < markers.count ? markers[n + 1] : lines.count
            let region = lines[start..<end]
            guard let titleIndex = region.firstIndex(where: { TableTitle.recognise($0.text) != nil }),
                let title = TableTitle.recognise(lines[titleIndex].text)
            else { continue }
            var table = RawTable(title: title, titleLine: lines[titleIndex].number)
            for line in region where line.number != lines[titleIndex].number && !isMarker(line.text) {
                read(line, into: &table)
            }
            tables.append(table)
        }
        return tables
    }

    /// pdf-text without 表N markers: a table's rows run up to its title.
    static func titledLast(_ lines: [SourceLine]) -> [RawTable] {
        var tables: [RawTable] = []
        var pending: [SourceLine] = []
        for line in lines {
            if let title = TableTitle.recognise(line.text) {
                var table = RawTable(title: title, titleLine: line.number)
                for l in pending { read(l, into: &table) }
                if !table.rows.isEmpty || table.emptyStatement != nil { tables.append(table) }
                pending = []
            } else if !line.text.isEmpty {
                pending.append(line)
            }
        }
        return tables
    }

    static func read(_ line: SourceLine, into table: inout RawTable) {
        let text = line.text
        if text.isEmpty { return }
        if let unit = TabbedTables.unitStatement(text) {
            table.state(unit, line: line.number)
            if !DocumentText.containsFigure(text) { return }
        }
        if TabbedTables.isEmptyStatement(text) {
            table.emptyStatement = text
            return
        }
        if text.hasPrefix("备注") || text.hasPrefix("说明") || text.hasPrefix("注：") { return }
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        if let first = tokens.first, let code = DocumentText.dottedCode(first, beforeName: tokens.count > 1 && DocumentText.beginsName(tokens[1])) {
            tokens[0] = code
        }
        guard tokens.contains(where: { DocumentText.isFigure(Substring($0)) }) else {
            table.header.append([text])
            return
        }
        switch table.title.table {
        case .summary, .fiscalSummary, .procurement:
            table.rows.append(RawRow(line: line.number, code: "", name: "", cells: tokens))
        case .threePublic:
            let figures = tokens.filter { DocumentText.isFigure(Substring($0)) }
            if figures.count == tokens.count {
                table.rows.append(RawRow(line: line.number, code: "", name: "", cells: figures))
            } else {
                table.unreadable.append((line.number, text))
            }
        default:
            guard let firstFigure = tokens.firstIndex(where: { DocumentText.isFigure(Substring($0)) }),
                tokens[firstFigure...].allSatisfy({ DocumentText.isFigure(Substring($0)) })
            else {
                table.unreadable.append((line.number, text))
                return
            }
            let label = Array(tokens[..<firstFigure])
            let figures = Array(tokens[firstFigure...])
            if let first = label.first, DocumentText.isCode(Substring(first)) {
                table.rows.append(RawRow(line: line.number, code: first, name: label.dropFirst().joined(), cells: figures))
            } else if label.isEmpty || label.joined() == "合计" || label.joined() == "总计" {
                if table.rows.contains(where: { $0.code.isEmpty }) {
                    table.unreadable.append((line.number, text))
                } else {
                    table.rows.append(RawRow(line: line.number, code: "", name: "合计", cells: figures))
                }
            } else {
                table.rows.append(RawRow(line: line.number, code: "", name: label.joined(), cells: figures))
            }
        }
    }
}
