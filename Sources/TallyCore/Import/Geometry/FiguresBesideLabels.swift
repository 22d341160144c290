/// Two-sided summary tables (收入 | 决算数 | 支出 | 决算数): a row is a label and the figures
/// beside it, joined where their boxes meet on the page, not by the line a PDF's words were
/// grouped into. Some generators give a figure the box of its whole cell (20 pt tall beside
/// a 3 pt label, its middle 4 pt above the label's), so the figures of a row form a line of
/// their own just above (or below) their labels; read as lines, they would be rows without a
/// label (合计) and their labels rows without figures.
///
/// A side's figures on a line that has no label on that side go to the label of that side
/// whose box overlaps theirs (or whose middle lies within a label's height of theirs: one
/// line of `-layout` text), the nearest one, if it has no figure in those columns yet. A
/// label wrapped over two lines with the figures on the line between (三、单位预留机动经 /
/// 3,990.40 / 费), equally near above and below, is both lines' text. Figures with no label
/// of their side near, beside a label of the side to the left that has no figures, are that
/// label's: one label cell merged over both sides (支出合计 over 功能分类 and 支出用途).
enum FiguresBesideLabels {
    typealias Piece = TableReader.Piece

    /// The label columns that begin a side: the first of consecutive label columns, if some
    /// line has a label in it (the table's first always). A label header that no line's
    /// label stands under is a heading over a side's columns (本年支出 set between 合计 and
    /// 人员经费, over none of them), not a column: the figures right of it belong to the
    /// side's labels further left.
    static func sides(_ pieces: [Piece], grid: ColumnGrid?) -> [Int] {
        guard let grid else { return [] }
        var used = Set<Int>()
        for piece in pieces {
            for cell in piece.cells where cell.column < grid.columns.count && grid.columns[cell.column].isLabel {
                if case .figure = FigureText.read(cell.word.text) { continue }
                var k = cell.column
                while k > 0, grid.columns[k - 1].isLabel { k -= 1 }
                used.insert(k)
            }
        }
        // The first label column stays a side however empty: figures left of every side
        // would have no label to be read under.
        if let first = grid.columns.indices.first(where: { grid.columns[$0].isLabel }) { used.insert(first) }
        return used.sorted()
    }

    /// The side a column is on: the nearest side start at or left of it.
    static func side(of column: Int, sides: [Int]) -> Int? {
        sides.last { $0 <= column }
    }

    static func attach(_ input: [Piece], grid: ColumnGrid?, sides: [Int]) -> [Piece] {
        guard let grid, !sides.isEmpty else { return input }
        var pieces = input
        func side(_ column: Int) -> Int? { column < grid.columns.count ? Self.side(of: column, sides: sides) : nil }
        func isFigure(_ word: PlacedWord) -> Bool { if case .figure = FigureText.read(word.text) { true } else { false } }
        func labels(_ p: Int, _ s: Int) -> [PlacedWord] {
            pieces[p].cells.filter { side($0.column) == s && grid.columns[$0.column].isLabel && !isFigure($0.word) }.map(\.word)
        }
        func figures(_ p: Int, _ s: Int) -> [(column: Int, word: PlacedWord)] {
            pieces[p].cells.filter { side($0.column) == s && !grid.columns[$0.column].isLabel && isFigure($0.word) }
        }
        func span(_ words: [PlacedWord]) -> (top: Double, bottom: Double) {
            (words.map(\.top).min() ?? 0, words.map(\.bottom).max() ?? 0)
        }

        for i in pieces.indices {
            for s in sides where labels(i, s).isEmpty {
                let moving = figures(i, s)
                guard !moving.isEmpty else { continue }
                let columns = Set(moving.map(\.column))
                let box = span(moving.map(\.word))
                let middle = (box.top + box.bottom) / 2
                // Labels of this side near enough, by the distance of their middle from the figures'.
                var near: [Near] = []
                for j in pieces.indices where j != i && pieces[j].line.page == pieces[i].line.page {
                    let words = labels(j, s)
                    guard !words.isEmpty, !figures(j, s).contains(where: { columns.contains($0.column) }) else { continue }
                    let label = span(words)
                    let height = label.bottom - label.top
                    let distance = (label.top + label.bottom) / 2 - middle
                    let overlaps = label.top < box.bottom && box.top < label.bottom
                    guard overlaps || abs(distance) <= height + 1e-9 else { continue }
                    near.append(Near(piece: j, distance: distance, height: height, overlaps: overlaps, hasFigures: !figures(j, s).isEmpty))
                }
                // Boxes that meet first (a PDF's); then a label wrapped around the figures' line;
                // then the line's own label on the side to the left; then the label a line away.
                let choice: Choice
                if let overlapping = Self.choose(near.filter(\.overlaps), wrapOnly: false) {
                    choice = overlapping
                } else if let wrap = Self.choose(near, wrapOnly: true) {
                    choice = wrap
                } else if let left = sides.filter({ $0 < s }).max(), figures(i, left).isEmpty, !labels(i, left).isEmpty {
                    // The line's own label on the side to the left, whose cells hold no figure:
                    // one label cell merged over both sides (支出合计 over 功能分类 and 支出用途).
                    for k in pieces[i].cells.indices where side(pieces[i].cells[k].column) == left && grid.columns[pieces[i].cells[k].column].isLabel {
                        pieces[i].cells[k].column = s
                    }
                    continue
                } else if let single = Self.choose(near, wrapOnly: false) {
                    choice = single
                } else {
                    continue
                }
                let target: Int
                switch choice {
                case .row(let j):
                    target = j
                case .wrapped(let above, let below):
                    target = above
                    let isLabel = { (cell: (column: Int, word: PlacedWord)) in
                        side(cell.column) == s && grid.columns[cell.column].isLabel && !isFigure(cell.word)
                    }
                    pieces[target].cells += pieces[below].cells.filter(isLabel)
                    pieces[below].cells.removeAll(where: isLabel)
                }
                pieces[target].cells += moving
                pieces[i].cells.removeAll { side($0.column) == s && columns.contains($0.column) && isFigure($0.word) }
            }
        }
        return pieces.filter { !$0.cells.isEmpty }
    }

    struct Near {
        var piece: Int
        /// From the figures' middle to the label's: negative above them.
        var distance: Double
        var height: Double
        var overlaps: Bool
        /// The label's line has figures on this side already (in other columns).
        var hasFigures: Bool
    }

    enum Choice {
        case row(Int)
        /// A label wrapped around the figures' line: its first line and its second.
        case wrapped(above: Int, below: Int)
    }

    /// The nearest label; the fragments above and below, neither with figures on this side,
    /// equally near, are one label wrapped around the figures. Of two equally near, the one
    /// whose other figures stand beside it. `wrapOnly`: only a wrapped label will do.
    static func choose(_ near: [Near], wrapOnly: Bool) -> Choice? {
        let above = near.filter { $0.distance < 0 }.min { -$0.distance < -$1.distance }
        let below = near.filter { $0.distance > 0 }.min { $0.distance < $1.distance }
        if let above, let below, !above.hasFigures, !below.hasFigures,
            abs(-above.distance - below.distance) <= 0.25 * max(above.height, below.height)
        {
            return .wrapped(above: above.piece, below: below.piece)
        }
        if wrapOnly { return nil }
        let best = near.min { a, b in
            abs(a.distance) != abs(b.distance) ? abs(a.distance) < abs(b.distance) : (a.hasFigures && !b.hasFigures)
        }
        return best.map { .row($0.piece) }
    }
}
