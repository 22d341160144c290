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
}
