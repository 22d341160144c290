/// The columns of a table as they stand on the page, read from its header lines: each
/// column is the stack of header texts above it (a group header such as 支出预算 or
/// “三公”经费 is part of every column it spans). A figure belongs to the column it stands
/// under: figures are set right-aligned (or centred) in their cell, so a figure's right edge
/// lies past its own header's left edge and before the next header's — the column is the
/// rightmost one whose header starts left of the figure's right edge. Empty cells cost
/// nothing: nothing needs to be counted.
struct ColumnGrid {
    struct Column {
        /// The span of the column's lowest header word: the cell's own text, centred in it
        /// (a group header above may be wider).
        var left: Double
        var right: Double
        /// Header texts, top to bottom.
        var texts: [String]
        var centre: Double { (left + right) / 2 }
        /// The column its texts name, with the year they give (0: the table's).
        var slot = ColumnSlot(column: nil, year: 0, header: "")
        /// A code or name column (项目, 科目编码, 类/款/项, 科目名称), not one of figures.
        var isLabel: Bool
        /// The span of all the column's own header words, every wrapped line of its name
        /// (not a group's text over it).
        var own: (left: Double, right: Double) = (0, 0)
        /// In `-layout` text: the word that starts `own` is set one cell after a CJK word of
        /// its line — poppler packed the two names together, so this one's cells begin left
        /// of where it stands on the page (see `textCellColumn`).
        var ownPacked = false
        /// The header lines, counted from the bottom, of the column's lowest and highest text.
        var lines = (lowest: 0, highest: 0)
    }

    var columns: [Column]
    var alignment: Alignment = .right
    /// Read off `-layout` text, where positions are character cells (see `textCellColumn`).
    var inCharacterCells = false
    /// Where each figure column's figures stand, learnt from rows that print a figure in
    /// every column: then a figure of a sparser row is in the column it lines up with,
    /// however the header above is set.
    var learnt: [(left: Double, right: Double)]?

    /// Learns the figure columns' spans from the rows with a figure under every column.
    /// `trailing`: for a page set apart from its header, a row's figures are the numbers
    /// after its last word, wherever they stand; the label zone then ends where they begin.
    mutating func learn(from lines: [WordLine], trailing: Bool = false) {
        let n = figureColumns.count
        guard n > 0 else { return }
        var spans = [[(Double, Double)]](repeating: [], count: n)
        for line in lines {
            let figures = trailing ? Array(trailingFigures(line)) : line.words.filter { $0.left >= labelsEnd && isFigure($0) }
            guard figures.count == n else { continue }
            for (k, w) in figures.enumerated() { spans[k].append((w.left, w.right)) }
        }
        guard spans.allSatisfy({ !$0.isEmpty }) else { return }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        learnt = spans.map { (median($0.map(\.0)), median($0.map(\.1))) }
        if trailing, let first = learnt?.first, first.left < labelsEnd {
            labelsEndOnPage = first.left - 0.5
        }
    }

    /// A word read as a figure of the table (a row's number is not one).
    func isFigure(_ word: PlacedWord) -> Bool {
        guard case .figure = FigureText.read(word.text) else { return false }
        return !isRowNumber(word)
    }

    /// The figures after a line's last word, wherever they stand; none for a line of figures only.
    func trailingFigures(_ line: WordLine) -> ArraySlice<PlacedWord> {
        let count = line.words.reversed().prefix(while: isFigure).count
        return count < line.words.count ? line.words[(line.words.count - count)...] : []
    }

    /// Where the label zone ends on a page whose columns were learnt apart from its header.
    var labelsEndOnPage: Double?

    /// Two-sided tables: where the labels of each side after the first begin on the page, by
    /// the side's first label column (RunTogetherLabels).
    var labelStarts: [Int: Double] = [:]

    /// How a table sets its figures in their cells. Most right-align them; some (Word
    /// tables) left-align them under a centred header. Told from the figures themselves:
    /// which of their edges line up.
    enum Alignment {
        /// Figures in one column line up on the right, or on the left.
        case right, left
        /// Nothing lines up (a table of one row): each figure is under the header nearest it.
        case nearest

        static func of(_ words: [PlacedWord], zoneStart: Double) -> Alignment {
            let figures = words.filter { $0.left >= zoneStart && FigureText.isMarkedFigure($0.text) }
            // Aligned edges take few distinct positions; the other edge as many as there are widths.
            func distinct(_ edge: (PlacedWord) -> Double) -> Int {
                Set(figures.map { Int((edge($0) * 2).rounded()) }).count
            }
            let (lefts, rights) = (distinct(\.left), distinct(\.right))
            if lefts == rights && lefts == figures.count { return .nearest }
            return lefts < rights ? .left : .right
        }
    }

    var figureColumns: [Int] { columns.indices.filter { !columns[$0].isLabel } }

    /// Where the figures begin: left of it are codes and names.
    var figureZoneStart: Double {
        guard let first = figureColumns.first else { return .infinity }
        // Left-aligned figures start before their header does: the zone begins where the
        // last label column's header ends.
        return alignment == .left ? labelsEnd : columns[first].left
    }

    /// Where the last label header before the figure columns ends.
    var labelsEnd: Double {
        if let labelsEndOnPage { return labelsEndOnPage }
        guard let first = figureColumns.first else { return .infinity }
        return columns[..<first].last(where: \.isLabel)?.right ?? columns[first].left
    }

    /// Builds the columns bottom-up: the lowest header line's words each start a column; a
    /// word above that overlaps one column is more of its text (a wrap or a group over it), a
    /// word that overlaps several is a group header over each, a word over none starts a
    /// column of its own (a header cell merged down over several lines).
    init?(header lines: [WordLine]) {
        let lines = lines.map(SpacedYears.join)
        var columns: [Column] = []
        // The header line (counted from the bottom) each column starts on, and its highest text's.
        var startLine: [Int] = [], topLine: [Int] = []
        // The span of all of each column's header words (its cell may be wider than its lowest word).
        var reach: [(left: Double, right: Double)] = []
        for (n, line) in lines.reversed().enumerated() {
            // The words of this line set over columns below, with those columns.
            var placed: [(word: PlacedWord, over: [Int])] = []
            defer { Self.spreadGroups(placed, &columns, startLine: startLine, topLine: &topLine, line: n) }
            let before = topLine
            for (w, word) in line.words.enumerated() {
                let packed = w > 0 && Self.isPacked(word, after: line.words[w - 1])
                var over = columns.indices.filter { columns[$0].left < word.right && word.left < columns[$0].right }
                if over.count <= 1, let pair = Self.phasePair(under: word, overlapping: over, columns) { over = pair }
                if over.isEmpty { over = Self.groupOverGap(word, columns, startLine: startLine, topLine: topLine, line: n) }
                if over.isEmpty { over = Self.groupOverReach(word, reach: reach, topLine: topLine, line: n) }
                if over.isEmpty, word.text.hasPrefix(Vocabulary.partOfMarker), word.text.count <= 3 {
                    // `其中` alone over the parts it introduces, in the gap between them: it names
                    // no column, and a column of its own would part theirs.
                    continue
                }
                if over.isEmpty {
                    columns.append(Column(left: word.left, right: word.right, texts: [word.text], isLabel: false, own: (word.left, word.right), ownPacked: packed))
                    startLine.append(n)
                    topLine.append(n)
                    reach.append((word.left, word.right))
                } else {
                    // More lines of the column's own name are centred over it (a group's
                    // name over it and its neighbours' gaps is not).
                    if over.count == 1, columns[over[0]].own.left <= word.centre, word.centre <= columns[over[0]].own.right {
                        if word.left < columns[over[0]].own.left { columns[over[0]].ownPacked = packed }
                        columns[over[0]].own = (min(columns[over[0]].own.left, word.left), max(columns[over[0]].own.right, word.right))
                    }
                    for i in over {
                        columns[i].texts.insert(word.text, at: 0)
                        topLine[i] = n
                        reach[i] = (min(reach[i].left, word.left), max(reach[i].right, word.right))
                    }
                    placed.append((word, over))
                }
            }
            Self.spreadOverItems(placed, &columns, before: before, topLine: &topLine, reach: &reach, line: n)
        }
        guard !columns.isEmpty else { return nil }
        for i in columns.indices { columns[i].lines = (startLine[i], topLine[i]) }
        columns.sort { $0.left < $1.left }
        for i in columns.indices {
            columns[i].isLabel = Self.isLabelHeader(columns[i].texts)
            // Read once: a header's words are matched against the whole vocabulary.
            columns[i].slot = ColumnSchema.slot(texts: columns[i].texts, defaultYear: 0)
        }
        self.columns = columns
        inCharacterCells = lines.contains { $0.words.contains(where: \.inCharacterCells) }
        // A header that names no figure column at all is not this table's header (a wrapped
        // name at the top of a continuation page, a sentence).
        guard columns.contains(where: { !$0.isLabel && $0.slot.column != nil }) else {
            return nil
        }
    }

    /// A group name centred over two columns whose own names are short (基本支出 over 人员经费 |
    /// 公用经费 in `-layout` text) can stand in the gap between them, over neither: it is over
    /// both when the two start on one line, each names a column, nothing of theirs is on its line or above, and
    /// the gaps on its two sides are alike and about as wide as the name or narrower. (A cell merged down
    /// between two groups shares its line with their group names.)
    static func groupOverGap(_ word: PlacedWord, _ columns: [Column], startLine: [Int], topLine: [Int], line: Int) -> [Int] {
        guard let left = columns.indices.filter({ columns[$0].right <= word.left }).max(by: { columns[$0].right < columns[$1].right }),
            let right = columns.indices.filter({ columns[$0].left >= word.right }).min(by: { columns[$0].left < columns[$1].left }),
            startLine[left] == startLine[right], topLine[left] < line, topLine[right] < line,
            // Each a whole name of its own (not the last line of a name wrapped upwards: 本年支出合 / 计).
            [left, right].allSatisfy({ HeaderColumns.column(for: columns[$0].texts.joined()) != nil })
        else { return [] }
        let gaps = (word.left - columns[left].right, columns[right].left - word.right)
        // (A text line's cells are whole characters: a gap may be one cell wider or narrower.)
        let width = word.right - word.left, cell = max(word.height, 0.25 * width)
        guard gaps.0 <= width + cell, gaps.1 <= width + cell, abs(gaps.0 - gaps.1) <= cell else { return [] }
        return [left, right]
    }

    /// Two header words of `-layout` text one cell apart, the first ending in a CJK glyph:
    /// names this close on the page are set one space apart, the second pulled left.
    static func isPacked(_ word: PlacedWord, after previous: PlacedWord) -> Bool {
        // (A label column's header, 项目 or 科目名称, has no figures to drift under the next.)
        guard word.inCharacterCells, word.left - previous.right <= 1, let last = previous.text.unicodeScalars.last,
            !Vocabulary.labelHeaderWords.contains(previous.text), !previous.text.hasPrefix("科目"), !previous.text.hasPrefix("项目")
        else { return false }
        return !last.isASCII
    }

    static func isLabelHeader(_ texts: [String]) -> Bool {
        let leaf = texts.last ?? ""
        if HeaderColumns.column(for: leaf) != nil { return false }
        if texts.contains(where: { $0.hasPrefix(Vocabulary.partOfMarker) }) { return false }
        let all = texts.joined()
        let named = HeaderColumns.column(for: all)
        // A one-character label word (类, 款, 项) heads a code column only as the whole cell:
        // inside a wrapped column name (`财 / 政拨款`) it is part of a word.
        func has(_ text: String, _ word: String) -> Bool { word.count == 1 ? text == word : text.contains(utf8: word) }
        func ends(_ text: String, _ word: String) -> Bool { word.count == 1 ? text == word : text.hasSuffix(word) }
        if named != nil && !Vocabulary.labelHeaderWords.contains(where: { has(leaf, $0) }) {
            return false
        }
        // `一般公共预算拨 / 款`: a figure column's name wrapped so its last line is one glyph
        // that alone heads a code column (款), under the rest of a name of its own.
        if let named, named != .total, texts.count > 1, Vocabulary.codePartHeaders.contains(leaf) { return false }
        // `上级补助 / 收入`, `附属单 / 位上 / 缴收入`: a column's name wrapped so that its last
        // line ends in 收入 or 支出 (words that alone head a label column of a 收支总表).
        if let named, named != .total, texts.count > 1, Vocabulary.wrappedNameTails.contains(where: { leaf.hasSuffix($0) }),
            !Vocabulary.labelHeaderWords.contains(where: { !Vocabulary.wrappedNameTails.contains($0) && has(leaf, $0) })
        {
            return false
        }
        return Vocabulary.labelHeaderWords.contains { has(leaf, $0) || ends(all, $0) }
    }

    /// The figure column a figure stands under, or nil when it stands left of them all.
    func figureColumn(of word: PlacedWord, slack: Double) -> Int? {
        if isRowNumber(word) { return nil }
        if let learnt, word.left >= labelsEnd {
            // The column whose figures this one overlaps most; failing that, the nearest.
            func overlap(_ k: Int) -> Double { min(word.right, learnt[k].right) - max(word.left, learnt[k].left) }
            func distance(_ k: Int) -> Double { abs((word.left + word.right) / 2 - (learnt[k].left + learnt[k].right) / 2) }
            let best = learnt.indices.max { a, b in
                let (oa, ob) = (overlap(a), overlap(b))
                return oa > 0 || ob > 0 ? oa < ob : distance(a) > distance(b)
            }
            return best.map { figureColumns[$0] }
        }
        if inCharacterCells, alignment == .right { return textCellColumn(of: word).column }
        switch alignment {
        case .right:
            // Right-aligned: the rightmost column whose header starts before the figure ends.
            var best: Int?
            for i in figureColumns where columns[i].left < word.right + slack { best = i }
            return best
        case .nearest:
            guard word.right > labelsEnd else { return nil }
            return figureColumns.min { a, b in
                abs(columns[a].centre - word.centre) < abs(columns[b].centre - word.centre)
            }
        case .left:
            // Left-aligned: the leftmost column whose header ends after the figure starts.
            guard word.left >= figureZoneStart else { return nil }
            return figureColumns.first { columns[$0].right > word.left - slack } ?? figureColumns.last
        }
    }

    /// Whether some line would put two figures under one column, or leave one between two
    /// (a reading that cannot place every figure of a one-row table is no better than order).
    func collides(on lines: [WordLine]) -> Bool {
        lines.contains { line in
            let figures = line.words.filter { if case .figure = FigureText.read($0.text) { true } else { false } }
            let columns = figures.compactMap { figureColumn(of: $0, slack: 0) }
            return Set(columns).count < columns.count || figures.contains { textCellDoubt(of: $0) != nil }
        }
    }

    /// The header texts of each figure column, read as columns (§2).
    func slots(defaultYear: Int) -> [ColumnSlot] {
        figureColumns.map { i in
            var slot = columns[i].slot
            if slot.year == 0 { slot.year = defaultYear }
            return slot
        }
    }
}

extension ColumnGrid {
    /// The slots of the figure columns. A 三公 table that prints 会议费 and 培训费 beside the
    /// 三公 has two totals: the 三公 小计 is its `total`, the table's 合计 its `grand_total`.
    func slots(for table: TableID, defaultYear: Int) -> [ColumnSlot] {
        var slots = slots(defaultYear: defaultYear)
        // Columns printed in phase pairs (预算数 | 决算数 under each name): a group name
        // centred over its pair may reach only one of the two; the other takes it too.
        var texts = figureColumns.map { columns[$0].texts }
        // Which phase a pair prints first, from a pair whose name reached both cells: a bare
        // phase word's name is then on the side its partner stands (in `-layout` text a name
        // may reach neither or the wrong neighbour).
        let firstPhase = texts.indices.dropLast().lazy.compactMap { n -> Phase? in
            let (a, b) = (texts[n], texts[n + 1])
            guard a.count > 1, a.dropLast() == b.dropLast(), let pa = Vocabulary.phase(inHeader: a.last!),
                let pb = Vocabulary.phase(inHeader: b.last!), pa != pb else { return nil }
            return pa
        }.first
        for n in texts.indices where texts[n].count == 1 && Vocabulary.phase(inHeader: texts[n][0]) != nil {
            let phase = Vocabulary.phase(inHeader: texts[n][0])
            let sides = firstPhase == nil || phase == firstPhase ? [n + 1, n - 1] : [n - 1, n + 1]
            for m in sides where texts.indices.contains(m) && texts[m].count > 1 {
                guard let leaf = texts[m].last, let other = Vocabulary.phase(inHeader: leaf), other != phase else { continue }
                texts[n] = texts[m].dropLast() + texts[n]
                slots[n] = ColumnSchema.slot(texts: texts[n], defaultYear: defaultYear)
                break
            }
        }
        func leaf(_ n: Int) -> String {
            let t = texts[n]
            // The name a phase word stands under.
            if t.count > 1, let last = t.last, Vocabulary.phase(inHeader: last) != nil, ColumnSchema.isTotalWord(last) { return t[t.count - 2] }
            return t.last ?? ""
        }
        // A 小计 is its group's subtotal; a group's title set over the middle of its columns
        // may not reach the 小计 at its left, so the group is the one over the next column.
        // (A 三公 table's money is all 财政拨款: its 财政拨款“三公”经费 group names no gpb column.)
        for n in figureColumns.indices
        where leaf(n).contains("小计") && (slots[n].column == .total || (table == .threePublic && slots[n].column == .gpb)) {
            // The next column that is not this one in another phase (a header row over them
            // all may reach one phase's cell and not the other's: compare the names).
            guard let m = texts.indices.first(where: { $0 > n && leaf($0) != leaf(n) }) else { continue }
            let next = texts[m]
            let own = Set(texts[n])
            // The group nearest above the next column's own name (not a row over the whole table).
            if let group = next.dropLast().filter({ !own.contains($0) }).reversed().lazy.compactMap(HeaderColumns.column(for:))
                .first(where: { $0 != .total && $0 != slots[m].column })
            {
                slots[n].column = group
            } else if next.count == 1, let group = HeaderColumns.column(for: next[0]), group != .total,
                columns[figureColumns[m]].lines.lowest > columns[figureColumns[n]].lines.highest,
                columns[figureColumns[m]].left - columns[figureColumns[n]].own.right
                    <= (columns[figureColumns[n]].own.right - columns[figureColumns[n]].own.left) / 2
            {
                // In `-layout` text a group's name (一般公共预算) can stand beside its columns
                // rather than over them: a column of its own on a line above the 小计's, starting
                // where the 小计 ends (within a glyph of it).
                slots[n].column = group
            }
        }
        if table == .threePublic, slots.contains(where: { $0.column == .meeting || $0.column == .training }) {
            let totals = slots.indices.filter { slots[$0].column == .total }
            for i in totals {
                let texts = columns[figureColumns[i]].texts.joined()
                if !texts.contains("三公") && !texts.contains("小计") { slots[i].column = .grandTotal }
            }
        }
        // A 小计 left as a total beside the table's own 合计 or 总计 (of the same year and phase)
        // adds a group tally names no column for (本年收入's sources, without 上年结转): its
        // figures are reported, never read as a second total.
        for n in figureColumns.indices where leaf(n).contains("小计") && slots[n].column == .total {
            if slots.indices.contains(where: { m in
                m != n && slots[m].column == .total && !leaf(m).contains("小计") && slots[m].year == slots[n].year && slots[m].phase == slots[n].phase
            }) {
                slots[n].column = nil
            }
        }
        return slots
    }

    /// The label column a word of text stands in (two-sided tables): the column whose
    /// header starts left of the word's end; past a figure column, the next label column.
    /// A label that starts before the labels of the side its end reaches begin (a long income
    /// label spilled over an empty figure cell) is on the side before.
    func textColumn(of word: PlacedWord) -> Int {
        let labels = columns.indices.filter { columns[$0].isLabel }
        guard let c = columns.indices.last(where: { columns[$0].left <= word.right }) else { return labels.first ?? 0 }
        let end = columns[c].isLabel ? c : labels.first(where: { $0 > c }) ?? labels.last(where: { $0 < c }) ?? c
        if let start = labelStarts[end], word.left < start - word.height / 2, let before = labels.last(where: { $0 < end }) {
            return before
        }
        return end
    }
}
