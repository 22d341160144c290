import Dispatch

/// Grouping by small dictionaries (table, column, year, dept, district, doc, code, level,
/// name) with plain arrays: a row's group is its ids in mixed radix, so a scan does no hashing,
/// and large scans split between the two cores, each with its own accumulators.
enum DenseGroups {
    /// The most accumulator cells a dense grouping may use (8 MB); past it, the hash path.
    static let maxCells = 1 << 18
    /// Fewer rows than this run on one core. Higher than a scan's (RowSet.parallelRows): each
    /// lane zeroes and merges accumulators of its own, up to `maxCells` of them.
    static let parallelRows = 1 << 20

    enum Source {
        case ids(StoredColumn<UInt32>), bytes(StoredColumn<UInt8>), year(StoredColumn<Int16>), level(CompactColumn, [UInt8])
        /// Ids held in 16 bits (CompactColumn).
        case narrowIDs(StoredColumn<UInt16>)
        /// A field held once per document: each document's index, read through the row's document.
        case perDocument([Int32])
    }

    struct Key {
        var source: Source
        var stride: Int
        var size: Int
        var offset: Int64
    }

    /// The groups and accumulators of `rows`, or nil when the groups do not fit dense arrays
    /// (or a sum overflowed across the halves; the hash path then names the row).
    static func aggregate(
        _ rows: RowSet, fields: [Field], slotOfColumn: [Int], width: Int, periods: Bool, _ store: LineItemStore,
        _ cancel: Cancellation
    ) throws(Diagnostic) -> (keys: [Executor.GroupKey], accumulators: [Executor.Accumulator], overflowRow: Int?)? {
        var keys: [Key] = []
        var cells = width
        for field in fields.reversed() {
            let key: Key
            switch field {
            case .doc, .label, .district, .dept, .name:
                let (ids, dictionary) = store.textColumn(field)
                let source: Source = switch ids {
                case .perDocument(let ids): ids.byDocument.map { .perDocument($0.map { Int32($0) }) } ?? .ids(StoredColumn(ids.byRow))
                case .perRow(let ids): Self.source(ids)
                }
                key = Key(source: source, stride: cells, size: dictionary.count, offset: 0)
            case .code: key = Key(source: Self.source(store.code), stride: cells, size: store.codes.count, offset: 0)
            case .table, .column, .phase:
                key = Key(source: .bytes(store.identifierColumn(field)), stride: cells,
                          size: LineItemStore.identifierNames(field).count, offset: 0)
            case .level: key = Key(source: .level(store.code, store.codes.levels), stride: cells, size: 4, offset: 0)
            case .year:
                guard let low = store.year.min(), let high = store.year.max() else { return nil }
                key = Key(source: .year(store.year), stride: cells, size: Int(high) - Int(low) + 1, offset: Int64(low))
            case .budgetYear:
                guard let low = store.budgetYear.min(), let high = store.budgetYear.max() else { return nil }
                let source: Source = store.budgetYear.byDocument.map { years in
                    .perDocument(years.map { Int32($0) - Int32(low) })
                } ?? .year(StoredColumn(store.budgetYear.byRow))
                key = Key(source: source, stride: cells, size: Int(high) - Int(low) + 1, offset: Int64(low))
            case .line, .page, .amount: return nil
            }
            guard key.size > 0, cells <= maxCells / key.size else { return nil }
            cells *= key.size
            keys.append(key)
        }
        keys.reverse()

        let lanes = rows.rowCount >= parallelRows ? 2 : 1
        let wordCount = rows.words.count
        var results = [Lane](repeating: Lane(), count: lanes)
        let job = Job(rows: rows, keys: keys, slotOfColumn: slotOfColumn, amount: store.amount, column: store.column,
                      year: store.year, phase: store.phase, documents: store.doc, periods: periods, cells: cells, cancel: cancel)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            if lanes == 1 {
                out[0] = job.run(words: 0..<wordCount)
            } else {
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    let range = (wordCount * lane / lanes)..<(wordCount * (lane + 1) / lanes)
                    slots.value[lane] = job.run(words: range)
                }
            }
        }
        if results.contains(where: \.cancelled) { throw Cancellation.cancelledError }
        var total = results[0]
        for other in results.dropFirst() {
            if let row = other.overflowRow { total.overflowRow = total.overflowRow ?? row }
            for i in 0..<cells where other.accumulators[i].count > 0 {
                let (sum, overflow) = total.accumulators[i].sum.addingReportingOverflow(other.accumulators[i].sum)
                if overflow { return nil }
                total.accumulators[i].sum = sum
                total.accumulators[i].merge(other.accumulators[i])
            }
        }

        // The groups that received a row, in index order, as the hash path would list them.
        var groupKeys: [Executor.GroupKey] = []
        var accumulators: [Executor.Accumulator] = []
        let groups = cells / width
        for g in 0..<groups {
            let base = g * width
            var used = fields.isEmpty
            for s in 0..<width where total.accumulators[base + s].count > 0 { used = true }
            guard used else { continue }
            var key = Executor.GroupKey()
            for (i, k) in keys.enumerated() {
                key[i] = Int64((base / k.stride) % k.size) + k.offset
            }
            groupKeys.append(key)
            accumulators.append(contentsOf: total.accumulators[base..<(base + width)])
        }
        return (groupKeys, accumulators, total.overflowRow)
    }

    /// A compact id column as a source of the width it is held in.
    static func source(_ ids: CompactColumn) -> Source {
        switch ids.storage {
        case .narrow(let v): .narrowIDs(v)
        case .wide(let v): .ids(v)
        }
    }

    struct Lane {
        var accumulators: [Executor.Accumulator] = []
        var overflowRow: Int?
        var cancelled = false
    }

    struct UnsafeSendable<T>: @unchecked Sendable {
        var value: T
        init(_ value: T) { self.value = value }
    }

    /// One lane's scan: read-only inputs, its own accumulators.
    struct Job: @unchecked Sendable {
        let rows: RowSet
        let keys: [Key]
        let slotOfColumn: [Int]
        let amount: StoredColumn<Int64>
        let column: StoredColumn<UInt8>
        let year: StoredColumn<Int16>
        let phase: StoredColumn<UInt8>
        /// Each row's document, for the fields held per document.
        let documents: RowDocuments
        /// Whether to keep the years and phases each group adds.
        let periods: Bool
        let cells: Int
        let cancel: Cancellation

        func run(words: Range<Int>) -> Lane {
            var lane = Lane()
            lane.accumulators = [Executor.Accumulator](repeating: Executor.Accumulator(), count: cells)
            // Rows come in increasing order: the cursor searches only on entering a document.
            var cursor = DocumentCursor(documents)
            let perDocument = keys.contains { if case .perDocument = $0.source { true } else { false } }
            lane.accumulators.withUnsafeMutableBufferPointer { acc in
                amount.withUnsafeBufferPointer { amount in
                    column.withUnsafeBufferPointer { column in
                        slotOfColumn.withUnsafeBufferPointer { slotOfColumn in
                            // Blocks of 4,096 rows, the flag asked before each: a cancelled scan stops.
                            for block in stride(from: words.lowerBound, to: words.upperBound, by: 64) {
                                if cancel.isCancelled() { lane.cancelled = true }
                                if lane.cancelled || lane.overflowRow != nil { break }
                                rows.forEach(inWords: block..<min(block + 64, words.upperBound)) { row in
                                    let slot = slotOfColumn[Int(column[row])]
                                    guard slot >= 0, lane.overflowRow == nil else { return }
                                    var index = slot
                                    let d = perDocument ? cursor.document(of: row) : 0
                                    for k in keys {
                                        let v: Int
                                        switch k.source {
                                        case .ids(let ids): v = Int(ids[row])
                                        case .narrowIDs(let ids): v = Int(ids[row])
                                        case .bytes(let bytes): v = Int(bytes[row])
                                        case .year(let years): v = Int(years[row]) - Int(k.offset)
                                        case .level(let codes, let levels): v = Int(levels[Int(codes[row])])
                                        case .perDocument(let values): v = Int(values[d])
                                        }
                                        index &+= v &* k.stride
                                    }
                                    let value = amount[row]
                                    let (sum, overflow) = acc[index].sum.addingReportingOverflow(value)
                                    if overflow { lane.overflowRow = row }
                                    acc[index].sum = sum
                                    acc[index].count += 1
                                    if value < acc[index].min { acc[index].min = value }
                                    if value > acc[index].max { acc[index].max = value }
                                    if periods {
                                        let y = year[row]
                                        if y < acc[index].minYear { acc[index].minYear = y }
                                        if y > acc[index].maxYear { acc[index].maxYear = y }
                                        acc[index].phases |= 1 << phase[row]
                                        acc[index].yearBits |= 1 << UInt64(y & 63)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return lane
        }
    }
}
