/// Names in code point order — their UTF-8 bytes compared — the order an audit lists its
/// documents in. The same order as comparing the strings for the names files have, and far
/// cheaper than Unicode comparison of Chinese text: 19,000 doc names sorted as strings were a
/// fifth of `audit tree` at 1M line items.
enum CodePointOrder {
    static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        // Each name's first 16 bytes as two big-endian integers, so most comparisons are one or
        // two integer compares; names that share their first 16 bytes compare the rest.
        let bytes = items.map { Array(name($0).utf8) }
        var keys = bytes.indices.map { i in Key(high: packed(bytes[i], from: 0), low: packed(bytes[i], from: 8), index: i) }
        keys.sort { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return bytes[a.index].lexicographicallyPrecedes(bytes[b.index])
        }
        return keys.map { items[$0.index] }
    }

    private struct Key { var high: UInt64; var low: UInt64; var index: Int }

    /// Bytes `start..<start + 8` as a big-endian integer, zeros past the end (a shorter name
    /// that ties here is told apart by the full comparison).
    private static func packed(_ bytes: [UInt8], from start: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in start..<(start + 8) { value = value << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
        return value
    }
}
