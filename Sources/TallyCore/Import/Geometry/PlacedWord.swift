/// A word where it stands on its page. For a PDF the box is poppler's, in points from the
/// page's top left; for `pdftotext -layout` text it is in character cells, one text line one
/// unit of height. Geometry only: money is read from `text` later, exactly.
struct PlacedWord {
    var text: String
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    /// Set in `-layout` text's character cells (where a CJK glyph takes one cell as a digit does).
    var inCharacterCells = false

    var height: Double { bottom - top }
    var middle: Double { (top + bottom) / 2 }
    var centre: Double { (left + right) / 2 }

    func overlapsHorizontally(_ other: PlacedWord) -> Bool {
        left < other.right && other.left < right
    }
}

/// One visual line of a page, its words left to right.
struct WordLine {
    var page: Int
    /// The line's number for provenance: the text line for `-layout` text, the line of the
    /// document as tally lays a PDF out (counted over all pages) for a PDF.
    var number: Int
    var words: [PlacedWord]

    var top: Double { words.map(\.top).min() ?? 0 }
    var bottom: Double { words.map(\.bottom).max() ?? 0 }
    var middle: Double { (top + bottom) / 2 }
    /// The words with one space between them, as a person would read the line.
    var text: String { words.map(\.text).joined(separator: " ") }
    /// The words run together: titles and labels are matched without their spaces.
    var joined: String { words.map(\.text).joined() }
}

enum WordLines {
    /// Groups one page's words into lines: a word joins the line whose vertical middle is
    /// within 0.4 of the word's height (figures are often set in a taller box than the
    /// label beside them, so boxes alone do not say which line a word is on).
    static func group(_ words: [PlacedWord], page: Int, firstNumber: Int) -> [WordLine] {
        let sorted = words.sorted { $0.middle < $1.middle || ($0.middle == $1.middle && $0.left < $1.left) }
        var lines: [[PlacedWord]] = []
        var middles: [Double] = []
        for word in sorted {
            if let last = middles.last, abs(word.middle - last) <= 0.4 * max(word.height, 1) {
                lines[lines.count - 1].append(word)
                let n = Double(lines[lines.count - 1].count)
                middles[middles.count - 1] = last + (word.middle - last) / n
            } else {
                lines.append([word])
                middles.append(word.middle)
            }
        }
        return lines.enumerated().map { i, words in
            WordLine(page: page, number: firstNumber + i, words: words.sorted { $0.left < $1.left })
        }
    }
}
