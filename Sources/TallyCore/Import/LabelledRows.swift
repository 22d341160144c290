/// The two-sided summary tables in space-separated text: `一般公共预算资金 6,995.08
/// 一般公共服务支出 80.00 80.00` holds an income label and its figure, then an expenditure
/// label and its figures. A label without figures lost them to empty cells.
enum LabelledRows {
    static func place(_ table: RawTable, context: TableContext, report: inout ImportReport) -> [LineItem] {
        let kind = table.title.table
        let year = table.title.year ?? context.year
        var items: [LineItem] = []
        for row in table.rows {
            // Group tokens: a label (one or more words) and the figures after it.
            var groups: [(label: String, figures: [String])] = []
            for token in row.cells {
                if DocumentText.isFigure(Substring(token)) {
                    if groups.isEmpty { groups.append(("", [])) }
                    groups[groups.count - 1].figures.append(token)
                } else {
                    groups.append((token, []))
                }
            }
            for (index, group) in groups.enumerated() where !group.figures.isEmpty {
                let expenditureSide = index > 0 || group.label.contains("支出") || group.label.contains("结转下年")
                let columns: [ColumnID] = switch kind {
                case .fiscalSummary where expenditureSide: [.total, .gpb, .govFund, .soeCapital]
                case .procurement: [.total, .gpb, .govFund, .soeCapital, .specialAccount, .business, .superior, .affiliated, .operating, .other]
                default: [.total]
                }
                let amounts = group.figures.compactMap { try? Amount.parse($0, unit: table.unit).get() }
                var placed: [(ColumnID, Amount)] = []
                if amounts.count == 1 {
                    placed = [(.total, amounts[0])]
                } else if amounts.count == columns.count {
                    placed = Array(zip(columns, amounts))
                } else if amounts.count == 2, columns.count > 2, amounts[0] == amounts[1] {
                    // The total and one fund: the general public budget is the one every seed uses;
                    // reported, since the converter lost which.
                    placed = [(.total, amounts[0]), (.gpb, amounts[1])]
                    report.placements.append(.init(line: row.line, table: kind, code: group.label,
                                                   how: "total gpb (the second figure equals the total; read as 一般公共预算)"))
                } else {
                    report.unplaced.append(.fileError(
                        "\(kind.id) \(group.label): cannot tell which columns \(group.figures.joined(separator: " ")) are in",
                        file: context.path, line: row.line))
                    continue
                }
                for (column, amount) in placed {
                    items.append(context.item(kind, code: "", name: group.label, column: column, year: year, amount: amount,
                                              line: row.line))
                }
            }
        }
        return items
    }
}
