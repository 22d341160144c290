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
        if texts.contains(where: { $0.contains(utf8: Vocabulary.rowNumberHeader) }) {
            return word.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        return texts.contains { t in Vocabulary.countHeaderWords.contains { t.contains(utf8: $0) } }
    }
}
