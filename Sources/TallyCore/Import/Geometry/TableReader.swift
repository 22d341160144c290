/// Reads one table off its lines: the unit and the unit's name above it, its header (again
/// on each page it continues on), its rows — a row's name wrapped over two or three lines,
/// its figures on a line of their own beside it, its code in split 类/款/项 columns — and the
/// statement of a table published empty. The output is a grid of cells under the columns'
/// slots; `FigurePlacer` turns it into line items.
struct TableReader {
    let title: TableTitle
    let titleLine: WordLine
    let lines: [WordLine]

    struct Output {
        var table: RawTable
        var unitName: String?
        /// The header's columns on the table's first page.
        var grid: ColumnGrid?
    }

    /// One data line: its label words (code and name) and the figures under each column.
    struct Piece {
        var line: WordLine
        var labels: [PlacedWord]
        var figures: [(slot: Int, text: String)]
        /// For two-sided tables: every word by the grid column it stands in.
        var cells: [(column: Int, word: PlacedWord)] = []
        var hasCode: Bool = false
        /// Figures whose column cannot be told, with why (reported).
        var uncertain: [String] = []
        /// Figures that stand under one of several columns, which geometry cannot tell apart.
        var choices: [FigureChoice] = []
    }

    func read() -> Output {
        var table = RawTable(title: title, titleLine: titleLine.number)
        table.page = titleLine.page
        table.slots = []
        if let unit = title.statedUnit { table.state(unit, line: titleLine.number) }
        let (lines, wrapped) = WrappedFigures.join(self.lines)
        for (line, figure) in wrapped { table.repairs.append((line, "a figure wrapped inside its cell read as one: \(figure)")) }
        var unitName: String?
        var grids: [ColumnGrid] = []
        var pageHeader: [WordLine] = []
        var page = titleLine.page
        var sawData = false
        var ended = false
        // Pages whose header names columns the table goes on with (ContinuedColumns).
        var columnPages = Set<Int>()
        // Data lines with the grid (of `grids`) they stand under.
        var data: [(line: WordLine, grid: Int)] = []
        // A header with no row under it on its page, and the grids whose header stands on a
        // page before all of their rows.
        var headerBefore: [WordLine]?
        // The words of the table's first header, to tell it printed again.
        var firstHeaderWords = Set<String>()
        var headerAbove = Set<Int>()
        let labelled = [.summary, .fiscalSummary, .procurement].contains(title.table)
        // Whether the line before named the unit, and its brackets left open.
        var nameGoesOn = false
        var brackets = 0

        // A page's number is printed above or below its table: only a page's first or last
        // line can be one (a lone `302` or `12` inside the table is a code cell on a line of its own).
        var pageEdges = Set<Int>()
        for (i, line) in lines.enumerated() where i == 0 || i == lines.count - 1
            || lines[i - 1].page != line.page || lines[i + 1].page != line.page
        {
            pageEdges.insert(i)
        }

        for (index, line) in lines.enumerated() {
            if line.page != page {
                page = line.page
                if grids.isEmpty, !sawData, !pageHeader.isEmpty { headerBefore = pageHeader }
                pageHeader = []
                sawData = false
            }
            let joined = line.joined
            if ended {
                if table.emptyStatement == nil, Vocabulary.isEmptyStatement(joined) { table.emptyStatement = line.text }
                // Figures set out as a table's row after this one ended, under no title tally
                // knows: reported, never dropped in silence.
                else if Self.looksLikeRow(line) { table.unplaced.append((line.number, "figures after the end of the table, under no title: \(line.text)")) }
                continue
            }
            let marked = line.words.contains { FigureText.isMarkedFigure($0.text) }
            // A unit's name wrapped onto the lines below it (部门名称：某厅 / （某局、某中心）):
            // the lines of its bracketed part are neither the header nor rows.
            if nameGoesOn {
                let open = joined.hasPrefix("（") || joined.hasPrefix("(")
                if !marked, !sawData, open || brackets > 0 {
                    brackets += Self.bracketBalance(joined)
                    if brackets <= 0 { nameGoesOn = false }
                    continue
                }
                nameGoesOn = false
            }
            if !marked, let unit = Vocabulary.unitStatement(in: joined) {
                table.state(unit, line: line.number)
                if let name = Vocabulary.unitName(in: joined) {
                    unitName = unitName ?? name
                    (nameGoesOn, brackets) = (true, Self.bracketBalance(joined))
                }
                continue
            }
            if !marked, !sawData, let name = Vocabulary.unitName(in: joined) {
                unitName = unitName ?? name
                (nameGoesOn, brackets) = (true, Self.bracketBalance(joined))
                continue
            }
            if !marked, Vocabulary.isEmptyStatement(joined) {
                table.emptyStatement = line.text
                // A table that says it is empty and printed no row has ended: what follows, up
                // to the next title, is the document's text (the next part's narrative
                // quoting a figure, `…2024 年度收入支出总计 307.82` wrapped before its 。).
                if data.isEmpty, !sawData { ended = true }
                continue
            }
            if Vocabulary.isNote(joined) || Self.isProse(joined) || Self.beginsSentence(line, next: lines.dropFirst(index + 1).first) {
                if !data.isEmpty || table.emptyStatement != nil || sawData { ended = true }
                continue
            }
            if pageEdges.contains(index), Self.isPageNumber(joined) { continue }
            if Vocabulary.isContinuationMark(joined) || Vocabulary.isTableNumber(joined) { continue }
            // A 栏次 row numbers the columns: the header's last row (what follows is the table's
            // rows, whatever they print), never a row itself, and it names nothing.
            let numbersColumns = Self.numbersColumns(line)
            if !sawData && !numbersColumns && !isDataLine(line, labelled: labelled) {
                pageHeader.append(line)
                continue
            }
            if !sawData {
                sawData = true
                // The header printed again over rows without figures (sources printed as rows,
                // 专项收入 | 政府性基金 小计 …): the lines of the first header's words are the
                // header, those below them rows.
                var rowsBelowHeader: [WordLine] = []
                if !grids.isEmpty, !firstHeaderWords.isEmpty {
                    let k = pageHeader.prefix { $0.words.allSatisfy { firstHeaderWords.contains($0.text) } }.count
                    if k > 0, k < pageHeader.count {
                        rowsBelowHeader = Array(pageHeader[k...])
                        pageHeader.removeLast(pageHeader.count - k)
                    }
                }
                defer { if !grids.isEmpty { for r in rowsBelowHeader { data.append((r, grids.count - 1)) } } }
                // A name wrapped over the first row's code line is not the header's lowest line.
                var wrapped: [WordLine] = []
                while pageHeader.count > 1, CodeWords.startsWithCode(line.words), let last = pageHeader.last,
                    let g = ColumnGrid(header: Array(pageHeader.dropLast())), WrappedNames.isName(last, under: g)
                {
                    wrapped.insert(pageHeader.removeLast(), at: 0)
                }
                defer { if !grids.isEmpty { for w in wrapped { data.append((w, grids.count - 1)) } } }
                if !pageHeader.isEmpty {
                    if let g = ColumnGrid(header: pageHeader), Self.repeatsHeader(g, of: grids.first, firstRow: line) {
                        if grids.isEmpty { firstHeaderWords = Set(pageHeader.flatMap { $0.words.map(\.text) }) }
                        grids.append(g)
                    } else if !labelled, let g = ColumnGrid(header: pageHeader), Self.continuesColumns(g, firstRow: line, after: grids) {
                        grids.append(g)
                        columnPages.insert(line.page)
                    } else if !grids.isEmpty {
                        // Not a header: a name wrapped above the page's first code line.
                        for h in pageHeader { data.append((h, grids.count - 1)) }
                    }
                }
                // A header at the foot of a page, all its rows on the next page, where it is
                // not printed again: the table's header, and what stands above the first row
                // here is rows.
                if grids.isEmpty, let before = headerBefore, let g = ColumnGrid(header: before) {
                    firstHeaderWords = Set(before.flatMap { $0.words.map(\.text) })
                    grids.append(g)
                    headerAbove.insert(0)
                    for h in pageHeader { data.append((h, 0)) }
                }
            }
            if numbersColumns { continue }
            guard !grids.isEmpty else {
                table.unreadable.append((line.number, line.text))
                continue
            }
            data.append((line, grids.count - 1))
        }

        // Labels of two sides run together into one word are cut where the second side's begin.
        if labelled {
            for n in grids.indices {
                let starts = RunTogetherLabels.starts(grids[n], lines: data.filter { $0.grid == n }.map(\.line))
                grids[n].labelStarts = starts
                for k in data.indices where data[k].grid == n { data[k].line = RunTogetherLabels.split(data[k].line, at: starts.values.sorted()) }
            }
        }

        // Each grid's figure columns get slots shared by the whole table, so a column read on
        // two pages under two headers is one column.
        var pieces: [Piece] = []
        // Pages under a header of labels and only columns the first page's header lacks: the
        // table's right-hand columns gone on, their rows' codes (and names) printed again.
        var labelledColumnPages = Set<Int>()
        var firstSlots: [ColumnSlot] = []
        for (n, var g) in grids.enumerated() {
            let mine = data.filter { $0.grid == n }.map(\.line)
            g.alignment = ColumnGrid.Alignment.of(mine.flatMap(\.words), zoneStart: g.labelsEnd)
            // Right-aligned is the common case: taken where nothing lines up, unless it puts two
            // figures in one column; and over left alignment read off `-layout` text's edges
            // (glyphs rounded to character cells, so `8.55` and `-0.77` can share a left edge
            // though set right-aligned) where that does not place every figure and it does.
            if g.alignment == .nearest || (g.alignment == .left && g.inCharacterCells && g.collides(on: mine)) {
                var right = g
                right.alignment = .right
                if !right.collides(on: mine) { g = right }
            }
            // (-layout text sets each page in character cells of its own: where its figures
            // stand is learnt from the header's page alone.)
            g.learn(from: g.inCharacterCells ? mine.filter { $0.page == mine.first?.page && !headerAbove.contains(n) } : mine)
            var slotOfColumn: [Int: Int] = [:]
            for (column, slot) in zip(g.figureColumns, g.slots(for: title.table, defaultYear: title.year ?? 0)) {
                if let existing = table.slots!.firstIndex(of: slot) {
                    slotOfColumn[column] = existing
                } else {
                    slotOfColumn[column] = table.slots!.count
                    table.slots!.append(slot)
                }
            }
            if table.header.isEmpty { table.header = g.columns.map { [$0.texts.joined(separator: " ")] } }
            grids[n] = g
            let slotsHere = Set(slotOfColumn.values).sorted().map { table.slots![$0] }
            if n == 0 {
                firstSlots = slotsHere
            } else if !labelled, slotsHere.contains(where: { $0.column != nil }), !ContinuedColumns.sharesColumn(slotsHere, firstSlots),
                g.columns.contains(where: \.isLabel)
            {
                labelledColumnPages.formUnion(data.filter { $0.grid == n }.map(\.line.page))
            }
            // A page that goes on under the grid of an earlier page may be set a little
            // to one side (-layout text moves columns by a character or two): where its own
            // rows fill every column, they say where its columns stand.
            var shifted: [WordLine] = [], setOver: [WordLine] = [], unaligned: [WordLine] = []
            let first = pieces.count
            for page in Set(mine.map(\.page)).sorted() {
                var onPage = g
                onPage.learnt = nil
                let lines = mine.filter { $0.page == page }
                onPage.learn(from: lines, trailing: true)
                if onPage.learnt == nil {
                    // `-layout` text sets each page in character cells of its own: a header's
                    // columns say nothing of where the next page's figures stand unless a row
                    // there fills every column.
                    if headerAbove.contains(n), g.inCharacterCells {
                        unaligned += lines
                        continue
                    }
                    if !labelled, page != mine.first?.page, ShiftedPages.doesNotFit(lines, g) {
                        shifted += lines
                        continue
                    }
                    onPage = g
                }
                // Rows partway down the page set to one side: each run under its own columns.
                var runGrids: [ColumnGrid] = []
                let runs = labelled ? nil : ShiftedRows.runs(lines, onPage)
                if let runs {
                    runGrids = runs.settings.map { rows in
                        var run = g
                        run.learnt = nil
                        run.learn(from: rows, trailing: true)
                        return run.learnt == nil ? onPage : run
                    }
                    setOver += lines.filter { runs.offColumns.contains($0.number) }
                }
                for entry in data where entry.grid == n && entry.line.page == page {
                    if runs?.offColumns.contains(entry.line.number) == true { continue }
                    let grid = runs?.settingOf[entry.line.number].map { runGrids[$0] } ?? onPage
                    pieces.append(piece(entry.line, grid, slotOfColumn, table))
                }
            }
            if !shifted.isEmpty || !setOver.isEmpty || !unaligned.isEmpty {
                let placed = Array(pieces[first...])
                let byClass = [.basicEcon, .basicGovEcon].contains(title.table)
                pieces += shifted.map { ShiftedPages.piece($0, like: placed, byClass: byClass) ?? piece($0, g, slotOfColumn, table) }
                pieces += setOver.map { ShiftedPages.piece($0, like: placed, byClass: byClass) ?? ShiftedRows.unread($0, g) }
                pieces += unaligned.map {
                    ShiftedPages.piece($0, like: placed, byClass: byClass)
                        ?? ShiftedRows.unread($0, g, why: "its header stands on the page before, whose -layout text sets columns in other places")
                }
            }
        }
        pieces.sort { $0.line.number < $1.line.number }
        let grid = grids.first
        // Rows read by their labels keep no undecided figure for the placer: each is reported.
        if labelled || SourceRows.applies(to: table, pieces: pieces) {
            for piece in pieces {
                for why in piece.uncertain { table.unplaced.append((piece.line.number, why)) }
                for choice in piece.choices { table.unplaced.append((piece.line.number, choice.why + ": its column is not read")) }
            }
        }
        if labelled {
            // Consecutive label columns (项目 under a 收入 group) are one label: the first; one
            // that no row's label stands under is a heading over a side, not a label column.
            let sides = FiguresBesideLabels.sides(pieces, grid: grid)
            table.rows = labelledRows(FiguresBesideLabels.attach(pieces, grid: grid, sides: sides), grids: grids, table: &table)
            table.labelColumns = sides
            table.labelledSlots = grid.map { g in
                g.columns.map { c in
                    var slot = c.slot
                    if slot.year == 0 { slot.year = title.year ?? 0 }
                    return slot
                }
            } ?? []
        } else if SourceRows.applies(to: table, pieces: pieces) {
            table.rows = SourceRows.rows(pieces, table: &table)
            // Rows may name slots added after the first: every row spans them all.
            let width = table.slots!.count
            for i in table.rows.indices { table.rows[i].cells += [String](repeating: "", count: width - table.rows[i].cells.count) }
        } else {
            var pages: [Int] = []
            for line in lines where pages.last != line.page { pages.append(line.page) }
            table.rows = rows(from: pieces, slots: table.slots!.count, pages: pages, columnPages: columnPages,
                              printedAgainOn: labelledColumnPages, table: &table)
            ContinuedColumns.join(&table, printedAgainOn: labelledColumnPages)
        }
        ThreePublicTotals.settle(&table)
        return Output(table: table, unitName: unitName, grid: grids.first)
    }
}
