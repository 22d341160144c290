/// The order of a result's groups (§3): by their values; for `top N`, the N largest sums,
/// largest first — within each value of FIELD for `top N per FIELD` — where a group is what
/// the result shows as one row: spread `as columns`, a code's years are one group, ranked
/// before they are spread.
struct GroupOrder {
    let keys: [Executor.GroupKey]
    /// Each field's sort ranks by value (dictionary order for text), nil where the value is its rank.
    let ranks: [[UInt32]?]
    let fieldCount: Int

    init(keys: [Executor.GroupKey], fields: [Field], _ store: LineItemStore) {
        self.keys = keys
        fieldCount = fields.count
        ranks = fields.enumerated().map { i, field in
            let dictionary: TextDictionary
            switch field {
            case .doc: dictionary = store.docs
            case .label: dictionary = store.labels
            case .district: dictionary = store.districts
            case .dept: dictionary = store.depts
            case .name: dictionary = store.names
            default: return nil  // numbers, vocabulary order, sorted code ids
            }
            return dictionary.sortRanks(of: keys.lazy.map { UInt32(truncatingIfNeeded: $0[i]) })
        }
    }

    func rank(_ group: Int, _ field: Int) -> Int64 {
        let value = keys[group][field]
        return ranks[field].map { Int64($0[Int(value)]) } ?? value
    }

    /// Natural order of two groups over `fields` (indices), first field first.
    func less(_ x: Int, _ y: Int, over fields: [Int]) -> Bool {
        for i in fields {
            let a = rank(x, i), b = rank(y, i)
            if a != b { return a < b }
        }
        return false
    }

    /// Every group in natural order.
    func natural(cancel: Cancellation) throws(Diagnostic) -> [Int] {
        var asked = Executor.CancellableOrder(cancel)
        let all = Array(0..<fieldCount)
        let order = keys.indices.sorted { x, y in asked.stop() ? x < y : less(x, y, over: all) }
        if asked.cancelled { throw Cancellation.cancelledError }
        return order
    }

    /// `top N [per FIELD]`: groups ranked by `sum(group)` — the rows of one shown group (all
    /// but `spread`) ranked together by their total — the N largest kept within each value of
    /// `per`, largest first, a shown group's rows then in natural order of `spread`.
    func top(_ limit: Int, per: Int?, spread: Int?, sum: (Int) -> Int64, cancel: Cancellation) throws(Diagnostic) -> [Int] {
        let shownFields = (0..<fieldCount).filter { $0 != spread }
        // The shown groups, each with its member groups and their total.
        var shownIndex: [Executor.GroupKey: Int] = [:]
        var members: [[Int]] = []
        var totals: [Int64] = []
        for g in keys.indices {
            var key = keys[g]
            if let spread { key[spread] = 0 }
            let s: Int
            if let found = shownIndex[key] { s = found } else {
                s = members.count
                shownIndex[key] = s
                members.append([])
                totals.append(0)
            }
            members[s].append(g)
            totals[s] = totals[s].addingReportingOverflow(sum(g)).overflow ? (sum(g) > 0 ? .max : .min) : totals[s] + sum(g)
        }
        var asked = Executor.CancellableOrder(cancel)
        // A representative member stands for its shown group in comparisons of values.
        let ranked = members.indices.sorted { a, b in
            if asked.stop() { return a < b }
            let x = members[a][0], y = members[b][0]
            if let per, rank(x, per) != rank(y, per) { return rank(x, per) < rank(y, per) }
            if totals[a] != totals[b] { return totals[a] > totals[b] }
            return less(x, y, over: shownFields)
        }
        if asked.cancelled { throw Cancellation.cancelledError }
        var kept: [Int] = []
        var taken = 0
        var partition: Int64?
        for s in ranked {
            if let per {
                let value = rank(members[s][0], per)
                if value != partition { partition = value; taken = 0 }
            }
            guard taken < limit else { continue }
            taken += 1
            let rows = spread.map { i in members[s].sorted { rank($0, i) < rank($1, i) } } ?? members[s]
            kept += rows
        }
        return kept
    }
}
