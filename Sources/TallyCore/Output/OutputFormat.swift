/// How results are written (§3).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown

    /// Renders a result in this format; amounts in `unit`.
    public func render(_ result: ResultTable, unit: DisplayUnit = .wan) -> String {
        switch self {
        case .table: TableRenderer(unit: unit).render(result)
        case .markdown: MarkdownRenderer(unit: unit).render(result)
        case .csv: DelimitedRenderer(separator: ",", unit: unit).render(result)
        case .tsv: DelimitedRenderer(separator: "\t", unit: unit).render(result)
        case .json: JSONRenderer(unit: unit).render(result)
        }
    }
}
