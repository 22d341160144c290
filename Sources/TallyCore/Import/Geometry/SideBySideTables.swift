/// One table printed as two halves side by side, each with its own code, name and figure
/// columns (经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数: the 301/303
/// groups left, 302/310 right). Its header names label columns again after a figure column.
/// Each half is read as a table of its own and their rows joined, the left half's first.
/// Two-sided summary tables (income beside spending) are read by their labels instead.
enum SideBySideTables {
    /// No template prints more parts side by side than this; the bound keeps a header that
    /// repeats label columns without end from splitting without end.
    static let mostParts = 6

    /// Where the right half starts, or nil for a table of one half.
    static func split(of grid: ColumnGrid?, _ table: TableID) -> Double? {
        guard let grid, ![.summary, .fiscalSummary, .procurement].contains(table) else { return nil }
        let columns = grid.columns
        guard let firstFigure = columns.firstIndex(where: { !$0.isLabel && $0.slot.column != nil }),
            let again = columns[(firstFigure + 1)...].firstIndex(where: \.isLabel),
            columns[(again + 1)...].contains(where: { !$0.isLabel && $0.slot.column != nil }),
            columns[..<firstFigure].contains(where: \.isLabel)
        else { return nil }
        return (columns[again - 1].right + columns[again].left) / 2
    }

    /// Every line cut at `x`: the words left of it, and the words right of it.
    static func halves(_ lines: [WordLine], at x: Double) -> (left: [WordLine], right: [WordLine]) {
        var left: [WordLine] = [], right: [WordLine] = []
        for line in lines {
            let l = line.words.filter { ($0.left + $0.right) / 2 < x }
            let r = line.words.filter { ($0.left + $0.right) / 2 >= x }
            if !l.isEmpty { left.append(WordLine(page: line.page, number: line.number, words: l)) }
            if !r.isEmpty { right.append(WordLine(page: line.page, number: line.number, words: r)) }
        }
        return (left, right)
    }

    /// The halves as one table. A row without a code whose label names a column (人员经费合计
    /// under 决算数) is that column's total.
    static func join(_ left: RawTable, _ right: RawTable, leftLines: [WordLine]) -> RawTable {
        var table = left
        if !left.unitStated, right.unitStated {
            table.unit = right.unit
            table.unknownUnit = right.unknownUnit
            table.unitStated = true
        }
        table.emptyStatement = left.emptyStatement ?? right.emptyStatement
        table.unreadable += right.unreadable
        table.unplaced += right.unplaced
        table.repairs += right.repairs
        var slots = left.slots ?? []
        func slotIndex(_ slot: ColumnSlot) -> Int {
            if let i = slots.firstIndex(of: slot) { return i }
            slots.append(slot)
            return slots.count - 1
        }
        var rows: [RawRow] = []
        // A total's label in one part with its figure in the next (人员经费合计 | 公用经费合计 …
        // 1,308.55 under the third part's 决算数): the figure's row takes the label.
        let labels = Dictionary(leftLines.compactMap { line -> (Int, String)? in
            guard !line.words.contains(where: { FigureText.isMarkedFigure($0.text) }), !CodeWords.startsWithCode(line.words) else { return nil }
            return (line.number, line.joined)
        }, uniquingKeysWith: { a, _ in a })
        var rightRows = right.rows
        for i in rightRows.indices where rightRows[i].code.isEmpty
            && (rightRows[i].name.isEmpty || Vocabulary.totalRowLabels.contains(rightRows[i].name)) {
            // (Only a total's label: a wrapped name's fragment on that line names no total.)
            if let name = labels[rightRows[i].line], HeaderColumns.column(for: name) != nil,
                Vocabulary.partTotalWords.contains(where: { name.contains(utf8: $0) })
            {
                rightRows[i].name = name
            }
        }
        for (half, source) in [(left.rows, left.slots ?? []), (rightRows, right.slots ?? [])] {
            for var row in half {
                var cells: [Int: String] = [:]
                for (i, text) in row.cells.enumerated() where !text.isEmpty && i < source.count {
                    var slot = source[i]
                    if row.code.isEmpty, let named = HeaderColumns.column(for: row.name), named != .total, slot.column == .total {
                        slot.column = named
                    }
                    cells[slotIndex(slot)] = text
                }
                row.cells = (0..<slots.count).map { cells[$0] ?? "" }
                // A part's undecided figures name that part's slots: the joined table's, now.
                row.choices = row.choices.map { choice in
                    var choice = choice
                    choice.slots = choice.slots.compactMap { $0 < source.count ? slotIndex(source[$0]) : nil }
                    return choice
                }
                rows.append(row)
            }
        }
        for i in rows.indices where rows[i].cells.count < slots.count {
            rows[i].cells += [String](repeating: "", count: slots.count - rows[i].cells.count)
        }
        table.rows = rows
        table.slots = slots
        return table
    }
}
