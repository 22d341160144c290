/// A watermark or a seal printed across a table (内部公开, a department's name) is a few large
/// glyphs. A PDF's words give their size away and they are set aside there (PDFWords); in
/// `pdftotext -layout` text each is a one-character word, and poppler sets it on a line of its
/// own, pulling the figures of the row it crosses onto that line or the next. Where such a
/// figure belongs cannot be told from the text, so it is reported, never joined to a row it
/// happens to stand near.
enum StrayGlyphs {
    /// A line of a code table holding, besides figures, only glyphs standing alone: one of
    /// them among the figure columns (where no label is printed); glyphs beside figures and no
    /// code (no row is named by glyphs a cell apart, but for a letter-spaced label); or a
    /// glyph alone away from where the table's names begin (a name wrapped onto a line of its
    /// own starts where the names do). `nameStarts`: where the code rows' names begin.
    static func isMarkLine(_ piece: TableReader.Piece, nameStarts: Set<Int>) -> Bool {
        guard !piece.hasCode, piece.line.words.first?.inCharacterCells == true else { return false }
        let texts = piece.line.words.filter { if case .text = FigureText.read($0.text) { true } else { false } }
        guard !texts.isEmpty, texts.allSatisfy(isGlyph) else { return false }
        // A row label set letter-spaced (`合 计`, `小 计`, `人 员 经 费`) is a label, not a mark.
        let joined = texts.map(\.text).joined()
        if texts.count > 1, Vocabulary.partTotalWords.contains(where: { joined.contains(utf8: $0) }) || HeaderColumns.column(for: joined) != nil {
            return false
        }
        if texts.contains(where: { w in !piece.labels.contains { $0.left == w.left } }) { return true }
        if !piece.figures.isEmpty { return true }
        return texts.allSatisfy { w in !(-1...1).contains { nameStarts.contains(Int(w.left) + $0) } }
    }

    static func isGlyph(_ word: PlacedWord) -> Bool {
        word.text.count == 1 && !word.text.unicodeScalars.contains(where: \.isASCII) && !Vocabulary.codePartHeaders.contains(word.text)
    }

    /// The pieces without the mark lines, and without the lines of figures alone beside them;
    /// the figures of both are reported.
    static func setApart(_ pieces: [TableReader.Piece], table: inout RawTable) -> (pieces: [TableReader.Piece], marked: Bool) {
        guard pieces.contains(where: \.hasCode) else { return (pieces, false) }
        let nameStarts = Set(pieces.filter(\.hasCode).compactMap { TableReader.nameWords($0.labels).first.map { Int($0.left) } })
        let marks = pieces.indices.filter { isMarkLine(pieces[$0], nameStarts: nameStarts) }
        guard !marks.isEmpty else { return (pieces, false) }
        var apart = Set(marks)
        for m in marks {
            for n in [m - 1, m + 1] where pieces.indices.contains(n) && pieces[n].line.page == pieces[m].line.page
                && !pieces[n].hasCode && pieces[n].labels.isEmpty && !pieces[n].figures.isEmpty
            {
                apart.insert(n)
            }
        }
        let glyphs = marks.flatMap { m in pieces[m].line.words.filter(isGlyph).map(\.text) }
        table.repairs.append((pieces[marks[0]].line.number,
                              "glyphs standing alone among the rows (\(glyphs.prefix(6).joined(separator: " "))): a watermark or stamp, not read"))
        for i in apart.sorted() where !pieces[i].figures.isEmpty {
            let figures = pieces[i].figures.map(\.text).joined(separator: " ")
            table.unplaced.append((pieces[i].line.number, "figures \(figures) stand on a line a watermark's glyphs split from its row: which row is not known; the PDF itself reads it"))
        }
        return (pieces.indices.filter { !apart.contains($0) }.map { pieces[$0] }, true)
    }
}
