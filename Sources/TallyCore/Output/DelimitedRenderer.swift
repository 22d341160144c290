/// CSV or TSV: a header of the column names, then rows; amounts as exact plain decimals
/// (`384.6732`), no separators. CSV quotes cells per RFC 4180; TSV replaces tabs and
/// newlines inside a cell with spaces, since TSV has no quoting.
public struct DelimitedRenderer {
    public var separator: Character
    public var unit: DisplayUnit

    public init(separator: Character, unit: DisplayUnit = .wan) {
        self.separator = separator
        self.unit = unit
    }

    public func render(_ result: ResultTable) -> String {
        var out = header(result)
        for row in result.rows { out += line(row) }
        return out
    }

    /// The header line, ending in a newline.
    public func header(_ result: ResultTable) -> String {
        result.columns.map { escape($0.name) }.joined(separator: String(separator)) + "\n"
    }

    /// One row's line, ending in a newline.
    public func line(_ row: [ResultTable.Cell]) -> String {
        row.map { escape(text($0)) }.joined(separator: String(separator)) + "\n"
    }

    private func text(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let s): s
        case .number(let n): String(n)
        case .amount(let a): a.plain(in: unit)
        case .empty: ""
        }
    }

    private func escape(_ text: String) -> String {
        if separator == "\t" {
            return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
