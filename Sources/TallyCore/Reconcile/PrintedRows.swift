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

    /// One line item as grouping needs it, copied out of the columns.
    struct Entry {
        var key0: UInt64
        var key1: UInt64
        var hash: UInt64
        var amount: Int64
        var row: Int32
        var column: UInt8
    }

    static let columnSlots = ColumnID.allCases.count
    static let partitionTarget = 32_768

    /// Calls `body` with every printed row of the rows in `scope` whose table is in `tables`.
    static func forEach(_ store: LineItemStore, scope: RowSet, tables: Set<TableID>, _ body: (Group) -> Void) {
        var tableMask = [Bool](repeating: false, count: 256)
        for t in tables { tableMask[Int(t.rawValue)] = true }
        let doc = store.doc, table = store.table, year = store.year, line = store.line, code = store.code
        let column = store.column, amount = store.amount, phase = store.phase

        /// A printed row's identity in two words, exact: doc and line; code, table, phase and
        /// year (a 决算's 预算数 and 决算数 on one line are two rows of figures).
        @inline(__always) func key(_ r: Int) -> (UInt64, UInt64) {
            (UInt64(doc[r]) << 32 | UInt64(line[r]),
             UInt64(code[r]) << 32 | UInt64(table[r]) << 24 | UInt64(phase[r]) << 16 | UInt64(UInt16(bitPattern: year[r])))
        }
        @inline(__always) func hash(_ k: (UInt64, UInt64)) -> UInt64 {
            let h = (k.0 &* 0x9E37_79B9_7F4A_7C15) ^ (k.1 &* 0xC4CE_B9FE_1A85_EC53)
            return (h ^ (h >> 29)) &* 0xFF51_AFD7_ED55_8CCD
        }

        // Pass 1 (sequential reads): how many rows fall in each partition (the hash's top bits).
        var candidates = 0
        scope.forEach { r in if tableMask[Int(table[r])] { candidates += 1 } }
        guard candidates > 0 else { return }
        var bits = 0
        while (candidates >> bits) > partitionTarget { bits += 1 }
        let partitions = 1 << bits
        let shift = UInt64(64 - bits)
        @inline(__always) func partition(_ h: UInt64) -> Int { bits == 0 ? 0 : Int(h >> shift) }
        var starts = [Int](repeating: 0, count: partitions + 1)
        scope.forEach { r in
            guard tableMask[Int(table[r])] else { return }
            starts[partition(hash(key(r))) + 1] += 1
        }
        for p in 0..<partitions { starts[p + 1] += starts[p] }
        // Pass 2: each row's key and figure written straight into its partition, so grouping
        // reads its partition sequentially instead of reaching back into the columns.
        var fill = starts
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: candidates)
        defer { entries.deallocate() }
        scope.forEach { r in
            guard tableMask[Int(table[r])] else { return }
            let k = key(r)
            let h = hash(k)
            let p = partition(h)
            entries[fill[p]] = Entry(key0: k.0, key1: k.1, hash: h, amount: amount[r], row: Int32(r), column: column[r])
            fill[p] += 1
        }

        // Pass 2: each partition grouped in its own small table.
        var largest = 0
        for p in 0..<partitions { largest = max(largest, starts[p + 1] - starts[p]) }
        var size = 16
        while size < largest * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var groupKey0 = [UInt64](repeating: 0, count: largest)
        var groupKey1 = [UInt64](repeating: 0, count: largest)
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
                let e = entries[i]
                var s = Int(truncatingIfNeeded: e.hash) & mask
                var g = -1
                while slots[s] >= 0 {
                    let candidate = Int(slots[s])
                    if groupKey0[candidate] == e.key0, groupKey1[candidate] == e.key1 {
                        g = candidate
                        break
                    }
                    s = (s + 1) & mask
                }
                if g < 0 {
                    g = groups
                    groups += 1
                    slots[s] = Int32(g)
                    groupKey0[g] = e.key0
                    groupKey1[g] = e.key1
                    groupRow[g] = e.row
                    for c in 0..<columnSlots { rows[g * columnSlots + c] = -1 }
                }
                values[g * columnSlots + Int(e.column)] = e.amount
                rows[g * columnSlots + Int(e.column)] = e.row
            }
            for g in 0..<groups {
                let base = g * columnSlots
                body(Group(values: UnsafeMutableBufferPointer(rebasing: values[base..<(base + columnSlots)]),
                           rows: UnsafeMutableBufferPointer(rebasing: rows[base..<(base + columnSlots)]),
                           representative: Int(groupRow[g])))
            }
            // Clear only the slots used.
            for i in starts[p]..<starts[p + 1] {
                var s = Int(truncatingIfNeeded: entries[i].hash) & mask
                while slots[s] >= 0 {
                    slots[s] = -1
                    s = (s + 1) & mask
                }
            }
        }
    }
}
