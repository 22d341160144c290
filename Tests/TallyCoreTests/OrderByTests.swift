import Testing
@testable import TallyCore

/// `order by` (issue 14 §2): rows sorted by typed values, empty cells last, ties in the
/// groups' own order, the rows themselves unchanged.
struct OrderByTests {
    static let store: LineItemStore = {
        let s = Session(out: { _ in }, err: { _ in })
        s.loadSampleData()
        return s.store
    }()

    static func run(_ text: String) throws(Diagnostic) -> ResultTable {
        guard case .query(let query) = try Parser.parse(text) else { throw Diagnostic(.error, "not a query") }
        let plan = try Planner.plan(query, source: text, store: store)
        return try Executor.run(plan, on: store)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var unordered: String
        var order: String
        var column: String
        var descending: Bool
        var testDescription: String { unordered + " " + order }
    }

    static let cases: [Case] = [
        Case(unordered: "sum 208?? by dept", order: "order by total desc", column: "total", descending: true),
        Case(unordered: "sum 208?? by dept", order: "order by total", column: "total", descending: false),
        Case(unordered: "sum 2080* where district=北碚 by code, year as columns", order: "order by \"2025\" desc", column: "2025", descending: true),
        Case(unordered: "sum 2080* where district=北碚 by code, year as columns", order: "order by \"2023\"", column: "2023", descending: false),
        Case(unordered: "sum 2080* where district=北碚 by code, year as columns", order: "order by change desc", column: "change", descending: true),
        Case(unordered: "sum 2080* where district=北碚 by code, year as columns", order: "order by pct", column: "pct", descending: false),
        Case(unordered: "sum 2080* where district=北碚 by code, year as columns", order: "order by pct desc", column: "pct", descending: true),
        Case(unordered: "sum 2080* by district, basic, project", order: "order by 项目支出 desc", column: "project", descending: true),
        Case(unordered: "count by table", order: "order by count desc", column: "count", descending: true),
        Case(unordered: "avg 2080* by dept", order: "order by AVG", column: "avg", descending: false),
    ]

    /// A typed value read back from a cell, the test's own reading of what is shown: `pct`
    /// as tenths of a percent from its text as a table shows it.
    static func value(_ cell: ResultTable.Cell) -> Int64? {
        switch cell {
        case .amount(let a): a.fen
        case .number(let n): n
        case .empty: nil
        case .ratio(let r): Int64(r.percent().replacingAll("%", with: "").replacingAll(".", with: ""))
        case .text(let s): Int64(s)
        }
    }

    @Test(arguments: cases)
    func rowsFollowTheKey(_ c: Case) throws {
        let plain = try Self.run(c.unordered)
        let sorted = try Self.run(c.unordered + " " + c.order)
        #expect(sorted.columns == plain.columns)
        #expect(Set(sorted.rows) == Set(plain.rows))
        #expect(sorted.rows.count == plain.rows.count)
        let i = try #require(sorted.columns.firstIndex { $0.name == c.column })
        let values = sorted.rows.map { Self.value($0[i]) }
        let present = values.compactMap { $0 }
        #expect(present.count >= 2, "the case should sort something")
        // Empty cells last, the rest in order.
        #expect(values.prefix(present.count).allSatisfy { $0 != nil })
        #expect(present == (c.descending ? present.sorted(by: >) : present.sorted()))
        // Ties keep the unordered result's order.
        let position = Dictionary(uniqueKeysWithValues: plain.rows.enumerated().map { ($1, $0) })
        for (a, b) in zip(sorted.rows, sorted.rows.dropFirst()) where Self.value(a[i]) == Self.value(b[i]) {
            #expect(position[a]! < position[b]!)
        }
    }

    @Test func pctSortsAsANumberNotAsText() throws {
        let sorted = try Self.run("sum 2080* where district=北碚 by code, year as columns order by pct")
        let i = try #require(sorted.columns.firstIndex { $0.name == "pct" })
        let texts = sorted.rows.compactMap { row -> String? in if case .ratio(let r) = row[i] { r.percent(signed: true) } else { nil } }
        // As text, "+…" sorts before "-…"; as numbers the falls come first.
        #expect(texts.first?.hasPrefix("-") == true, "\(texts)")
    }

    @Test func textGroupsSortInTheGroupsOrder() throws {
        let plain = try Self.run("sum 208?? by dept")
        let up = try Self.run("sum 208?? by dept order by dept")
        let down = try Self.run("sum 208?? by dept order by dept desc")
        #expect(up.rows == plain.rows)
        #expect(down.rows == plain.rows.reversed())
    }

    @Test func laterKeysBreakTies() throws {
        let sorted = try Self.run("sum 208?? by dept, year order by year desc, total")
        let year = sorted.rows.map { Self.value($0[1])! }
        #expect(year == year.sorted(by: >))
        for (a, b) in zip(sorted.rows, sorted.rows.dropFirst()) where a[1] == b[1] {
            #expect((Self.value(a[2]) ?? .max) <= (Self.value(b[2]) ?? .max))
        }
    }

    @Test func topSortsTheGroupsItKept() throws {
        let top = try Self.run("top 3 208 by dept")
        let sorted = try Self.run("top 3 208 by dept order by dept desc")
        #expect(Set(sorted.rows) == Set(top.rows))
        #expect(sorted.rows.count == 3)
    }

    @Test(arguments: [
        ("sum 208?? by dept order by totl desc", "the result has no column `totl`", "did you mean `total`?"),
        ("sum 2080* where district=北碚 by code, year as columns order by 2026", "the result has no column `2026`", "\"2025\""),
        ("list 2080101 order by amount", "`order by` sorts grouped results", "group them"),
    ])
    func anUnknownKeyIsAnErrorWithHelp(_ statement: String, _ message: String, _ help: String) throws {
        do {
            _ = try Self.run(statement)
            Issue.record("no error for \(statement)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.help?.contains(help) == true, "\(error.help ?? "")")
            #expect(error.range != nil)
        }
    }

    @Test func parsesAndPrintsBack() throws {
        let statement = try Parser.parse("sum 2080* by code, year as columns order by \"2025\" DESC, code asc")
        #expect(statement.description == "sum 2080* by code, year as columns order by \"2025\" desc, code")
        #expect(throws: Diagnostic.self) { try Parser.parse("sum 208 by dept order total") }
        #expect(throws: Diagnostic.self) { try Parser.parse("sum 208 by dept order by") }
        #expect(throws: Diagnostic.self) { try Parser.parse("sum 208 by dept order by total desc,") }
    }

    @Test func explainSQLOrdersAsTallyDoes() throws {
        var out = ""
        let session = Session(out: { out += $0 }, err: { out += $0 })
        session.loadSampleData()
        session.run("explain sql sum 208?? by dept order by total desc", origin: .commandLine)
        #expect(out.contains("ORDER BY \"total\" DESC NULLS LAST, dept"), "\(out)")
        out = ""
        session.run("explain sql top 2 208 by dept order by dept", origin: .commandLine)
        #expect(out.contains("LIMIT 2\n) AS ranked\nORDER BY dept ASC NULLS LAST;"), "\(out)")
    }
}
