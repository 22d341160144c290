import Dispatch

/// `count` grouped only by fixed-vocabulary fields (table, column, phase) or by nothing: a
/// histogram of the selected rows' byte ids. A count reads no amount and keeps no sum, min or
/// max, and `count` never takes each document's own year or phase (§3), so the general loop's
/// other work is all wasted here; this reads one or two bytes a row instead of ten.
enum CountHistogram {
    /// The groups that received a row and their counts, in the order `DenseGroups` lists them
    /// (mixed radix, the first field most significant), or nil when the plan is not a count
    /// over byte fields. `lanes` is for tests; by default a large set is split over two cores.
    static func aggregate(
        _ rows: RowSet, fields: [Field], slotOfColumn: [Int], width: Int, _ store: LineItemStore, _ cancel: Cancellation,
        lanes: Int? = nil
    ) throws(Diagnostic) -> (keys: [Executor.GroupKey], accumulators: [Executor.Accumulator])? {
        guard fields.count <= 3, fields.allSatisfy({ $0 == .table || $0 == .column || $0 == .phase }) else { return nil }
        // Strides as in DenseGroups: the last field varies fastest, then the output column.
        var strides = [Int](repeating: 0, count: fields.count)
        var sizes = [Int](repeating: 0, count: fields.count)
        var cells = width
        for (i, field) in fields.enumerated().reversed() {
            sizes[i] = LineItemStore.identifierNames(field).count
            guard sizes[i] > 0, sizes[i] <= 256 else { return nil }
            strides[i] = cells
            cells *= sizes[i]
        }
        guard cells <= DenseGroups.maxCells else { return nil }
        // A row whose column feeds no output lands past `cells`, in cells no one reads: no branch per row.
        var slotWeight = [Int32](repeating: 0, count: 256)
        for c in 0..<256 { slotWeight[c] = slotOfColumn[c] < 0 ? Int32(cells) : Int32(slotOfColumn[c]) }
        let readsColumn = slotWeight.contains { $0 != 0 }
        var weights: [[Int32]] = []
        var columns: [StoredColumn<UInt8>] = []
        for (i, field) in fields.enumerated() {
            var w = [Int32](repeating: 0, count: 256)
            for v in 0..<sizes[i] { w[v] = Int32(v * strides[i]) }
            weights.append(w)
            columns.append(store.identifierColumn(field))
        }
        // Keys a row reads: at most the column (for its output slot) and three fields.
        if readsColumn {
            weights.append(slotWeight)
            columns.append(store.column)
        }

        let laneCount = max(1, lanes ?? (rows.rowCount >= RowSet.parallelRows ? 2 : 1))
        let wordCount = rows.words.count
        var results = [[Int64]](repeating: [], count: laneCount)
        var cancelled = [Bool](repeating: false, count: laneCount)
        let job = Job(rows: rows, columns: columns, weights: weights, cells: cells, cancel: cancel)
        results.withUnsafeMutableBufferPointer { out in
            cancelled.withUnsafeMutableBufferPointer { stopped in
                let slots = DenseGroups.UnsafeSendable((out, stopped))
                DispatchQueue.concurrentPerform(iterations: laneCount) { lane in
                    let range = (wordCount * lane / laneCount)..<(wordCount * (lane + 1) / laneCount)
                    let (counts, wasCancelled) = job.run(words: range)
                    slots.value.0[lane] = counts
                    slots.value.1[lane] = wasCancelled
                }
            }
        }
        if cancelled.contains(true) { throw Cancellation.cancelledError }
        var total = [Int64](repeating: 0, count: cells)
        for lane in results { for i in 0..<cells { total[i] += lane[i] } }

        // The groups that received a row, in index order, as DenseGroups lists them.
        var keys: [Executor.GroupKey] = []
        var accumulators: [Executor.Accumulator] = []
        for g in 0..<(cells / width) {
            let base = g * width
            guard fields.isEmpty || total[base..<(base + width)].contains(where: { $0 > 0 }) else { continue }
            var key = Executor.GroupKey()
            for i in fields.indices { key[i] = Int64((base / strides[i]) % sizes[i]) }
            keys.append(key)
            for s in 0..<width {
                var a = Executor.Accumulator()
                a.count = total[base + s]
                accumulators.append(a)
            }
        }
        return (keys, accumulators)
    }

    /// One lane's histogram over a range of the set's words.
    struct Job: @unchecked Sendable {
        let rows: RowSet
        let columns: [StoredColumn<UInt8>]
        let weights: [[Int32]]
        let cells: Int
        let cancel: Cancellation

        /// Four interleaved copies of the counts, so rows of one group in a run do not wait on
        /// each other's increment; each copy twice `cells` wide for the rows that feed nothing.
        static let copies = 4

        func run(words range: Range<Int>) -> ([Int64], Bool) {
            let span = 2 * cells
            var counts = [Int64](repeating: 0, count: span * Self.copies)
            var cancelled = false
            rows.words.withUnsafeBufferPointer { words in
                counts.withUnsafeMutableBufferPointer { counts in
                    // The keys a row reads, padded to four with a zero weight over the first column.
                    let none = [Int32](repeating: 0, count: 256)
                    let k = columns.count
                    func column(_ i: Int) -> StoredColumn<UInt8> { i < k ? columns[i] : (columns.first ?? StoredColumn([])) }
                    func weight(_ i: Int) -> [Int32] { i < k ? weights[i] : none }
                    if k == 0 {
                        // `count` alone, or by output columns every column feeds: the set's size.
                        var n: Int64 = 0
                        for w in range { n += Int64(words[w].nonzeroBitCount) }
                        counts[0] = n
                        return
                    }
                    let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
                    let w0 = weight(0), w1 = weight(1), w2 = weight(2), w3 = weight(3)
                    c0.withUnsafeBufferPointer { c0 in c1.withUnsafeBufferPointer { c1 in
                    c2.withUnsafeBufferPointer { c2 in c3.withUnsafeBufferPointer { c3 in
                    w0.withUnsafeBufferPointer { w0 in w1.withUnsafeBufferPointer { w1 in
                    w2.withUnsafeBufferPointer { w2 in w3.withUnsafeBufferPointer { w3 in
                        let base = counts.baseAddress!
                        if k == 1 {
                            scan(words, range, &cancelled) { r, copy in
                                base[copy * span + Int(w0[Int(c0[r])])] &+= 1
                            }
                        } else {
                            scan(words, range, &cancelled) { r, copy in
                                let i = Int(w0[Int(c0[r])]) &+ Int(w1[Int(c1[r])]) &+ Int(w2[Int(c2[r])]) &+ Int(w3[Int(c3[r])])
                                base[copy * span + i] &+= 1
                            }
                        }
                    }}}}}}}}
                }
            }
            var merged = [Int64](repeating: 0, count: cells)
            for copy in 0..<Self.copies { for i in 0..<cells { merged[i] += counts[copy * span + i] } }
            return (merged, cancelled)
        }

        /// Every row of the set in `range`, with the copy of the counts it adds to; a full
        /// word's 64 rows without testing bits. Ctrl-C is asked every 16,384 rows.
        @inline(__always)
        private func scan(_ words: UnsafeBufferPointer<UInt64>, _ range: Range<Int>, _ cancelled: inout Bool,
                          _ add: (Int, Int) -> Void) {
            for block in stride(from: range.lowerBound, to: range.upperBound, by: 256) {
                if cancel.isCancelled() {
                    cancelled = true
                    return
                }
                for w in block..<min(block + 256, range.upperBound) {
                    let word = words[w]
                    let first = w << 6
                    if word == ~0 {
                        var r = first
                        while r < first + 64 {
                            add(r, 0)
                            add(r + 1, 1)
                            add(r + 2, 2)
                            add(r + 3, 3)
                            r += 4
                        }
                    } else {
                        var bits = word
                        var copy = 0
                        while bits != 0 {
                            add(first | bits.trailingZeroBitCount, copy)
                            copy = (copy + 1) & 3
                            bits &= bits - 1
                        }
                    }
                }
            }
        }
    }
}
