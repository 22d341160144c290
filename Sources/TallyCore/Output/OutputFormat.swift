/// How results are written (§3).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown
    /// A horizontal bar chart of a grouped result.
    case bar

    /// The format for what is no chart — a check's PASS/FAIL, audit findings: `.mode bar`
    /// draws query results, and everything else is a table.
    public var forVerdicts: OutputFormat { self == .bar ? .table : self }

    /// Renders a result in this format; amounts in `unit`. 万元 is the unit the tables print
    /// and the one §3's headers assume; any other unit is stated: in the amount columns'
    /// headers of a table, and as a `unit` field on every row of csv, tsv and json.
    public func render(_ result: ResultTable, unit: DisplayUnit = .wan) -> String {
        plainRender(stated(result, unit: unit), unit: unit)
    }

    /// As `render`, handed on in pieces of 4,096 rows with Ctrl-C asked before each (§4: a
    /// `list` of millions of rows stops when asked). Table, CSV and TSV stream; the other
    /// formats, made for smaller results, are rendered whole.
    public func stream(_ result: ResultTable, unit: DisplayUnit = .wan, cancel: Cancellation,
                       emit: (String) -> Void) throws(Diagnostic) {
        let result = stated(result, unit: unit)
        let separator: Character
        switch self {
        case .table: return try TableRenderer(unit: unit).render(result, cancel: cancel, emit: emit)
        case .csv: separator = ","
        case .tsv: separator = "\t"
        default:
            try cancel.check()
            return emit(plainRender(result, unit: unit))
        }
        let renderer = DelimitedRenderer(separator: separator, unit: unit)
        var chunk = renderer.header(result)
        for (i, row) in result.rows.enumerated() {
            if i % 4096 == 4095 {
                try cancel.check()
                emit(chunk)
                chunk = ""
            }
            chunk += renderer.line(row)
        }
        emit(chunk)
    }

    /// The unit stated where it is not 万元: in amount headers, or as a `unit` field.
    private func stated(_ result: ResultTable, unit: DisplayUnit) -> ResultTable {
        let hasAmounts = result.columns.contains { $0.kind == .amount }
        guard unit != .wan, hasAmounts, !result.rows.isEmpty else { return result }
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
        return stated
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
