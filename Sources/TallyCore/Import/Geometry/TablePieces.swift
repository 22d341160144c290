/// A table's lines as pieces: each line's labels, and its figures under the columns of the
/// grid it stands under — placed, undecided between columns, or reported — for `read`.
extension TableReader {
    func piece(_ line: WordLine, _ grid: ColumnGrid, _ slotOfColumn: [Int: Int], _ table: RawTable) -> Piece {
        var piece = Piece(line: line, labels: [], figures: [])
        let zone = grid.figureZoneStart
        // A row of a table where nothing lines up: its figures in order.
        let (ordered, uncertain) = OrderedFigures.columns(of: line, grid: grid, slotOfColumn: slotOfColumn, table: table)
        // A figure geometry leaves between columns: the document's other tables may settle
        // it (FigurePlacer); one with a single candidate is reported.
        func undecided(_ text: String, _ why: String, _ either: [Int]) {
            let slots = either.compactMap { slotOfColumn[$0] }
            if slots.count > 1 {
                piece.choices.append(FigureChoice(slots: slots, text: text, why: why))
            } else {
                piece.uncertain.append(why + ": its column is not read")
            }
        }
        // A row with a cell for every column is placed as printed: nothing of it is undecided.
        let printed = Self.fullRow(line, grid, slotOfColumn)
        for u in uncertain where printed == nil {
            if case .figure(let ascii) = FigureText.read(u.word.text) { undecided(ascii, u.why, u.either) }
        }
        // (A row's number in a 行次 column is neither a figure nor part of its name.)
        for (index, word) in line.words.enumerated() where !grid.isRowNumber(word) {
            switch FigureText.read(word.text) {
            case .figure(let ascii):
                if let column = printed?[index], let slot = slotOfColumn[column] {
                    piece.figures.append((slot, ascii))
                    piece.cells.append((column, word))
                } else if let doubt = grid.textCellDoubt(of: word) {
                    undecided(ascii, doubt.why, doubt.either)
                } else if let choice = ordered[index] {
                    if let column = choice, let slot = slotOfColumn[column] {
                        piece.figures.append((slot, ascii))
                        piece.cells.append((column, word))
                    }
                } else if let column = grid.figureColumn(of: word, slack: 0), let slot = slotOfColumn[column] {
                    piece.figures.append((slot, ascii))
                    piece.cells.append((column, word))
                } else if grid.figureColumns.count == 1, index == line.words.count - 1, index > 0, FigureText.isMarkedFigure(word.text),
                          CodeWords.startsWithCode(line.words), let slot = slotOfColumn[grid.figureColumns[0]] {
                    // A table of one figure column (a 金额) on a page set narrower than its
                    // header's: a code row's last figure, after its labels, is that column's.
                    piece.figures.append((slot, ascii))
                    piece.cells.append((grid.figureColumns[0], word))
                } else {
                    piece.labels.append(word)
                }
            case .blank:
                continue
            case .unreadable:
                if let column = grid.figureColumn(of: word, slack: 0), let slot = slotOfColumn[column] {
                    piece.figures.append((slot, word.text))
                } else {
                    piece.labels.append(word)
                }
            case .text:
                if word.left < zone { piece.labels.append(word) }
                piece.cells.append((grid.textColumn(of: word), word))
            }
        }
        piece.hasCode = CodeWords.startsWithCode(piece.labels)
        return piece
    }

    /// A row that prints a figure or a blank mark (`-`) in every figure column: each is the
    /// column of its place in the row, wherever the page set it (§1: as printed). Only where
    /// the table marks its empty cells (a mark among them), or has no label column (a 三公
    /// table's one row, whose cells may be set left, centred or right): in a table of labels a
    /// row that leaves one cell bare and has a stray number could count out as full. Nil for a
    /// row with more or fewer.
    static func fullRow(_ line: WordLine, _ grid: ColumnGrid, _ slotOfColumn: [Int: Int]) -> [Int: Int]? {
        let columns = grid.figureColumns
        guard columns.count >= 2, columns.allSatisfy({ slotOfColumn[$0] != nil }) else { return nil }
        // (A table with no label column, a 三公 table's one row, may set its first figure
        // left of its header, left-aligned in its cell.)
        let labelled = grid.columns.contains(where: \.isLabel)
        let start = labelled ? grid.labelsEnd : -Double.infinity
        var marked = false
        let cells = line.words.indices.filter { i in
            let word = line.words[i]
            guard word.left >= start, !grid.isRowNumber(word) else { return false }
            switch FigureText.read(word.text) {
            case .figure: return true
            case .blank: marked = true; return true
            case .text, .unreadable: return false
            }
        }
        guard marked || !labelled, cells.count == columns.count else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(cells, columns))
    }
}
