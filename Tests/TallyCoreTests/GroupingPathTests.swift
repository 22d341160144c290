import Testing
@testable import TallyCore

/// Issue 13 §9: the dense grouping path (mixed-radix arrays) and the hash path give the same
/// result on random data, for every verb and grouping the dense path takes.
struct GroupingPathTests {
    static func randomStore(seed: UInt64, rows: Int) -> LineItemStore {
        var random = SeededRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let codes = ["", "208", "20801", "2080101", "2080102", "20802", "209", "2090101", "301", "30101", "501"]
        var builder = StoreBuilder()
        builder.append(contentsOf: (0..<rows).map { i in
            LineItem(doc: "doc\(random.next() % 7)", district: pick(["北碚", "綦江", "南岸", ""]), dept: "部门\(random.next() % 13)",
                     year: pick([2023, 2024, 2025]), phase: pick([.budget, .budget, .final]), table: pick([.expenditure, .basicEcon, .income, .gpbExpenditure]),
                     code: pick(codes), name: "名称\(random.next() % 29)", column: pick([.total, .basic, .project, .personnel]),
                     amount: Amount(fen: Int64(random.next() % 2_000_000) - 500_000), line: i + 1)
        })
        return builder.build()
    }

    static let statements = [
        "sum by doc", "sum * by dept, year", "count by table, column", "avg 2* by district", "min by name", "max by code",
        "top 3 by dept", "sum 2* by doc, basic, project", "count by level, year", "sum where year=2024 by doc, dept, table",
        "avg by column, year", "count by doc, district, dept, name", "sum 208* by code, year as columns", "max by year, level",
    ]

    @Test(arguments: [1, 2, 3] as [UInt64])
    func denseAndHashedPathsAgree(seed: UInt64) throws {
        let store = Self.randomStore(seed: seed, rows: 3_000)
        for text in Self.statements {
            let statement = try Parser.parse(text)
            guard case .query(let query) = statement else {
                Issue.record("not a query: \(text)")
                continue
            }
            let plan = try Planner.plan(query, source: text, store: store)
            let dense = try Executor.run(plan, on: store, cancel: .never, grouping: .fastest)
            let hashed = try Executor.run(plan, on: store, cancel: .never, grouping: .hashedOnly)
            #expect(!dense.rows.isEmpty, "\(text) gave nothing to compare")
            #expect(dense == hashed, "\(text): the two paths differ")
        }
    }

    /// `count` by table, column and phase (or nothing) is a histogram (CountHistogram): with
    /// filters, output columns, rows that feed none of them, pivots and `having`, split over
    /// one to three lanes, it gives what the hash path gives — rows, order and notes.
    static let counts = [
        "count", "count by table", "count by column", "count by phase", "count by table, column", "count by column, table",
        "count by phase, table, column", "count by table, basic, project", "count by basic", "count by column, basic, total",
        "count where year=2024 by table", "count 208* by table", "count where dept~部门1 and amount>0 by phase, column",
        "count where table=income by table", "count where dept=没有 by table", "count where dept=没有",
        "count by table, phase as columns", "count by table having count > 700", "count by table order by count desc",
        "count 2* by table, column, share = count / 2", "count by table, year", "count by doc, table",
    ]

    static let countCases: [(seed: UInt64, rows: Int, lanes: Int)] = [
        (1, 3_000, 1), (2, 3_000, 2), (3, 5_000, 3), (4, 64 * 37 + 5, 2), (5, 1, 2), (6, 0, 2),
    ]

    @Test(arguments: countCases.indices)
    func countHistogramAgreesWithHashPath(_ index: Int) throws {
        let c = Self.countCases[index]
        let store = Self.randomStore(seed: c.seed, rows: c.rows)
        for text in Self.counts {
            guard case .query(let query) = try Parser.parse(text) else {
                Issue.record("not a query: \(text)")
                continue
            }
            let plan = try Planner.plan(query, source: text, store: store)
            let counted = try Executor.run(plan, on: store, cancel: .never, grouping: .countLanes(c.lanes))
            let fastest = try Executor.run(plan, on: store, cancel: .never, grouping: .fastest)
            let hashed = try Executor.run(plan, on: store, cancel: .never, grouping: .hashedOnly)
            #expect(counted == hashed, "\(text) over \(c.rows) rows in \(c.lanes) lanes: the histogram and the hash path differ")
            #expect(fastest == hashed, "\(text): the default path and the hash path differ")
            #expect(counted.notes.map(\.message) == hashed.notes.map(\.message), "\(text): notes differ")
        }
    }

    /// The histogram takes exactly the plans it can answer: a count by table, column or phase.
    @Test func countHistogramTakesOnlyByteFields() throws {
        let store = Self.randomStore(seed: 9, rows: 500)
        let rows = RowSet(rowCount: store.count, all: true)
        let slots = [Int](repeating: 0, count: 256)
        for (fields, taken) in [([Field](), true), ([.table], true), ([.table, .column, .phase], true),
                                ([.year], false), ([.table, .doc], false), ([.level], false)] {
            let answer = try CountHistogram.aggregate(rows, fields: fields, slotOfColumn: slots, width: 1, store, .never)
            #expect((answer != nil) == taken, "\(fields)")
        }
    }

    /// Ctrl-C stops the histogram as it stops the general loop.
    @Test func countHistogramStopsWhenCancelled() throws {
        let store = Self.randomStore(seed: 10, rows: 2_000)
        let rows = RowSet(rowCount: store.count, all: true)
        let slots = [Int](repeating: 0, count: 256)
        #expect(throws: Diagnostic.self) {
            try CountHistogram.aggregate(rows, fields: [.table], slotOfColumn: slots, width: 1, store, Cancellation { true }, lanes: 2)
        }
    }
}
