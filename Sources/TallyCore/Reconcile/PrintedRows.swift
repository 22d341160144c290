/// The line items of each printed table row — same doc, table, year, line and code — gathered
/// for the row rule without a Dictionary per row: rows are hashed once, scattered into
/// partitions small enough to stay in cache, and each partition grouped with an
/// open-addressing table. Within a printed row, a column printed twice keeps its last figure.
struct PrintedRows {
    /// One printed row: the figure (and line item) of each column present.
    struct Group {
        var values: UnsafeMutableBufferPointer<Int64>
        var rows: UnsafeMutableBufferPointer<Int32>
        /// One of the group's line items (the first in row order).
        var representative: Int

        func figure(_ column: ColumnID) -> (Int64, Int)? {
            let r = rows[Int(column.rawValue)]
            return r < 0 ? nil : (values[Int(column.rawValue)], Int(r))
        }
    }

    static let columnSlots = ColumnID.allCases.count
    static let partitionTarget = 4096

    /// Calls `body` with every printed row of the rows in `scope` whose table is in `tables`.
    static func forEach(_ store: LineItemStore, scope: RowSet, tables: Set<TableID>, _ body: (Group) -> Void) {
        var tableMask = [Bool](repeating: false, count: 256)
        for t in tables { tableMask[Int(t.rawValue)] = true }
        let doc = store.doc, table = store.table, year = store.year, line = store.line, code = store.code
        let column = store.column, amount = store.amount

        @inline(__always) func hash(_ r: Int) -> UInt64 {
            var h = UInt64(doc[r]) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ UInt64(line[r]) ^ UInt64(table[r]) << 32) &* 0xFF51_AFD7_ED55_8CCD
            h = (h ^ UInt64(code[r]) ^ UInt64(UInt16(bitPattern: year[r])) << 40) &* 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 29)
        }
        @inline(__always) func same(_ a: Int, _ b: Int) -> Bool {
            doc[a] == doc[b] && line[a] == line[b] && code[a] == code[b] && table[a] == table[b] && year[a] == year[b]
        }

        // Pass 1: how many rows fall in each partition (by the hash's top bits).
        var candidates = 0
        scope.forEach { r in if tableMask[Int(table[r])] { candidates += 1 } }
        guard candidates > 0 else { return }
        var bits = 0
        while (candidates >> bits) > partitionTarget { bits += 1 }
        let partitions = 1 << bits
        let shift = UInt64(64 - bits)
        @inline(__always) func partition(_ h: UInt64) -> Int { bits == 0 ? 0 : Int(h >> shift) }
        var starts = [Int](repeating: 0, count: partitions + 1)
        var hashes = [UInt64](repeating: 0, count: candidates)
        var members = [Int32](repeating: 0, count: candidates)
        // Hashes are kept in row order first, then scattered: each partition stays in row order.
        var k = 0
        scope.forEach { r in
            guard tableMask[Int(table[r])] else { return }
            let h = hash(r)
            hashes[k] = h
            members[k] = Int32(r)
            starts[partition(h) + 1] += 1
            k += 1
        }
        for p in 0..<partitions { starts[p + 1] += starts[p] }
        var fill = starts
        var scatteredHash = [UInt64](repeating: 0, count: candidates)
        var scatteredRow = [Int32](repeating: 0, count: candidates)
        for i in 0..<candidates {
            let p = partition(hashes[i])
            scatteredHash[fill[p]] = hashes[i]
            scatteredRow[fill[p]] = members[i]
            fill[p] += 1
        }
        hashes = []
        members = []

        // Pass 2: each partition grouped in its own small table.
        var largest = 0
        for p in 0..<partitions { largest = max(largest, starts[p + 1] - starts[p]) }
        var size = 16
        while size < largest * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var groupHash = [UInt64](repeating: 0, count: largest)
        var groupRow = [Int32](repeating: 0, count: largest)
        let values = UnsafeMutableBufferPointer<Int64>.allocate(capacity: largest * columnSlots)
        let rows = UnsafeMutableBufferPointer<Int32>.allocate(capacity: largest * columnSlots)
        defer {
            values.deallocate()
            rows.deallocate()
        }
        for p in 0..<partitions where starts[p + 1] > starts[p] {
            let mask = size - 1
            var groups = 0
            for i in starts[p]..<starts[p + 1] {
                let h = scatteredHash[i]
                let r = Int(scatteredRow[i])
                var s = Int(truncatingIfNeeded: h) & mask
                var g = -1
                while slots[s] >= 0 {
                    let candidate = Int(slots[s])
                    if groupHash[candidate] == h, same(Int(groupRow[candidate]), r) {
                        g = candidate
                        break
                    }
                    s = (s + 1) & mask
                }
                if g < 0 {
                    g = groups
                    groups += 1
                    slots[s] = Int32(g)
                    groupHash[g] = h
                    groupRow[g] = Int32(r)
                    for c in 0..<columnSlots { rows[g * columnSlots + c] = -1 }
                }
                values[g * columnSlots + Int(column[r])] = amount[r]
                rows[g * columnSlots + Int(column[r])] = Int32(r)
            }
            for g in 0..<groups {
                let base = g * columnSlots
                body(Group(values: UnsafeMutableBufferPointer(rebasing: values[base..<(base + columnSlots)]),
                           rows: UnsafeMutableBufferPointer(rebasing: rows[base..<(base + columnSlots)]),
                           representative: Int(groupRow[g])))
            }
            // Clear only the slots used.
            for i in starts[p]..<starts[p + 1] {
                var s = Int(truncatingIfNeeded: scatteredHash[i]) & mask
                while slots[s] >= 0 {
                    slots[s] = -1
                    s = (s + 1) & mask
                }
            }
        }
    }
}
