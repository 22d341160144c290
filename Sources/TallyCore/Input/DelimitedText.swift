/// Splits the lines of a TSV or CSV file into cells. TSV cells are split on tabs as they
/// are; CSV follows RFC 4180 (double quotes, doubled quotes inside, newlines in quotes).
struct DelimitedText {
    enum Format { case tsv, csv }

    struct Record {
        /// 1-based line number where the record starts.
        var line: Int
        var cells: [String]
    }

    enum Failure: Error {
        case invalidUTF8(line: Int)
        case unterminatedQuote(line: Int)
        case strayQuote(line: Int)
        case cancelled
    }

    /// Decides the format from the header line: a tab means TSV.
    static func format(ofHeader header: Substring) -> Format {
        header.contains("\t") ? .tsv : .csv
    }

    static func records(_ bytes: [UInt8], format: Format) -> Result<[Record], Failure> {
        var records: [Record] = []
        var lineNumber = 1
        var start = 0
        // Skip a UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var index = start
        let cancel = Cancellation.duringLoad
        while start < bytes.count {
            if lineNumber & 0x1FFF == 0, cancel.isCancelled() { return .failure(.cancelled) }
            switch format {
            case .tsv:
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                var end = index
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                guard let text = String(validating: bytes[start..<end], as: UTF8.self) else {
                    return .failure(.invalidUTF8(line: lineNumber))
                }
                if !text.isEmpty {
                    let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
                    records.append(Record(line: lineNumber, cells: cells.map { $0.contains("\\") ? unescapeTSV($0) : String($0) }))
                }
                lineNumber += 1
                index += 1
                start = index
            case .csv:
                let first = lineNumber
                var cells: [String] = []
                var cell: [UInt8] = []
                var quoted = false
                var wasQuoted = false
                var i = start
                var done = false
                while i < bytes.count, !done {
                    let b = bytes[i]
                    if quoted {
                        if b == UInt8(ascii: "\"") {
                            if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                                cell.append(b)
                                i += 1
                            } else {
                                quoted = false
                            }
                        } else {
                            if b == UInt8(ascii: "\n") { lineNumber += 1 }
                            cell.append(b)
                        }
                    } else {
                        switch b {
                        case UInt8(ascii: "\""):
                            guard cell.isEmpty, !wasQuoted else { return .failure(.strayQuote(line: lineNumber)) }
                            quoted = true
                            wasQuoted = true
                        case UInt8(ascii: ","):
                            guard let text = String(validating: cell, as: UTF8.self) else {
                                return .failure(.invalidUTF8(line: lineNumber))
                            }
                            cells.append(text)
                            cell = []
                            wasQuoted = false
                        case UInt8(ascii: "\n"):
                            done = true
                        case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                            break
                        default:
                            if wasQuoted { return .failure(.strayQuote(line: lineNumber)) }
                            cell.append(b)
                        }
                    }
                    i += 1
                }
                if quoted { return .failure(.unterminatedQuote(line: first)) }
                guard let text = String(validating: cell, as: UTF8.self) else {
                    return .failure(.invalidUTF8(line: lineNumber))
                }
                cells.append(text)
                if !(cells.count == 1 && cells[0].isEmpty) {
                    records.append(Record(line: first, cells: cells))
                }
                lineNumber += 1
                start = i
            }
        }
        return .success(records)
    }

    /// A TSV cell as `export` escapes it: `\\` `\t` `\n` `\r` decoded, any other
    /// backslash kept as it is.
    static func unescapeTSV(_ cell: Substring) -> String {
        var out = ""
        var scalars = cell.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            guard s == "\\" else {
                out.unicodeScalars.append(s)
                continue
            }
            guard let next = scalars.next() else {
                out += "\\"
                break
            }
            switch next {
            case "\\": out += "\\"
            case "t": out += "\t"
            case "n": out += "\n"
            case "r": out += "\r"
            default:
                out += "\\"
                out.unicodeScalars.append(next)
            }
        }
        return out
    }
}
