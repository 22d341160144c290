import Dispatch

/// The store keeps each document's rows together, in the order the document gave them, so a
/// question about a few documents (a district, a label, a year's budgets) reads their row
/// ranges instead of every row, and a row's parent lies a few rows away rather than anywhere
/// in memory. Imported documents arrive this way already; a line-item file may not (it can be
/// in any order), and is put in this order once, at load: its documents together, and each
/// document's rows in printed-row order (line, code, table, phase, year — the order a
/// document prints them in), since the file's own order within a document it broke up says
/// nothing, and in printed-row order the row rule groups a document without hashing.
extension StoreBuilder {
    /// Whether every document's rows are contiguous and documents come in id order.
    var isClusteredByDocument: Bool {
        doc.withUnsafeBufferPointer { doc in
            var i = 1
            while i < doc.count {
                if doc[i] < doc[i - 1] { return false }
                i += 1
            }
            return true
        }
    }

    /// Reorders every column so that rows are grouped by document id (a counting sort), each
    /// document's rows in printed-row order; `codeOrder` gives each raw code id its place in
    /// the store's code order. Rows alike in all of these keep their order.
    mutating func clusterByDocument(codeOrder: [UInt32]) {
        guard !isClusteredByDocument else { return }
        var start = [Int](repeating: 0, count: docs.count + 1)
        for d in doc { start[Int(d) + 1] += 1 }
        for d in 0..<docs.count { start[d + 1] += start[d] }
        var order = [Int32](repeating: 0, count: doc.count)
        var next = start
        for (row, d) in doc.enumerated() {
            order[next[Int(d)]] = Int32(row)
            next[Int(d)] += 1
        }
        sortByPrintedRow(&order, documentStarts: start, codeOrder: codeOrder)
        let job = Gather(order: order)
        doc = job.apply(doc); label = job.apply(label); district = job.apply(district); dept = job.apply(dept)
        year = job.apply(year); budgetYear = job.apply(budgetYear); phase = job.apply(phase); table = job.apply(table)
        rawCode = job.apply(rawCode); name = job.apply(name); column = job.apply(column); amount = job.apply(amount)
        line = job.apply(line); page = job.apply(page)
    }

    /// Each document's stretch of `order` sorted by its rows' printed-row keys, the documents
    /// split between the two cores by rows.
    private func sortByPrintedRow(_ order: inout [Int32], documentStarts start: [Int], codeOrder: [UInt32]) {
        let n = order.count
        guard line.count == n, rawCode.count == n, table.count == n, phase.count == n, year.count == n else { return }
        // Lane boundaries at a document start near the middle of the rows.
        let documents = start.count - 1
        let middle = n >= RowSet.parallelRows ? start.firstIndex(where: { $0 >= n / 2 }).map { min($0, documents) } : nil
        let bounds = middle.map { [0, $0, documents] } ?? [0, documents]
        withKeyColumns(codeOrder: codeOrder) { columns in
            let packed = Self.packedKeys(columns) ?? []
            packed.withUnsafeBufferPointer { packed in
                order.withUnsafeMutableBufferPointer { order in
                    let job = PrintedRowOrder(columns: columns, packed: packed, order: order)
                    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { lane in
                        job.sort(documents: bounds[lane]..<bounds[lane + 1], starts: start)
                    }
                }
            }
        }
    }

    /// The columns a printed-row key is made of, as buffers both cores may read.
    private struct KeyColumns: @unchecked Sendable {
        let line, rawCode: UnsafeBufferPointer<UInt32>
        let table, phase: UnsafeBufferPointer<UInt8>
        let year: UnsafeBufferPointer<Int16>
        /// Each raw code id's place in the store's code order.
        let codeOrder: UnsafeBufferPointer<UInt32>

        var count: Int { line.count }

        @inline(__always)
        func code(_ r: Int) -> UInt32 { Int(rawCode[r]) < codeOrder.count ? codeOrder[Int(rawCode[r])] : 0 }

        @inline(__always)
        func key(_ r: Int) -> (UInt64, UInt64) {
            PrintedRowKey.of(doc: 0, line: line[r], code: code(r), table: table[r], phase: phase[r], year: year[r])
        }

        @inline(__always)
        func oneWord(_ r: Int) -> UInt64? {
            PrintedRowKey.oneWord(line: line[r], code: code(r), table: table[r], phase: phase[r], year: year[r])
        }
    }

    private func withKeyColumns<R>(codeOrder: [UInt32], _ body: (KeyColumns) -> R) -> R {
        line.withUnsafeBufferPointer { line in
            rawCode.withUnsafeBufferPointer { rawCode in
                table.withUnsafeBufferPointer { table in
                    phase.withUnsafeBufferPointer { phase in
                        year.withUnsafeBufferPointer { year in
                            codeOrder.withUnsafeBufferPointer { codeOrder in
                                body(KeyColumns(line: line, rawCode: rawCode, table: table, phase: phase, year: year, codeOrder: codeOrder))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every row's printed-row key within its document in one word, computed in row order
    /// (both cores), where every row's fits (`PrintedRowKey.oneWord`). The sort then reads
    /// one array at a document's scattered rows, not five.
    private static func packedKeys(_ columns: KeyColumns) -> [UInt64]? {
        let n = columns.count
        var fits = [true, true]
        let keys = [UInt64](unsafeUninitializedCapacity: n) { out, count in
            fits.withUnsafeMutableBufferPointer { fits in
                let lanes = n >= RowSet.parallelRows ? 2 : 1
                let job = KeyPacking(columns: columns, out: out, fits: fits)
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    job.pack(rows: (n * lane / lanes)..<(n * (lane + 1) / lanes), lane: lane)
                }
            }
            count = n
        }
        return fits.allSatisfy { $0 } ? keys : nil
    }

    private struct KeyPacking: @unchecked Sendable {
        let columns: KeyColumns
        let out: UnsafeMutableBufferPointer<UInt64>
        let fits: UnsafeMutableBufferPointer<Bool>

        func pack(rows: Range<Int>, lane: Int) {
            var ok = true
            for r in rows {
                let key = columns.oneWord(r)
                ok = ok && key != nil
                (out.baseAddress! + r).initialize(to: key ?? 0)
            }
            fits[lane] = ok
        }
    }

    private struct PrintedRowOrder: @unchecked Sendable {
        let columns: KeyColumns
        /// Each row's key in one word (`packedKeys`), or empty.
        let packed: UnsafeBufferPointer<UInt64>
        let order: UnsafeMutableBufferPointer<Int32>

        /// A row's place in printed-row order (`PrintedRowKey` within one document); rows alike
        /// keep their order.
        struct Key: Comparable {
            var high: UInt64
            var low: UInt64
            var row: Int32

            static func < (a: Key, b: Key) -> Bool { (a.high, a.low, a.row) < (b.high, b.low, b.row) }
        }

        func key(_ row: Int32) -> Key {
            let r = Int(row)
            if !packed.isEmpty { return Key(high: packed[r], low: 0, row: row) }
            let k = columns.key(r)
            return Key(high: k.0, low: k.1, row: row)
        }

        func sort(documents: Range<Int>, starts start: [Int]) {
            var keys: [Key] = []
            for d in documents {
                let range = start[d]..<start[d + 1]
                guard range.count > 1 else { continue }
                keys.removeAll(keepingCapacity: true)
                for i in range { keys.append(key(order[i])) }
                keys.sort()
                for (i, k) in zip(range, keys) { order[i] = k.row }
            }
        }
    }

    /// One column in the new order; a large one on both cores, each filling half.
    private struct Gather: Sendable {
        let order: [Int32]

        func apply<T>(_ values: [T]) -> [T] {
            let n = order.count
            guard values.count == n else { return values }
            return [T](unsafeUninitializedCapacity: n) { out, count in
                HugePages.advise(UnsafeMutableRawBufferPointer(out))
                values.withUnsafeBufferPointer { values in
                    order.withUnsafeBufferPointer { order in
                        let lanes = n >= RowSet.parallelRows ? 2 : 1
                        let shared = Shared<T>(out: out.baseAddress!, values: values.baseAddress!, order: order.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                            for i in (n * lane / lanes)..<(n * (lane + 1) / lanes) {
                                (shared.out + i).initialize(to: shared.values[Int(shared.order[i])])
                            }
                        }
                    }
                }
                count = n
            }
        }

        private struct Shared<T>: @unchecked Sendable {
            let out: UnsafeMutablePointer<T>
            let values: UnsafePointer<T>
            let order: UnsafePointer<Int32>
        }
    }
}

/// A printed row's identity in two words, exact, ordered as a document prints its rows: doc,
/// line; then code, table, phase and year (a 决算's 预算数 and 决算数 on one line are two rows
/// of figures). The row rule groups by it and the load orders a broken-up document by it, so
/// the two agree on what "in printed-row order" means.
enum PrintedRowKey {
    @inline(__always)
    static func of(doc: Int, line: UInt32, code: UInt32, table: UInt8, phase: UInt8, year: Int16) -> (UInt64, UInt64) {
        (UInt64(doc) << 32 | UInt64(line),
         UInt64(code) << 32 | UInt64(table) << 24 | UInt64(phase) << 16 | UInt64(UInt16(bitPattern: year)))
    }

    /// The key within one document in one word, ordered as `of`, where it fits: line < 2^24,
    /// code < 2^20, table < 16, phase < 4, year 1900–3947.
    @inline(__always)
    static func oneWord(line: UInt32, code: UInt32, table: UInt8, phase: UInt8, year: Int16) -> UInt64? {
        let y = Int(year) - 1900
        guard line < 1 << 24, code < 1 << 20, table < 16, phase < 4, y >= 0, y < 1 << 11 else { return nil }
        return UInt64(line) << 40 | UInt64(code) << 20 | UInt64(table) << 16 | UInt64(phase) << 14 | UInt64(y)
    }
}
