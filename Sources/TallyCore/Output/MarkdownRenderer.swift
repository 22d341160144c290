/// A GitHub-flavoured Markdown table, padded by display width so it also reads as text.
public struct MarkdownRenderer {
    public var unit: DisplayUnit

    public init(unit: DisplayUnit = .wan) { self.unit = unit }

    public func render(_ result: ResultTable) -> String {
        let table = TableRenderer(unit: unit)
        let cells = result.rows.map { row in row.enumerated().map { escape(table.text($1, result.columns[$0])) } }
        var widths = result.columns.map { max(3, DisplayWidth.of(escape($0.name))) }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ texts: [String]) -> String {
            let parts = texts.enumerated().map { i, text in
                DisplayWidth.pad(text, to: widths[i], alignRight: result.columns[i].kind != .text)
            }
            return "| " + parts.joined(separator: " | ") + " |\n"
        }
        let rule = result.columns.enumerated().map { i, column in
            column.kind == .text
                ? String(repeating: "-", count: widths[i])
                : String(repeating: "-", count: widths[i] - 1) + ":"
        }
        return line(result.columns.map { escape($0.name) }) + "| " + rule.joined(separator: " | ") + " |\n"
            + cells.map(line).joined()
    }

    private func escape(_ text: String) -> String {
        TerminalText.escaped(text.replacingAll("|", with: "\\|").replacingAll("\n", with: " "))
    }
}
