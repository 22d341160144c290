/// An income table that prints its sources as rows under one 金额 column (江苏's 收入预算总表):
///
///     收入总计                       24169.74
///                   小计             24169.74
///     一般公共预算资金  公共财政拨款（补助）资金  24169.74
///                   专项收入
///     其他资金         经营收入
///
/// A group label (一般公共预算资金) stands left of its items, beside one of them; each group's
/// first item is its 小计. A group's 小计 is the column the group names (`gpb`); a group that
/// names no column (其他资金) is read by its items (事业收入, 经营收入, 其他收入); the items of a
/// group whose 小计 is read are its parts and are not added again (reported).
enum SourceRows {
    static func applies(to table: RawTable, pieces: [TableReader.Piece]) -> Bool {
        guard table.title.table == .income, let slots = table.slots, slots.count == 1, slots[0].column == .total else { return false }
        return !pieces.contains { $0.hasCode } && pieces.filter { !$0.labels.isEmpty }.count >= 3
    }

    static func rows(_ pieces: [TableReader.Piece], table: inout RawTable) -> [RawRow] {
        let year = table.slots?.first?.year ?? 0
        // Items stand at one left edge (that of the 小计s); groups start left of it.
        let subtotalLefts = pieces.flatMap { $0.labels.filter { $0.text.contains("小计") }.map(\.left) }
        let itemLeft = subtotalLefts.min() ?? 0
        let heights = pieces.flatMap { $0.labels.map(\.height) }.sorted()
        let tolerance = heights.isEmpty ? 1 : heights[heights.count / 2] / 2

        struct Line { var piece: TableReader.Piece; var group: String; var item: String }
        let lines = pieces.map { piece -> Line in
            let group = piece.labels.filter { $0.right <= itemLeft + tolerance }.map(\.text).joined()
            let item = piece.labels.filter { $0.right > itemLeft + tolerance }.map(\.text).joined()
            return Line(piece: piece, group: group, item: item)
        }
        // Blocks begin at each 小计; a group label belongs to the block it stands in.
        var blockOf: [Int] = []
        var block = -1
        for line in lines {
            if line.item.contains("小计") { block += 1 }
            blockOf.append(max(block, 0))
        }
        var groupOf: [Int: String] = [:]
        for (i, line) in lines.enumerated() where !line.group.isEmpty && !Vocabulary.totalRowLabels.contains(line.group) {
            groupOf[blockOf[i]] = groupOf[blockOf[i]] ?? line.group
        }

        var rows: [RawRow] = []
        func add(_ column: ColumnID, _ line: Line, header: String) {
            let slot = ColumnSlot(column: column, year: year, header: header)
            let index = table.slots!.firstIndex(of: slot) ?? { table.slots!.append(slot); return table.slots!.count - 1 }()
            var cells = [String](repeating: "", count: index + 1)
            cells[index] = line.piece.figures.first?.text ?? ""
            rows.append(RawRow(line: line.piece.line.number, code: "", name: "合计", cells: cells, page: line.piece.line.page))
        }
        func skip(_ line: Line, _ why: String) {
            table.repairs.append((line.piece.line.number, "\(line.group)\(line.item) \(line.piece.figures.first?.text ?? ""): not recorded, \(why)"))
        }
        for (i, line) in lines.enumerated() where !line.piece.figures.isEmpty {
            let label = line.group + line.item
            if Vocabulary.totalRowLabels.contains(where: { label.contains($0) }) {
                add(.total, line, header: label)
                continue
            }
            let group = groupOf[blockOf[i]] ?? ""
            let groupColumn = HeaderColumns.column(for: group)
            if line.item.contains("小计") {
                if let column = groupColumn, column != .total {
                    add(column, line, header: group + line.item)
                } else {
                    skip(line, "the subtotal of \(group.isEmpty ? "a group" : group), whose items are recorded")
                }
            } else if let column = groupColumn, column != .total {
                skip(line, "a part of \(group), whose 小计 is recorded")
            } else if !line.item.hasPrefix("其中"), let column = HeaderColumns.column(for: line.item), column != .total {
                add(column, line, header: line.item)
            } else {
                table.unplaced.append((line.piece.line.number, "\(label) \(line.piece.figures.first?.text ?? ""): no column for this source"))
            }
        }
        return rows
    }
}
