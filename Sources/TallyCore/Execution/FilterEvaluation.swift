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
                return mask.withUnsafeBufferPointer { mask in rows(where: ids, InMask(mask: mask)) }
            }
        case .codeRange(let range):
            return rows(where: code, InRange(lo: UInt32(range.lowerBound), width: UInt32(range.count)))
        case .codeMask(let mask):
            return mask.withUnsafeBufferPointer { mask in rows(where: code, InMask(mask: mask)) }
        case .identifier(let field, let mask):
            return identifierColumn(field).withUnsafeBufferPointer { ids in
                mask.withUnsafeBufferPointer { mask in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { mask[Int(ids[$0])] } } }
            }
        case .number(let field, let intervals):
            func within<T: BinaryInteger>(_ v: UnsafeBufferPointer<T>) -> RowSet {
                RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { r in intervals.contains { $0.contains(Int64(v[r])) } } }
            }
            switch field {
            case .year: return year.withUnsafeBufferPointer(within)
            case .budgetYear:
                if let byDocument = budgetYear.byDocument {
                    return documents { d in intervals.contains { $0.contains(Int64(byDocument[d])) } }
                }
                return budgetYear.byRow.withUnsafeBufferPointer(within)
            case .line: return rows(where: line, InIntervals(intervals: intervals))
            case .page:
                if let byDocument = page.byDocument {
                    return documents { d in intervals.contains { $0.contains(Int64(byDocument[d])) } }
                }
                return page.byRow.withUnsafeBufferPointer(within)
            case .level:
                let levels = codes.levels
                return levels.withUnsafeBufferPointer { levels in rows(where: code, LevelIn(levels: levels, intervals: intervals)) }
            default: return amount.withUnsafeBufferPointer { v in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { r in intervals.contains { $0.contains(v[r]) } } } }
            }
        case .ownYear:
            if let own = budgetYear.byDocument { return rows(where: year, equalToTheirDocuments: own) }
            return year.withUnsafeBufferPointer { year in
                budgetYear.byRow.withUnsafeBufferPointer { own in RowSet(rowCount: n) { w, out in RowSet.fill(words: w, rowCount: n, into: out) { year[$0] == own[$0] } } }
            }
        case .ownPhase:
            return rows(where: phase, equalToTheirDocuments: ownPhase)
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
    /// width (both cores for a large store). The test is a type, not a closure, so each scan
    /// is specialised with the test inlined into its loop: a closure handed down this far is
    /// called for every row, three times slower.
    @inline(__always)
    func rows<Test: ValueTest>(where column: CompactColumn, _ test: Test) -> RowSet {
        let n = count
        func scan<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>) -> RowSet {
            RowSet(rowCount: n) { w, out in
                RowSet.fill(words: w, rowCount: n, into: out) { test(UInt32(truncatingIfNeeded: values[$0])) }
            }
        }
        return column.withBuffer(narrow: scan, wide: scan)
    }

    /// The rows whose value equals their document's own (its budget year, its phase): one
    /// value per run of a document's rows, the doc id from the row ranges, not from a column.
    func rows<T: FixedWidthInteger>(where values: StoredColumn<T>, equalToTheirDocuments own: [T]) -> RowSet {
        let n = count
        let start = documentStart
        let doc = self.doc
        return values.withUnsafeBufferPointer { values in
            own.withUnsafeBufferPointer { own in
                RowSet(rowCount: n) { words, out in
                    guard !words.isEmpty else { return }
                    var row = words.lowerBound << 6
                    let end = min(words.upperBound << 6, n)
                    var d = Int(doc[row])
                    while row < end {
                        while row >= start[d + 1] { d += 1 }
                        let stop = min(end, start[d + 1]), wanted = own[d]
                        while row < stop {
                            if values[row] == wanted { out[row >> 6] |= 1 << UInt64(row & 63) }
                            row += 1
                        }
                    }
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

/// A test of one id or number, for `rows(where:_:)`.
protocol ValueTest {
    func callAsFunction(_ value: UInt32) -> Bool
}

/// Ids in `lo..<lo+width` (a code pattern's range of codes).
struct InRange: ValueTest {
    let lo: UInt32, width: UInt32
    @inline(__always) func callAsFunction(_ value: UInt32) -> Bool { value &- lo < width }
}

/// Ids the mask accepts.
struct InMask: ValueTest {
    let mask: UnsafeBufferPointer<Bool>
    @inline(__always) func callAsFunction(_ value: UInt32) -> Bool { mask[Int(value)] }
}

/// Numbers in any of the intervals (line numbers).
struct InIntervals: ValueTest {
    let intervals: [ClosedRange<Int64>]
    @inline(__always) func callAsFunction(_ value: UInt32) -> Bool { intervals.contains { $0.contains(Int64(value)) } }
}

/// Codes whose level is in any of the intervals.
struct LevelIn: ValueTest {
    let levels: UnsafeBufferPointer<UInt8>, intervals: [ClosedRange<Int64>]
    @inline(__always) func callAsFunction(_ value: UInt32) -> Bool { intervals.contains { $0.contains(Int64(levels[Int(value)])) } }
}
