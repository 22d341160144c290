/// Turns a bound filter into the set of rows it selects, one column scan per condition.
extension LineItemStore {
    public func rows(matching filter: RowFilter) -> RowSet {
        let n = count
        switch filter {
        case .all: return RowSet(rowCount: n, all: true)
        case .none: return RowSet(rowCount: n)
        case .text(let field, let mask):
            let ids: [UInt32] = switch field {
            case .doc: doc
            case .district: district
            case .dept: dept
            default: name
            }
            return ids.withUnsafeBufferPointer { ids in
                mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { mask[Int(ids[$0])] } }
            }
        case .codeRange(let range):
            let lo = UInt32(range.lowerBound)
            let width = UInt32(range.count)
            return code.withUnsafeBufferPointer { codes in RowSet(rowCount: n) { codes[$0] &- lo < width } }
        case .codeMask(let mask):
            return code.withUnsafeBufferPointer { ids in
                mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { mask[Int(ids[$0])] } }
            }
        case .tables(let mask):
            return table.withUnsafeBufferPointer { ids in
                mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { mask[Int(ids[$0])] } }
            }
        case .columns(let mask):
            return column.withUnsafeBufferPointer { ids in
                mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { mask[Int(ids[$0])] } }
            }
        case .number(let field, let intervals):
            switch field {
            case .year: return year.withUnsafeBufferPointer { v in RowSet(rowCount: n) { r in intervals.contains { $0.contains(Int64(v[r])) } } }
            case .line: return line.withUnsafeBufferPointer { v in RowSet(rowCount: n) { r in intervals.contains { $0.contains(Int64(v[r])) } } }
            case .level:
                let levels = codes.levels
                return code.withUnsafeBufferPointer { v in RowSet(rowCount: n) { r in intervals.contains { $0.contains(Int64(levels[Int(v[r])])) } } }
            default: return amount.withUnsafeBufferPointer { v in RowSet(rowCount: n) { r in intervals.contains { $0.contains(v[r]) } } }
            }
        case .not(let inner):
            var set = rows(matching: inner)
            set.invert()
            return set
        case .and(let parts):
            guard var set = parts.first.map(rows(matching:)) else { return RowSet(rowCount: n, all: true) }
            for part in parts.dropFirst() where !set.isEmpty { set.formIntersection(rows(matching: part)) }
            return set
        case .or(let parts):
            var set = RowSet(rowCount: n)
            for part in parts { set.formUnion(rows(matching: part)) }
            return set
        }
    }

    /// Drops every row that has an ancestor in the set: the no-double-counting rule of §3.
    public func topmost(_ rows: RowSet) -> RowSet {
        var kept = RowSet(rowCount: rows.rowCount)
        parent.withUnsafeBufferPointer { parent in
            rows.forEach { row in
                var p = parent[row]
                while p >= 0 {
                    if rows.contains(Int(p)) { return }
                    p = parent[Int(p)]
                }
                kept.insert(row)
            }
        }
        return kept
    }
}
