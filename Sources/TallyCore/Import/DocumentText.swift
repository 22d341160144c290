/// A disclosure's text as lines, with markup removed and cells split, each keeping its
/// line number for provenance.
struct SourceLine {
    var number: Int
    /// The line without markup, trimmed.
    var text: String
    /// Tab-separated cells (TSV and Markdown layouts), trimmed and cleaned; one cell otherwise.
    var cells: [String]
}

/// The three shapes converters give the same tables (§1), and `pdftotext -layout`.
enum Layout: String {
    /// Space-separated; titles after rows; empty cells vanish.
    case pdfText = "pdf-text"
    /// Tab-separated cells, empty cells kept; titles before tables.
    case tsv
    /// `#` headings, tab-separated rows, `<b>` markup.
    case markdown
    /// `pdftotext -layout`: columns lined up with runs of spaces.
    case layoutText = "pdftotext-layout"
}

enum DocumentText {
    static func lines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            // A space inside a tab-separated cell is a wrap (`管理 事务支出`); in space-separated
            // text it separates cells, so it stays.
            let tabbed = line.contains("\t")
            let cells = tabbed
                ? line.split(separator: "\t", omittingEmptySubsequences: false).map { clean(String($0)) }
                : [clean(line, joinWraps: false)]
            out.append(SourceLine(number: i + 1, text: clean(line.replacingAll("\t", with: " "), joinWraps: tabbed), cells: cells))
        }
        return out
    }

    static func layout(of lines: [SourceLine], text: String) -> Layout {
        let tabbed = lines.filter { $0.cells.count >= 3 }.count
        let raw = lines.map(\.text)
        if tabbed >= 10 {
            let markdown = text.contains("\n# ") || text.hasPrefix("# ") || text.contains("\n## ") || text.contains("<b>")
            return markdown ? .markdown : .tsv
        }
        // pdftotext -layout lines up columns with runs of spaces between figures
        // (`行政运行    1,000.00     1,000.00`) and splits codes (`208   05   01`).
        let aligned = raw.filter { line in
            line.contains(/\d\.\d\d {3,}-?\d/) || line.contains(/^\s*\d{3} {2,}\d{2}( {2,}\d{2})? {2,}\S/)
        }.count
        return aligned >= 5 ? .layoutText : .pdfText
    }

    /// Removes markup the converters leave (`<b>`, `<p>`, `<br>`, Markdown `#` headings),
    /// and the spaces a wrapped Chinese name picks up (`管理 事务` → `管理事务`).
    static func clean(_ text: String, joinWraps: Bool = true) -> String {
        var s = text
        for tag in ["<b>", "</b>", "<p>", "</p>", "<br>", "<br/>", "<br />", "<strong>", "</strong>"] {
            s = s.replacingAll(tag, with: "")
        }
        s = s.trimmingCharacters(in: " \u{3000}\u{A0}")
        while s.hasPrefix("#") { s.removeFirst() }
        s = s.trimmingCharacters(in: " ")
        return joinWraps ? joinWrappedCJK(s) : s
    }

    /// Drops a space that sits between two CJK characters (or CJK and CJK punctuation).
    static func joinWrappedCJK(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == " ", i > 0, i + 1 < chars.count, isCJK(chars[i - 1]), isCJK(chars[i + 1]) { continue }
            out.append(c)
        }
        return out
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3000...0x303F).contains(v) || (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xFF00...0xFFEF).contains(v) || v == 0x201C || v == 0x201D
    }

    static func containsFigure(_ text: String) -> Bool {
        text.split(separator: " ").contains { isFigure($0) }
    }

    /// `1,234.56`, `0.00`, `-5.00`: a published amount (two decimals, or a plain integer in 元 tables).
    static func isFigure(_ token: Substring) -> Bool {
        guard let last = token.last, last.isNumber, let first = token.first,
            first.isNumber || first == "-"
        else { return false }
        return token.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" } && token.contains(".")
    }

    /// A classification code as printed: 3, 5 or 7 digits.
    static func isCode(_ text: Substring) -> Bool {
        (text.count == 3 || text.count == 5 || text.count == 7) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
