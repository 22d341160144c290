import Dispatch

/// The 表内 rules: in every table, each parent row against the sum of its children (`tree`),
/// and each printed row's total against its parts (`rows`). They read every line item, so
/// they are written for millions of rows: dense arrays, no dictionary per row, two cores.
extension AuditRules {
    // MARK: - 表内: parent = sum of children

    mutating func tree() {
        // A parent is of its row's document and rows are grouped by document, so children's
        // sums are kept document by document in a small array indexed by the parent's place in
        // it (no hashing, nothing the size of the store); on a large store the documents split
        // in two halves, one for each core.
        let n = store.count
        let everything = scope.count == n
        var split = n / 2
        while split > 0, split < n, store.doc[split] == store.doc[split - 1] { split += 1 }
        let halves = n >= RowSet.parallelRows && split < n ? [0..<split, split..<n] : [0..<n]
        var found = [[TreeSums.Mismatch]](repeating: [], count: halves.count)
        found.withUnsafeMutableBufferPointer { found in
            let job = TreeSums(store: store, scope: scope, everything: everything, found: found)
            DispatchQueue.concurrentPerform(iterations: halves.count) { lane in job.add(rows: halves[lane], lane: lane) }
        }
        var sum: [Int: Int64] = [:], count: [Int: Int32] = [:]
        let mismatched = found.joined().map { m -> Int in
            sum[m.row] = m.sum
            count[m.row] = m.count
            return m.row
        }
        guard !mismatched.isEmpty else { return }
        // The few parents that disagree: their children's lines, in row order. A child is of its
        // parent's document, so only those documents' rows are read, not the store.
        var linesOf: [Int: [Int]] = [:]
        var isMismatched = RowSet(rowCount: n)
        for p in mismatched {
            linesOf[p] = []
            isMismatched.insert(p)
        }
        for d in Set(mismatched.map { Int(store.doc[$0]) }).sorted() {
            for row in store.rows(ofDocument: d) where everything || scope.contains(row) {
                let p = Int(store.parent[row])
                guard p >= 0, isMismatched.contains(p), everything || scope.contains(p) else { continue }
                let line = Int(store.line[row])
                if linesOf[p]!.count < 8, !linesOf[p]!.contains(line) { linesOf[p]!.append(line) }
            }
        }
        for parent in mismatched {
            if count[parent]! < 0 {
                let item = store.item(parent)
                findings.append(Finding(
                    doc: item.doc, rule: "tree", severity: .material, table: item.table, code: item.code, column: item.column,
                    expected: nil, actual: item.amount, lines: [item.line] + linesOf[parent]!,
                    message: "\(label(parent)) \(item.column.id) \(item.year): its children add past what tally can hold "
                        + "(±92,233,720,368,547,758.07 元), so they cannot match the printed \(item.amount.display(in: .wan))"))
                continue
            }
            let entryCount = Int(count[parent]!)
            let gap = store.amount[parent] &- sum[parent]!
            let item = store.item(parent)
            var finding = Finding(
                doc: item.doc, rule: "tree", severity: Finding.severity(gap: gap, figures: entryCount), table: item.table,
                code: item.code, column: item.column, expected: Amount(fen: sum[parent]!), actual: item.amount,
                lines: [item.line] + linesOf[parent]!,
                message: "\(label(parent)) \(item.column.id) \(item.year): printed \(item.amount.display(in: .wan)), its \(entryCount) \(entryCount == 1 ? "child adds" : "children add") to \(Amount(fen: sum[parent]!).display(in: .wan))")
            // A parent larger than its children where the document says it leaves classified items out.
            if finding.severity == .material, gap > 0 {
                finding = finding.explained(by: classifiedItem(document(store.doc[parent]), table: item.table))
            }
            findings.append(finding)
        }
    }

    /// One core's share of the tree rule: the documents of a range of rows, one at a time.
    struct TreeSums: @unchecked Sendable {
        /// A parent whose children do not add up to it (count < 0: their sum overflowed).
        struct Mismatch { var row: Int; var sum: Int64; var count: Int32 }

        let store: LineItemStore
        let scope: RowSet
        let everything: Bool
        let found: UnsafeMutableBufferPointer<[Mismatch]>

        func add(rows range: Range<Int>, lane: Int) {
            guard !range.isEmpty else { return }
            var out: [Mismatch] = []
            var sum: [Int64] = [], count: [Int32] = []
            let parent = store.parent
            do {
                store.amount.withUnsafeBufferPointer { amount in
                    for d in Int(store.doc[range.lowerBound])...Int(store.doc[range.upperBound - 1]) {
                        let rows = store.rows(ofDocument: d)
                        guard !rows.isEmpty, scope.intersects(rows) else { continue }
                        let base = rows.lowerBound
                        sum.removeAll(keepingCapacity: true)
                        count.removeAll(keepingCapacity: true)
                        sum.append(contentsOf: repeatElement(0, count: rows.count))
                        count.append(contentsOf: repeatElement(0, count: rows.count))
                        scope.forEach(inWords: (base >> 6)..<((rows.upperBound - 1) >> 6 + 1)) { row in
                            guard row >= base, row < rows.upperBound else { return }
                            let p = Int(parent[row])
                            guard p >= 0, everything || scope.contains(p) else { return }
                            // An overflowing sum marks its parent (count < 0) instead of wrapping.
                            let (added, overflow) = sum[p - base].addingReportingOverflow(amount[row])
                            sum[p - base] = added
                            count[p - base] = overflow || count[p - base] < 0 ? Int32.min : count[p - base] &+ 1
                        }
                        for i in 0..<rows.count where count[i] < 0 || (count[i] > 0 && amount[base + i] != sum[i]) {
                            out.append(Mismatch(row: base + i, sum: sum[i], count: count[i]))
                        }
                    }
                }
            }
            found[lane] = out
        }
    }

    // MARK: - 表内: a row's total against its parts

    static let rowIdentities: [(tables: [TableID], total: ColumnID, parts: [ColumnID])] = [
        // 单位预留机动经费 (江苏) is a third part where it is printed.
        ([.expenditure, .gpbExpenditure, .govFund, .soeCapital, .projectEcon, .projectGovEcon], .total, [.basic, .project, .reserve]),
        ([.basicEcon, .basicGovEcon], .total, [.personnel, .public]),
        ([.threePublic], .total, [.overseas, .vehicle, .reception]),
        ([.threePublic], .vehicle, [.vehiclePurchase, .vehicleOperation]),
        ([.income], .total, [.carryover, .gpb, .govFund, .soeCapital, .specialAccount, .business, .superior, .affiliated, .operating, .other]),
    ]


    /// One identity as the row rule checks it per printed row: bits of the columns, no arrays.
    struct RowCheck {
        var identity: Int
        var total: Int
        var totalBit: UInt32
        var parts: UInt32
    }

    mutating func rows() {
        typealias Found = (doc: UInt32, line: UInt32, table: UInt8, code: UInt32, finding: Finding)
        let tables = Set(Self.rowIdentities.flatMap(\.tables))
        // The identities of each table, by its raw id: a run of `checks`.
        var checks: [RowCheck] = []
        var checksOf = [Range<Int>](repeating: 0..<0, count: 256)
        for t in 0..<256 {
            let first = checks.count
            for (i, identity) in Self.rowIdentities.enumerated() where identity.tables.contains(where: { Int($0.rawValue) == t }) {
                let parts = identity.parts.reduce(UInt32(0)) { $0 | 1 << UInt32($1.rawValue) }
                checks.append(RowCheck(identity: i, total: Int(identity.total.rawValue),
                                       totalBit: 1 << UInt32(identity.total.rawValue), parts: parts))
            }
            checksOf[t] = first..<checks.count
        }
        let threePublic = TableID.threePublic.rawValue
        let rules = self
        let found: [Found]? = checks.withUnsafeBufferPointer { checks in
            PrintedRows.collect(store, scope: scope, tables: tables, cancel: cancel, lanes: rowLanes,
                                partitionTarget: rowPartitionTarget, runs: rowRuns) { (group, out: inout [Found]) in
                for c in checksOf[Int(group.table)] {
                    let check = checks[c]
                    guard group.present & check.totalBit != 0 else { continue }
                    // Most printed rows add up: check that first, without building anything.
                    if group.table != threePublic {
                        var bits = group.present & check.parts
                        var quickSum: Int64 = 0
                        var quickOverflow = false
                        while bits != 0 {
                            let (added, overflow) = quickSum.addingReportingOverflow(group.value(bits.trailingZeroBitCount))
                            quickSum = added
                            quickOverflow = quickOverflow || overflow
                            bits &= bits - 1
                        }
                        if !quickOverflow && (group.present & check.parts == 0 || quickSum == group.value(check.total)) { continue }
                    }
                    if let finding = rules.rowFinding(group, identity: Self.rowIdentities[check.identity]) { out.append(finding) }
                }
            }
        }
        guard var found else {
            _ = stopping()
            return
        }
        found.sort { ($0.doc, $0.line, $0.table, $0.code) < ($1.doc, $1.line, $1.table, $1.code) }
        findings += found.map(\.finding)
    }

    /// The finding of a printed row whose total may not be its parts' sum, or nil if it is.
    func rowFinding(_ group: PrintedRows.Group, identity: (tables: [TableID], total: ColumnID, parts: [ColumnID]))
        -> (doc: UInt32, line: UInt32, table: UInt8, code: UInt32, finding: Finding)?
    {
        guard let tableID = TableID(rawValue: group.table), let (total, row) = group.figure(identity.total) else { return nil }
        var parts = identity.parts.compactMap { group.figure($0)?.0 }
        // 三公: the vehicle subtotal may be unprinted; its parts stand in for it.
        if tableID == .threePublic, identity.total == .total, group.figure(.vehicle) == nil {
            parts += [ColumnID.vehiclePurchase, .vehicleOperation].compactMap { group.figure($0)?.0 }
        }
        // A lone total (a prior year's column, an unsplit row) has nothing to add up.
        guard !parts.isEmpty else { return nil }
        var sum: Int64 = 0
        var overflow = false
        for part in parts {
            let (added, over) = sum.addingReportingOverflow(part)
            sum = added
            overflow = overflow || over
        }
        let (gap, gapOverflow) = total.subtractingReportingOverflow(sum)
        guard gap != 0 || overflow || gapOverflow else { return nil }
        let item = store.item(row)
        // Name the parts the row prints (单位预留机动经费 only where it is a column).
        let names = identity.parts.filter { group.figure($0) != nil }.map(\.id).joined(separator: " + ")
        let key = (store.doc[row], store.line[row], store.table[row], store.code[row])
        if overflow || gapOverflow {
            return (key.0, key.1, key.2, key.3, Finding(
                doc: item.doc, rule: "rows", severity: .material, table: tableID, code: item.code, column: identity.total,
                expected: overflow ? nil : Amount(fen: sum), actual: Amount(fen: total), lines: [item.line],
                message: "\(label(row)) \(item.year): \(identity.total.id) and \(names) are too far apart for tally "
                    + "to hold the difference (past ±92,233,720,368,547,758.07 元)"))
        }
        return (key.0, key.1, key.2, key.3, Finding(
            doc: item.doc, rule: "rows", severity: Finding.severity(gap: gap, figures: parts.count), table: tableID,
            code: item.code, column: identity.total, expected: Amount(fen: sum), actual: Amount(fen: total), lines: [item.line],
            message: "\(label(row)) \(item.year): \(identity.total.id) \(Amount(fen: total).display(in: .wan)) but \(names) = \(Amount(fen: sum).display(in: .wan))"))
    }
}
