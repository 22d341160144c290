/// A sheet that holds two pages' worth side by side: a document printed 2-up (two pages
/// scaled onto one landscape sheet), or a landscape page with two tables beside each other,
/// each under its own title. Poppler gives one line across both halves wherever their rows
/// stand level, so the halves are read as pages of their own, left before right.
///
/// The halves are told by a gutter down the middle of the sheet that no word crosses, with
/// a table under its own title on each side. A table's own columns can leave a gutter too
/// (short names, then figures), but the side right of it then holds figures and headers
/// only, and its title is on one side at most, near that side's edge. A 2-up document's
/// sheets that go on with a table, without titles, are cut where its titled sheets are.
enum SheetParts {
    /// No sheet holds more parts than this (2-up of pages with two tables each).
    static let mostParts = 4

    /// What a gutter must show to cut a sheet.
    enum Evidence {
        /// A table under its own title on each side.
        case titles
        /// A gutter where the document's titled sheets have theirs (a 2-up document's pages
        /// stand in the same halves of every sheet), with a table's rows or no figures on
        /// each side (a table going on, a cover, a page of notes). In `-layout` text, where
        /// pdftotext sets each sheet's columns by its own words, a halved sheet's gutter moves
        /// from sheet to sheet with the width of its text: anywhere between those of its
        /// titled sheets as fractions of their width (`between`), on a whole sheet about as
        /// wide as they are (`width` at least: not one narrow page of a table's last rows).
        case sharedGutter([ClosedRange<Double>], between: (fractions: ClosedRange<Double>, width: Double)? = nil)
    }

    /// A stretch no word covers: where a cut would fall, and the stretch.
    struct Gutter {
        var x: Double
        var span: ClosedRange<Double>
    }

    /// Where each sheet is cut into parts, by page (sheets of one part are left out): where
    /// titled tables stand on both sides of a gutter, and then, in a document with such
    /// sheets, wherever a gutter runs where theirs do (a 2-up document's cover and notes, its
    /// tables going on untitled).
    static func cuts(_ sheets: [(page: Int, words: [PlacedWord])]) -> [Int: [Double]] {
        var cuts: [Int: [Gutter]] = [:]
        for sheet in sheets {
            let found = self.cuts(sheet.words, evidence: [.titles])
            if !found.isEmpty { cuts[sheet.page] = found }
        }
        guard !cuts.isEmpty else { return [:] }
        let spans = cuts.values.flatMap { $0.map(\.span) }
        let inCells = sheets.contains { $0.words.contains(where: \.inCharacterCells) }
        var between: (fractions: ClosedRange<Double>, width: Double)?
        if inCells, cuts.values.allSatisfy({ $0.count == 1 }) {
            let titled = sheets.filter { cuts[$0.page] != nil }
            let fractions = titled.compactMap { sheet in cuts[sheet.page]?.first.flatMap { fraction($0.span, of: sheet.words) } }
            if let low = fractions.map(\.lowerBound).min(), let high = fractions.map(\.upperBound).max(),
                let narrowest = titled.map({ width(of: $0.words) }).min()
            {
                between = (low...high, 0.75 * narrowest)
            }
        }
        let custom = Evidence.sharedGutter(spans, between: between)
        // (A sheet cut by titles may hold a part going on untitled beside them.)
        for sheet in sheets {
            let found = self.cuts(sheet.words, evidence: [.titles, custom])
            if !found.isEmpty { cuts[sheet.page] = found }
        }
        return cuts.mapValues { $0.map(\.x) }
    }

    /// Each sheet's parts, left to right, with the page each is read as: parts after a
    /// sheet's first count on from it, and later sheets after them.
    static func parts(of sheets: [Int], cuts: [Int: [Double]]) -> [(sheet: Int, part: Int, page: Int)] {
        var out: [(sheet: Int, part: Int, page: Int)] = []
        var extra = 0
        for sheet in sheets {
            let count = (cuts[sheet]?.count ?? 0) + 1
            for k in 0..<count { out.append((sheet, k, sheet + extra + k)) }
            extra += count - 1
        }
        return out
    }

    /// The part of its sheet a word is in: how many cuts stand left of its middle.
    static func part(_ word: PlacedWord, cuts: [Double]) -> Int {
        cuts.filter { $0 <= word.centre }.count
    }

    /// A stretch as fractions of the width the words span.
    static func fraction(_ span: ClosedRange<Double>, of words: [PlacedWord]) -> ClosedRange<Double>? {
        guard let start = words.map(\.left).min(), let end = words.map(\.right).max(), end > start else { return nil }
        return (span.lowerBound - start) / (end - start)...(span.upperBound - start) / (end - start)
    }

    /// How wide the words span, left edge to right.
    static func width(of words: [PlacedWord]) -> Double {
        (words.map(\.right).max() ?? 0) - (words.map(\.left).min() ?? 0)
    }

    /// The sheet's cuts, left to right: each part is cut again while it holds two pages, by
    /// the first kind of evidence that cuts it.
    static func cuts(_ words: [PlacedWord], evidence: [Evidence]) -> [Gutter] {
        var parts = [words]
        var cuts: [Gutter] = []
        var i = 0
        while i < parts.count, parts.count < mostParts {
            if let (left, right, gutter) = evidence.lazy.compactMap({ self.halves(parts[i], evidence: $0, whole: parts.count == 1) }).first {
                parts.replaceSubrange(i...i, with: [left, right])
                cuts.append(gutter)
            } else {
                i += 1
            }
        }
        return cuts.sorted { $0.x < $1.x }
    }

    /// `whole`: the words are a whole sheet's, not a part cut from it.
    static func halves(_ words: [PlacedWord], evidence: Evidence, whole: Bool = true) -> ([PlacedWord], [PlacedWord], Gutter)? {
        let needsTables: Bool
        if case .titles = evidence { needsTables = true } else { needsTables = false }
        guard words.count >= (needsTables ? 20 : 2) else { return nil }
        // (Whether the words are as wide as a titled sheet's, for a gutter placed by fraction.)
        let wideEnough = whole && { if case .sharedGutter(_, let b?) = evidence { width(of: words) >= b.width } else { false } }()
        for gutter in gutters(words) {
            let x = gutter.x
            let left = words.filter { $0.centre < x }, right = words.filter { $0.centre >= x }
            guard !left.isEmpty, !right.isEmpty else { continue }
            // (Codes ending the left side's lines were cut from their names: a gutter between
            // a table's code and name columns. A last group of thousands set apart by spaces,
            // `4 783 700`, is no code.)
            let cutCodes = WordLines.group(left, page: 0, firstNumber: 0).filter { line in
                guard let last = line.words.last,
                    DocumentText.isCode(Substring(last.text)) || DocumentText.dottedCode(last.text, beforeName: false) != nil
                else { return false }
                return line.words.count < 2 || !FigureText.isFigure(line.words[line.words.count - 2].text)
            }
            guard cutCodes.count < 3 else { continue }
            // A table under a title of its own on the right, beside the rows of a table with
            // figures of its own on the left (its last page, going on untitled), or beside
            // columns going on with no label at all (a table's right-hand columns' last page):
            // two tables, however close their level figures stand (the right one's columns
            // going on, titled again, or a 三公 table's one row).
            let leftStarts = rowStarts(WordLines.group(left, page: 0, firstNumber: 0))
            let leftKind = kind(leftStarts)
            let besideTitled = {
                switch leftKind {
                case true?: isTitledTable(right, figuresFirst: true)
                case nil: rowsOrNoFigures(right) == true && isTitledTable(right)
                case false?: false
                }
            }
            // (Not a 三公 table's one row, no label before it, whose figures a gutter inside the
            // table would split.)
            let labelledRows = leftStarts.rows > 0 || leftKind == nil
            guard !splitsFigures(words, at: x) || (!needsTables && labelledRows && besideTitled()) else { continue }
            switch evidence {
            case .titles:
                // A table under its own title on each side: one table's label columns (a
                // 采购表's 品目 | 组织形式) or a two-sided 收支总表 going on over a page have
                // rows on both sides of their gutters, and a title on one side at most.
                if isTitledTable(left), isTitledTable(right) { return (left, right, gutter) }
            case .sharedGutter(let spans, let between):
                guard spans.contains(where: { $0.overlaps(gutter.span) })
                    || wideEnough && between.map({ b in fraction(gutter.span, of: words).map(b.fractions.overlaps) == true }) == true
                else { continue }
                // (A table's figure columns cut from its labels begin their lines with figures.)
                let sides = [leftKind, rowsOrNoFigures(right)]
                // (Unless they are under a title of their own beside a table with figures of
                // its own: a table's columns going on, titled again, beside its rows' last page.)
                guard sides.allSatisfy({ $0 != nil }) || besideTitled() else { continue }
                // (Nor do a few rows' labels on one side, their figures level on the other: a
                // table's last page of two rows.)
                if labelsLevelWithFigures(words, at: x) { continue }
                return (left, right, gutter)
            }
        }
        return nil
    }

    /// Whether a side's lines with figures begin with labels or codes at least as often as
    /// with figures (true), or it has no figures at all (false); nil for figures cut from
    /// their labels.
    static func rowsOrNoFigures(_ words: [PlacedWord]) -> Bool? {
        kind(rowStarts(WordLines.group(words, page: 0, firstNumber: 0)))
    }

    /// `rowsOrNoFigures` of a side's row starts.
    static func kind(_ starts: (rows: Int, figuresFirst: Int)) -> Bool? {
        let (rows, figuresFirst) = starts
        if rows == 0, figuresFirst == 0 { return false }
        // (Beyond the few rows of a 三公 table.)
        return figuresFirst <= max(3, rows) ? true : nil
    }

    /// The middles of the stretches no word covers in the middle 40% of the words' span that
    /// are wider than a glyph and a half, widest on most lines first.
    static func gutters(_ words: [PlacedWord]) -> [Gutter] {
        guard let start = words.map(\.left).min(), let end = words.map(\.right).max(), end > start else { return [] }
        let heights = words.map(\.height).sorted()
        let glyph = heights[heights.count / 2]
        let from = start + 0.3 * (end - start), to = start + 0.7 * (end - start)
        var gaps: [(x: Double, width: Double, span: ClosedRange<Double>)] = []
        var reached = from
        for w in words.sorted(by: { $0.left < $1.left }) where w.right > from {
            if w.left > reached {
                let gapEnd = min(w.left, to)
                if gapEnd > reached { gaps.append(((reached + gapEnd) / 2, gapEnd - reached, reached...gapEnd)) }
            }
            reached = max(reached, w.right)
            if reached >= to { break }
        }
        // (Nothing reaches the window's end: the gap runs on past it.)
        if reached < to { gaps.append(((reached + to) / 2, to - reached, reached...to)) }
        // A gutter between pages or tables is wide on most lines; a gap between a table's own
        // columns is as narrow on most lines as where it is narrowest (in `-layout` text,
        // glyphs rounded to cells narrow every gutter to a few cells somewhere).
        let lines = WordLines.group(words, page: 0, firstNumber: 0)
        // (Measured on the lines with words on both sides; where hardly any line has, the two
        // sides' rows never stand level, and the gap is as wide as the sheet. Between gaps as
        // wide, the one that parts no line's words narrowly: one between two header cells of
        // a table parts their line by a cell gap, the gutter parts its lines widely or none.)
        func widths(_ x: Double) -> (typical: Double, narrowest: Double) {
            let widths = lines.compactMap { line -> Double? in
                guard let before = line.words.filter({ $0.centre < x }).map(\.right).max(),
                    let after = line.words.filter({ $0.centre >= x }).map(\.left).min()
                else { return nil }
                return after - before
            }.sorted()
            return (widths.count < 3 ? end - start : widths[widths.count / 2], widths.first ?? end - start)
        }
        return gaps.filter { $0.width >= 1.5 * glyph }.map { (gap: $0, widths: widths($0.x)) }
            .sorted { ($0.widths.typical, $0.widths.narrowest, $0.gap.width) > ($1.widths.typical, $1.widths.narrowest, $1.gap.width) }
            .map { Gutter(x: $0.gap.x, span: $0.gap.span) }
    }

    /// Whether a cut at `x` falls inside a row of figures: two figures side by side across it
    /// no further apart than figures stand beside each other on each side of it on their line
    /// (a 三公 table's one row). Between tables, a row's figures are followed by the next
    /// table's code or name, or by a gutter wider than one of the two tables' column gaps (the
    /// other's may be as wide: a 三公 row's few figures spread over its width).
    static func splitsFigures(_ words: [PlacedWord], at x: Double) -> Bool {
        for line in WordLines.group(words, page: 0, firstNumber: 0) {
            let w = line.words
            var across: Double?
            var before: [Double] = [], after: [Double] = []
            // (A code beginning the next table's row, `201.01 人大事务` too, is no figure of this one.)
            for k in w.indices.dropLast() where FigureText.isFigure(w[k].text) && FigureText.isFigure(w[k + 1].text) && !CodeWords.startsWithAnyCode(Array(w[(k + 1)...])) {
                let gap = w[k + 1].left - w[k].right
                if w[k].centre < x, w[k + 1].centre >= x { across = gap } else if w[k].centre < x { before.append(gap) } else { after.append(gap) }
            }
            if let across, let widest = [before.max(), after.max()].compactMap({ $0 }).min(), across <= 1.5 * widest { return true }
        }
        return false
    }

    /// Whether the side left of `x` prints no figure but codes, and every line that begins
    /// with a figure right of it has a row's label (a code or a name) left of it: a cut there
    /// takes rows' figures from their labels.
    static func labelsLevelWithFigures(_ words: [PlacedWord], at x: Double) -> Bool {
        guard !words.contains(where: { $0.centre < x && FigureText.isFigure($0.text) && !DocumentText.isCode(Substring($0.text)) }) else { return false }
        var level = 0
        for line in WordLines.group(words, page: 0, firstNumber: 0) {
            let left = line.words.filter { $0.centre < x }, right = line.words.filter { $0.centre >= x }
            guard let first = right.first, FigureText.isFigure(first.text) else { continue }
            guard let label = left.first, DocumentText.beginsName(label.text) || CodeWords.startsWithCode(left) else { return false }
            level += 1
        }
        return level > 0
    }

    /// Whether one side's words are a table under its own title: a table's title set over
    /// the side's middle (a title over the whole table, short and off to one side of a gutter
    /// in its columns, stands near that side's edge), and lines that begin with labels at
    /// least as often as with figures (a side whose lines begin with figures is columns cut
    /// off from their table's labels, beyond the few rows of a 三公 table).
    static func isTitledTable(_ words: [PlacedWord], figuresFirst allowed: Bool = false) -> Bool {
        guard let start = words.map(\.left).min(), let end = words.map(\.right).max() else { return false }
        let lines = WordLines.group(words, page: 0, firstNumber: 0)
        let (rows, figuresFirst) = rowStarts(lines)
        if !allowed, figuresFirst > max(3, rows) { return false }
        let middle = (start + 0.25 * (end - start))...(start + 0.75 * (end - start))
        return lines.contains { line in
            guard let left = line.words.first?.left, let right = line.words.map(\.right).max() else { return false }
            return middle.contains((left + right) / 2) && TableTitle.recognise(line.joined) != nil
        }
    }

    /// Of the lines with figures, how many begin with a label or code, and how many with a
    /// figure.
    static func rowStarts(_ lines: [WordLine]) -> (rows: Int, figuresFirst: Int) {
        var rows = 0, figuresFirst = 0
        for line in lines where line.words.contains(where: { FigureText.isFigure($0.text) }) {
            guard let first = line.words.first else { continue }
            // (A label or code: a blank cell's `-` before a figure begins no row.)
            if DocumentText.beginsName(first.text) || CodeWords.startsWithAnyCode(line.words) {
                rows += 1
            } else if FigureText.isFigure(first.text) {
                figuresFirst += 1
            }
        }
        return (rows, figuresFirst)
    }
}
