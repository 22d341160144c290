/// A continuation page of `-layout` text whose columns are set further left than under the
/// header it goes on from (pdftotext narrows a page whose names are short), and none of
/// whose rows fills every column to show where they moved:
///
///     201   06   08   财政委托业务支出         449.52       449.52      (header page)
///     210   11   01   行政单位医疗    60.99    60.99                     (next page)
///
/// Its figures stand left of the columns they belong to (under no column, or two under one),
/// so their position says nothing.
/// A row's figures are then read by their count: a row of k figures fills the columns that
/// rows of k figures fill on the table's other pages, when those agree on one set of
/// columns; otherwise the row is left to the reader, which reports what it cannot place.
enum ShiftedPages {
    static func isNumber(_ w: PlacedWord) -> Bool { if case .figure = FigureText.read(w.text) { true } else { false } }

    static func trailingFigures(_ line: WordLine) -> ArraySlice<PlacedWord> {
        let run = line.words.reversed().prefix(while: isNumber)
        return line.words[(line.words.count - run.count)...]
    }

    /// Whether the header's columns do not fit the page: placed under them, some row's
    /// figures would stand left of every column or two of them under one.
    static func doesNotFit(_ lines: [WordLine], _ grid: ColumnGrid) -> Bool {
        lines.contains { line in
            let run = trailingFigures(line)
            guard run.count < line.words.count, run.contains(where: { FigureText.isMarkedFigure($0.text) }) else { return false }
            let columns = run.map { grid.figureColumn(of: $0, slack: 0) }
            return columns.contains(nil) || Set(columns.compactMap { $0 }).count < columns.count
        }
    }

    /// The line as a row whose k trailing figures take the columns rows of k figures take
    /// in `placed` — rows of its own class (the code's first three digits: a 302 商品和服务支出
    /// row's figures go where 302's go, 公用经费, however many 301 rows fill 人员经费) where
    /// there are such, else all rows; nil when no one set of columns is the usual one for k.
    /// `byClass`: for tables of economic classes only, whose class says where its money goes
    /// (301 人员经费, 302 公用经费); a function class (208) says nothing of basic or project.
    static func piece(_ line: WordLine, like placed: [TableReader.Piece], byClass: Bool) -> TableReader.Piece? {
        let run = trailingFigures(line)
        guard !run.isEmpty, run.count < line.words.count else { return nil }
        let labels = Array(line.words[..<run.startIndex])
        func counts(_ pieces: [TableReader.Piece]) -> [[Int]: Int] {
            var counts: [[Int]: Int] = [:]
            // (A row with a figure undecided or unread says nothing of where its figures go.)
            for p in pieces where p.figures.count == run.count && p.hasCode && p.choices.isEmpty && p.uncertain.isEmpty {
                counts[p.figures.map(\.slot).sorted(), default: 0] += 1
            }
            return counts
        }
        let own = byClass ? codeClass(labels) : nil
        let kin = own.map { c in counts(placed.filter { codeClass($0.labels) == c }) } ?? [:]
        let ranked = (kin.isEmpty ? counts(placed) : kin).sorted { $0.value > $1.value }
        guard let best = ranked.first, best.key.count == run.count, Set(best.key).count == run.count,
            ranked.count == 1 || ranked[1].value < best.value
        else { return nil }
        var piece = TableReader.Piece(line: line, labels: labels, figures: zip(best.key, run).map { ($0, $1.text) })
        piece.hasCode = CodeWords.startsWithCode(labels)
        return piece
    }

    /// The first three digits of the code a row's labels start with (split 类 款 项 words
    /// joined), or nil for a row without one.
    static func codeClass(_ labels: [PlacedWord]) -> String? {
        let digits = labels.prefix { !$0.text.isEmpty && $0.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }.map(\.text).joined()
        return digits.count >= 3 ? String(digits.prefix(3)) : nil
    }
}
