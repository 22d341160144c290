/// What kind of line a table's line is — a row, a sentence, a page's number, a header
/// repeated, the column numbers — told before its figures are placed.
extension TableReader {
    func isDataLine(_ line: WordLine, labelled: Bool) -> Bool {
        if line.words.contains(where: { FigureText.isMarkedFigure($0.text) }) { return true }
        guard let first = line.words.first else { return false }
        if CodeWords.startsWithCode(line.words) { return true }
        let hasNumber = line.words.contains { if case .figure = FigureText.read($0.text) { true } else { false } }
        if hasNumber, Vocabulary.totalRowLabels.contains(where: { first.text.hasPrefix($0) || line.joined.hasPrefix($0) }) {
            return true
        }
        // Whole-元 figures set without separators (`一、一般公共预算拨款收入  115801300`) mark
        // nothing: the row is told by its label beginning an item, or by a figure longer than
        // any year or column number a header holds (a code is the line's first word).
        if hasNumber, Vocabulary.startsItem(first.text) { return true }
        if line.words.dropFirst().contains(where: { $0.text.utf8.count >= 5 && CodeWords.isDigits(Substring($0.text)) }) { return true }
        // A 款 or 项 printed as its new part only, with its name and whole-元 figures
        // (`01 住房公积金 1014354`), as the first row of a continuation page.
        if hasNumber, line.words.count >= 3, first.text.utf8.count == 2, CodeWords.isDigits(Substring(first.text)),
            case .text = FigureText.read(line.words[1].text)
        {
            return true
        }
        return false
    }

    /// Whether a continuation page's header lines are the table's header again. A header
    /// repeated names the code or name columns the first one names; lines above a page's
    /// first figures that name figure columns only are rows whose figures stand in empty
    /// cells (使用非财政拨款结余 | 结余分配 atop a 收支总表's second page), not a header. Nor
    /// are lines under whose figure columns the page's first figures do not stand (each is
    /// nearer one of their label columns): rows without figures atop the page (sources
    /// printed as rows, 政府性基金 | 小计 …) whose labels only happen to be column words.
    static func repeatsHeader(_ grid: ColumnGrid, of first: ColumnGrid?, firstRow: WordLine) -> Bool {
        guard let first, first.columns.contains(where: \.isLabel) else { return true }
        guard grid.columns.contains(where: \.isLabel) else { return false }
        // The row's figures: those after its labels (a leading code is no figure).
        let run = ShiftedPages.trailingFigures(firstRow)
        let figures = run.count < firstRow.words.count ? Array(run) : []
        func gap(_ word: PlacedWord, _ column: ColumnGrid.Column) -> Double { max(0, column.left - word.right, word.left - column.right) }
        return figures.isEmpty || figures.contains { word in
            grid.columns.min(by: { gap(word, $0) < gap(word, $1) }).map { !$0.isLabel } ?? true
        }
    }

    /// A later page's header naming columns of figures only, over rows that begin with a
    /// figure: the table's right-hand columns, gone on over the page (ContinuedColumns).
    static func continuesColumns(_ header: ColumnGrid, firstRow: WordLine, after grids: [ColumnGrid]) -> Bool {
        guard !grids.isEmpty, !header.figureColumns.isEmpty, !header.columns.contains(where: \.isLabel),
            let first = firstRow.words.first
        else { return false }
        return FigureText.isMarkedFigure(first.text)
    }

    /// Two or more figures with decimals and no sentence around them (no 万元, no clause
    /// punctuation): the shape of a table's row.
    static func looksLikeRow(_ line: WordLine) -> Bool {
        guard line.words.lazy.filter({ FigureText.isMarkedFigure($0.text) }).prefix(2).count == 2 else { return false }
        let text = line.joined
        return !text.contains("万元") && !text.contains("%") && !text.contains("％") && !isProse(text) && !text.contains("、") && !text.contains("：")
    }

    /// Brackets a text opens less those it closes (full-width or not).
    static func bracketBalance(_ text: String) -> Int {
        text.reduce(0) { n, c in c == "（" || c == "(" ? n + 1 : c == "）" || c == ")" ? n - 1 : n }
    }

    static func isProse(_ text: String) -> Bool {
        text.contains("。") || text.contains("；") || (text.count > 20 && hasClauseComma(text))
    }

    /// A full-width comma between clauses, not one set as a thousands separator (`11，122.42`).
    static func hasClauseComma(_ text: String) -> Bool {
        guard text.contains("，") else { return false }
        let chars = Array(text)
        return chars.indices.contains { i in
            chars[i] == "，" && !(i > 0 && i + 1 < chars.count && chars[i - 1].isASCII && chars[i - 1].isNumber && chars[i + 1].isASCII && chars[i + 1].isNumber)
        }
    }

    /// A line with a figure that the next line's sentence goes on from (`…2024 年度收入支出总计
    /// 307.82` / `万元。与 2023 年度相比，…`): the first line of a paragraph, not a row. A row
    /// has a code or a total's label, or what follows it is another row or a note (注：…),
    /// not the rest of a sentence.
    static func beginsSentence(_ line: WordLine, next: WordLine?) -> Bool {
        guard let next, !CodeWords.startsWithCode(line.words), let first = line.words.first,
            case .text = FigureText.read(first.text), line.words.contains(where: { FigureText.isMarkedFigure($0.text) })
        else { return false }
        let label = line.words.filter { if case .text = FigureText.read($0.text) { true } else { false } }.map(\.text).joined()
        if Vocabulary.totalRowLabels.contains(where: { label.hasPrefix($0) }) { return false }
        let following = next.joined
        guard isProse(following), !Vocabulary.isNote(following), !Vocabulary.isEmptyStatement(following),
            let start = next.words.first, case .text = FigureText.read(start.text), !CodeWords.startsWithCode(next.words)
        else { return false }
        return true
    }

    /// A header row of column numbers: 栏次 cells (one per side of a two-sided table), the rest
    /// integers; or, where no label column heads it (a 三公 table whose first column is 合计),
    /// the integers alone, counting up one by one (`1 2 3 … 12`), which no row of figures does.
    static func numbersColumns(_ line: WordLine) -> Bool {
        func isInteger(_ w: PlacedWord) -> Bool { !w.text.isEmpty && w.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        if line.words.first?.text == Vocabulary.columnNumberRowLabel {
            return line.words.allSatisfy { $0.text == Vocabulary.columnNumberRowLabel || isInteger($0) }
        }
        guard line.words.count >= 3, line.words.allSatisfy(isInteger) else { return false }
        let numbers = line.words.compactMap { Int($0.text) }
        return numbers.first == 1 && zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    /// `18`, `- 18 -`, `第3页`: a page's number, not a row. (Runs on every line: no regex.)
    static func isPageNumber(_ text: String) -> Bool {
        guard text.count <= 20 else { return false }
        // `第 1 页，共 14 页`, `1/14`: the page of the whole.
        let text = text.filter { $0 != " " && $0 != "，" && $0 != "," && $0 != "\u{3000}" }
        if let slash = text.firstIndex(of: "/"), !text[..<slash].isEmpty, text[..<slash].allSatisfy(\.isNumber),
            text[text.index(after: slash)...].allSatisfy(\.isNumber), text.index(after: slash) < text.endIndex
        {
            return true
        }
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        guard digits > 0 else { return false }
        let dashes = text.filter { "-—–－".contains($0) }.count
        if digits <= 3 && digits + dashes == text.count { return true }
        return text.hasPrefix("第") && text.contains("页") && text.allSatisfy { $0.isNumber || "第页共".contains($0) }
    }
}
