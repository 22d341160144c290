/// How results are written (§3).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown
    /// A horizontal bar chart of a grouped result.
    case bar

    /// Renders a result in this format; amounts in `unit`. 万元 is the unit the tables print
    /// and the one §3's headers assume; any other unit is stated: in the amount columns'
    /// headers of a table, and as a `unit` field on every row of csv, tsv and json.
    public func render(_ result: ResultTable, unit: DisplayUnit = .wan) -> String {
        let hasAmounts = result.columns.contains { $0.kind == .amount }
        guard unit != .wan, hasAmounts, !result.rows.isEmpty else { return plainRender(result, unit: unit) }
        var stated = result
        switch self {
        case .table, .markdown:
            for i in stated.columns.indices where stated.columns[i].kind == .amount {
                stated.columns[i].name += " (\(unit.rawValue))"
            }
        case .bar:
            break
        case .csv, .tsv, .json:
            stated.columns.append(ResultTable.Column("unit", .text))
            for i in stated.rows.indices { stated.rows[i].append(.text(unit.rawValue)) }
        }
        return plainRender(stated, unit: unit)
    }

    private func plainRender(_ result: ResultTable, unit: DisplayUnit) -> String {
        switch self {
        case .table: TableRenderer(unit: unit).render(result)
        case .markdown: MarkdownRenderer(unit: unit).render(result)
        case .csv: DelimitedRenderer(separator: ",", unit: unit).render(result)
        case .tsv: DelimitedRenderer(separator: "\t", unit: unit).render(result)
        case .json: JSONRenderer(unit: unit).render(result)
        case .bar: BarChartRenderer(unit: unit).render(result)
        }
    }
}
