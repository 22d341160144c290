import Testing
@testable import TallyCore

/// Issue 17 §3: the row rule's printed rows (PrintedRows.collect) are gathered on several
/// cores, yet come out exactly as one core gives them: in partition order, each partition's
/// printed rows in the order of their first line item, a column printed twice keeping its
/// last figure — for any row order, any number of partitions and lanes.
struct PrintedRowsTests {
    /// Line items in no particular order, several on each printed row, some columns twice,
    /// some rows of a prior year or a 决算's 预算数 on the same line, some tables not asked for.
    /// (The store groups each document's rows at load — shuffled ones put in printed-row
    /// order, rows already together kept in theirs; `runs: false` takes the hashed way, which
    /// must agree for any order.)
    static func shuffledStore(seed: UInt64, rows: Int, docs: UInt64 = 40, lines: UInt64 = 60, order: Order = .shuffled,
                              codes: [String] = ["2080101", "2080102", "20801", "301", ""]) -> LineItemStore {
        var random = SeededRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var items: [(doc: UInt64, item: LineItem)] = (0..<rows).map { _ in
            let doc = random.next() % docs
            return (doc, LineItem(doc: "doc\(doc)", district: "北碚", dept: "部门", year: pick([2024, 2025, 2025]),
                     phase: pick([.budget, .budget, .final]), table: pick([.expenditure, .basicEcon, .threePublic, .income, .summary]),
                     code: pick(codes), name: "名称",
                     column: pick([.total, .total, .basic, .project, .personnel, .public, .vehicle, .vehiclePurchase, .gpb]),
                     amount: Amount(fen: Int64(random.next() % 1_000)), line: Int(random.next() % lines) + 1))
        }
        if order != .shuffled {
            // Document order: each document's lines in turn (the first document interned first).
            items = items.enumerated().sorted { a, b in
                (a.element.doc, a.element.item.line, a.offset) < (b.element.doc, b.element.item.line, b.offset)
            }.map(\.element)
            if order == .nearlyOrdered, items.count > 10 { items.swapAt(items.count / 2, items.count / 3) }
            if order == .byDocument {
                // Each document's line items together, in no order within it.
                items = items.enumerated().sorted { a, b in
                    (a.element.doc, (a.offset &* 7919) % 10_007) < (b.element.doc, (b.offset &* 7919) % 10_007)
                }.map(\.element)
            }
        }
        var builder = StoreBuilder()
        builder.append(contentsOf: items.map(\.item))
        return builder.build()
    }

    enum Order { case shuffled, ordered, nearlyOrdered, byDocument }

    typealias Seen = (representative: Int, present: UInt32, values: [Int64], rows: [Int32])

    /// What one core gives, written the plain way: a Dictionary of printed rows in row order,
    /// then ordered by partition and first line item.
    static func reference(_ store: LineItemStore, scope: RowSet, tables: Set<TableID>, target: Int) -> [Seen] {
        struct Key: Hashable { var a: UInt64, b: UInt64 }
        var groups: [Key: Seen] = [:]
        var candidates = 0
        scope.forEach { r in
            guard let t = TableID(rawValue: store.table[r]), tables.contains(t) else { return }
            candidates += 1
            let key = Key(a: UInt64(store.doc[r]) << 32 | UInt64(store.line[r]),
                          b: UInt64(store.code[r]) << 32 | UInt64(store.table[r]) << 24 | UInt64(store.phase[r]) << 16
                              | UInt64(UInt16(bitPattern: store.year[r])))
            var g = groups[key] ?? (r, 0, [Int64](repeating: 0, count: PrintedRows.columnSlots),
                                    [Int32](repeating: -1, count: PrintedRows.columnSlots))
            let c = Int(store.column[r])
            g.present |= 1 << UInt32(c)
            g.values[c] = store.amount[r]
            g.rows[c] = Int32(r)
            groups[key] = g
        }
        var bits = 0
        while (candidates >> bits) > target { bits += 1 }
        return groups.map { key, seen in (PrintedRows.partition(PrintedRows.hash(key.a, key.b), bits: bits), seen) }
            .sorted { ($0.0, $0.1.representative) < ($1.0, $1.1.representative) }
            .map(\.1)
    }

    static func collected(_ store: LineItemStore, scope: RowSet, tables: Set<TableID>, lanes: Int, target: Int,
                          runs: Bool = true) -> [Seen]? {
        PrintedRows.collect(store, scope: scope, tables: tables, cancel: .never, lanes: lanes, partitionTarget: target,
                            runs: runs) {
            (group: PrintedRows.Group, out: inout [Seen]) in
            var values = [Int64](repeating: 0, count: PrintedRows.columnSlots)
            var rows = [Int32](repeating: -1, count: PrintedRows.columnSlots)
            for c in ColumnID.allCases {
                if let (v, r) = group.figure(c) {
                    values[Int(c.rawValue)] = v
                    rows[Int(c.rawValue)] = Int32(r)
                }
            }
            #expect(group.table == store.table[group.representative])
            out.append((group.representative, group.present, values, rows))
        }
    }

    static let cases: [(seed: UInt64, rows: Int, lanes: Int, target: Int, everything: Bool, order: Order)] = [
        (1, 6_000, 1, 32_768, true, .shuffled), (2, 6_000, 2, 32_768, true, .shuffled), (3, 6_000, 2, 500, true, .shuffled),
        (4, 9_000, 3, 300, true, .shuffled), (5, 9_000, 2, 64, false, .shuffled), (6, 1, 2, 16, true, .shuffled),
        (7, 0, 2, 16, true, .shuffled), (8, 4_000, 5, 1_000, false, .shuffled),
        // In document order each printed row is one run of rows: gathered in one pass, put back in hashed order.
        (11, 6_000, 1, 32_768, true, .ordered), (12, 6_000, 2, 32_768, true, .ordered), (13, 6_000, 2, 500, true, .ordered),
        (14, 9_000, 3, 300, true, .ordered), (15, 9_000, 2, 64, false, .ordered), (16, 1, 2, 16, true, .ordered),
        (17, 4_000, 7, 1_000, false, .ordered), (18, 200, 9, 16, true, .ordered), (19, 6_000, 2, 500, true, .nearlyOrdered),
        (20, 6_000, 1, 32_768, true, .byDocument), (21, 9_000, 3, 300, true, .byDocument), (22, 4_000, 7, 1_000, false, .byDocument),
    ]

    @Test(arguments: cases.indices)
    func gathersPrintedRowsInOneCoresOrder(_ index: Int) throws {
        let c = Self.cases[index]
        let store = Self.shuffledStore(seed: c.seed, rows: c.rows, docs: c.order == .shuffled ? 40 : 8, order: c.order)
        var scope = RowSet(rowCount: store.count, all: true)
        if !c.everything { scope.removeAll { $0 % 3 == 1 } }
        let tables: Set<TableID> = [.expenditure, .basicEcon, .threePublic, .income]
        let expected = Self.reference(store, scope: scope, tables: tables, target: c.target)
        let got = try #require(Self.collected(store, scope: scope, tables: tables, lanes: c.lanes, target: c.target))
        let hashed = try #require(Self.collected(store, scope: scope, tables: tables, lanes: c.lanes, target: c.target, runs: false))
        #expect(got.map(\.representative) == hashed.map(\.representative))
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) {
            #expect(g.representative == e.representative && g.present == e.present && g.rows == e.rows && g.values == e.values)
        }
        if c.rows > 100 { #expect(expected.count > 10) }
    }

    /// A document of many printed rows grows its table in the one-pass gathering, with the same
    /// answer: hashed (in line order, codes in no order within a line) and in printed-row order
    /// (shuffled, then put in that order at load).
    @Test(arguments: [1, 2], [Order.ordered, .shuffled])
    func aDocumentOfManyPrintedRows(lanes: Int, order: Order) throws {
        let codes = (0..<300).map { String(2_080_000 + $0) }
        let store = Self.shuffledStore(seed: 21, rows: 3_000, docs: 2, lines: 2, order: order, codes: codes)
        let scope = RowSet(rowCount: store.count, all: true)
        let tables: Set<TableID> = [.expenditure, .basicEcon, .threePublic, .income]
        let got = try #require(Self.collected(store, scope: scope, tables: tables, lanes: lanes, target: 100))
        let expected = Self.reference(store, scope: scope, tables: tables, target: 100)
        #expect(got.map(\.representative) == expected.map(\.representative))
        #expect(got.map(\.values) == expected.map(\.values))
    }

    @Test func stopsWhenCancelled() {
        let store = Self.shuffledStore(seed: 9, rows: 3_000)
        let scope = RowSet(rowCount: store.count, all: true)
        let result = PrintedRows.collect(store, scope: scope, tables: [.expenditure], cancel: Cancellation { true }, lanes: 2) {
            (_: PrintedRows.Group, out: inout [Int]) in out.append(1)
        }
        #expect(result == nil)
        var rules = AuditRules(store: store, scope: scope, reports: [], cancel: Cancellation { true })
        rules.rows()
        #expect(rules.cancelled)
    }

    /// The row rule finds the same findings, in the same order, however its printed rows are split.
    @Test func rowRuleFindsTheSameOnEveryPartitioning() {
        let store = Self.shuffledStore(seed: 11, rows: 20_000, docs: 6, lines: 15)
        let scope = RowSet(rowCount: store.count, all: true)
        func findings(lanes: Int, target: Int) -> [String] {
            var rules = AuditRules(store: store, scope: scope, reports: [])
            rules.rowLanes = lanes
            rules.rowPartitionTarget = target
            rules.rows()
            return rules.findings.map { "\($0.doc) \($0.lines) \($0.column?.id ?? "") \($0.severity) \($0.message)" }
        }
        let one = findings(lanes: 1, target: 32_768)
        // The same line items in document order, gathered in one pass, give the same findings in the same order.
        for order in [Order.ordered, .byDocument] {
        let ordered = Self.shuffledStore(seed: 11, rows: 20_000, docs: 6, lines: 15, order: order)
        for lanes in [1, 2, 3] {
            var a = AuditRules(store: ordered, scope: RowSet(rowCount: ordered.count, all: true), reports: [])
            var b = a
            a.rowLanes = lanes
            a.rows()
            b.rowLanes = 1
            b.rowRuns = false
            b.rows()
            #expect(a.findings.count > 100 && a.findings == b.findings, "\(lanes) lanes over rows in \(order)")
        }
        }
        #expect(one.count > 100)
        // Ties of the sort (two identities on one 三公 row, prior years and 预算数 on one line) keep gathering order.
        let lines = one.map { $0.prefix { $0 != "]" } }
        #expect(zip(lines, lines.dropFirst()).filter { $0 == $1 }.count > 10)
        for (lanes, target) in [(2, 32_768), (2, 1_000), (3, 200), (1, 200)] {
            let other = findings(lanes: lanes, target: target)
            if target == 32_768 {
                #expect(other == one, "\(lanes) lanes: the findings differ")
            } else {
                // Other partitionings may order ties otherwise, never the findings themselves.
                #expect(other.sorted() == one.sorted(), "\(lanes) lanes, \(target) a partition: the findings differ")
            }
        }
    }
}
