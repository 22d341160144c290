/// The code tree of one column of a table as read, linked as the store links its rows
/// (`ParentLinks`): a row's parent is the first row of its longest proper prefix code, a row
/// with no such prefix (a 类 row) hangs under the table's total row.
enum CodeTree {
    /// Per row, its parent's index; nil for a row without a code, or with no parent and no total.
    static func parents(of codes: [String], total: Int?) -> [Int?] {
        var rowOfCode: [String: Int] = [:]
        for (i, code) in codes.enumerated() where !code.isEmpty && rowOfCode[code] == nil { rowOfCode[code] = i }
        return codes.map { code in
            guard !code.isEmpty else { return nil }
            var length = code.count - 1
            while length >= 1 {
                if let p = rowOfCode[String(code.prefix(length))] { return p }
                length -= 1
            }
            return total
        }
    }

    /// How far a parent may differ from its children's sum by their rounding alone: half the
    /// printed precision (0.01 of the table's unit) for each of them and for the parent.
    static func roundingTolerance(children: Int, unit: DisplayUnit) -> Int64 {
        Int64(children + 1) * (unit.fenPerUnit / 200)
    }
}
