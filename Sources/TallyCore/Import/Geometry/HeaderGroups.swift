/// Header groups whose sub-columns repeat: `2024年预算数 | 2025年预算数` (or `年初预算数 |
/// 决算数`) each over 合计 / 基本支出 / 项目支出. A group word is centred over its columns and,
/// being narrower than they are together, overlaps only the middle ones; the others would
/// get no year or phase and read as the table's own.
extension ColumnGrid {
    /// A year or phase word over no column's own cell text (in `-layout` text a column is as
    /// wide as its lowest word: `费`, the end of a wrapped 公务用车购置费) is over the columns
    /// whose header words, any of them, it overlaps — a group over their names.
    static func groupOverReach(_ word: PlacedWord, reach: [(left: Double, right: Double)], topLine: [Int], line: Int) -> [Int] {
        guard HeaderColumns.year(in: word.text) != nil || Vocabulary.phase(inHeader: word.text) != nil else { return [] }
        return reach.indices.filter { topLine[$0] < line && reach[$0].left < word.right && word.left < reach[$0].right }
    }

    /// After a header line is placed: when it holds two or more group words (each names a
    /// year or a phase and stands over columns below), every figure column below that got
    /// none of them takes the nearest — provided the groups then hold the same sub-columns,
    /// the sign that they are one set of columns repeated. A word that starts a column of its
    /// own (a cell merged down, nothing under it) is not a group word.
    static func spreadGroups(_ placed: [(word: PlacedWord, over: [Int])], _ columns: inout [Column],
                             startLine: [Int], topLine: inout [Int], line: Int) {
        let groups = placed.filter { HeaderColumns.year(in: $0.word.text) != nil || Vocabulary.phase(inHeader: $0.word.text) != nil }
        guard groups.count >= 2 else { return }
        let covered = Set(placed.flatMap(\.over))
        let open = columns.indices.filter { i in
            startLine[i] < line && !covered.contains(i) && !isLabelHeader(columns[i].texts)
        }
        guard !open.isEmpty else { return }
        var members = groups.map { Set($0.over) }
        var taken: [Int: Int] = [:]
        for i in open {
            let nearest = groups.indices.min { a, b in
                abs(groups[a].word.centre - columns[i].centre) < abs(groups[b].word.centre - columns[i].centre)
            }!
            taken[i] = nearest
            members[nearest].insert(i)
        }
        // The groups' sub-columns, left to right, by their texts below this line.
        // (A column the group word overlaps already has it on top.)
        let shapes = zip(members, groups).map { set, group in
            set.sorted { columns[$0].left < columns[$1].left }.map { i in
                columns[i].texts.first == group.word.text ? Array(columns[i].texts.dropFirst()) : columns[i].texts
            }
        }
        guard shapes.allSatisfy({ $0 == shapes[0] }) else { return }
        for (i, g) in taken {
            columns[i].texts.insert(groups[g].word.text, at: 0)
            topLine[i] = line
        }
    }
}

extension ColumnGrid {
    /// A row's number in a 行次 column (the national 决算 template prints one beside each
    /// label), or a count in a 数量 / 人数 column (a 政府采购 table's 40 computers): a number
    /// nearer that column than any figure column. Not money.
    func isRowNumber(_ word: PlacedWord) -> Bool {
        guard !word.text.isEmpty, word.text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 44 || $0 == 46 }),
            word.text.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true,
            let nearest = columns.indices.min(by: { abs(columns[$0].centre - word.centre) < abs(columns[$1].centre - word.centre) })
        else { return false }
        guard columns[nearest].isLabel else { return false }
        let texts = columns[nearest].texts
        // (行次 may be set a glyph a line, 行 over 次.)
        if texts.joined().contains(utf8: Vocabulary.rowNumberHeader) {
            return word.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        return texts.contains { t in Vocabulary.countHeaderWords.contains { t.contains(utf8: $0) } }
    }
}

/// Names narrower than the columns they head: an item over its phase pair, a group over its
/// items.
extension ColumnGrid {
    /// An item's name over a phase pair (小计 over 全年预算数 | 决算数), centred in the gap between
    /// them and overlapping one of them or neither, as a name narrower than its pair is set:
    /// it is over both.
    /// A pair is the table's cycle of phases in order (the leftmost phase column's first), so
    /// a name between one item's 决算数 and the next item's 全年预算数 is over neither.
    static func phasePair(under word: PlacedWord, overlapping over: [Int], _ columns: [Column]) -> [Int]? {
        let centre = word.centre
        if let c = over.first, columns[c].left <= centre, centre <= columns[c].right { return nil }
        func phase(_ c: Int) -> Phase? { Vocabulary.phase(inHeader: columns[c].texts.last ?? "") }
        guard let left = columns.indices.filter({ columns[$0].right <= centre }).max(by: { columns[$0].right < columns[$1].right }),
            let right = columns.indices.filter({ columns[$0].left >= centre }).min(by: { columns[$0].left < columns[$1].left }),
            over.allSatisfy({ $0 == left || $0 == right }),
            let first = columns.indices.filter({ phase($0) != nil }).min(by: { columns[$0].left < columns[$1].left }).flatMap(phase),
            phase(left) == first, let second = phase(right), second != first
        else { return nil }
        // Near both: no further from either than the name is wide (in `-layout` text, as wide
        // as it stands on the page: a CJK glyph is a cell there, and about two digits' width).
        let width = max(word.right - word.left, word.height) * (word.inCharacterCells ? 2 : 1)
        guard word.left - columns[left].right <= width, columns[right].left - word.right <= width else { return nil }
        return [left, right]
    }

    /// A group name over one item's columns (公务用车购置及运行维护费 over 购置费's 预算数 | 决算数)
    /// is centred over all its items (小计, 购置费, 运行维护费, each over its pair): it reaches
    /// every column out to the names beside it, merged down from its line (因公出国（境）费,
    /// 公务接待费), or a name of its own line, when it is centred over them. Without a name merged
    /// down on one side the word is not known to be a group over more, and stays over what it
    /// overlaps. (Years and phases are groups of their own kind: `spreadGroups`.)
    static func spreadOverItems(_ placed: [(word: PlacedWord, over: [Int])], _ columns: inout [Column], before: [Int],
                                topLine: inout [Int], reach: inout [(left: Double, right: Double)], line: Int) {
        let order = columns.indices.sorted { columns[$0].left < columns[$1].left }
        let onLine = Set(placed.flatMap(\.over))
        for (word, over) in placed where over.count >= 2 {
            guard HeaderColumns.year(in: word.text) == nil, Vocabulary.phase(inHeader: word.text) == nil,
                let first = order.firstIndex(where: over.contains), let last = order.lastIndex(where: over.contains),
                order[first...last].allSatisfy(over.contains)
            else { continue }
            let depth = over.map { $0 < before.count ? before[$0] : line }.max() ?? line
            // The columns out to the next name beside the word, and whether that is a name
            // merged down beside it (a name of its own line stops it too, but says nothing).
            func walk(from start: Int, by step: Int) -> (columns: [Int], mergedDown: Bool) {
                var out: [Int] = []
                var k = start
                while k >= 0 && k < order.count {
                    let c = order[k]
                    if c < before.count, before[c] > depth, !onLine.contains(c) { return (out, true) }
                    if onLine.contains(c) || isLabelHeader(columns[c].texts) { return (out, false) }
                    out.append(c)
                    k += step
                }
                return (out, false)
            }
            let (left, right) = (walk(from: first - 1, by: -1), walk(from: last + 1, by: 1))
            let reached = left.columns + over + right.columns
            guard left.mergedDown || right.mergedDown, reached.count > over.count,
                let from = reached.map({ columns[$0].left }).min(), let to = reached.map({ columns[$0].right }).max(),
                abs(word.centre - (from + to) / 2) <= max(word.height, 0.05 * (to - from))
            else { continue }
            for c in left.columns + right.columns {
                columns[c].texts.insert(word.text, at: 0)
                topLine[c] = line
                reach[c] = (min(reach[c].left, word.left), max(reach[c].right, word.right))
            }
        }
    }
}
