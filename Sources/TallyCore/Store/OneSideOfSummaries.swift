/// The 总表 (部门收支总表, 财政拨款收支总表) print 收入 and 支出 side by side, each side with its
/// 合计 and 总计, in rows that carry no codes: the code tree cannot tell their sides or levels
/// apart, and adding every row adds the same money two or four times (000's 合计 twice, 6,995.08
/// each). A sum takes one side and one level of each (§3, issue 14): its grand total.
extension TableID {
    public var isTwoSided: Bool { self == .summary || self == .fiscalSummary }
}

/// Which rows are totals by their name (合计, 总计, 收入总数, 本年支出合计 …): the one test
/// the parent links, the 总表 rule and its SQL share.
public enum TotalRow {
    public static let words = ["合计", "总计", "总数"]
    public static func isTotal(_ name: String) -> Bool { words.contains { name.contains($0) } }
}

extension LineItemStore {
    /// `rows` with each group of a two-sided 总表 (same doc, table, column, year and phase)
    /// that holds a matched total row down to one row: its largest total — the grand total, as
    /// each side's parts add up to it — the first by line, then name, where two are equal.
    /// Groups that match several rows and no total are kept whole and named in `unsided`
    /// (doc ids), for a note: they may hold rows of both sides.
    func oneSideOfTwoSidedTotals(_ rows: RowSet) -> (rows: RowSet, unsided: [UInt32]) {
        var twoSided = [Bool](repeating: false, count: 256)
        for t in TableID.allCases where t.isTwoSided { twoSided[Int(t.rawValue)] = true }
        struct Group: Hashable { var doc: UInt32, year: Int16, phase: UInt8, table: UInt8, column: UInt8 }
        var members: [Group: [Int]] = [:]
        rows.forEach { row in
            guard twoSided[Int(table[row])] else { return }
            members[Group(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row]), default: []].append(row)
        }
        guard !members.isEmpty else { return (rows, []) }
        let emptyCode = codes.id(of: "")
        let totalName = names.mask(TotalRow.isTotal)
        func isTotal(_ row: Int) -> Bool { code[row] == emptyCode && totalName[Int(name[row])] }
        var kept = rows
        var unsided: Set<UInt32> = []
        for (group, list) in members {
            let totals = list.filter(isTotal)
            guard let first = totals.first else {
                if list.filter({ code[$0] == emptyCode }).count > 1 { unsided.insert(group.doc) }
                continue
            }
            let grand = totals.dropFirst().reduce(first) { best, row in Self.precedes(row, best, self) ? row : best }
            for row in list where row != grand { kept.remove(row) }
        }
        return (kept, unsided.sorted())
    }

    /// The grand total's order: the larger figure, then the earlier line, then the name (as
    /// SQL orders them), then the row.
    private static func precedes(_ a: Int, _ b: Int, _ store: LineItemStore) -> Bool {
        if store.amount[a] != store.amount[b] { return store.amount[a] > store.amount[b] }
        if store.line[a] != store.line[b] { return store.line[a] < store.line[b] }
        let x = store.names[store.name[a]], y = store.names[store.name[b]]
        if x != y { return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) }
        return a < b
    }
}
