/// Turns a bound filter into the set of rows it selects, one column scan per condition.
extension LineItemStore {
    public func rows(matching filter: RowFilter) -> RowSet {
        let n = count
        switch filter {
        case .all: return RowSet(rowCount: n, all: true)
        case .none: return RowSet(rowCount: n)
        case .text(let field, let mask):
            switch textColumn(field).ids {
            case .perDocument(let ids):
                if let byDocument = ids.byDocument {
                    return documents { mask[Int(byDocument[$0])] }
                }
                return ids.byRow.withUnsafeBufferPointer { ids in
                    mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { mask[Int(ids[$0])] } } }
                }
            case .perRow(let ids):
                return mask.withUnsafeBufferPointer { mask in rows(where: ids) { mask[Int($0)] } }
            }
        case .codeRange(let range):
            let lo = UInt32(range.lowerBound)
            let width = UInt32(range.count)
            return rows(where: code) { $0 &- lo < width }
        case .codeMask(let mask):
            return mask.withUnsafeBufferPointer { mask in rows(where: code) { mask[Int($0)] } }
        case .identifier(let field, let mask):
            return identifierColumn(field).withUnsafeBufferPointer { ids in
                mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { mask[Int(ids[$0])] } } }
            }
        case .number(let field, let intervals):
            func within<T: BinaryInteger>(_ values: [T]) -> RowSet {
                values.withUnsafeBufferPointer { v in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { r in intervals.contains { $0.contains(Int64(v[r])) } } } }
            }
            switch field {
            case .year: return within(year)
            case .budgetYear:
                if let byDocument = budgetYear.byDocument {
                    return documents { d in intervals.contains { $0.contains(Int64(byDocument[d])) } }
                }
                return within(budgetYear.byRow)
            case .line: return rows(where: line) { v in intervals.contains { $0.contains(Int64(v)) } }
            case .page:
                if let byDocument = page.byDocument {
                    return documents { d in intervals.contains { $0.contains(Int64(byDocument[d])) } }
                }
                return within(page.byRow)
            case .level:
                let levels = codes.levels
                return levels.withUnsafeBufferPointer { levels in
                    rows(where: code) { v in intervals.contains { $0.contains(Int64(levels[Int(v)])) } }
                }
            default: return amount.withUnsafeBufferPointer { v in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { r in intervals.contains { $0.contains(v[r]) } } } }
            }
        case .ownYear:
            if let own = budgetYear.byDocument {
                return year.withUnsafeBufferPointer { year in documentRows { d, row in year[row] == own[d] } }
            }
            return year.withUnsafeBufferPointer { year in
                budgetYear.byRow.withUnsafeBufferPointer { own in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { year[$0] == own[$0] } } }
            }
        case .ownPhase:
            return phase.withUnsafeBufferPointer { phase in
                ownPhase.withUnsafeBufferPointer { own in documentRows { d, row in phase[row] == own[d] } }
            }
        case .not(let inner):
            var set = rows(matching: inner)
            set.invert()
            return set
        case .and(let parts):
            // The most selective conditions first (a code range selects a few per cent); each
            // later condition tests only the rows still in the set.
            let ordered = Self.flatten(parts).enumerated().sorted { a, b in
                (Self.selectivityRank(a.element), a.offset) < (Self.selectivityRank(b.element), b.offset)
            }.map(\.element)
            guard var set = ordered.first.map(rows(matching:)) else { return RowSet(rowCount: n, all: true) }
            for part in ordered.dropFirst() where !set.isEmpty {
                if let test = predicate(part) {
                    set.removeAll { !test($0) }
                } else {
                    set.formIntersection(rows(matching: part))
                }
            }
            return set
        case .or(let parts):
            var set = RowSet(rowCount: n)
            for part in parts { set.formUnion(rows(matching: part)) }
            return set
        }
    }

    /// The rows whose value in `column` passes `test`, scanned in a loop of the column's own
    /// width (both cores for a large store).
    @inline(__always)
    func rows(where column: CompactColumn, _ test: (UInt32) -> Bool) -> RowSet {
        let n = count
        func scan<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>) -> RowSet {
            RowSet(rowCount: n) { w, out in
                RowSet.fill(words: w, rowCount: n, into: out) { test(UInt32(truncatingIfNeeded: values[$0])) }
            }
        }
        return column.withBuffer(narrow: scan, wide: scan)
    }

    /// The rows for which `test` (of the row's doc id and the row) is true, document by
    /// document: the doc id comes from the row ranges, not from a column.
    @inline(__always)
    func documentRows(where test: (Int, Int) -> Bool) -> RowSet {
        let n = count
        let start = documentStart
        return RowSet(rowCount: n) { words, out in
            guard !words.isEmpty else { return }
            let first = words.lowerBound << 6, end = min(words.upperBound << 6, n)
            var d = Int(doc[first])
            var word: UInt64 = 0
            for row in first..<end {
                while row >= start[d + 1] { d += 1 }
                if test(d, row) { word |= 1 << UInt64(row & 63) }
                if row & 63 == 63 || row == end - 1 {
                    out[row >> 6] = word
                    word = 0
                }
            }
        }
    }

    /// The rows of every document for which `test` (of its doc id) is true: whole ranges,
    /// never a scan of the rows.
    func documents(where test: (Int) -> Bool) -> RowSet {
        var set = RowSet(rowCount: count)
        for d in 0..<docs.count where documentStart[d] < documentStart[d + 1] && test(d) {
            set.insert(documentStart[d]..<documentStart[d + 1])
        }
        return set
    }

    static func flatten(_ parts: [RowFilter]) -> [RowFilter] {
        parts.flatMap { part -> [RowFilter] in
            if case .and(let inner) = part { return flatten(inner) }
            return [part]
        }
    }

    /// Which conditions to evaluate first: those that usually keep the fewest rows.
    static func selectivityRank(_ filter: RowFilter) -> Int {
        switch filter {
        case .none: 0
        case .text(let field, _) where field != .name: 0
        case .number(.budgetYear, _): 0
        case .codeRange, .codeMask: 1
        case .text: 2
        case .number: 3
        case .identifier(.table, _): 4
        case .identifier: 5
        case .ownYear, .ownPhase: 6
        default: 7
        }
    }

    /// A single condition as a test of one row, for refining a set already small.
    func predicate(_ filter: RowFilter) -> ((Int) -> Bool)? {
        switch filter {
        case .text(let field, let mask):
            let ids = textColumn(field).ids
            return { mask[Int(ids[$0])] }
        case .codeRange(let range):
            let lo = UInt32(range.lowerBound), width = UInt32(range.count)
            let code = self.code
            return { code[$0] &- lo < width }
        case .codeMask(let mask):
            let code = self.code
            return { mask[Int(code[$0])] }
        case .identifier(let field, let mask):
            let ids = identifierColumn(field)
            return { mask[Int(ids[$0])] }
        case .number(.year, let intervals):
            let year = self.year
            return { r in intervals.contains { $0.contains(Int64(year[r])) } }
        case .ownYear:
            let year = self.year, own = budgetYear
            return { year[$0] == own[$0] }
        case .ownPhase:
            let phase = self.phase, doc = self.doc, own = ownPhase
            return { phase[$0] == own[Int(doc[$0])] }
        default:
            return nil
        }
    }

    /// Drops every row that has an ancestor in the set: the no-double-counting rule of §3.
    public func topmost(_ rows: RowSet) -> RowSet {
        var kept = RowSet(rowCount: rows.rowCount)
        let parent = self.parent
        rows.forEach { row in
            var p = parent[row]
            while p >= 0 {
                if rows.contains(Int(p)) { return }
                p = parent[Int(p)]
            }
            kept.insert(row)
        }
        return kept
    }
}
