import Dispatch

/// The store keeps each document's rows together, in the order the document gave them, so a
/// question about a few documents (a district, a label, a year's budgets) reads their row
/// ranges instead of every row, and a row's parent lies a few rows away rather than anywhere
/// in memory. Imported documents arrive this way already; a line-item file may not (it can be
/// in any order), and is put in this order once, at load.
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

    /// Reorders every column so that rows are grouped by document id, keeping the rows of one
    /// document in their original order (a counting sort: stable, one pass per column).
    mutating func clusterByDocument() {
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
        let job = Gather(order: order)
        doc = job.apply(doc); label = job.apply(label); district = job.apply(district); dept = job.apply(dept)
        year = job.apply(year); budgetYear = job.apply(budgetYear); phase = job.apply(phase); table = job.apply(table)
        rawCode = job.apply(rawCode); name = job.apply(name); column = job.apply(column); amount = job.apply(amount)
        line = job.apply(line); page = job.apply(page)
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
