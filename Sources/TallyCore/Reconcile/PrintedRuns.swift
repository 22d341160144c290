/// The printed rows of a store, document by document: the store keeps each document's rows
/// together (RowDocuments.swift), so each document is grouped in one pass over its row range
/// with a table of its printed rows small enough to stay in cache — no scatter, no scratch of
/// 32 bytes a row — and the documents are split between the cores. Where a document's rows
/// come in printed-row order (as a document prints them, one row after another, and as a
/// line-item file is put at load), a row either continues the printed row before it or starts
/// one not seen yet, so the document is grouped without hashing at all; the first row out of
/// that order hashes the rows grouped so far and the rest of the document goes the hashed way.
/// What the caller makes of them is put back in the order the hashed gathering gives
/// (partition, then first line item), so the rule's findings never depend on which way they
/// were gathered.
extension PrintedRows {
    enum Gathered<T> {
        case gathered([T])
        case cancelled
        /// A document of more than `maxRunGroups` printed rows: such input goes the hashed way.
        case tooWide
    }

    /// Where a printed row comes in the hashed order: its key's hash (whose top bits are its
    /// partition once every lane has counted its rows), then its first line item.
    typealias Tag = (hash: UInt64, row: Int)

    /// One lane's printed rows as the caller made them, each with the tag of its printed row,
    /// and how many rows took part.
    enum LaneRuns<T> {
        case gathered([T], [Tag], candidates: Int)
        case cancelled
        case tooWide
    }

    /// The most printed rows one document may hold on this path; past it, the hashed way.
    static let maxRunGroups = 1 << 20

    /// Each lane's documents grouped in one pass; then everything put in hashed order.
    static func gatherRuns<T>(_ scan: Scan, lanes: Int, partitionTarget: Int, cancel: Cancellation,
                              body: @escaping (Group, inout [T]) -> Void) -> Gathered<T> {
        let starts = scan.columns.doc.documentStart
        let rowCount = starts[starts.count - 1]
        let documents = starts.count - 1
        // Lane boundaries at the first document starting past each share of the rows.
        let bounds = (0...lanes).map { lane in
            lane == lanes ? documents : starts.firstIndex { $0 >= rowCount * lane / lanes }.map { min($0, documents) } ?? documents
        }
        let job = RunJob(scan: scan, cancel: cancel, body: body)
        let results = parallelMap(lanes, lanes: lanes) { job.gather(documents: bounds[$0]..<bounds[$0 + 1]) }
        var out: [T] = []
        var order: [Tag] = []
        var total = 0
        for lane in results {
            switch lane {
            case .gathered(let o, let tags, let candidates):
                out += o
                order += tags
                total += candidates
            case .cancelled: return .cancelled
            case .tooWide: return .tooWide
            }
        }
        let bits = partitionBits(candidates: total, target: partitionTarget)
        let keys = order.map { (partition($0.hash, bits: bits), $0.row) }
        let sorted = keys.indices.sorted { (keys[$0].0, keys[$0].1, $0) < (keys[$1].0, keys[$1].1, $1) }
        return .gathered(sorted.map { out[$0] })
    }

    /// One lane: its documents, each grouped over its own rows.
    struct RunJob<T>: @unchecked Sendable {
        let scan: Scan
        let cancel: Cancellation
        let body: (Group, inout [T]) -> Void

        func gather(documents: Range<Int>) -> LaneRuns<T> {
            var state = RunState(job: self)
            defer { state.release() }
            let outcome = scan.scope.words.withUnsafeBufferPointer { words in state.gather(words, documents: documents) }
            switch outcome {
            case .cancelled: return .cancelled
            case .tooWide: return .tooWide
            case .done: return .gathered(state.out, state.tags, candidates: state.candidates)
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
        /// Rows of the scope in the tables asked for.
        var candidates = 0
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
        var groups = 0
        /// The open document's last printed row: its key and group.
        var lastKey: (UInt64, UInt64) = (0, 0)
        var lastGroup = 0
        /// Whether the open document's groups are in `slots`: false while its rows have come in
        /// key order, when a key above the last is a printed row not seen yet.
        var hashed = false

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
            for g in 0..<groups {
                let before = out.count
                job.body(Group(present: present[g], values: values + g * slotCount, rows: rows + g * slotCount,
                               representative: Int(first[g]), table: UInt8(truncatingIfNeeded: key1[g] >> 24)), &out)
                if out.count > before {
                    let tag: Tag = (PrintedRows.hash(key0[g], key1[g]), Int(first[g]))
                    tags += repeatElement(tag, count: out.count - before)
                }
            }
            // Clear the slots used (probe runs from each group's home), or all of them for a large document.
            if hashed && groups > 0 {
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
            hashed = false
        }

        /// Every group of the open document put in `slots`, from the first row out of key order on.
        mutating func hashGroups() {
            for g in 0..<groups {
                var s = slot(key0[g], key1[g])
                while slots[s] >= 0 { s = (s + 1) & (capacity * 2 - 1) }
                slots[s] = Int32(g)
            }
            hashed = true
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
            if hashed { hashGroups() }
            return true
        }

        /// Adds row `r` of document `doc` to its printed row; false when the document is too wide.
        @inline(__always)
        mutating func add(_ r: Int, _ doc: Int) -> Bool {
            let k = PrintedRows.key(columns, r, doc: doc)
            if groups > 0 && k == lastKey {
                put(r, group: lastGroup)
                return true
            }
            if !hashed && (groups == 0 || k > lastKey) {
                if groups == capacity { guard grow() else { return false } }
                let g = groups
                groups += 1
                key0[g] = k.0
                key1[g] = k.1
                first[g] = Int32(truncatingIfNeeded: r)
                present[g] = 0
                lastKey = k
                lastGroup = g
                put(r, group: g)
                return true
            }
            if !hashed { hashGroups() }
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
            present[g] = hit ? present[g] : 0
            groups &+= hit ? 0 : 1
            lastKey = k
            lastGroup = g
            put(r, group: g)
            return true
        }

        /// Row `r`'s figure in its column of group `g`.
        @inline(__always)
        mutating func put(_ r: Int, group g: Int) {
            let c = Int(columns.column[r])
            let at = g &* PrintedRows.columnSlots &+ c
            values[at] = columns.amount[r]
            rows[at] = Int32(truncatingIfNeeded: r)
            present[g] |= 1 << UInt32(c)
        }

        /// Each document's rows in the scope, grouped and handed on; Ctrl-C asked every 16,384 rows.
        mutating func gather(_ words: UnsafeBufferPointer<UInt64>, documents: Range<Int>) -> RunOutcome {
            let starts = columns.doc.documentStart
            for d in documents where starts[d] < starts[d + 1] {
                let lower = starts[d], upper = starts[d + 1]
                let lastWord = (upper - 1) >> 6
                var w = lower >> 6
                while w <= lastWord {
                    if w & 255 == 0 && job.cancel.isCancelled() { return .cancelled }
                    var bits = words[w]
                    if w == lower >> 6 { bits &= ~0 << UInt64(lower & 63) }
                    if w == lastWord && upper & 63 != 0 { bits &= (1 << UInt64(upper & 63)) - 1 }
                    while bits != 0 {
                        let r = w << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        guard takesPart(r) else { continue }
                        candidates += 1
                        guard add(r, d) else { return .tooWide }
                    }
                    w += 1
                }
                flush()
            }
            return .done
        }
    }
}
