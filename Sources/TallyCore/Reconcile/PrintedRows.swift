import Dispatch

/// The line items of each printed table row — same doc, table, year, line and code — gathered
/// for the row rule without a Dictionary per row: rows are hashed, scattered into partitions
/// small enough to stay in cache, and each partition grouped with an open-addressing table.
/// Within a printed row, a column printed twice keeps its last figure.
///
/// Every pass runs on both cores for a large store: the counting and the scatter over halves
/// of the rows (each half writing its own stretch of every partition, so a partition's entries
/// stay in row order), the grouping over runs of whole partitions. What the caller makes of
/// each printed row comes back in partition order and, within one, in the order of each
/// printed row's first line item — the order one core gives, whatever the row order.
struct PrintedRows {
    /// One printed row: the figure (and line item) of each column present.
    struct Group {
        /// The columns present, bit `ColumnID.rawValue` each.
        var present: UInt32
        var values: UnsafeMutablePointer<Int64>
        var rows: UnsafeMutablePointer<Int32>
        /// One of the group's line items (the first in row order).
        var representative: Int
        /// The raw table id the group is printed in.
        var table: UInt8

        @inline(__always)
        func figure(_ column: ColumnID) -> (Int64, Int)? {
            let c = Int(column.rawValue)
            return present & (1 << UInt32(c)) == 0 ? nil : (values[c], Int(rows[c]))
        }

        /// The figure of a raw column id known to be present.
        @inline(__always)
        func value(_ raw: Int) -> Int64 { values[raw] }
    }

    /// One line item as grouping needs it, copied out of the columns (32 bytes).
    struct Entry {
        var key0: UInt64
        var key1: UInt64
        var amount: Int64
        var row: Int32
        var column: UInt8
    }

    static let columnSlots = ColumnID.allCases.count
    static let partitionTarget = 32_768
    /// Runs of partitions handed to the cores in turn, so a slow run does not leave one idle.
    static let chunks = 16

    /// Calls `body` with every printed row of the rows in `scope` whose table is in `tables`,
    /// on several threads at once — `body` may only read shared state and append to its own
    /// `out` — and returns every `out` concatenated in the order above; nil when cancelled.
    /// `lanes`, `partitionTarget` and `runs` (whether each document is gathered in one pass over
    /// its rows, PrintedRuns.swift, or every row hashed) are for tests; by default a large store is split over two cores.
    static func collect<T>(
        _ store: LineItemStore, scope: RowSet, tables: Set<TableID>, cancel: Cancellation, lanes: Int? = nil,
        partitionTarget: Int = PrintedRows.partitionTarget, runs: Bool = true, _ body: (Group, inout [T]) -> Void
    ) -> [T]? {
        var tableMask = [Bool](repeating: false, count: 256)
        for t in tables { tableMask[Int(t.rawValue)] = true }
        let laneCount = max(1, lanes ?? (scope.rowCount >= RowSet.parallelRows ? 2 : 1))
        let wordCount = scope.words.count
        let laneWords = (0..<laneCount).map { (wordCount * $0 / laneCount)..<(wordCount * ($0 + 1) / laneCount) }

        return withColumns(store) { columns in
            tableMask.withUnsafeBufferPointer { tableMask in
                let scan = Scan(columns: columns, scope: scope, tableMask: tableMask)
                if runs {
                    switch withoutActuallyEscaping(body, do: { body in
                        gatherRuns(scan, lanes: laneCount, partitionTarget: partitionTarget, cancel: cancel, body: body)
                    }) {
                    case .gathered(let out): return out
                    case .cancelled: return nil
                    case .tooWide: break  // a document of a million printed rows: hashed
                    }
                }

                // Pass 1: how many rows take part, which sets how many partitions there are.
                let total = parallelMap(laneCount, lanes: laneCount) { scan.candidates(words: laneWords[$0]) }.reduce(0, +)
                guard total > 0 else { return [] }
                if cancel.isCancelled() { return nil }
                let bits = partitionBits(candidates: total, target: partitionTarget)
                let partitions = 1 << bits

                // Pass 2: how many rows of each half fall in each partition (the hash's top bits).
                let counts = parallelMap(laneCount, lanes: laneCount) { scan.partitionCounts(words: laneWords[$0], bits: bits) }
                if cancel.isCancelled() { return nil }
                var starts = [Int](repeating: 0, count: partitions + 1)
                var fills = [[Int]](repeating: [Int](repeating: 0, count: partitions), count: laneCount)
                var at = 0
                for p in 0..<partitions {
                    starts[p] = at
                    for lane in 0..<laneCount {
                        fills[lane][p] = at
                        at += counts[lane][p]
                    }
                }
                starts[partitions] = at

                // Pass 3: each row's key and figure written straight into its partition, so
                // grouping reads its partition sequentially instead of reaching back into the columns.
                let scratch = ScratchMemory<Entry>(capacity: total)
                defer { scratch.release() }
                let entries = scratch.buffer
                _ = parallelMap(laneCount, lanes: laneCount) { lane in
                    scan.scatter(words: laneWords[lane], bits: bits, fill: fills[lane], into: entries)
                }
                if cancel.isCancelled() { return nil }

                // Pass 4: runs of whole partitions, each grouped in its own small table.
                var largest = 0
                for p in 0..<partitions { largest = max(largest, starts[p + 1] - starts[p]) }
                let runCount = min(partitions, laneCount == 1 ? 1 : chunks)
                let outs = withoutActuallyEscaping(body) { body in
                    let grouping = Grouping(entries: UnsafeBufferPointer(entries), starts: starts, largest: largest,
                                            cancel: cancel, body: body)
                    return parallelMap(runCount, lanes: laneCount) { run -> [T]? in
                        var out: [T] = []
                        let range = (partitions * run / runCount)..<(partitions * (run + 1) / runCount)
                        return grouping.group(partitions: range, into: &out) ? out : nil
                    }
                }
                if outs.contains(where: { $0 == nil }) { return nil }
                return Array(outs.lazy.compactMap { $0 }.joined())
            }
        }
    }

    /// `work` of 0..<count, on the cores when `lanes` is more than one, each result written
    /// to its own place.
    static func parallelMap<R>(_ count: Int, lanes: Int, _ work: (Int) -> R) -> [R] {
        if count == 1 || lanes == 1 { return (0..<count).map(work) }
        let out = UnsafeMutablePointer<R>.allocate(capacity: count)
        defer { out.deallocate() }
        withoutActuallyEscaping(work) { work in
            let shared = Shared(work: work, out: out)
            DispatchQueue.concurrentPerform(iterations: count) { i in (shared.out + i).initialize(to: shared.work(i)) }
        }
        return (0..<count).map { (out + $0).move() }
    }

    private struct Shared<R>: @unchecked Sendable {
        let work: (Int) -> R
        let out: UnsafeMutablePointer<R>
    }

    /// The columns a printed row's key and figure come from, as buffers for the length of a call.
    struct Columns {
        let doc: RowDocuments
        let line, code: CompactBuffer
        let table, phase, column: UnsafeBufferPointer<UInt8>
        let year: UnsafeBufferPointer<Int16>
        let amount: UnsafeBufferPointer<Int64>
    }

    private static func withColumns<R>(_ store: LineItemStore, _ body: (Columns) -> R) -> R {
        store.line.withCompactBuffer { line in
            store.code.withCompactBuffer { code in
                store.table.withUnsafeBufferPointer { table in
                    store.phase.withUnsafeBufferPointer { phase in
                        store.column.withUnsafeBufferPointer { column in
                            store.year.withUnsafeBufferPointer { year in
                                store.amount.withUnsafeBufferPointer { amount in
                                    body(Columns(doc: store.doc, line: line, code: code, table: table, phase: phase,
                                                 column: column, year: year, amount: amount))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Row `r`'s printed row (PrintedRowKey).
    @inline(__always)
    static func key(_ c: Columns, _ r: Int, doc: Int) -> (UInt64, UInt64) {
        PrintedRowKey.of(doc: doc, line: c.line[r], code: c.code[r], table: c.table[r], phase: c.phase[r], year: c.year[r])
    }

    @inline(__always)
    static func hash(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        let h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC4CE_B9FE_1A85_EC53)
        return (h ^ (h >> 29)) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// How many bits of a key's hash name its partition: enough that a partition holds about
    /// `target` rows.
    static func partitionBits(candidates total: Int, target: Int) -> Int {
        var bits = 0
        while (total >> bits) > target { bits += 1 }
        return bits
    }

    @inline(__always)
    static func partition(_ h: UInt64, bits: Int) -> Int { bits == 0 ? 0 : Int(h >> UInt64(64 - bits)) }

    /// The passes over rows, each over a range of the scope's words.
    struct Scan: @unchecked Sendable {
        let columns: Columns
        let scope: RowSet
        let tableMask: UnsafeBufferPointer<Bool>

        /// How many rows of `words` take part.
        func candidates(words: Range<Int>) -> Int {
            var count = 0
            let table = columns.table
            scope.forEach(inWords: words) { r in
                if tableMask[Int(table[r])] { count += 1 }
            }
            return count
        }

        func partitionCounts(words: Range<Int>, bits: Int) -> [Int] {
            var counts = [Int](repeating: 0, count: 1 << bits)
            var doc = DocumentCursor(columns.doc)
            counts.withUnsafeMutableBufferPointer { counts in
                scope.forEach(inWords: words) { r in
                    guard tableMask[Int(columns.table[r])] else { return }
                    let k = PrintedRows.key(columns, r, doc: doc.document(of: r))
                    counts[PrintedRows.partition(PrintedRows.hash(k.0, k.1), bits: bits)] += 1
                }
            }
            return counts
        }

        func scatter(words: Range<Int>, bits: Int, fill: [Int], into entries: UnsafeMutableBufferPointer<Entry>) {
            var fill = fill
            var doc = DocumentCursor(columns.doc)
            fill.withUnsafeMutableBufferPointer { fill in
                scope.forEach(inWords: words) { r in
                    guard tableMask[Int(columns.table[r])] else { return }
                    let k = PrintedRows.key(columns, r, doc: doc.document(of: r))
                    let p = PrintedRows.partition(PrintedRows.hash(k.0, k.1), bits: bits)
                    entries[fill[p]] = Entry(key0: k.0, key1: k.1, amount: columns.amount[r], row: Int32(r),
                                             column: columns.column[r])
                    fill[p] += 1
                }
            }
        }
    }

    /// Pass 4 over a run of partitions, with its own scratch table.
    struct Grouping<T>: @unchecked Sendable {
        let entries: UnsafeBufferPointer<Entry>
        let starts: [Int]
        let largest: Int
        let cancel: Cancellation
        let body: (Group, inout [T]) -> Void

        /// False when Ctrl-C stopped it (asked before each partition).
        func group(partitions: Range<Int>, into out: inout [T]) -> Bool {
            var size = 16
            while size < largest * 2 { size <<= 1 }
            let mask = size - 1
            let slots = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
            slots.initialize(repeating: -1)
            let groupKey0 = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(largest, 1))
            let groupKey1 = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(largest, 1))
            let groupRow = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(largest, 1))
            let present = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(largest, 1))
            let slotCount = columnSlots
            let values = UnsafeMutablePointer<Int64>.allocate(capacity: max(largest, 1) * slotCount)
            let rows = UnsafeMutablePointer<Int32>.allocate(capacity: max(largest, 1) * slotCount)
            defer {
                slots.deallocate()
                groupKey0.deallocate()
                groupKey1.deallocate()
                groupRow.deallocate()
                present.deallocate()
                values.deallocate()
                rows.deallocate()
            }
            for p in partitions where starts[p + 1] > starts[p] {
                if cancel.isCancelled() { return false }
                var groups = 0
                for i in starts[p]..<starts[p + 1] {
                    let e = entries[i]
                    var s = Int(truncatingIfNeeded: PrintedRows.hash(e.key0, e.key1)) & mask
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
                        present[g] = 0
                    }
                    let c = Int(e.column)
                    values[g * slotCount + c] = e.amount
                    rows[g * slotCount + c] = e.row
                    present[g] |= 1 << UInt32(c)
                }
                for g in 0..<groups {
                    let base = g * slotCount
                    body(Group(present: present[g], values: values + base, rows: rows + base,
                               representative: Int(groupRow[g]), table: UInt8(truncatingIfNeeded: groupKey1[g] >> 24)),
                         &out)
                }
                // Clear only the slots used.
                for i in starts[p]..<starts[p + 1] {
                    var s = Int(truncatingIfNeeded: PrintedRows.hash(entries[i].key0, entries[i].key1)) & mask
                    while slots[s] >= 0 {
                        slots[s] = -1
                        s = (s + 1) & mask
                    }
                }
            }
            return true
        }
    }
}
