/// The printed rows of a store whose rows come document by document (a store clustered by
/// document, or a TSV written that way): each document's line items are then one run of
/// rows, grouped in one pass with a table of that document's printed rows small enough to
/// stay in cache — no scatter, no scratch of 32 bytes a row, in any order within a document. What the caller makes of them is put back in the order the
/// hashed gathering gives (partition, then first line item), so the rule's findings never
/// depend on which way they were gathered.
extension PrintedRows {
    /// What pass 1 learns of one lane's rows.
    struct Survey {
        var candidates = 0
        /// Whether the doc id never decreases over the lane's rows that take part.
        var sorted = true
        var first: UInt64 = 0
        var last: UInt64 = 0

        /// Whether, over all lanes in order, every document's line items are consecutive.
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
        /// A document of more than `maxRunGroups` printed rows: such input goes the hashed way.
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

    /// The most printed rows one document may hold on this path; past it, the hashed way.
    static let maxRunGroups = 1 << 20

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

    /// A lane's open document and its printed rows so far: mutated only by its own methods (no
    /// captured variables, which would be checked for exclusive access at every row).
    struct RunState<T> {
        let job: RunJob<T>
        let columns: Columns
        let tableMask: UnsafeBufferPointer<Bool>
        var out: [T] = []
        var tags: [Tag] = []
        /// The open document's printed rows, in first-seen order, and their figures.
        var key0: UnsafeMutablePointer<UInt64>
        var key1: UnsafeMutablePointer<UInt64>
        var present: UnsafeMutablePointer<UInt32>
        var first: UnsafeMutablePointer<Int32>
        var values: UnsafeMutablePointer<Int64>
        var rows: UnsafeMutablePointer<Int32>
        var capacity = 256
        /// Open addressing over the groups: twice the capacity, -1 empty.
        var slots: UnsafeMutablePointer<Int32>
        var runDoc: UInt32 = 0
        var open = false
        var groups = 0

        init(job: RunJob<T>) {
            self.job = job
            columns = job.scan.columns
            tableMask = job.scan.tableMask
            key0 = .allocate(capacity: capacity)
            key0.initialize(repeating: 0, count: capacity)
            key1 = .allocate(capacity: capacity)
            key1.initialize(repeating: 0, count: capacity)
            present = .allocate(capacity: capacity)
            first = .allocate(capacity: capacity)
            values = .allocate(capacity: capacity * PrintedRows.columnSlots)
            rows = .allocate(capacity: capacity * PrintedRows.columnSlots)
            slots = .allocate(capacity: capacity * 2)
            slots.initialize(repeating: -1, count: capacity * 2)
        }

        func release() {
            key0.deallocate()
            key1.deallocate()
            present.deallocate()
            first.deallocate()
            values.deallocate()
            rows.deallocate()
            slots.deallocate()
        }

        @inline(__always) func takesPart(_ r: Int) -> Bool { tableMask[Int(columns.table[r])] }

        @inline(__always) func slot(_ k0: UInt64, _ k1: UInt64) -> Int {
            Int(truncatingIfNeeded: PrintedRows.hash(k0, k1)) & (capacity * 2 - 1)
        }

        /// The open document's printed rows handed to the caller, each output tagged with its place.
        mutating func flush() {
            let slotCount = PrintedRows.columnSlots
            let bits = job.bits
            for g in 0..<groups {
                let before = out.count
                job.body(Group(present: present[g], values: values + g * slotCount, rows: rows + g * slotCount,
                               representative: Int(first[g]), table: UInt8(truncatingIfNeeded: key1[g] >> 24)), &out)
                if out.count > before {
                    let tag: Tag = (PrintedRows.partition(PrintedRows.hash(key0[g], key1[g]), bits: bits), Int(first[g]))
                    tags += repeatElement(tag, count: out.count - before)
                }
            }
            // Clear the slots used (probe runs from each group's home), or all of them for a large document.
            if groups > 0 {
                if groups * 8 < capacity {
                    for g in 0..<groups {
                        var s = slot(key0[g], key1[g])
                        while slots[s] >= 0 {
                            slots[s] = -1
                            s = (s + 1) & (capacity * 2 - 1)
                        }
                    }
                } else {
                    slots.update(repeating: -1, count: capacity * 2)
                }
            }
            groups = 0
        }

        /// Twice the room for the open document's printed rows; false past `maxRunGroups`.
        mutating func grow() -> Bool {
            guard capacity * 2 <= PrintedRows.maxRunGroups else { return false }
            let slotCount = PrintedRows.columnSlots
            let old = capacity
            capacity *= 2
            func moved<E>(_ p: UnsafeMutablePointer<E>, _ count: Int, _ newCount: Int) -> UnsafeMutablePointer<E> {
                let q = UnsafeMutablePointer<E>.allocate(capacity: newCount)
                q.update(from: p, count: count)
                p.deallocate()
                return q
            }
            key0 = moved(key0, old, capacity)
            key1 = moved(key1, old, capacity)
            present = moved(present, old, capacity)
            first = moved(first, old, capacity)
            values = moved(values, old * slotCount, capacity * slotCount)
            rows = moved(rows, old * slotCount, capacity * slotCount)
            slots.deallocate()
            slots = .allocate(capacity: capacity * 2)
            slots.initialize(repeating: -1, count: capacity * 2)
            for g in 0..<groups {
                var s = slot(key0[g], key1[g])
                while slots[s] >= 0 { s = (s + 1) & (capacity * 2 - 1) }
                slots[s] = Int32(g)
            }
            return true
        }

        /// Adds row `r` of document `doc` to its printed row; false when the document is too wide.
        @inline(__always)
        mutating func add(_ r: Int, _ doc: UInt32) -> Bool {
            if !open || doc != runDoc {
                if open { flush() }
                runDoc = doc
                open = true
            }
            let k = PrintedRows.key(columns, r, doc: Int(doc))
            let mask = capacity * 2 - 1
            // Written to avoid branches on whether the row starts a printed row (within a
            // document in no order that is a coin toss per row): the first probe either finds
            // it or an empty slot; a slot of another printed row (a collision) is the rare loop.
            var s = slot(k.0, k.1)
            var candidate = Int(slots[s])
            var hit = candidate >= 0 && ((key0[max(candidate, 0)] ^ k.0) | (key1[max(candidate, 0)] ^ k.1)) == 0
            while candidate >= 0 && !hit {
                s = (s + 1) & mask
                candidate = Int(slots[s])
                hit = candidate >= 0 && ((key0[max(candidate, 0)] ^ k.0) | (key1[max(candidate, 0)] ^ k.1)) == 0
            }
            if groups == capacity && !hit {
                guard grow() else { return false }
                s = slot(k.0, k.1)
                while slots[s] >= 0 { s = (s + 1) & (capacity * 2 - 1) }
            }
            let g = hit ? candidate : groups
            slots[s] = Int32(truncatingIfNeeded: g)
            key0[g] = k.0
            key1[g] = k.1
            first[g] = hit ? first[g] : Int32(truncatingIfNeeded: r)
            groups &+= hit ? 0 : 1
            let c = Int(columns.column[r])
            let at = g &* PrintedRows.columnSlots &+ c
            values[at] = columns.amount[r]
            rows[at] = Int32(truncatingIfNeeded: r)
            present[g] = (hit ? present[g] : 0) | 1 << UInt32(c)
            return true
        }

        mutating func gather(_ words: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) -> RunOutcome {
            var doc = DocumentCursor(columns.doc)
            // The document the lane before follows into these words, if any.
            var skip: UInt32?
            var w = range.lowerBound - 1
            search: while w >= 0 {
                var bits = words[w]
                while bits != 0 {
                    let r = w << 6 | (63 - bits.leadingZeroBitCount)
                    if takesPart(r) {
                        skip = columns.doc[r]
                        break search
                    }
                    bits &= ~(1 << UInt64(r & 63))
                }
                w -= 1
            }
            // The documents that start here; Ctrl-C asked every 16,384 rows.
            for block in stride(from: range.lowerBound, to: range.upperBound, by: 256) {
                if job.cancel.isCancelled() { return .cancelled }
                for w in block..<min(block + 256, range.upperBound) {
                    var bits = words[w]
                    while bits != 0 {
                        let r = w << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        guard takesPart(r) else { continue }
                        let d = UInt32(doc.document(of: r))
                        if let s = skip {
                            if s == d { continue }
                            skip = nil
                        }
                        guard add(r, d) else { return .tooWide }
                    }
                }
            }
            // The last document, followed past the end of the lane's words.
            if open {
                var w = range.upperBound
                follow: while w < words.count {
                    var bits = words[w]
                    while bits != 0 {
                        let r = w << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        guard takesPart(r) else { continue }
                        guard doc.document(of: r) == Int(runDoc) else { break follow }
                        guard add(r, runDoc) else { return .tooWide }
                    }
                    w += 1
                }
                flush()
            }
            return .done
        }
    }
}
