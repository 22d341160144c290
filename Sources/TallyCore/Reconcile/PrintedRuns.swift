/// The printed rows of a store whose rows come in document order (a store clustered by
/// document, or a TSV written that way): each printed row's line items are then one run of
/// rows with the same doc and line, so one pass groups them — no hashing, no scatter, no
/// scratch of 32 bytes a row. What the caller makes of them is put back in the order the
/// hashed gathering gives (partition, then first line item), so the rule's findings never
/// depend on which way they were gathered.
extension PrintedRows {
    /// What pass 1 learns of one lane's rows.
    struct Survey {
        var candidates = 0
        /// Whether (doc, line) never decreases over the lane's rows that take part.
        var sorted = true
        var first: UInt64 = 0
        var last: UInt64 = 0

        /// Whether, over all lanes in order, every printed row's line items are consecutive.
        static func together(_ lanes: [Survey]) -> Bool {
            var last: UInt64 = 0
            for lane in lanes where lane.candidates > 0 {
                guard lane.sorted, lane.first >= last else { return false }
                last = lane.last
            }
            return true
        }
    }

    enum Gathered<T> {
        case gathered([T])
        case cancelled
        /// A line with more than `maxRunGroups` printed rows; its groups are searched one by
        /// one, so such input goes the hashed way.
        case tooWide
    }

    /// Where a printed row comes in the hashed order: its partition, then its first line item.
    typealias Tag = (partition: Int, row: Int)

    /// One lane's printed rows as the caller made them, each with the tag of its printed row.
    enum LaneRuns<T> {
        case gathered([T], [Tag])
        case cancelled
        case tooWide
    }

    /// The most printed rows one document line may hold on this path (a line prints one row
    /// of figures, two or three where a 决算 prints 预算数 and 决算数 or a prior year beside it).
    static let maxRunGroups = 64

    /// Each lane's share of the rows grouped in one pass; then everything put in hashed order.
    static func gatherRuns<T>(_ scan: Scan, laneWords: [Range<Int>], bits: Int, cancel: Cancellation,
                              body: @escaping (Group, inout [T]) -> Void) -> Gathered<T> {
        let job = RunJob(scan: scan, bits: bits, cancel: cancel, body: body)
        let lanes = parallelMap(laneWords.count, lanes: laneWords.count) { job.gather(words: laneWords[$0]) }
        var out: [T] = []
        var order: [Tag] = []
        for lane in lanes {
            switch lane {
            case .gathered(let o, let tags):
                out += o
                order += tags
            case .cancelled: return .cancelled
            case .tooWide: return .tooWide
            }
        }
        let sorted = order.indices.sorted { (order[$0].partition, order[$0].row, $0) < (order[$1].partition, order[$1].row, $1) }
        return .gathered(sorted.map { out[$0] })
    }

    /// One lane: the runs that start in its words. A run begun in the lane before is left to
    /// that lane, which follows its own last run past the end of its words.
    struct RunJob<T>: @unchecked Sendable {
        let scan: Scan
        let bits: Int
        let cancel: Cancellation
        let body: (Group, inout [T]) -> Void

        func gather(words range: Range<Int>) -> LaneRuns<T> {
            var state = RunState(job: self)
            defer { state.release() }
            let outcome = scan.scope.words.withUnsafeBufferPointer { words in state.gather(words, range) }
            switch outcome {
            case .cancelled: return .cancelled
            case .tooWide: return .tooWide
            case .done: return .gathered(state.out, state.tags)
            }
        }
    }

    enum RunOutcome { case done, cancelled, tooWide }

    /// A lane's open run and what it has made so far: mutated only by its own methods (no
    /// captured variables, which would be checked for exclusive access at every row).
    struct RunState<T> {
        let job: RunJob<T>
        let columns: Columns
        let tableMask: UnsafeBufferPointer<Bool>
        var out: [T] = []
        var tags: [Tag] = []
        let key1: UnsafeMutablePointer<UInt64>
        let present: UnsafeMutablePointer<UInt32>
        let first: UnsafeMutablePointer<Int32>
        let values: UnsafeMutablePointer<Int64>
        let rows: UnsafeMutablePointer<Int32>
        var runKey: UInt64 = 0
        var open = false
        var groups = 0

        init(job: RunJob<T>) {
            self.job = job
            columns = job.scan.columns
            tableMask = job.scan.tableMask
            let n = PrintedRows.maxRunGroups
            key1 = .allocate(capacity: n)
            present = .allocate(capacity: n)
            first = .allocate(capacity: n)
            values = .allocate(capacity: n * PrintedRows.columnSlots)
            rows = .allocate(capacity: n * PrintedRows.columnSlots)
        }

        func release() {
            key1.deallocate()
            present.deallocate()
            first.deallocate()
            values.deallocate()
            rows.deallocate()
        }

        @inline(__always) func key0(_ r: Int) -> UInt64 { UInt64(columns.doc[r]) << 32 | UInt64(columns.line[r]) }
        @inline(__always) func takesPart(_ r: Int) -> Bool { tableMask[Int(columns.table[r])] }

        /// The open run's printed rows handed to the caller, each output tagged with its place.
        mutating func flush() {
            let slotCount = PrintedRows.columnSlots
            for g in 0..<groups {
                let before = out.count
                job.body(Group(present: present[g], values: values + g * slotCount, rows: rows + g * slotCount,
                               representative: Int(first[g]), table: UInt8(truncatingIfNeeded: key1[g] >> 24)), &out)
                if out.count > before {
                    let tag: Tag = (PrintedRows.partition(PrintedRows.hash(runKey, key1[g]), bits: job.bits), Int(first[g]))
                    tags += repeatElement(tag, count: out.count - before)
                }
            }
            groups = 0
        }

        /// Adds row `r` (whose doc and line are `k0`) to its run; false when the line is too wide.
        @inline(__always)
        mutating func add(_ r: Int, _ k0: UInt64) -> Bool {
            if !open || k0 != runKey {
                if open { flush() }
                runKey = k0
                open = true
            }
            let k1 = UInt64(columns.code[r]) << 32 | UInt64(columns.table[r]) << 24 | UInt64(columns.phase[r]) << 16
                | UInt64(UInt16(bitPattern: columns.year[r]))
            var g = 0
            while g < groups && key1[g] != k1 { g += 1 }
            if g == groups {
                guard groups < PrintedRows.maxRunGroups else { return false }
                groups += 1
                key1[g] = k1
                present[g] = 0
                first[g] = Int32(r)
            }
            let c = Int(columns.column[r])
            let at = g * PrintedRows.columnSlots + c
            values[at] = columns.amount[r]
            rows[at] = Int32(r)
            present[g] |= 1 << UInt32(c)
            return true
        }

        mutating func gather(_ words: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) -> RunOutcome {
            // The run the lane before follows into these words, if any: its doc and line.
            var skip: UInt64?
            var w = range.lowerBound - 1
            search: while w >= 0 {
                var bits = words[w]
                while bits != 0 {
                    let r = w << 6 | (63 - bits.leadingZeroBitCount)
                    if takesPart(r) {
                        skip = key0(r)
                        break search
                    }
                    bits &= ~(1 << UInt64(r & 63))
                }
                w -= 1
            }
            // The runs that start here; Ctrl-C asked every 16,384 rows.
            for block in stride(from: range.lowerBound, to: range.upperBound, by: 256) {
                if job.cancel.isCancelled() { return .cancelled }
                for w in block..<min(block + 256, range.upperBound) {
                    var bits = words[w]
                    while bits != 0 {
                        let r = w << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        guard takesPart(r) else { continue }
                        let k0 = key0(r)
                        if let s = skip {
                            if s == k0 { continue }
                            skip = nil
                        }
                        guard add(r, k0) else { return .tooWide }
                    }
                }
            }
            // The last run, followed past the end of the lane's words.
            if open {
                var w = range.upperBound
                follow: while w < words.count {
                    var bits = words[w]
                    while bits != 0 {
                        let r = w << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        guard takesPart(r) else { continue }
                        let k0 = key0(r)
                        guard k0 == runKey else { break follow }
                        guard add(r, k0) else { return .tooWide }
                    }
                    w += 1
                }
                flush()
            }
            return .done
        }
    }
}
