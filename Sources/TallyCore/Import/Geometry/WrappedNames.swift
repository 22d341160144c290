/// Which row a wrapped name's line belongs to. A line of name words alone (no code, no
/// figure) stands between two rows; it ends the name of the row above it or begins the
/// name of the row below it:
///
///     208 05 06                  80.38        ← a row whose name is set on the lines beside it
///               机关事业单位职业年金缴费
///               支出                           ← ends the name above: a short line is a name's last
///     208 05 99 其他行政事业单位养老支出  0.94
///
/// Two things of the page decide, not what the words say:
/// - a name wraps only where its cell is full: every line of a name but its last is as wide
///   as the widest line of the name column allows (its next character would not have fit),
///   so a line with room left is the last of its name;
/// - a row's name is set in its cell the way every other row's is: the middle of its lines
///   stands as far from the middle of its code and figures as a one-line name does.
/// The lines between two rows are cut once (those above the cut end the upper row's name,
/// the rest begin the lower row's), for the whole page at once, so that each row's name
/// fits both rules best; a line out of reach of both rows stays out of any name, as before.
enum WrappedNames {
    /// One line of the table: its name words and where the line stands.
    struct Line {
        var page: Int
        /// Name words only (code and figures left out), left to right.
        var words: [PlacedWord]
        /// The line's middle, and (for a row) where its code and figures stand.
        var middle: Double
        var rowMiddle: Double
        var top: Double
        var bottom: Double
        var isRow: Bool
        /// A row with a code: it has a name somewhere.
        var needsName = false
    }

    /// For each name line (index into `lines`), the row it belongs to; a line that no row
    /// reaches is left out.
    /// - `reach`: how far apart two lines of one name may stand (middle to middle).
    /// - `rowExtent`: how far each row reaches up and down (a name line overlapping it is in reach).
    static func assign(_ lines: [Line], reach: Double, rowExtent: [(top: Double, bottom: Double)]) -> [Int: Int] {
        let nameLines = lines.indices.filter { !lines[$0].words.isEmpty }
        guard nameLines.contains(where: { !lines[$0].isRow }) else { return [:] }
        // The widest name line: no line of the column is wider than its cell lets it be.
        let widest = nameLines.map { width(lines[$0].words) }.max() ?? 0
        // How a name stands against its row's code and figures: most names are one line, the
        // nearest name line to the row (its own, or one set just above or below it).
        let offsets = lines.indices.filter { lines[$0].isRow }.compactMap { row -> Double? in
            let near = lines.indices.filter { lines[$0].page == lines[row].page && !lines[$0].words.isEmpty
                && ($0 == row || !lines[$0].isRow) }
                .map { wordsMiddle(lines[$0].words) - lines[row].rowMiddle }
                .min { abs($0) < abs($1) }
            return near.flatMap { abs($0) <= reach ? $0 : nil }
        }.sorted()
        let offset = offsets.isEmpty ? 0 : offsets[offsets.count / 2]

        var result: [Int: Int] = [:]
        for page in Set(lines.map(\.page)).sorted() {
            let onPage = lines.indices.filter { lines[$0].page == page }
            let rows = onPage.filter { lines[$0].isRow }
            guard !rows.isEmpty else { continue }
            // The name lines above the first row, between each two rows, below the last.
            var gaps = [[Int]](repeating: [], count: rows.count + 1)
            var g = 0
            for i in onPage {
                if lines[i].isRow { g += 1 } else if !lines[i].words.isEmpty { gaps[g].append(i) }
            }
            let plan = bestCuts(lines, rows: rows, gaps: gaps, reach: reach, rowExtent: rowExtent, widest: widest, offset: offset)
            for (t, row) in rows.enumerated() {
                for i in plan[t].above + plan[t].below { result[i] = row }
            }
        }
        return result
    }

    /// A gap's cut: how many of its lines (from the top) end the row above, how many (from
    /// the bottom) begin the row below; any between are in reach of neither.
    struct Cut { var down: Int; var up: Int }

    private static func bestCuts(_ lines: [Line], rows: [Int], gaps: [[Int]], reach: Double,
                                 rowExtent: [(top: Double, bottom: Double)], widest: Double, offset: Double)
        -> [(above: [Int], below: [Int])]
    {
        // The cuts each gap allows: every line taken must be in reach of the one before it,
        // the first of them in reach of its row.
        func inReach(_ line: Int, of row: Int) -> Bool {
            let l = lines[line]
            let r = lines[row]
            if abs(l.middle - r.middle) <= reach { return true }
            let e = rowExtent[row]
            return e.top < l.bottom && l.top < e.bottom
        }
        func chained(_ run: [Int], from row: Int?) -> Bool {
            guard let first = run.first else { return true }
            guard let row, inReach(first, of: row) else { return false }
            return zip(run, run.dropFirst()).allSatisfy { abs(lines[$1].middle - lines[$0].middle) <= reach }
        }
        // A name wraps over a few lines, never more: a run longer than this is not one name.
        let longest = 3
        var choices: [[Cut]] = []
        for (g, gap) in gaps.enumerated() {
            var cuts: [Cut] = []
            let above = g > 0 ? rows[g - 1] : nil
            let below = g < rows.count ? rows[g] : nil
            for down in 0...(above == nil ? 0 : min(gap.count, longest)) where chained(Array(gap.prefix(down)), from: above) {
                for up in 0...(below == nil ? 0 : min(gap.count - down, longest))
                where chained(gap.suffix(up).reversed(), from: below) {
                    cuts.append(Cut(down: down, up: up))
                }
            }
            choices.append(cuts)
        }

        // A row's cost, given the lines it takes above and below.
        func cost(_ t: Int, above: ArraySlice<Int>, below: ArraySlice<Int>) -> Double {
            let row = rows[t]
            var name: [Line] = above.map { lines[$0] }
            if !lines[row].words.isEmpty { name.append(lines[row]) }
            name += below.map { lines[$0] }
            // A row with a code has a name.
            var c = name.isEmpty && lines[row].needsName ? 10.0 : 0
            // A line with room left ends its name.
            for (line, next) in zip(name, name.dropFirst()) where !isFull(line.words, before: next.words, widest: widest) {
                c += 10
            }
            // A line that begins with an item's number (`1.因公出国（境）费`, a row printed
            // without figures) begins a name: left out rather than joined to another's.
            if name.dropFirst().contains(where: { Vocabulary.startsItem($0.words.first?.text ?? "") }) { c += 1000 }
            if let first = name.first, let last = name.last {
                let centre = (wordsMiddle(first.words) + wordsMiddle(last.words)) / 2
                c += min(3, abs(centre - lines[row].rowMiddle - offset) / max(reach, 1))
            }
            // Equal otherwise, a line goes on the name above it.
            return c + 0.001 * Double(above.count)
        }
        func taken(_ g: Int, _ cut: Cut) -> (down: ArraySlice<Int>, up: ArraySlice<Int>) {
            (gaps[g].prefix(cut.down), gaps[g].suffix(cut.up))
        }
        func dropped(_ g: Int, _ cut: Cut) -> Double { 100 * Double(gaps[g].count - cut.down - cut.up) }

        // Row by row down the page: the best total for each cut of the gap below the row.
        var best: [Double] = choices[0].map { dropped(0, $0) }
        var back: [[Int]] = []
        for t in rows.indices {
            let g = t + 1
            var next: [Double] = []
            var from: [Int] = []
            for cut in choices[g] {
                var bestValue = Double.infinity
                var bestIndex = 0
                for (k, prev) in choices[t].enumerated() {
                    let v = best[k] + cost(t, above: taken(t, prev).up, below: taken(g, cut).down)
                    if v < bestValue { bestValue = v; bestIndex = k }
                }
                next.append(bestValue + dropped(g, cut))
                from.append(bestIndex)
            }
            back.append(from)
            best = next
        }
        var k = best.indices.min { best[$0] < best[$1] } ?? 0
        var cutOf = [Cut](repeating: Cut(down: 0, up: 0), count: gaps.count)
        for g in stride(from: gaps.count - 1, through: 0, by: -1) {
            cutOf[g] = choices[g][k]
            if g > 0 { k = back[g - 1][k] }
        }
        return rows.indices.map { t in
            (Array(taken(t, cutOf[t]).up), Array(taken(t + 1, cutOf[t + 1]).down))
        }
    }

    /// Whether a name line was cut because its cell was full: its next character would
    /// have made it wider than the widest line of the column.
    static func isFull(_ words: [PlacedWord], before next: [PlacedWord], widest: Double) -> Bool {
        guard let first = next.first, !first.text.isEmpty else { return true }
        let character = (first.right - first.left) / Double(first.text.count)
        return width(words) + character > widest + 0.05 * character
    }

    static func width(_ words: [PlacedWord]) -> Double {
        guard let first = words.first, let last = words.last else { return 0 }
        return last.right - first.left
    }

    static func wordsMiddle(_ words: [PlacedWord]) -> Double {
        guard let top = words.map(\.top).min(), let bottom = words.map(\.bottom).max() else { return 0 }
        return (top + bottom) / 2
    }

    /// Whether the lowest line above a page's first row is the first line of its name, not
    /// the header's last: its words stand only under label columns of the header above it,
    /// and none of them is a header's word (科目名称, 类, 合计, a column's name).
    static func isName(_ line: WordLine, under grid: ColumnGrid) -> Bool {
        let headerWords = Vocabulary.labelHeaderWords.filter { $0.count > 1 && !Vocabulary.wrappedNameTails.contains($0) }
        return !line.words.isEmpty && line.words.allSatisfy { word in
            let over = grid.columns.filter { $0.left < word.right && word.left < $0.right }
            return !over.isEmpty && over.allSatisfy(\.isLabel) && HeaderColumns.column(for: word.text) == nil
                && !Vocabulary.codePartHeaders.contains(word.text) && !headerWords.contains { word.text.contains(utf8: $0) }
                && !FigureText.isMarkedFigure(word.text)
        }
    }
}
