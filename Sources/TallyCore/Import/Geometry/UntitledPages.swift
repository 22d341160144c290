/// A page that goes on with a table, untitled, belongs to the table whose header it repeats.
/// Read in order it belongs to the table open before it, which is usually the same; but
/// where tables stand side by side on a sheet and the left one runs longer, its next page
/// follows the right-hand table's title, and where a 2-up sheet sets a table beside the one
/// before it, its page going on follows that one. Such a page is moved to the nearest earlier
/// table whose first page has the same header, when the open table's is another.
enum UntitledPages {
    /// One table's share of the document: its title's line and its lines, by index.
    struct Span {
        var titleLine: Int
        var title: TableTitle
        var lines: [Int]
    }

    static func assign(_ spans: inout [Span], _ lines: [WordLine]) {
        guard spans.count >= 2 else { return }
        let own = spans.map { span in pages(span.lines, lines).first.flatMap { header($0, lines) } }
        for k in spans.indices.dropFirst() {
            for page in pages(spans[k].lines, lines).dropFirst() {
                // The table whose first page has this header, else one whose first page's
                // header has these words and more; the open one first among the latter.
                guard let repeated = header(page, lines), repeated != own[k],
                    let j = (0..<k).last(where: { own[$0] == repeated })
                        ?? (within(repeated, own[k]) ? nil : (0..<k).last(where: { within(repeated, own[$0]) }))
                else { continue }
                let moved = Set(page)
                spans[k].lines.removeAll { moved.contains($0) }
                spans[j].lines = (spans[j].lines + page).sorted()
            }
        }
    }

    /// A span's lines page by page, in order.
    static func pages(_ indices: [Int], _ lines: [WordLine]) -> [[Int]] {
        var out: [[Int]] = []
        for i in indices {
            if let last = out.last?.last, lines[last].page == lines[i].page { out[out.count - 1].append(i) } else { out.append([i]) }
        }
        return out
    }

    /// The words of a page's header, the lines over its first with two figures (a unit's
    /// statement left out, as a table's first page states it and its pages going on may not),
    /// if they name a table's label column.
    static func header(_ page: [Int], _ lines: [WordLine]) -> Set<String>? {
        let words = page.prefix { lines[$0].words.lazy.filter { FigureText.isFigure($0.text) }.prefix(2).count < 2 }
            .filter { Vocabulary.unitStatement(in: lines[$0].joined) == nil }
            .flatMap { lines[$0].words.map(\.text) }
        guard words.contains(where: { w in Vocabulary.labelHeaderWords.contains { $0.count > 1 && w.contains(utf8: $0) } }) else { return nil }
        return Set(words)
    }

    /// Whether a page's header repeats a first page's with words fewer: a first page's
    /// header may take a word of the table set beside it (a 三公 table's 合计), its table's
    /// number (公开05表) or an empty table's statement. At least three words, so no bare label
    /// matches. (Headers are compared as sets of words: `-layout` text sets a wrapped name's
    /// parts on other lines from page to page.)
    static func within(_ repeated: Set<String>, _ first: Set<String>?) -> Bool {
        guard let first else { return false }
        return repeated.count >= 3 && repeated.isSubset(of: first)
    }
}
