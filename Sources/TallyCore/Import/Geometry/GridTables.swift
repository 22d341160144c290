/// Finds the tables of a document laid out on pages (a PDF through poppler, or
/// `pdftotext -layout` text): each titled table, its unit, its header's columns and its rows,
/// over as many pages as it runs. A table of contents is never taken for the tables themselves.
enum GridTables {
    struct Found {
        var tables: [RawTable]
        /// Names of the budget unit seen beside the tables (编制部门：…), in order.
        var unitNames: [String]
        /// Tables tally does not read (项目支出绩效目标表 …) that print rows of figures, for the
        /// report: their titles and how many such rows.
        var otherTitles: [(line: Int, text: String, rows: Int)] = []
    }

    static func find(_ all: [WordLine]) -> Found {
        let lines = RunningHeads.removed(from: SpacedThousands.join(all.filter { !$0.words.isEmpty }).map(CodeWords.undotted))
        var titles: [Int: TableTitle] = [:]
        var others = Set<Int>()
        // Lines that belong to a title on the line before (its second line) or that repeat the
        // open table's title on a page it goes on to: no row of any table.
        var titleLines = Set<Int>()
        var titlesPerPage: [Int: Int] = [:]
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            if titleLines.contains(i) { continue }
            if let (title, lineCount) = title(at: i, lines) {
                titles[i] = title
                titlesPerPage[lines[i].page, default: 0] += 1
                for k in 1..<lineCount { titleLines.insert(i + k) }
            } else if TableTitle.isOtherTitle(lines[i].joined) {
                others.insert(i)
            }
        }
        // A contents page names three or more tables with no figure between the first and last.
        let contentsPages = Set(titlesPerPage.filter { page, count in
            guard count >= 3 else { return false }
            let onPage = titles.keys.filter { lines[$0].page == page }
            guard let first = onPage.min(), let last = onPage.max() else { return false }
            return !lines[first...last].contains { $0.words.contains { FigureText.isMarkedFigure($0.text) } }
        }.keys)
        var found = Found(tables: [], unitNames: [])
        var start: (Int, TableTitle)?
        // Captions under their tables: a table's lines are those before its title.
        let captions = Self.captionsBelow(titles, lines, skipping: contentsPages)
        var regionStart: Int?
        var spans: [UntitledPages.Span] = []
        func close(at end: Int) {
            guard let (i, title) = start else { return }
            let region = ((regionStart ?? (i + 1))..<end).filter { !titleLines.contains($0) && !contentsPages.contains(lines[$0].page) }
            spans.append(UntitledPages.Span(titleLine: i, title: title, lines: region))
            start = nil
        }
        if captions {
            var from = 0
            for i in lines.indices where !contentsPages.contains(lines[i].page) {
                if let title = titles[i] {
                    start = (i, title)
                    regionStart = from
                    close(at: i)
                    from = i + 1
                } else if others.contains(i) {
                    let rows = (from..<i).filter { TableReader.looksLikeRow(lines[$0]) }.count
                    if rows > 0 { found.otherTitles.append((lines[i].number, lines[i].joined, rows)) }
                    from = i + 1
                }
            }
        } else {
            for i in lines.indices {
                if contentsPages.contains(lines[i].page) { continue }
                if let title = titles[i] {
                    // The open table's title again (`…（续）`, or the same words with no unit
                    // stated under them: a table of its own states its unit): the table goes on.
                    if let (openLine, open) = start, open.table == title.table,
                       title.isContinuation || (title.core == open.core && (!statesUnit(below: i, lines) || continuesColumns(after: i, lines, titles)
                           || printedAgainAtPageTop(i, after: openLine, lines)))
                    {
                        titleLines.insert(i)
                        continue
                    }
                    close(at: i)
                    start = (i, title)
                } else if others.contains(i) {
                    var rows = 0
                    var j = i + 1
                    while j < lines.count, titles[j] == nil, !others.contains(j) {
                        if TableReader.looksLikeRow(lines[j]) { rows += 1 }
                        j += 1
                    }
                    if rows > 0 { found.otherTitles.append((lines[i].number, lines[i].joined, rows)) }
                    close(at: i)
                }
            }
            close(at: lines.count)
        }
        UntitledPages.assign(&spans, lines)
        for span in spans {
            let (i, title) = (span.titleLine, span.title)
            // A table printed as two or more parts side by side: the first part, then the rest
            // read the same way (a 基本支出决算表 in three code groups).
            func read(_ region: [WordLine], parts: Int) -> TableReader.Output {
                var table = TableReader(title: title, titleLine: lines[i], lines: region).read()
                guard parts < SideBySideTables.mostParts, let split = SideBySideTables.split(of: table.grid, title.table) else { return table }
                let (left, right) = SideBySideTables.halves(region, at: split)
                guard !left.isEmpty, !right.isEmpty else { return table }
                table.table = SideBySideTables.join(TableReader(title: title, titleLine: lines[i], lines: left).read().table,
                                                    read(right, parts: parts + 1).table, leftLines: left)
                return table
            }
            var table = read(span.lines.map { lines[$0] }, parts: 1)
            if let name = table.unitName { found.unitNames.append(name) }
            // A unit named once over its part's first table (单位名称：X, then its title) names it.
            table.table.unitName = table.unitName ?? Self.unitNamed(before: i, lines)
            found.tables.append(table.table)
        }
        ContinuedColumns.join(&found.tables)
        return found
    }

    /// Whether the document sets each table's title under it, as a caption (`表1 …收入预算表`
    /// after the table's last row): rows of figures stand before the first title, none after
    /// the last, and most titles follow straight on from a row of figures. (Where titles head
    /// their tables, the line before one is a page's end, a note or another table's title.)
    static func captionsBelow(_ titles: [Int: TableTitle], _ lines: [WordLine], skipping contents: Set<Int>) -> Bool {
        let order = titles.keys.filter { !contents.contains(lines[$0].page) }.sorted()
        guard order.count >= 2, let first = order.first, let last = order.last else { return false }
        let isRow = { (i: Int) in TableReader.looksLikeRow(lines[i]) }
        // Before the first title, a table: a header naming its code or name column, then rows.
        guard let firstRow = (0..<first).first(where: { !contents.contains(lines[$0].page) && isRow($0) }),
            (max(0, firstRow - 8)..<firstRow).contains(where: { i in
                lines[i].words.contains { w in Vocabulary.labelHeaderWords.contains { $0.count > 1 && w.text.contains(utf8: $0) } }
            }),
            // After the last, nothing of a table: no row, and no statement that one is empty
            // (a last table published empty has its title over its statement).
            !((last + 1)..<lines.count).contains(where: { isRow($0) || Vocabulary.isEmptyStatement(lines[$0].joined) })
        else { return false }
        let afterRows = order.filter { t in t > 0 && isRow(t - 1) }.count
        return afterRows * 4 >= order.count * 3
    }

    /// The unit named on one of the few lines just over the title on line i (same page).
    static func unitNamed(before i: Int, _ lines: [WordLine]) -> String? {
        for k in stride(from: i - 1, through: max(0, i - 3), by: -1) where lines[k].page == lines[i].page {
            if let name = Vocabulary.unitName(in: lines[k].joined) { return name }
        }
        return nil
    }

    /// Whether the lines under the title on line i go on with the open table's columns, right
    /// of those its page had room for (a spreadsheet printed a page wide): rows of figures
    /// alone, not one beginning with a code or a label, down to the next title.
    static func continuesColumns(after i: Int, _ lines: [WordLine], _ titles: [Int: TableTitle]) -> Bool {
        var rows = 0
        for k in (i + 1)..<lines.count {
            if titles[k] != nil { break }
            let words = lines[k].words
            guard words.contains(where: { FigureText.isMarkedFigure($0.text) }) else { continue }
            guard let first = words.first, FigureText.isMarkedFigure(first.text) || FigureText.read(first.text) == .blank else { return false }
            rows += 1
        }
        return rows >= 2
    }

    /// Whether the title on line i states a unit, on its line or the few lines under it.
    /// Whether the title on line i heads its page (below at most a table number or a page
    /// number), a later page than the open table's title on `openLine`, over the same unit's
    /// name: a spreadsheet's print titles, the title, unit and header set again atop each page
    /// the table goes on over. (A table of another unit names its own; another table of the
    /// same title begins with a code the open one has printed.)
    static func printedAgainAtPageTop(_ i: Int, after openLine: Int, _ lines: [WordLine]) -> Bool {
        let page = lines[i].page
        guard page > lines[openLine].page else { return false }
        var k = i - 1
        while k >= 0, lines[k].page == page {
            let text = lines[k].joined
            guard Vocabulary.isTableNumber(text) || TableReader.isPageNumber(text) else { return false }
            k -= 1
        }
        func unitName(below t: Int) -> String? {
            lines[t..<min(lines.count, t + 4)].lazy.compactMap { Vocabulary.unitName(in: $0.joined) }.first
        }
        guard unitName(below: i) == unitName(below: openLine) else { return false }
        // A row's code: its leading words of digits (split 类 款 项 joined).
        func code(_ line: WordLine) -> String? {
            let digits = line.words.prefix { CodeWords.isDigits(Substring($0.text)) }.map(\.text).joined()
            return digits.count >= 3 && digits.count < line.joined.count ? digits : nil
        }
        let printed = Set(lines[openLine..<i].compactMap(code))
        let next = lines[(i + 1)...].prefix { $0.page == page }.lazy.compactMap(code).first
        return next.map { !printed.contains($0) } ?? true
    }

    static func statesUnit(below i: Int, _ lines: [WordLine]) -> Bool {
        for line in lines[i..<min(lines.count, i + 4)] {
            if Vocabulary.unitStatement(in: line.joined) != nil { return true }
            if line.words.contains(where: { FigureText.isMarkedFigure($0.text) }) { return false }
        }
        return false
    }

    /// The title on line i and how many lines it takes: with a qualifier on the next line
    /// joined to it (`一般公共预算基本支出预算表` / `（经济科目）`), or wrapped onto the next line
    /// where neither line alone is a title (`2025年部门一般公共预算` / `支出功能分类预算表`).
    static func title(at i: Int, _ lines: [WordLine]) -> (TableTitle, lines: Int)? {
        let text = lines[i].joined
        guard i + 1 < lines.count, lines[i + 1].page == lines[i].page else { return TableTitle.recognise(text).map { ($0, 1) } }
        let next = lines[i + 1].joined
        if next.hasPrefix("（") || next.hasPrefix("("), next.contains("分类") || next.contains("科目"), next.count < 20 {
            if let title = TableTitle.recognise(text + next) { return (title, 2) }
        }
        if let title = TableTitle.recognise(text) { return (title, 1) }
        // A wrapped title's first line is short and holds no figure; its second names the table.
        guard text.count <= 40, next.count <= 40, next.contains("表"), !lines[i].words.contains(where: { FigureText.isMarkedFigure($0.text) }),
              TableTitle.recognise(next) == nil, let title = TableTitle.recognise(text + next)
        else { return nil }
        return (title, 2)
    }
}
