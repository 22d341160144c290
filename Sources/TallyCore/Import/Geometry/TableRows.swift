/// Pieces of a table's lines become its rows: code tables by their codes and the lines
/// beside them, two-sided tables by their labels.
extension TableReader {
    // MARK: rows of code tables

    /// The height of a line of the table's text: the median word height.
    static func lineHeight(_ pieces: [Piece]) -> Double {
        let heights = pieces.flatMap { $0.line.words.map(\.height) }.sorted()
        return heights.isEmpty ? 1 : heights[heights.count / 2]
    }

    /// Lines become rows: a line with a code, or with a name and figures, is a row; a line
    /// of figures alone belongs to the row beside it that has no figures in those columns
    /// (else it is a row of its own, such as a 三公 table's one row); a line of words alone is
    /// a wrapped name and belongs to the nearest row.
    func rows(from printed: [Piece], slots: Int, pages: [Int], columnPages: Set<Int>, printedAgainOn againPages: Set<Int> = [],
              table: inout RawTable) -> [RawRow] {
        let (printed, marked) = StrayGlyphs.setApart(printed, table: &table)
        let pieces = RowsSplitByPages.join(
            SplitCodeLines.codesAboveTheirRows(SplitCodeLines.join(printed), reach: 1.6 * Self.lineHeight(printed)), table: &table)
        let unit = Self.lineHeight(pieces)
        let reach = 1.6 * unit
        var isAnchor = pieces.map { $0.hasCode || (!$0.labels.isEmpty && !$0.figures.isEmpty) }
        var labelsAbove = [[PlacedWord]](repeating: [], count: pieces.count)
        var labelsBelow = [[PlacedWord]](repeating: [], count: pieces.count)
        var figures = pieces.map(\.figures)
        // How far each row reaches up and down: its own line, and the boxes of the figure
        // lines it takes. Some generators give a figure the box of its whole cell, so a line
        // whose box overlaps a row's is in that row however far apart their middles are.
        var extent = pieces.map { (top: $0.line.top, bottom: $0.line.bottom) }

        func nearest(_ i: Int, preferAbove: Bool, reach: Double = reach, accept: (Int) -> Bool) -> Int? {
            var best: (Int, Double)?
            for j in pieces.indices where isAnchor[j] && j != i && pieces[j].line.page == pieces[i].line.page && accept(j) {
                let d = abs(pieces[j].line.middle - pieces[i].line.middle)
                let overlaps = extent[j].top < pieces[i].line.bottom && pieces[i].line.top < extent[j].bottom
                guard d <= reach || overlaps else { continue }
                if let (_, bd) = best, d > bd || (d == bd && (preferAbove ? j > i : j < i)) { continue }
                best = (j, d)
            }
            return best?.0
        }
        // Columns gone on over a page, level with the rows of the page before.
        // (A line whose columns its row has already is left to the rules below, and reported.)
        var continued = Set<Int>()
        for (i, j) in ContinuedColumns.rows(pieces, isAnchor: isAnchor, pages: pages, columnPages: columnPages, unit: unit)
            .sorted(by: { $0.key < $1.key })
        {
            let mine = Set(pieces[i].figures.map(\.slot))
            guard !figures[j].contains(where: { mine.contains($0.slot) }) else { continue }
            figures[j] += pieces[i].figures
            figures[i] = []
            continued.insert(i)
        }
        if let first = continued.min() {
            table.repairs.append((pieces[first].line.number,
                                  "columns going on over a page without codes or names read with the rows of the page before, line for line"))
        }
        // Figures alone first, so that a row they make can take wrapped names.
        for i in pieces.indices where !isAnchor[i] && !pieces[i].figures.isEmpty && !continued.contains(i) {
            let mine = Set(pieces[i].figures.map(\.slot))
            // A row printed without figures first; else (figures set a line above or below
            // their row's label, other figures of the row beside the label) a row none of
            // whose columns they would fill twice.
            let fits = { (j: Int) in !figures[j].contains { mine.contains($0.slot) } }
            if let j = nearest(i, preferAbove: false, accept: { fits($0) && pieces[$0].figures.isEmpty })
                ?? nearest(i, preferAbove: false, accept: fits)
            {
                figures[j] += pieces[i].figures
                figures[i] = []
                extent[j] = (min(extent[j].top, pieces[i].line.top), max(extent[j].bottom, pieces[i].line.bottom))
            } else if i + 1 < pieces.count, pieces[i + 1].hasCode, figures[i + 1].isEmpty, pieces[i + 1].line.page == pieces[i].line.page,
                pieces[i + 1].line.middle - pieces[i].line.middle <= 2.6 * unit
            {
                // Figures set two lines above their row, with nothing between (the line
                // between holds only the other half of a side-by-side table).
                figures[i + 1] = pieces[i].figures
                figures[i] = []
                extent[i + 1].top = min(extent[i + 1].top, pieces[i].line.top)
            } else {
                isAnchor[i] = true
            }
        }
        // A wrapped name reaches half-way to the next row: where rows stand far apart (a
        // generator that sets a row's lines a cell apart), further than a line's height.
        let anchorMiddles = pieces.indices.filter { isAnchor[$0] }.map { (pieces[$0].line.page, pieces[$0].line.middle) }
        let pitches = zip(anchorMiddles, anchorMiddles.dropFirst()).compactMap { a, b in a.0 == b.0 && b.1 > a.1 ? b.1 - a.1 : nil }.sorted()
        let nameReach = max(reach, pitches.isEmpty ? 0 : pitches[pitches.count / 2] / 2)
        let names = pieces.indices.map { i in
            let piece = pieces[i]
            let isName = isAnchor[i] || (figures[i].isEmpty && !piece.labels.isEmpty)
            let words = isName ? Self.nameWords(piece.labels) : []
            let others = piece.line.words.filter { w in !words.contains { $0.left == w.left && $0.top == w.top } }
            return WrappedNames.Line(page: piece.line.page, words: words, middle: piece.line.middle,
                                     rowMiddle: others.isEmpty ? piece.line.middle : WrappedNames.wordsMiddle(others),
                                     top: piece.line.top, bottom: piece.line.bottom, isRow: isAnchor[i], needsName: piece.hasCode)
        }
        var joined = Set<Int>()
        for (i, j) in WrappedNames.assign(names, reach: nameReach, rowExtent: extent).sorted(by: { $0.key < $1.key }) {
            if j < i { labelsBelow[j] += pieces[i].labels } else { labelsAbove[j] += pieces[i].labels }
            joined.insert(i)
        }
        // Lines of label words that are no name (the header's 类 / 款 / 项 cells) go to the nearest row.
        for i in pieces.indices where !isAnchor[i] && figures[i].isEmpty && !pieces[i].labels.isEmpty && names[i].words.isEmpty {
            guard let j = nearest(i, preferAbove: true, reach: nameReach, accept: { _ in true }) else { continue }
            if j < i { labelsBelow[j] += pieces[i].labels } else { labelsAbove[j] += pieces[i].labels }
            joined.insert(i)
        }
        // A figure among the words of a line that joined no row (set left of every column,
        // far from any row): reported, never lost with the line.
        for i in pieces.indices where !isAnchor[i] && !joined.contains(i) {
            for word in pieces[i].labels where FigureText.isMarkedFigure(word.text) {
                table.unplaced.append((pieces[i].line.number, "figure \(word.text) stands left of every column of the table's header, on a line of no row"))
            }
        }

        var out: [RawRow] = []
        var previousCode = ""
        // (Columns gone on under the rows' labels printed again print the total's again.)
        var hasTotal = false, hasTotalAgain = false
        for (i, piece) in pieces.enumerated() {
            for why in piece.uncertain { table.unplaced.append((piece.line.number, why)) }
            // A row's own line keeps its undecided figures for the placer; a line of figures
            // alone that joined another row cannot say which.
            if !isAnchor[i] { for choice in piece.choices { table.unplaced.append((piece.line.number, choice.why + ": its column is not read")) } }
        }
        var partial = PartialCodes()
        let codeTable = pieces.contains(where: \.hasCode)
        for i in pieces.indices where isAnchor[i] {
            let piece = pieces[i]
            var (code, nameWords, repair) = CodeWords.split(piece.labels, previous: previousCode)
            if let repair { table.repairs.append((piece.line.number, repair)) }
            if code.isEmpty, let read = partial.read(piece.labels, previous: previousCode) {
                code = read
                nameWords = Array(piece.labels.dropFirst())
                if !partial.said {
                    partial.said = true
                    table.repairs.append((piece.line.number, "codes printed as their new part only (`\(piece.labels[0].text)`) read with the 类 and 款 of the rows above (\(code))"))
                }
            } else if !code.isEmpty {
                partial.learn(piece.labels)
            }
            nameWords = labelsAbove[i] + nameWords + labelsBelow[i]
            // A figure among the name's words stood left of every figure column: say so.
            for word in nameWords where FigureText.isMarkedFigure(word.text) {
                table.unplaced.append((piece.line.number, "figure \(word.text) stands left of every column of the table's header"))
            }
            nameWords.removeAll { FigureText.isMarkedFigure($0.text) }
            // The header's 类 / 款 / 项 cells can share a line with the first row (its figures
            // set beside them): they are never part of a name.
            nameWords.removeAll { Vocabulary.codePartHeaders.contains($0.text) }
            var name = nameWords.map(\.text).joined()
            if !code.isEmpty { previousCode = code }
            if code.isEmpty, name.isEmpty || Vocabulary.totalRowLabels.contains(name) {
                let again = againPages.contains(piece.line.page)
                if again ? hasTotalAgain : hasTotal {
                    table.unreadable.append((piece.line.number, piece.line.text))
                    continue
                }
                if again { hasTotalAgain = true } else { hasTotal = true }
                name = "合计"
            } else if code.isEmpty, codeTable, !figures[i].isEmpty, !Vocabulary.partTotalWords.contains(where: { name.contains(utf8: $0) }),
                ColumnSchema.column(namedByRow: name, of: table.title.table, among: table.slots ?? []) == nil
            {
                // A row of a table of codes with a name and figures but no code and no total
                // (人员经费合计 is a part's): its code stood too far from it to be told (-layout
                // text that set codes, names and figures on lines of their own, a watermark's
                // glyphs between them), or a stray figure before it kept its code from being
                // read; or it is no row at all (a page's footer). Reported, never stored as a
                // row without a code: every row of these tables has one.
                table.unreadable.append((piece.line.number, piece.line.text))
                continue
            }
            var cells = [String](repeating: "", count: slots)
            for (slot, text) in figures[i] where slot < slots {
                if !cells[slot].isEmpty {
                    table.unplaced.append((piece.line.number, "two figures under one column: \(cells[slot]) and \(text)"))
                    continue
                }
                cells[slot] = text
            }
            out.append(RawRow(line: piece.line.number, code: code, name: name, cells: cells, page: piece.line.page, choices: piece.choices))
        }
        return out
    }

    /// A line's name words: its labels without the code (joined, split or glued to the name),
    /// figures set left of the columns, and the header's 类 / 款 / 项 cells.
    static func nameWords(_ labels: [PlacedWord]) -> [PlacedWord] {
        var words = labels[...]
        var parts = 0
        while let w = words.first, parts < 3, w.text.count <= 7, CodeWords.isDigits(Substring(w.text)) {
            words = words.dropFirst()
            parts += 1
        }
        var out = Array(words)
        if parts == 0, var first = out.first, let (code, name) = CodeWords.glued(Substring(first.text)) {
            first.left += (first.right - first.left) * Double(code.count) / Double(first.text.count)
            first.text = name
            out[0] = first
        }
        return out.filter { !FigureText.isMarkedFigure($0.text) && !Vocabulary.codePartHeaders.contains($0.text) }
    }

    // MARK: rows of two-sided tables

    /// 收支总表 and its kin: labels and figures side by side; each line is a row of cells,
    /// one per grid column.
    func labelledRows(_ pieces: [Piece], grids: [ColumnGrid], table: inout RawTable) -> [RawRow] {
        pieces.map { piece in
            let width = (piece.cells.map(\.column).max() ?? -1) + 1
            var cells = [String](repeating: "", count: width)
            let grid = grids.first
            for (var column, word) in piece.cells {
                // (A later page's grid may have more columns than the first: those stay as read.)
                while column > 0, let g = grid, column < g.columns.count, g.columns[column].isLabel, g.columns[column - 1].isLabel {
                    column -= 1
                }
                let text: String
                if case .figure(let ascii) = FigureText.read(word.text) {
                    // Two figures under one column: the second is reported, never run together.
                    if !cells[column].isEmpty {
                        table.unplaced.append((piece.line.number, "two figures under one column: \(cells[column]) and \(ascii)"))
                        continue
                    }
                    text = ascii
                } else {
                    text = word.text
                }
                cells[column] += text
            }
            return RawRow(line: piece.line.number, code: "", name: "", cells: cells, page: piece.line.page)
        }
    }
}
