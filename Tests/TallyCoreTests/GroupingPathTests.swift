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
                     year: pick([2023, 2024, 2025]), table: pick([.expenditure, .basicEcon, .income, .gpbExpenditure]),
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
}
