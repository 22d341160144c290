/// A number stamped over a page's table — a seal's year (`2025` in 14 pt over 9 pt figures),
/// a date (`2025.01.15`) — stands where a cell's figure could, but it is set in a size the
/// table's figures are not: its glyphs are much wider and its box much higher (or both much
/// smaller) than the page's figures'. Such a number is left out, named in the report, and
/// never read as a figure.
///
/// Both measures must disagree: some generators give each figure the box of its whole cell,
/// so a figure's box can be twice its neighbour's height (a row with a wrapped name) while
/// its glyphs are the table's size; and a bold 合计 row is a little larger, not half again.
enum StampedNumbers {
    /// How much larger (or smaller) both a number's glyphs and its box must be than the
    /// page's figures' to be a stamp.
    static let sizeRatio = 1.4
    static let heightRatio = 1.3
    /// A page with fewer numbers than this has no table body to compare with (a cover).
    static let minimumFigures = 8

    /// The usual glyph size and box height of a set of words' numbers, when there are enough.
    struct Body { var size: Double; var height: Double }

    static func body(_ words: [PlacedWord]) -> Body? {
        let numbers = words.filter { isNumber($0.text) }
        guard numbers.count >= minimumFigures else { return nil }
        func median(_ values: [Double]) -> Double { let s = values.sorted(); return s[s.count / 2] }
        let body = Body(size: median(numbers.map(glyphSize)), height: median(numbers.map(\.height)))
        return body.size > 0 && body.height > 0 ? body : nil
    }

    /// The page's words less stamped numbers, and the numbers left out. A page with too few
    /// numbers of its own (a 三公 table's one row) is measured against the document's figures,
    /// if it has a table's figures at all (a cover's large year is no stamp).
    static func split(_ words: [PlacedWord], document: Body?) -> (kept: [PlacedWord], stamps: [PlacedWord]) {
        let numbers = words.indices.filter { isNumber(words[$0].text) }
        let marked = numbers.filter { FigureText.isMarkedFigure(words[$0].text) }.count
        guard let body = Self.body(words) ?? (marked >= 2 ? document : nil) else { return (words, []) }
        let top = words.map(\.top).min() ?? 0, bottom = words.map(\.bottom).max() ?? 0
        var stamped = Set<Int>()
        for i in numbers {
            let w = words[i]
            let (s, h) = (glyphSize(w) / body.size, w.height / body.height)
            guard (s >= sizeRatio && h >= heightRatio) || (s <= 1 / sizeRatio && h <= 1 / heightRatio) else { continue }
            // A page's number stands above or below all else on it; a year in a title set large
            // (`2025 年部门收支总表`) is a word of a line of its size.
            if w.top <= top || w.bottom >= bottom, TableReader.isPageNumber(w.text) { continue }
            if words.indices.contains(where: { $0 != i && inLine(words[$0], with: w) }) { continue }
            stamped.insert(i)
        }
        guard !stamped.isEmpty else { return (words, []) }
        return (words.indices.filter { !stamped.contains($0) }.map { words[$0] }, stamped.sorted().map { words[$0] })
    }

    /// Whether a word is set beside the number as the next word of its line: as high, its
    /// middle level with the number's, and near it.
    static func inLine(_ other: PlacedWord, with number: PlacedWord) -> Bool {
        let h = number.height
        guard other.height > h / 1.2, other.height < h * 1.2, abs(other.middle - number.middle) < h / 2 else { return false }
        let gap = max(other.left - number.right, number.left - other.right)
        return gap < 2 * h
    }

    /// A figure as a table prints it, or a date or number that could be taken for one.
    static func isNumber(_ text: String) -> Bool {
        switch FigureText.read(text) {
        case .figure, .unreadable: return text.utf8.contains { $0 >= 48 && $0 <= 57 }
        default: return false
        }
    }

    /// The font size the word's width implies: digits are half an em wide, separators a
    /// quarter, in the fonts tables are set in (other characters a whole em).
    static func glyphSize(_ word: PlacedWord) -> Double {
        var ems = 0.0
        for c in word.text.unicodeScalars {
            switch c {
            case "0"..."9": ems += 0.5
            case ",", ".", ":", "/": ems += 0.25
            case "-", "(", ")": ems += 0.33
            default: ems += 1
            }
        }
        return ems > 0 ? (word.right - word.left) / ems : 0
    }
}
