/// CSV or TSV: a header of the column names, then rows; amounts as exact plain decimals
/// (`384.6732`), no separators. CSV quotes cells per RFC 4180; TSV, which has no quoting,
/// escapes a backslash, tab, LF and CR inside a cell as `\\`, `\t`, `\n`, `\r` (as
/// ClickHouse's TabSeparated does), and the line-item reader decodes them: an export always
/// loads back to the same items (issue 13 §6).
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
        case .ratio(let r): r.fraction
        case .empty: ""
        }
    }

    private func escape(_ text: String) -> String {
        if separator == "\t" {
            guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\t": out += "\\t"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        // By bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let comma = separator.asciiValue ?? UInt8(ascii: ",")
        guard text.utf8.contains(where: { $0 == comma || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
