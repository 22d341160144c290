import Testing
@testable import TallyCore

/// Years side by side (issue 8 §1), on the built-in sample data.
struct PivotTests {
    func run(_ query: String, format: OutputFormat = .table) -> (out: String, err: String) {
        var out = "", err = ""
        let session = Session(format: format, out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        session.run(query, origin: .commandLine)
        return (out, err)
    }

    @Test func yearsSideBySideWithChange() {
        let r = run("sum 2080101 where dept=北碚 table=gpb_expenditure by year as columns")
        #expect(r.err == "")
        #expect(r.out == """
                2023      2024      2025   change    pct
            1,902.56  1,950.74  2,021.03  +118.47  +6.2%

            """)
    }

    @Test func aCodeMissingInAYearIsEmptyNotZero() {
        let r = run("sum 2080* where district=北碚 by code, year as columns, basic, project", format: .tsv)
        #expect(r.out.hasPrefix("code\t2023 basic\t2023 project\t2025 basic\t2025 project\n"))
        #expect(r.out.contains("20805\t480.89\t\t400.55\t\n"))
        #expect(!r.out.contains("\t0.00"))
    }

    @Test func csvAndJsonStayExact() {
        let tsv = run("sum 2080* where district=北碚 by code, year as columns", format: .tsv).out
        #expect(tsv.contains("code\t2023\t2025\tchange\tpct\n"))
        // pct is a ratio: a fraction with six places outside the terminal table (§3).
        #expect(tsv.contains("20805\t480.89\t400.55\t-80.34\t-0.167065\n"))
        let json = run("sum 2080101 where dept=北碚 table=gpb_expenditure by year as columns", format: .json).out
        #expect(json.contains("\"change\": 118.47") || json.contains("\"change\":118.47"), "\(json)")
    }

    @Test(arguments: [
        ("sum by basic as columns", "`basic` is a column id, and its figures are a column already"),
        ("list by year as columns", "`list` prints line items, not groups to spread across columns"),
    ])
    func spreadingSomethingElseIsAnError(_ query: String, _ message: String) {
        let r = run(query)
        #expect(r.err.contains("error: " + message), "\(r.err)")
    }

    @Test(arguments: [
        (100_00, 106_23, "+6.2%"), (100_00, 106_25, "+6.3%"), (100_00, 93_75, "-6.3%"), (100_00, 100_00, "0.0%"),
        (100_00, 100_04, "0.0%"), (100_00, 99_94, "-0.1%"),
    ])
    func pctRoundsHalfAwayFromZero(_ first: Int64, _ last: Int64, _ expected: String) {
        let cells = Pivot.comparison(.amount(Amount(fen: first)), .amount(Amount(fen: last)))
        guard case .ratio(let pct) = cells[1] else { Issue.record("pct is \(cells[1])"); return }
        #expect(pct.percent(signed: true) == expected)
        #expect(cells[0] == .amount(Amount(fen: last - first)))
    }

    @Test func noPctFromZero() {
        #expect(Pivot.comparison(.amount(Amount(fen: 0)), .amount(Amount(fen: 5))) == [.amount(Amount(fen: 5)), .empty])
        #expect(Pivot.comparison(.empty, .amount(Amount(fen: 5))) == [.empty, .empty])
    }
}
