/// A document's running heads and feet: a short line set at the top or foot of most pages
/// (`2020年部门决算`, `上海市某某局 2025年部门预算`), printed over tables and prose alike. It is
/// page furniture, not part of the table it stands over: left in, it hides a table's header
/// printed again below it on a page the table goes on over. A line is one when the same
/// text heads (or ends) at least three pages and half of the pages with text, holds no
/// figure, title or unit, is narrow beside the page's text — a table's header printed again
/// atop each page spans the table — and stands on a page with a table's title too (a head is
/// printed over every kind of page; a header's top line, atop the pages a table goes on
/// over, is not the top line of the table's titled first page).
enum RunningHeads {
    static func removed(from lines: [WordLine]) -> [WordLine] {
        var pages: [Int: Range<Int>] = [:]
        for (i, line) in lines.enumerated() {
            pages[line.page] = pages[line.page].map { $0.lowerBound..<(i + 1) } ?? i..<(i + 1)
        }
        guard pages.count >= 3 else { return lines }
        // Each page's first and last line that is not its page number.
        var edges: [String: [Int]] = [:]
        for range in pages.values {
            let kept = range.filter { !TableReader.isPageNumber(lines[$0].joined) }
            for i in Set([kept.first, kept.last].compactMap { $0 }) { edges[lines[i].joined, default: []].append(i) }
        }
        let titled = Set(lines.filter { TableTitle.recognise($0.joined) != nil }.map(\.page))
        var drop = Set<Int>()
        for (text, at) in edges where at.count >= 3 && at.count * 2 >= pages.count && isFurniture(text, at.map { lines[$0] })
            && at.contains(where: { titled.contains(lines[$0].page) })
        {
            for i in at where isNarrow(lines[i], on: pages[lines[i].page].map { Array(lines[$0]) } ?? []) { drop.insert(i) }
        }
        return drop.isEmpty ? lines : lines.indices.filter { !drop.contains($0) }.map { lines[$0] }
    }

    static func isFurniture(_ text: String, _ lines: [WordLine]) -> Bool {
        !text.isEmpty && TableTitle.recognise(text) == nil && Vocabulary.unitStatement(in: text) == nil
            && Vocabulary.unitName(in: text) == nil
            && !lines.contains { $0.words.contains { FigureText.isMarkedFigure($0.text) } }
    }

    static func isNarrow(_ line: WordLine, on page: [WordLine]) -> Bool {
        let left = page.flatMap { $0.words.map(\.left) }.min() ?? 0
        let right = page.flatMap { $0.words.map(\.right) }.max() ?? 0
        let width = (line.words.map(\.right).max() ?? 0) - (line.words.map(\.left).min() ?? 0)
        return width * 2 < right - left
    }
}
