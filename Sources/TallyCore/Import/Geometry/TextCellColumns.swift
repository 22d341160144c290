/// Which column a figure of `pdftotext -layout` text stands under.
///
/// poppler sets each word at the character cell its left edge falls in, counting the glyphs
/// of the words set left of it one cell each, CJK or not: a figure that begins under a header
/// begins at the cell of the header's glyph above that point. But a CJK glyph is about two
/// digits wide on the page, so a run of figures drifts right of the header above it (the
/// digits take more cells than the header's glyphs over the same width): a narrow header's
/// figure can reach far past it, under the next column's header — a right edge says little.
/// The left edge says more:
/// - a figure whose left edge is under a column's header (any line of it) is that column's;
/// - one that begins in the gap between two headers is either wider than the header on its
///   right (it then reaches past that header's end: right-aligned in a cell wider than its
///   header) or its left neighbour's, pushed right by the figures before it (it then ends
///   before the right header does) — but where the right header is packed against the left
///   one (`财政拨款收入 上级补助收入`, one space apart), set left of its place, reaching past it
///   says nothing, and the figure may stand under either;
/// - one that ends where the right header ends cannot be told, and is said so.
extension ColumnGrid {
    /// Why a figure's column cannot be read, where `figureColumn` reads it by these rules,
    /// and the columns it may stand under (for other tables of the document to decide).
    func textCellDoubt(of word: PlacedWord) -> (why: String, either: [Int])? {
        guard inCharacterCells, alignment == .right, learnt == nil || word.left < labelsEnd, !isRowNumber(word) else { return nil }
        let reading = textCellColumn(of: word)
        return reading.doubt.map { ($0, reading.either) }
    }

    func textCellColumn(of word: PlacedWord) -> (column: Int?, doubt: String?, either: [Int]) {
        func name(_ c: Int) -> String { columns[c].slot.header.isEmpty ? columns[c].texts.joined() : columns[c].slot.header }
        let spans = figureColumns.map { (column: $0, span: columns[$0].own) }
        guard let last = spans.last, word.right > labelsEnd else { return (nil, nil, []) }
        if let at = spans.lastIndex(where: { $0.span.left <= word.left && word.left < $0.span.right }) {
            // Begun under a header: its own, unless the figure is too wide for it — its digits
            // (half a glyph each on the page) reach past the next header's start, and its cells
            // past that header's end: a figure wider than its cell, right-aligned under its
            // neighbour's name and spilling to the left. (Figures drifting right reach into
            // the next name, not past it.)
            if at + 1 < spans.count, word.right > spans[at + 1].span.right {
                return (spans[at + 1].column, nil, [])
            }
            // A name packed against its left neighbour's stands left of its place on the
            // page: its own figures begin past it, and one that begins under it may be its
            // neighbour's, drifted right as far as the digits before it pushed it.
            if at > 0, columns[spans[at].column].ownPacked {
                return (nil, "figure \(word.text) begins under \(name(spans[at].column)), a name set close against \(name(spans[at - 1].column)): it may stand under either",
                        [spans[at - 1].column, spans[at].column])
            }
            return (spans[at].column, nil, [])
        }
        guard let next = spans.first(where: { $0.span.left > word.left }) else { return (last.column, nil, []) }
        // Left of every header: the first column's if it reaches under that header (a figure
        // wider than its cell); one that ends before it (a year in a line of text) is no figure.
        guard let before = spans.last(where: { $0.span.right <= word.left }) else {
            return word.right >= next.span.left ? (next.column, nil, []) : (nil, nil, [])
        }
        // Past the end of the right header's name: a figure wider than it — unless that name
        // is packed against the left one (set left of its place on the page: the left one's
        // figure, drifted right, reaches past it too). Short of it: the left one's. Ending
        // with it: either.
        if word.right > next.span.right, columns[next.column].ownPacked {
            return (nil, "figure \(word.text) begins between the headers \(name(before.column)) and \(name(next.column)), a name set close against it: it may stand under either",
                    [before.column, next.column])
        }
        if word.right > next.span.right { return (next.column, nil, []) }
        if word.right < next.span.right { return (before.column, nil, []) }
        return (nil, "figure \(word.text) begins between the headers \(name(before.column)) and \(name(next.column)) and ends where \(name(next.column)) does: it may stand under either",
                [before.column, next.column])
    }

    /// A figure's width on the page in CJK glyphs: a digit is about half a glyph, a separator
    /// or decimal point a quarter.
    static func glyphWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { sum, c in sum + (c == "," || c == "." ? 0.25 : c.isASCII ? 0.5 : 1) }
    }
}
