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
    /// A PDF, read through poppler's word boxes.
    case pdf
    /// Plain `pdftotext` (no `-layout`): one cell a line in reading order. Tables cannot be
    /// rebuilt from it reliably, so it is refused with advice, never guessed at.
    case plainText = "pdftotext-plain"
}

enum DocumentText {
    static func lines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if isRule(line) { line = "" }
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

    /// A rule drawn with characters (`------`, `======`, `───┼───`, `+----+`) between a
    /// fixed-pitch report's header and body: no cell, and no header word either, so read as
    /// the blank line it stands for. Three characters at least: a lone `-` or `——` is an
    /// empty cell's mark.
    static func isRule(_ text: some StringProtocol) -> Bool {
        var count = 0
        for u in text.unicodeScalars where u != " " && u != "\u{3000}" {
            guard ruleCharacters.contains(u) || (0x2500...0x257F).contains(u.value) else { return false }
            count += 1
        }
        return count >= 3
    }

    private static let ruleCharacters: Set<Unicode.Scalar> = ["-", "=", "_", "+", "~", "—", "―", "－", "＝", "＿", "～"]

    static func layout(of lines: [SourceLine], text: String) -> Layout {
        let tabbed = lines.filter { $0.cells.count >= 3 }.count
        let raw = lines.map(\.text)
        if tabbed >= 10 {
            let markdown = text.contains("\n# ") || text.hasPrefix("# ") || text.contains("\n## ") || text.contains("<b>")
            return markdown ? .markdown : .tsv
        }
        // pdftotext -layout lines up columns with runs of spaces between figures
        // (`行政运行    1,000.00     1,000.00`) and splits codes (`208   05   01`).
        let aligned = raw.filter(isColumnAligned).count
        let nonEmpty = max(1, raw.filter { !$0.isEmpty }.count)
        let spaced = raw.filter { $0.contains(/\S {3,}\S/) }.count
        let pages = text.utf8.contains(0x0C)
        if aligned >= 5 || spaced * 5 >= nonEmpty || (pages && spaced * 10 >= nonEmpty) { return .layoutText }
        // Plain pdftotext: figures alone on their lines, far more often than beside a label.
        let lone = raw.filter { FigureText.isMarkedFigure($0) }.count
        let beside = raw.filter { line in !FigureText.isMarkedFigure(line) && line.split(separator: " ").contains { FigureText.isMarkedFigure(String($0)) } }.count
        if lone >= 10, lone > beside { return .plainText }
        return .pdfText
    }

    /// A line whose figures are lined up in columns (`1.00     2.00`) or whose code is split
    /// into 类/款/项 columns (`208   05   01`): pdftotext -layout's signature.
    static func isColumnAligned(_ line: String) -> Bool {
        let b = Array(line.utf8)
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 48 && b[i] <= 57 }
        var i = 0
        while i < b.count, b[i] == 32 { i += 1 }
        // `208  05`: three digits, two or more spaces, two digits, two or more spaces.
        if digit(i), digit(i + 1), digit(i + 2), i + 3 < b.count, b[i + 3] == 32 {
            var j = i + 3
            while j < b.count, b[j] == 32 { j += 1 }
            if j - (i + 3) >= 2, digit(j), digit(j + 1), j + 2 < b.count, b[j + 2] == 32 { return true }
        }
        // `1.00     2.00`: a decimal's last two digits, three or more spaces, a digit or minus.
        var k = 2
        while k < b.count {
            if b[k] == 32, digit(k - 1), digit(k - 2), k >= 3, b[k - 3] == UInt8(ascii: ".") {
                var j = k
                while j < b.count, b[j] == 32 { j += 1 }
                if j - k >= 3, j < b.count, digit(j) || b[j] == UInt8(ascii: "-") { return true }
                k = j
            } else {
                k += 1
            }
        }
        return false
    }

    /// Removes markup the converters leave (`<b>`, `<p>`, `<br>`, Markdown `#` headings),
    /// and the spaces a wrapped Chinese name picks up (`管理 事务` → `管理事务`).
    static func clean(_ text: String, joinWraps: Bool = true) -> String {
        var s = text
        // Most lines carry no markup; look before replacing (this runs on every cell).
        if s.utf8.contains(UInt8(ascii: "<")) {
            for tag in ["<b>", "</b>", "<p>", "</p>", "<br>", "<br/>", "<br />", "<strong>", "</strong>"] where s.contains(tag) {
                s = s.replacingAll(tag, with: "")
            }
        }
        if let first = s.utf8.first, let last = s.utf8.last,
            first == UInt8(ascii: " ") || last == UInt8(ascii: " ") || first >= 0x80 || last >= 0x80
        {
            s = s.trimmingCharacters(in: " \u{3000}\u{A0}")
        }
        if s.utf8.first == UInt8(ascii: "#") {
            while s.hasPrefix("#") { s.removeFirst() }
            s = s.trimmingCharacters(in: " ")
        }
        return joinWraps && s.utf8.contains(UInt8(ascii: " ")) ? joinWrappedCJK(s) : s
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

    /// A code printed with its 类, 款 and 项 set apart by dots (`201.01.01` → `2010101`), the
    /// way some templates print the subject catalogue. `201.01` reads like a figure with two
    /// decimals, so it is a code only where `beforeName` says a name follows it.
    static func dottedCode(_ text: some StringProtocol, beforeName: Bool) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].utf8.count == 3,
            parts.dropFirst().allSatisfy({ $0.utf8.count == 2 }),
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
            parts.count == 3 || beforeName
        else { return nil }
        return parts.joined()
    }

    /// Whether `text` begins with a CJK glyph (a row's name, not a figure).
    static func beginsName(_ text: some StringProtocol) -> Bool {
        guard let first = text.first else { return false }
        return isCJK(first)
    }
}
