import Dispatch

/// The 表内 rules: in every table, each parent row against the sum of its children (`tree`),
/// and each printed row's total against its parts (`rows`). They read every line item, so
/// they are written for millions of rows: dense arrays, no dictionary per row, two cores.
extension AuditRules {
    // MARK: - 表内: parent = sum of children

    mutating func tree() {
        // Children's sums in dense arrays indexed by the parent's row: no hashing. On a large
        // store each core takes the parents in its half of the rows (both read every row).
        let n = store.count
        var sum = [Int64](repeating: 0, count: n)
        var count = [Int32](repeating: 0, count: n)
        let everything = scope.count == n
        let lanes = n >= RowSet.parallelRows ? 2 : 1
        sum.withUnsafeMutableBufferPointer { sum in
            count.withUnsafeMutableBufferPointer { count in
                let job = TreeSums(parent: store.parent, amount: store.amount, scope: scope, everything: everything,
                                   sum: sum, count: count)
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    job.add(parents: (n * lane / lanes)..<(n * (lane + 1) / lanes))
                }
            }
        }
        var mismatched: [Int] = []
        for p in 0..<n where count[p] < 0 || (count[p] > 0 && store.amount[p] != sum[p]) { mismatched.append(p) }
        guard !mismatched.isEmpty else { return }
        // The few parents that disagree: their children's lines, in row order.
        var linesOf: [Int: [Int]] = [:]
        var isMismatched = RowSet(rowCount: n)
        for p in mismatched {
            linesOf[p] = []
            isMismatched.insert(p)
        }
        scope.forEach { row in
            let p = Int(store.parent[row])
            guard p >= 0, isMismatched.contains(p), everything || scope.contains(p) else { return }
            let line = Int(store.line[row])
            if linesOf[p]!.count < 8, !linesOf[p]!.contains(line) { linesOf[p]!.append(line) }
        }
        for parent in mismatched {
            if count[parent] < 0 {
                let item = store.item(parent)
                findings.append(Finding(
                    doc: item.doc, rule: "tree", severity: .material, table: item.table, code: item.code, column: item.column,
                    expected: nil, actual: item.amount, lines: [item.line] + linesOf[parent]!,
                    message: "\(label(parent)) \(item.column.id) \(item.year): its children add past what tally can hold "
                        + "(±92,233,720,368,547,758.07 元), so they cannot match the printed \(item.amount.display(in: .wan))"))
                continue
            }
            let entryCount = Int(count[parent])
            let gap = store.amount[parent] &- sum[parent]
            let item = store.item(parent)
            var finding = Finding(
                doc: item.doc, rule: "tree", severity: Finding.severity(gap: gap, figures: entryCount), table: item.table,
                code: item.code, column: item.column, expected: Amount(fen: sum[parent]), actual: item.amount,
                lines: [item.line] + linesOf[parent]!,
                message: "\(label(parent)) \(item.column.id) \(item.year): printed \(item.amount.display(in: .wan)), its \(entryCount) \(entryCount == 1 ? "child adds" : "children add") to \(Amount(fen: sum[parent]).display(in: .wan))")
            // A parent larger than its children where the document says it leaves classified items out.
            if finding.severity == .material, gap > 0 {
                finding = finding.explained(by: classifiedItem(document(store.doc[parent]), table: item.table))
            }
            findings.append(finding)
        }
    }

    /// One core's share of the tree rule: the children of parents in a range of rows.
    struct TreeSums: @unchecked Sendable {
        let parent: [Int32]
        let amount: [Int64]
        let scope: RowSet
        let everything: Bool
        let sum: UnsafeMutableBufferPointer<Int64>
        let count: UnsafeMutableBufferPointer<Int32>

        func add(parents range: Range<Int>) {
            let low = range.lowerBound, high = range.upperBound
            parent.withUnsafeBufferPointer { parent in
                amount.withUnsafeBufferPointer { amount in
                    scope.forEach { row in
                        let p = Int(parent[row])
                        guard p >= low, p < high, everything || scope.contains(p) else { return }
                        // An overflowing sum marks its parent (count < 0) instead of wrapping.
                        let (added, overflow) = sum[p].addingReportingOverflow(amount[row])
                        sum[p] = added
                        count[p] = overflow || count[p] < 0 ? Int32.min : count[p] &+ 1
                    }
                }
            }
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
