/// A sheet that holds two pages' worth side by side: a document printed 2-up (two pages
/// scaled onto one landscape sheet), or a landscape page with two tables beside each other,
/// each under its own title. Poppler gives one line across both halves wherever their rows
/// stand level, so the halves are read as pages of their own, left before right.
///
/// The halves are told by a gutter down the middle of the sheet that no word crosses, with
/// a table on each side: a title over its middle, or rows of a label and figures. A table's
/// own columns can leave a gutter too (short names, then figures), but the side right of it
/// then holds figures and headers only, and the title, if on it, near its edge.
enum SheetParts {
    /// No sheet holds more parts than this (2-up of pages with two tables each).
    static let mostParts = 4

    /// Each sheet's parts. In a document printed 2-up (most sheets with a table on each
    /// side), a sheet without tables (its cover, its notes) is two pages as well wherever a
    /// gutter runs down its middle.
    static func split(_ sheets: [(page: Int, words: [PlacedWord])]) -> [(page: Int, parts: [[PlacedWord]])] {
        var parts = sheets.map { (page: $0.page, parts: split($0.words, needsTables: true)) }
        let twoUp = parts.filter { $0.parts.count > 1 }.count
        guard twoUp >= 2, twoUp * 2 >= sheets.count else { return parts }
        for i in parts.indices where parts[i].parts.count == 1 {
            parts[i].parts = split(sheets[i].words, needsTables: false)
        }
        return parts
    }

    static func split(_ words: [PlacedWord], needsTables: Bool) -> [[PlacedWord]] {
        var parts = [words]
        var i = 0
        while i < parts.count, parts.count < mostParts {
            if let (left, right) = halves(parts[i], needsTables: needsTables) {
                parts.replaceSubrange(i...i, with: [left, right])
            } else {
                i += 1
            }
        }
        return parts
    }

    static func halves(_ words: [PlacedWord], needsTables: Bool) -> ([PlacedWord], [PlacedWord])? {
        guard words.count >= (needsTables ? 20 : 2), let x = gutter(words) else { return nil }
        let left = words.filter { $0.centre < x }, right = words.filter { $0.centre >= x }
        guard !left.isEmpty, !right.isEmpty, !needsTables || (holdsTable(left) && holdsTable(right)) else { return nil }
        return (left, right)
    }

    /// The middle of the widest stretch no word covers in the middle 40% of the words' span,
    /// if it is wider than a glyph and a half.
    static func gutter(_ words: [PlacedWord]) -> Double? {
        guard let start = words.map(\.left).min(), let end = words.map(\.right).max(), end > start else { return nil }
        let heights = words.map(\.height).sorted()
        let glyph = heights[heights.count / 2]
        let from = start + 0.3 * (end - start), to = start + 0.7 * (end - start)
        var best: (x: Double, width: Double)?
        var reached = from
        for w in words.sorted(by: { $0.left < $1.left }) where w.right > from {
            if w.left > reached {
                let gapEnd = min(w.left, to)
                if gapEnd > reached, best.map({ gapEnd - reached > $0.width }) ?? true {
                    best = ((reached + gapEnd) / 2, gapEnd - reached)
                }
            }
            reached = max(reached, w.right)
            if reached >= to { break }
        }
        if reached < to, best.map({ to - reached > $0.width }) ?? true {
            // (Nothing reaches the window's end: the gap runs on past it.)
            best = ((reached + to) / 2, to - reached)
        }
        guard let best, best.width >= 1.5 * glyph else { return nil }
        return best.x
    }

    /// Whether one side's words make a table: a table's title set over the side's middle
    /// (a title over the whole table, short and off to one side of a gutter in its columns,
    /// stands near that side's edge), or three rows that begin with a label or code and hold
    /// a figure (the side right of a gutter in a table's columns holds figures first).
    static func holdsTable(_ words: [PlacedWord]) -> Bool {
        guard let start = words.map(\.left).min(), let end = words.map(\.right).max() else { return false }
        let lines = WordLines.group(words, page: 0, firstNumber: 0)
        let middle = (start + 0.25 * (end - start))...(start + 0.75 * (end - start))
        if lines.contains(where: { line in
            let centre = (line.words.map(\.left).min()! + line.words.map(\.right).max()!) / 2
            return middle.contains(centre) && TableTitle.recognise(line.joined) != nil
        }) {
            return true
        }
        let rows = lines.filter { line in
            // (A label or code: a blank cell's `-` before a figure begins no row.)
            guard let first = line.words.first, DocumentText.beginsName(first.text) || CodeWords.startsWithCode(line.words) else { return false }
            return line.words.contains { FigureText.isMarkedFigure($0.text) }
        }
        return rows.count >= 3
    }
}
