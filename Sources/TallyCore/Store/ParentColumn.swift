/// Each row's parent row (ParentLinks.swift), held as the distance from the row in 16 bits: a
/// parent is of its row's document and rows keep their document's order, so a parent lies a
/// few rows away. A parent farther than 16 bits reach is marked `far` and kept, exactly, in a
/// small sorted list of far rows. No row is its own parent, so distance 0 means "none".
public struct ParentColumn: RandomAccessCollection, Sendable {
    /// parent − row, 0 for none, `far` when the list holds it.
    let offsets: StoredColumn<Int16>
    /// The rows marked `far`, increasing, and their parents.
    let farRows: [Int32]
    let farParents: [Int32]
    static let far = Int16.min

    /// `parents`: each row's parent row, -1 for none.
    init(_ parents: [Int32]) {
        var farRows: [Int32] = [], farParents: [Int32] = []
        offsets = StoredColumn(parents.indices.map { row in
            let p = parents[row]
            if p < 0 { return 0 }
            let distance = Int(p) - row
            if distance != 0, let near = Int16(exactly: distance), near != Self.far { return near }
            farRows.append(Int32(row))
            farParents.append(p)
            return Self.far
        })
        self.farRows = farRows
        self.farParents = farParents
    }

    /// A snapshot's sections, or nil when they disagree: the far list must be increasing rows in
    /// range with a parent each, and be exactly the rows marked `far`. The parents themselves
    /// are checked by the reader (in range, same document, shorter code).
    init?(offsets: StoredColumn<Int16>, farRows: [Int32], farParents: [Int32]) {
        guard farRows.count == farParents.count else { return nil }
        var previous = -1
        for row in farRows {
            guard Int(row) > previous, Int(row) < offsets.count, offsets[Int(row)] == Self.far else { return nil }
            previous = Int(row)
        }
        guard offsets.lazy.filter({ $0 == Self.far }).count == farRows.count else { return nil }
        self.offsets = offsets
        self.farRows = farRows
        self.farParents = farParents
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count }

    /// The parent row, -1 for none.
    @inline(__always)
    public subscript(row: Int) -> Int32 {
        let o = offsets[row]
        if o == Self.far { return farParent(of: row) }
        return o == 0 ? -1 : Int32(truncatingIfNeeded: row) &+ Int32(o)
    }

    private func farParent(of row: Int) -> Int32 {
        var lo = 0, hi = farRows.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(farRows[mid]) < row { lo = mid + 1 } else { hi = mid }
        }
        return farParents[lo]
    }

    public var heldBytes: Int { offsets.count * 2 + (farRows.count + farParents.count) * 4 }
}
