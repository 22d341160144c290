import Testing
@testable import TallyCore

/// Issue 14 §4: answers that came out wrong without warning.
struct WrongAnswersTests {
    static func run(_ statements: [String], format: OutputFormat = .tsv) -> (out: String, err: String) {
        var out = "", err = ""
        let session = Session(format: format, out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        for statement in statements { session.run(statement, origin: .commandLine) }
        return (out, err)
    }

    /// `top` ranks the groups the result shows, then spreads them: 20809 keeps its 2023.
    @Test func topRanksTheGroupsThenSpreads() {
        let (out, _) = Self.run(["top 3 ????? where district=北碚 by code, year as columns"])
        #expect(out == """
            code\t2023\t2025\tchange\tpct
            20801\t2793.59\t3069.53\t275.94\t0.098776
            20809\t770.00\t1600.00\t830.00\t1.077922
            20503\t\t1429.55\t\t

            """, "\(out)")
    }

    /// A 总表 prints 收入 and 支出 side by side and its 合计 on both: a sum takes one side and
    /// one level, its grand total (000: 合计 6,995.08, not 27,980.31).
    @Test(arguments: [
        ("sum where table=summary by doc", ["000_c097f75d2d163fee\t6995.08", "001_4c5f2662bf6b4376\t16788.71", "004_867d4fd29c913767\t1009.29"]),
        ("sum where table=fiscal_summary by doc", ["000_c097f75d2d163fee\t6995.08", "001_4c5f2662bf6b4376\t16788.71"]),
        ("sum where table=summary name=本年 doc=001", ["16788.71"]),
        ("sum where table=summary name==上年结转 doc=001", ["361.44"]),
    ])
    func aTwoSidedSummaryAddsOneSide(statement: String, expected: [String]) {
        let (out, err) = Self.run([statement])
        for line in expected { #expect(out.contains(line + "\n"), "\(out)") }
        #expect(err == "", "\(err)")
    }

    /// Rows of a 总表 without its totals may be of both sides: said in a note.
    @Test func rowsOfBothSidesAreNoted() {
        let (out, err) = Self.run(["sum where table=summary name!=合计 doc=000"])
        #expect(out == "total\n13990.15\n", "\(out)")
        #expect(err.contains("warning: adds rows of a 总表 that prints 收入 and 支出 side by side without codes (000_c097f75d2d163fee)"), "\(err)")
    }

    /// `.mode bar` draws query results; a check still says PASS or FAIL, an audit its findings.
    @Test func aCheckUnderModeBarSaysPassOrFail() {
        let (out, _) = Self.run([".mode bar", "check sum 208 == sum 208?? where dept=南岸", "check sum 208 by doc == sum 208?? by doc",
                                 "sum 208 by doc"])
        #expect(out.contains("PASS  check sum 208 == sum 208?? where dept=南岸\n"), "\(out)")
        #expect(out.contains("FAIL  check sum 208 by doc == sum 208?? by doc  (2 of 5 groups fail)\n"), "\(out)")
        #expect(out.contains("004_867d4fd29c913767    915.57    811.57  104.00  FAIL"), "\(out)")
        #expect(out.contains("#"), "the query after the checks is still drawn as bars: \(out)")
    }

    /// A figure no row gives is an empty cell, grouped or not (it was 0.00 in a one-row result).
    @Test(arguments: [
        ("sum 2080701 by basic, project", "basic\tproject\n\t9962.68\n"),
        ("sum 2080701 where doc=001 by basic, project", "basic\tproject\n\t7782.00\n"),
        ("sum 2080701 by doc, basic, project", "doc\tbasic\tproject\n001_4c5f2662bf6b4376\t\t7782.00\n002_a0aa4bbb27e038c2\t\t2180.68\n"),
        ("sum where dept=不存在", "total\n\n"),
        ("count where dept=不存在", "count\n0\n"),
    ])
    func aMissingFigureIsEmpty(statement: String, expected: String) {
        #expect(Self.run([statement]).out == expected)
    }
}
