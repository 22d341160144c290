/// Text from `pdftotext -layout`: poppler has already set each word at its column with
/// spaces, so a word's character offset stands in for its position on the page. Pages are
/// separated by form feeds.
enum LayoutTextWords {
    static func lines(_ lines: [SourceLine], raw: [Substring]) -> [WordLine] {
        var out: [WordLine] = []
        var page = 1
        for (i, text) in raw.enumerated() {
            var offset = 0.0
            var words: [PlacedWord] = []
            var current = ""
            var start = 0.0
            func flush() {
                // A rule (`-----`) marks no cell; as a word it would be a header spanning all.
                if !current.isEmpty, !DocumentText.isRule(current) {
                    words.append(PlacedWord(text: current, left: start, right: offset, top: Double(i), bottom: Double(i) + 1, inCharacterCells: true))
                }
                current = ""
            }
            for c in text {
                if c == "\u{0C}" {
                    page += 1
                    continue
                }
                if c == " " || c == "\t" || c == "\r" || c == "\u{3000}" {
                    flush()
                } else {
                    if current.isEmpty { start = offset }
                    current.append(c)
                }
                offset += 1
            }
            flush()
            let number = i < lines.count ? lines[i].number : i + 1
            out.append(WordLine(page: page, number: number, words: words))
        }
        return sheetParts(out)
    }

    /// Pages holding two pages' worth side by side (SheetParts) as pages of their own, each
    /// line cut at the gutter and keeping its number, the left part's lines first.
    static func sheetParts(_ lines: [WordLine]) -> [WordLine] {
        var order: [Int] = []
        var byPage: [Int: [WordLine]] = [:]
        for line in lines {
            if byPage[line.page] == nil { order.append(line.page) }
            byPage[line.page, default: []].append(line)
        }
        let cuts = SheetParts.cuts(order.map { (page: $0, words: (byPage[$0] ?? []).flatMap(\.words)) })
        guard !cuts.isEmpty else { return lines }
        var out: [WordLine] = []
        for (sheet, k, number) in SheetParts.parts(of: order, cuts: cuts) {
            let sheetCuts = cuts[sheet] ?? []
            for line in byPage[sheet] ?? [] {
                let words = line.words.filter { SheetParts.part($0, cuts: sheetCuts) == k }
                if k == 0 || !words.isEmpty { out.append(WordLine(page: number, number: line.number, words: words)) }
            }
        }
        return out
    }
}
