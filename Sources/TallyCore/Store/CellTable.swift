/// Where each (doc, year, phase, table, column, code) cell's first row is, for linking parents in a
/// large store: the cell packed into one 64-bit key in an open-addressing table, so finding a
/// parent is a multiply and a probe or two instead of hashing a struct field by field.
struct CellTable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var mask: Int

    /// Packs a cell, or nil when it does not fit (more than 2^22 docs or 2^20 codes, a year
    /// outside 1900–2999): the caller then uses a Dictionary.
    @inline(__always)
    static func key(doc: UInt32, year: Int16, phase: UInt8, table: UInt8, column: UInt8, code: UInt32) -> UInt64? {
        let y = Int(year) - 1900
        guard doc < 1 << 22, y >= 0, y < 1 << 11, phase < 4, table < 16, column < 32, code < 1 << 20 else { return nil }
        return UInt64(doc) << 42 | UInt64(phase) << 40 | UInt64(y) << 29 | UInt64(table) << 25 | UInt64(column) << 20
            | UInt64(code)
    }

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        rows = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Empties the table for up to `capacity` cells, keeping its memory where it is big enough:
    /// one table serves document after document, and a small one stays in cache.
    mutating func reset(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        if size > keys.count {
            keys = [UInt64](repeating: 0, count: size)
            rows = [Int32](repeating: -1, count: size)
        } else {
            rows.withUnsafeMutableBufferPointer { $0[0..<size].update(repeating: -1) }
        }
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    /// Records `row` for `key` unless a row is already there (the first row of a cell wins).
    @inline(__always)
    mutating func insertIfAbsent(_ key: UInt64, row: Int32) {
        var i = slot(key)
        while rows[i] >= 0 {
            if keys[i] == key { return }
            i = (i + 1) & mask
        }
        keys[i] = key
        rows[i] = row
    }

    /// The row already recorded for `key`, or nil after recording `row` for it.
    @inline(__always)
    mutating func find(_ key: UInt64, orInsert row: Int32) -> Int32? {
        var i = slot(key)
        while rows[i] >= 0 {
            if keys[i] == key { return rows[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        rows[i] = row
        return nil
    }

    @inline(__always)
    func find(_ key: UInt64) -> Int32? {
        var i = slot(key)
        while rows[i] >= 0 {
            if keys[i] == key { return rows[i] }
            i = (i + 1) & mask
        }
        return nil
    }
}
