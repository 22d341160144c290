/// Figures whose thousands are set apart by a space, not a comma (`116 969 700.00`, the
/// SI style some offices' templates use): poppler and `-layout` text give each group as a
/// word, and read apart they are three figures in three columns. A group of one to three
/// digits followed at a space's width by groups of exactly three is one figure where that
/// cannot be two: the last group carries the decimals, or there are three groups or more.
/// Where only two integer groups stand a space apart (`361 500`), they are joined only in a
/// document that shows the convention elsewhere, since a narrow table's two counts look alike.
enum SpacedThousands {
    static func join(_ lines: [WordLine]) -> [WordLine] {
        var sure = false
        var candidates = false
        for line in lines {
            for run in runs(line) {
                candidates = true
                if run.certain { sure = true; break }
            }
            if sure { break }
        }
        guard candidates else { return lines }
        return lines.map { line in
            let found = runs(line).filter { $0.certain || sure }
            guard !found.isEmpty else { return line }
            var words: [PlacedWord] = []
            var i = 0
            var next = 0
            while i < line.words.count {
                if next < found.count, found[next].start == i {
                    let run = line.words[found[next].start...found[next].end]
                    let first = run[run.startIndex], last = run[run.endIndex - 1]
                    // (Joined with commas: a figure with its thousands marked, as every later
                    // stage reads one, whole 元 too, never a code.)
                    words.append(PlacedWord(text: run.map(\.text).joined(separator: ","), left: first.left, right: last.right,
                                            top: run.reduce(first.top) { min($0, $1.top) }, bottom: run.reduce(first.bottom) { max($0, $1.bottom) },
                                            inCharacterCells: first.inCharacterCells))
                    i = found[next].end + 1
                    next += 1
                } else {
                    words.append(line.words[i])
                    i += 1
                }
            }
            return WordLine(page: line.page, number: line.number, words: words)
        }
    }

    struct Run { var start: Int; var end: Int; var certain: Bool }

    /// The line's runs of a leading group and following three-digit groups, a space apart.
    static func runs(_ line: WordLine) -> [Run] {
        var out: [Run] = []
        let words = line.words
        var i = 0
        while i < words.count {
            guard isLeadingGroup(words[i].text) else { i += 1; continue }
            var end = i
            while end + 1 < words.count, !hasFraction(words[end].text), isFollowingGroup(words[end + 1].text),
                spaceApart(words[end], words[end + 1])
            {
                end += 1
            }
            if end > i {
                out.append(Run(start: i, end: end, certain: hasFraction(words[end].text) || end - i >= 2))
            }
            i = end + 1
        }
        return out
    }

    /// `1`, `116`, `-8`: one to three digits, a minus before them at most.
    static func isLeadingGroup(_ text: String) -> Bool {
        var digits = Substring(text)
        if let first = digits.unicodeScalars.first, first == "-" || first == "\u{2212}" { digits = digits.dropFirst() }
        return (1...3).contains(digits.utf8.count) && digits.utf8.allSatisfy(isDigit)
    }

    /// `969`, `700.00`: three digits, the figure's decimals after them at most.
    static func isFollowingGroup(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 3, b[0..<3].allSatisfy(isDigit) else { return false }
        if b.count == 3 { return true }
        return b[3] == UInt8(ascii: ".") && b.count > 4 && b[4...].allSatisfy(isDigit)
    }

    static func hasFraction(_ text: String) -> Bool { text.utf8.contains(UInt8(ascii: ".")) }

    /// One space between: a character cell in `-layout` text; in a PDF, less than 0.8 of the
    /// digits' height (a proportional font's word space is a quarter of it, a fixed-pitch
    /// font's 0.6; a column's gap is wider than either).
    static func spaceApart(_ a: PlacedWord, _ b: PlacedWord) -> Bool {
        let gap = b.left - a.right
        if a.inCharacterCells { return gap <= 1.01 }
        return gap >= -0.5 && gap < 0.8 * max(min(a.height, b.height), 1)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
