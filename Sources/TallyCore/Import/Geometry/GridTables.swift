/// Finds the tables of a document laid out on pages (a PDF through poppler, or
/// `pdftotext -layout` text): each titled table, its unit, its header's columns and its rows,
/// over as many pages as it runs. A table of contents is never taken for the tables themselves.
enum GridTables {
    struct Found {
        var tables: [RawTable]
        /// Names of the budget unit seen beside the tables (编制部门：…), in order.
        var unitNames: [String]
    }

    static func find(_ all: [WordLine]) -> Found {
        let lines = all.filter { !$0.words.isEmpty }
        var titles: [Int: TableTitle] = [:]
        var others = Set<Int>()
        var titlesPerPage: [Int: Int] = [:]
        for i in lines.indices {
            if let title = title(at: i, lines) {
                titles[i] = title
                titlesPerPage[lines[i].page, default: 0] += 1
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
        func close(at end: Int) {
            guard let (i, title) = start else { return }
            let region = Array(lines[(i + 1)..<end])
            var table = TableReader(title: title, titleLine: lines[i], lines: region).read()
            if let split = SideBySideTables.split(of: table.grid, title.table) {
                let (left, right) = SideBySideTables.halves(region, at: split)
                table.table = SideBySideTables.join(TableReader(title: title, titleLine: lines[i], lines: left).read().table,
                                                    TableReader(title: title, titleLine: lines[i], lines: right).read().table)
            }
            if let name = table.unitName { found.unitNames.append(name) }
            found.tables.append(table.table)
            start = nil
        }
        for i in lines.indices {
            if contentsPages.contains(lines[i].page) { continue }
            if let title = titles[i] {
                close(at: i)
                start = (i, title)
            } else if others.contains(i) {
                close(at: i)
            }
        }
        close(at: lines.count)
        return found
    }

    /// The title on line i, with a qualifier on the next line joined to it
    /// (`一般公共预算基本支出预算表` / `（经济科目）`).
    static func title(at i: Int, _ lines: [WordLine]) -> TableTitle? {
        let text = lines[i].joined
        if i + 1 < lines.count, lines[i + 1].page == lines[i].page {
            let next = lines[i + 1].joined
            if next.hasPrefix("（") || next.hasPrefix("("), next.contains("分类") || next.contains("科目"), next.count < 20 {
                if let title = TableTitle.recognise(text + next) { return title }
            }
        }
        return TableTitle.recognise(text)
    }
}
