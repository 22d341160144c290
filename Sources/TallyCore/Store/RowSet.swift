import Dispatch

/// A set of row indices as a bitmap: one bit a row. Filters produce these and combine them
/// with whole-word operations.
public struct RowSet: Equatable, Sendable {
    public private(set) var words: [UInt64]
    public let rowCount: Int

    public init(rowCount: Int, all: Bool = false) {
        self.rowCount = rowCount
        words = [UInt64](repeating: all ? ~0 : 0, count: (rowCount + 63) / 64)
        if all { clearTail() }
    }

    /// Builds the set of rows `0..<rowCount` for which `test` is true. A large store is
    /// split between the two cores, each filling its own half of the words.
    @inline(__always)
    public init(rowCount: Int, where test: (Int) -> Bool) {
        self.init(rowCount: rowCount) { words, out in RowSet.fill(words: words, rowCount: rowCount, into: out, where: test) }
    }

    /// Builds the set with `fill` called once per lane (both cores for a large store), each
    /// call filling its own range of words — usually through `RowSet.fill(words:…)`, whose
    /// test is then inlined into the loop rather than called through a closure for every row.
    public init(rowCount: Int, lanes fill: (_ words: Range<Int>, _ out: UnsafeMutableBufferPointer<UInt64>) -> Void) {
        self.rowCount = rowCount
        var words = [UInt64](repeating: 0, count: (rowCount + 63) / 64)
        words.withUnsafeMutableBufferPointer { out in
            withoutActuallyEscaping(fill) { fill in
                let job = LaneJob(out: out, fill: fill)
                if rowCount >= Self.parallelRows {
                    DispatchQueue.concurrentPerform(iterations: 2) { lane in
                        job.fill((job.out.count * lane / 2)..<(job.out.count * (lane + 1) / 2), job.out)
                    }
                } else {
                    job.fill(0..<out.count, out)
                }
            }
        }
        self.words = words
    }

    private struct LaneJob: @unchecked Sendable {
        let out: UnsafeMutableBufferPointer<UInt64>
        let fill: (Range<Int>, UnsafeMutableBufferPointer<UInt64>) -> Void
    }

    /// Fills `words` of `out` with the rows of `0..<rowCount` for which `test` is true.
    @inline(__always)
    public static func fill(words: Range<Int>, rowCount: Int, into out: UnsafeMutableBufferPointer<UInt64>, where test: (Int) -> Bool) {
        for w in words {
            var word: UInt64 = 0
            let row = w << 6
            let end = min(64, rowCount - row)
            for bit in 0..<end where test(row + bit) { word |= 1 << UInt64(bit) }
            out[w] = word
        }
    }

    /// Stores at least this large are scanned on both cores. A scan of 2^18 rows takes about a
    /// third of a millisecond on one core, far more than handing half of it to the other.
    public static let parallelRows = 1 << 18

    private mutating func clearTail() {
        let extra = words.count * 64 - rowCount
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }

    @inline(__always)
    public func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    public mutating func insert(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

    /// Whether any row of the range is in the set: whole words at a time.
    public func intersects(_ rows: Range<Int>) -> Bool {
        guard !rows.isEmpty else { return false }
        let first = rows.lowerBound >> 6, last = (rows.upperBound - 1) >> 6
        let low: UInt64 = ~0 << UInt64(rows.lowerBound & 63)
        let high: UInt64 = ~0 >> UInt64(63 - ((rows.upperBound - 1) & 63))
        if first == last { return words[first] & low & high != 0 }
        if words[first] & low != 0 || words[last] & high != 0 { return true }
        for w in (first + 1)..<last where words[w] != 0 { return true }
        return false
    }

    /// Adds a range of rows: whole words at a time.
    public mutating func insert(_ rows: Range<Int>) {
        guard !rows.isEmpty else { return }
        let first = rows.lowerBound >> 6, last = (rows.upperBound - 1) >> 6
        let low: UInt64 = ~0 << UInt64(rows.lowerBound & 63)
        let high: UInt64 = ~0 >> UInt64(63 - ((rows.upperBound - 1) & 63))
        if first == last {
            words[first] |= low & high
            return
        }
        words[first] |= low
        for w in (first + 1)..<last { words[w] = ~0 }
        words[last] |= high
    }

    public mutating func remove(_ row: Int) { words[row >> 6] &= ~(1 << UInt64(row & 63)) }

    public mutating func formIntersection(_ other: RowSet) {
        for i in words.indices { words[i] &= other.words[i] }
    }

    public mutating func formUnion(_ other: RowSet) {
        for i in words.indices { words[i] |= other.words[i] }
    }

    public mutating func invert() {
        for i in words.indices { words[i] = ~words[i] }
        clearTail()
    }

    /// Removes the rows for which `shouldRemove` is true, testing only rows in the set.
    @inline(__always)
    public mutating func removeAll(where shouldRemove: (Int) -> Bool) {
        words.withUnsafeMutableBufferPointer { words in
            for w in words.indices where words[w] != 0 {
                var bits = words[w]
                var kept = bits
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    if shouldRemove(w << 6 | bit) { kept &= ~(1 << UInt64(bit)) }
                    bits &= bits - 1
                }
                words[w] = kept
            }
        }
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Calls `body` with each row in the set, in increasing order.
    @inline(__always)
    public func forEach(_ body: (Int) throws -> Void) rethrows {
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                try body(w << 6 | bit)
                bits &= bits - 1
            }
        }
    }

    /// Calls `body` with each row in the given range of 64-row words, in increasing order.
    @inline(__always)
    public func forEach(inWords range: Range<Int>, _ body: (Int) throws -> Void) rethrows {
        try words.withUnsafeBufferPointer { words in
            for w in range where words[w] != 0 {
                var bits = words[w]
                while bits != 0 {
                    try body(w << 6 | bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
        }
    }

    public var rows: [Int] {
        var out: [Int] = []
        forEach { out.append($0) }
        return out
    }
}
