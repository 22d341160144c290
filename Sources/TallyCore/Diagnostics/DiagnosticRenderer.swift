/// The one place diagnostics become text:
///
///     script.tq:3:17: error: unknown field `dpt`
///       | sum 2080* where dpt=綦江
///       |                 ^^^
///     help: did you mean `dept`?
///
/// The caret is placed by terminal display width, so Chinese text before the
/// offending token (two cells a character) does not shift it.
public struct DiagnosticRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let sourceLines = diagnostic.source.isEmpty ? [] : splitLines(diagnostic.source)
        let position = diagnostic.range.map { locate($0.start, in: sourceLines) }

        // An origin without a name (a `-c` statement, a line typed at the prompt) needs no prefix.
        if let origin = diagnostic.origin, !origin.name.isEmpty {
            out += origin.name
            if let position {
                out += ":\(origin.firstLine + position.line):\(position.column + 1)"
            } else if origin.firstLine > 0 {
                out += ":\(origin.firstLine)"
            }
            if origin.page > 0 { out += " (page \(origin.page))" }
            out += ": "
        }
        out += paint(diagnostic.severity.rawValue + ":", diagnostic.severity == .error ? "31" : "33")
        out += " " + TerminalText.escaped(diagnostic.message, keepingTabs: true) + "\n"

        if let range = diagnostic.range, !sourceLines.isEmpty, let position {
            let line = sourceLines[position.line]
            let lineText = String(decoding: line.bytes, as: UTF8.self)
            out += "  | " + printable(lineText) + "\n"
            // Underline from the start to the end of the range, clipped to this line.
            let startInLine = range.start - line.offset
            let endInLine = min(range.end, line.offset + line.bytes.count) - line.offset
            let before = prefixText(line.bytes, upTo: startInLine)
            let covered = sliceText(line.bytes, from: startInLine, to: max(startInLine, endInLine))
            let pad = String(repeating: " ", count: DisplayWidth.of(printable(before)))
            let marks = String(repeating: "^", count: max(1, DisplayWidth.of(printable(covered))))
            out += "  | " + pad + paint(marks, "31") + "\n"
        } else if !sourceLines.isEmpty, diagnostic.origin == nil || diagnostic.range != nil {
            out += "  | " + printable(String(decoding: sourceLines[0].bytes, as: UTF8.self)) + "\n"
        }
        if let help = diagnostic.help {
            out += paint("help:", "36") + " " + TerminalText.escaped(help, keepingTabs: true) + "\n"
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private struct Line {
        var offset: Int
        var bytes: ArraySlice<UInt8>
    }

    private func splitLines(_ text: String) -> [Line] {
        let bytes = Array(text.utf8)
        var lines: [Line] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            lines.append(Line(offset: start, bytes: bytes[start..<i]))
            start = i + 1
        }
        lines.append(Line(offset: start, bytes: bytes[start..<bytes.count]))
        return lines
    }

    /// 0-based line index and 0-based character column of a byte offset.
    private func locate(_ offset: Int, in lines: [Line]) -> (line: Int, column: Int) {
        var index = 0
        for (i, line) in lines.enumerated() where line.offset <= offset { index = i }
        let line = lines[index]
        let prefix = prefixText(line.bytes, upTo: offset - line.offset)
        return (index, prefix.count)
    }

    private func prefixText(_ bytes: ArraySlice<UInt8>, upTo count: Int) -> String {
        sliceText(bytes, from: 0, to: count)
    }

    /// Decodes a byte slice of a line, widening the cut outwards so a UTF-8 sequence is never split.
    private func sliceText(_ bytes: ArraySlice<UInt8>, from: Int, to: Int) -> String {
        let base = bytes.startIndex
        var lo = base + min(max(0, from), bytes.count)
        var hi = base + min(max(0, to), bytes.count)
        while lo > base, lo < bytes.endIndex, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
        while hi < bytes.endIndex, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Tabs and control characters would move the caret; show them as one visible cell.
    private func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == "\t" ? " " : (TerminalText.isControl(scalar) ? "?" : scalar)
        }))
    }
}
