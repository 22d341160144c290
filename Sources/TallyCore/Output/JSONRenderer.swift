/// A JSON array with one object a row, keys in column order; amounts are JSON numbers
/// written as exact decimals in the display unit (`3020.97`), never through a Double.
public struct JSONRenderer {
    public var unit: DisplayUnit

    public init(unit: DisplayUnit = .wan) { self.unit = unit }

    public func render(_ result: ResultTable) -> String {
        if result.rows.isEmpty { return "[]\n" }
        let rows = result.rows.map { row in
            let members = zip(result.columns, row).map { column, cell in
                Self.quote(column.name) + ": " + value(cell)
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    private func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let s): Self.quote(s)
        case .number(let n): String(n)
        case .amount(let a): a.plain(in: unit)
        case .ratio(let r): r.fraction
        case .empty: "null"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
