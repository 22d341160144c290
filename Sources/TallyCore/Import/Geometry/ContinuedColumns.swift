/// A wide table printed as a spreadsheet prints it, a page wide at a time: its right-hand
/// columns go on over later pages under their own header, with neither code nor name, a
/// line of figures for each row that has any. The run of such pages follows the run of pages
/// with the rows, page for page (the rows' first page, then its columns' page, or three
/// pages of rows, then three of their columns); each line stands level with its row on its
/// page of rows, counted from each page's first row (its 合计 row has figures in every part).
///
/// Only from a PDF's geometry: `-layout` text drops blank lines where rows have no figure in
/// the columns gone on, and line for line would then put figures in the wrong rows.
enum ContinuedColumns {
    /// The rows (anchors on a page of rows) that figure-only lines of a later page belong to,
    /// by piece index: line → row. `pages` are the table's pages in order, whether or not they
    /// hold pieces (a page of columns may have only its header); `columnPages` those whose
    /// header names the columns gone on (figures alone under the table's own header are
    /// something else: a total's figure cut from its label by a side-by-side part).
    static func rows(_ pieces: [TableReader.Piece], isAnchor: [Bool], pages: [Int], columnPages: Set<Int>, unit: Double) -> [Int: Int] {
        guard let first = pieces.first, !first.line.words.contains(where: \.inCharacterCells) else { return [:] }
        let hasRows = Set(pieces.indices.filter { isAnchor[$0] }.map { pieces[$0].line.page })
        var out: [Int: Int] = [:]
        var k = 0
        while k < pages.count {
            // A run of pages with rows, then a run of pages without.
            var rowsEnd = k
            while rowsEnd < pages.count, hasRows.contains(pages[rowsEnd]) { rowsEnd += 1 }
            var columnsEnd = rowsEnd
            while columnsEnd < pages.count, !hasRows.contains(pages[columnsEnd]) { columnsEnd += 1 }
            defer { k = max(columnsEnd, k + 1) }
            guard rowsEnd > k, columnsEnd - rowsEnd == rowsEnd - k else { continue }
            for (rowsPage, columnsPage) in zip(pages[k..<rowsEnd], pages[rowsEnd..<columnsEnd]) where columnPages.contains(columnsPage) {
                out.merge(match(pieces, isAnchor: isAnchor, rowsPage: rowsPage, columnsPage: columnsPage, unit: unit)) { a, _ in a }
            }
        }
        return out
    }

    /// The lines of `columnsPage` with the rows of `rowsPage` they stand level with: only where
    /// most lines, and the first, stand level with a row.
    static func match(_ pieces: [TableReader.Piece], isAnchor: [Bool], rowsPage: Int, columnsPage: Int, unit: Double) -> [Int: Int] {
        let lines = pieces.indices.filter { pieces[$0].line.page == columnsPage && !pieces[$0].figures.isEmpty }
        let rows = pieces.indices.filter { pieces[$0].line.page == rowsPage && isAnchor[$0] }
        guard !lines.isEmpty, !rows.isEmpty, lines.allSatisfy({ pieces[$0].labels.isEmpty }) else { return [:] }
        let top = pieces[lines[0]].line.middle, rowsTop = pieces[rows[0]].line.middle
        var taken = Set<Int>()
        var matched: [Int: Int] = [:]
        for i in lines {
            let place = pieces[i].line.middle - top
            let offset = { (j: Int) in abs(pieces[j].line.middle - rowsTop - place) }
            guard let j = rows.min(by: { offset($0) < offset($1) }), offset(j) <= 0.5 * unit, !taken.contains(j) else { continue }
            taken.insert(j)
            matched[i] = j
        }
        guard matched[lines[0]] == rows[0], matched.count * 4 >= lines.count * 3 else { return [:] }
        return matched
    }

    /// Tables whose columns go on over later pages under a header that prints the rows' codes
    /// (and perhaps names) again, each page titled, or untitled and sorted to the table whose
    /// header it repeats (UntitledPages): two tables of one title, the later's columns none of
    /// the earlier's, its rows the earlier's rows. Joined into the earlier, so a printed row is
    /// one row wherever its cells stand (`fold`).
    static func join(_ tables: inout [RawTable]) {
        var k = 1
        while k < tables.count {
            if let j = (0..<k).last(where: { goesOn(tables[k], from: tables[$0]) }) {
                let later = tables.remove(at: k)
                append(later, to: &tables[j])
            } else {
                k += 1
            }
        }
    }

    /// The same within one table: rows read under a later page's header of labels and only
    /// columns the first page's header lacks (`pages`), folded into the rows printed before.
    static func join(_ table: inout RawTable, printedAgainOn pages: Set<Int>) {
        let again = table.rows.filter { pages.contains($0.page) }
        guard !again.isEmpty else { return }
        var earlier = table.rows.filter { !pages.contains($0.page) }
        let strays = findRows(again, in: earlier) ? fold(again, into: &earlier, slots: table.slots ?? []) : again
        table.rows = earlier
        keep(strays, in: &table)
        table.rows.sort { $0.line < $1.line }
        if strays.count < again.count, let line = again.map(\.line).min() { table.repairs.append((line, repair)) }
    }

    static let repair = "columns going on over later pages under their rows' codes read into the rows they go on"

    /// Rows printed again that found no row to go on: a row with a code is a row of its own;
    /// a second total is reported, never a second figure of the table's total.
    static func keep(_ strays: [RawRow], in table: inout RawTable) {
        for row in strays where row.code.isEmpty {
            table.unplaced.append((row.line, "a total printed again over columns going on, found with no row to go on: \(row.cells.filter { !$0.isEmpty }.joined(separator: " "))"))
        }
        table.rows += strays.filter { !$0.code.isEmpty }
    }

    /// A row's label as the rows going on print it again: its code, or its name where it has none.
    static func key(_ row: RawRow) -> String? {
        row.code.isEmpty ? (row.name.isEmpty ? nil : "name " + row.name) : "code " + row.code
    }

    /// Whether a row printed again may be `row`: a name printed with the code must be its name.
    static func matches(_ again: RawRow, _ row: RawRow) -> Bool {
        again.name.isEmpty || row.name.isEmpty || again.name == row.name
    }

    /// Whether most rows printed again (three in four) find their row.
    static func findRows(_ again: [RawRow], in earlier: [RawRow]) -> Bool {
        var rowOf: [String: RawRow] = [:]
        for row in earlier { if let key = key(row), rowOf[key] == nil { rowOf[key] = row } }
        let found = again.filter { row in key(row).flatMap { rowOf[$0] }.map { matches(row, $0) } ?? false }.count
        return found * 4 >= again.count * 3
    }

    /// Each row printed again into its row, where it fills no cell twice and gives no column
    /// a second figure (`slots` name each cell position's column). Returns those that find
    /// none, or would.
    static func fold(_ again: [RawRow], into rows: inout [RawRow], slots: [ColumnSlot]) -> [RawRow] {
        var strays: [RawRow] = []
        let filled = { (row: RawRow) in row.cells.indices.filter { !row.cells[$0].isEmpty && $0 < slots.count }.map { slots[$0] } }
        var index: [String: Int] = [:]
        for (i, row) in rows.enumerated() { if let key = key(row), index[key] == nil { index[key] = i } }
        for row in again {
            guard let key = key(row), let i = index[key], matches(row, rows[i]), row.cells.count == rows[i].cells.count,
                !zip(row.cells, rows[i].cells).contains(where: { !$0.isEmpty && !$1.isEmpty }),
                !sharesColumn(filled(row), filled(rows[i]))
            else {
                strays.append(row)
                continue
            }
            for (c, cell) in row.cells.enumerated() where !cell.isEmpty { rows[i].cells[c] = cell }
            if rows[i].name.isEmpty { rows[i].name = row.name }
            rows[i].choices += row.choices
        }
        return strays
    }

    static func goesOn(_ later: RawTable, from earlier: RawTable) -> Bool {
        guard later.title.table == earlier.title.table, later.title.core == earlier.title.core,
            let slots = later.slots, let first = earlier.slots, later.labelColumns == nil, earlier.labelColumns == nil,
            later.unit == earlier.unit, later.emptyStatement == nil, earlier.emptyStatement == nil,
            !later.rows.isEmpty, slots.contains(where: { $0.column != nil })
        else { return false }
        return !sharesColumn(slots, first) && findRows(later.rows, in: earlier.rows)
    }

    /// Whether two headers name a column in common, whatever words they name it by (a
    /// header that names no phase, 合计, names the document's own, as 预算数 does).
    static func sharesColumn(_ a: [ColumnSlot], _ b: [ColumnSlot]) -> Bool {
        a.contains { s in
            s.column != nil && b.contains { $0.column == s.column && $0.year == s.year && ($0.phase == s.phase || $0.phase == nil || s.phase == nil) }
        }
    }

    /// The later table's slots after the earlier's, its rows folded into the earlier's.
    static func append(_ later: RawTable, to table: inout RawTable) {
        let offset = table.slots?.count ?? 0
        let width = offset + (later.slots?.count ?? 0)
        table.slots = (table.slots ?? []) + (later.slots ?? [])
        for i in table.rows.indices { table.rows[i].cells += [String](repeating: "", count: width - table.rows[i].cells.count) }
        let again = later.rows.map { row in
            var row = row
            row.cells = [String](repeating: "", count: offset) + row.cells
            row.cells += [String](repeating: "", count: max(0, width - row.cells.count))
            for c in row.choices.indices { row.choices[c].slots = row.choices[c].slots.map { $0 + offset } }
            return row
        }
        keep(fold(again, into: &table.rows, slots: table.slots ?? []), in: &table)
        table.unreadable += later.unreadable
        table.unplaced += later.unplaced
        table.repairs += later.repairs
        if let first = later.rows.first { table.repairs.append((first.line, repair)) }
    }
}
