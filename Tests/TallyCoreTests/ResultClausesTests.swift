import Testing
@testable import TallyCore

/// Exact quotients: the arithmetic of computed columns and how a ratio is shown (§3).
struct RatioTests {
    @Test(arguments: [
        // numerator, denominator, table (one decimal of a percent), csv (six places)
        (3, 7, "42.9%", "0.428571"),
        (1, 8, "12.5%", "0.125000"),
        (-1, 8, "-12.5%", "-0.125000"),
        (1, 2000, "0.1%", "0.000500"),
        (-1, 2000, "-0.1%", "-0.000500"),
        (1, 3_000_000, "0.0%", "0.000000"),
        (1, 2_000_000, "0.0%", "0.000001"),
        (5, 1, "500.0%", "5.000000"),
        (0, 9, "0.0%", "0.000000"),
    ] as [(Int128, Int128, String, String)])
    func roundsHalfAwayFromZeroOnce(_ n: Int128, _ d: Int128, _ percent: String, _ fraction: String) throws {
        let r = try #require(Ratio(n, d))
        #expect(r.percent() == percent)
        #expect(r.fraction == fraction)
    }

    @Test func reducesAndKeepsTheSignOnTop() throws {
        let r = try #require(Ratio(6, -8))
        #expect(r.numerator == -3 && r.denominator == 4)
        #expect(Ratio(1, 0) == nil)
    }

    @Test(arguments: [("0.5", 1, 2), ("50%", 1, 2), ("42.9%", 429, 1000), ("-1,000.25", -4001, 4), ("7", 7, 1)] as [(String, Int128, Int128)])
    func readsDecimalsAndPercentages(_ text: String, _ n: Int128, _ d: Int128) {
        #expect(Ratio.parse(text) == Ratio(n, d))
    }

    @Test(arguments: ["", ".", "1.", "1..2", "x", "1e5", "--1", "%", String(repeating: "9", count: 39), "0." + String(repeating: "0", count: 40) + "1"])
    func refusesWhatIsNotADecimal(_ text: String) {
        #expect(Ratio.parse(text) == nil)
    }

    @Test func arithmeticIsExactAndOverflowIsNil() throws {
        let third = try #require(Ratio(1, 3))
        #expect((third + third)! + third == Ratio(1))
        #expect((Ratio(10) / Ratio(4)) == Ratio(5, 2))
        #expect(Ratio(1) / Ratio(0) == nil)
        let huge = Ratio(Int64.max)
        #expect(((huge * huge)! * huge) == nil)
        // Shares of the largest amounts stay exact: cross-reduced before multiplying.
        #expect((Ratio(Int128(Int64.max), 3)! * Ratio(3, Int128(Int64.max))!) == Ratio(1))
        #expect(Ratio(1, 3)! < Ratio(334, 1000)!)
    }
}

/// Computed columns, `having`, `top N per` and `show` over the sample data, beyond the golden
/// file: what each cell holds, typed.
struct ResultClausesTests {
    static func run(_ statement: String, format: OutputFormat = .tsv) -> (out: String, err: String) {
        var out = "", err = ""
        let session = Session(format: format, out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        session.run(statement, origin: .commandLine)
        return (out, err)
    }

    static func result(_ statement: String) throws -> ResultTable {
        let session = Session(out: { _ in }, err: { _ in })
        session.loadSampleData()
        return try session.evaluate(statement)
    }

    /// A share is the exact quotient of the two amounts printed beside it.
    @Test func shareIsTheQuotientOfItsRow() throws {
        let r = try Self.result("sum * by label, total, project, share = project / total")
        #expect(r.columns.map(\.name) == ["label", "total", "project", "share"])
        #expect(r.columns[3].kind == .ratio)
        for row in r.rows {
            guard case .amount(let total) = row[1], case .amount(let project) = row[2], case .ratio(let share) = row[3] else {
                Issue.record("\(row)")
                continue
            }
            #expect(share == Ratio(Int128(project.fen), Int128(total.fen)))
        }
    }

    @Test(arguments: [
        // an amount divided rounds half away from zero to the fen, once:
        // 811.57 万元 is 811,570,000 fen; ÷ 400,000 is 2,028.925 fen → 2,029 fen, 0.002029 万元
        ("sum 208?? where dept=万盛 year=2025 by dept, part = total / 400000", "0.002029"),
        ("sum 208?? where dept=万盛 year=2025 by dept, minus = -total / 400000", "-0.002029"),
        ("sum 208?? where dept=万盛 year=2025 by dept, third = total / 3", "270.523333"),
        ("sum 208?? where dept=万盛 year=2025 by dept, half = total / 2", "405.785"),
        // a number added to an amount is in 万元
        ("sum 208?? where dept=万盛 year=2025 by dept, more = total + 1.5", "813.07"),
        ("sum 208?? where dept=万盛 year=2025 by dept, back = total * 3 / 3", "811.57"),
        // a ratio times an amount is an amount
        ("sum 208?? where dept=万盛 year=2025 by dept, same = total / total * total", "811.57"),
    ])
    func amountArithmetic(_ statement: String, _ expected: String) {
        let r = Self.run(statement)
        #expect(r.err == "")
        #expect(r.out.split(separator: "\n").last?.split(separator: "\t").last.map(String.init) == expected, "\(r.out)")
    }

    /// A missing figure is unknown to `having`: neither `change < 0` nor its `not` keeps it.
    @Test func anEmptyCellIsUnknownNotFalse() throws {
        let all = try Self.result("sum 2* where district=北碚 by code, year as columns")
        let falls = try Self.result("sum 2* where district=北碚 by code, year as columns having change < 0")
        let others = try Self.result("sum 2* where district=北碚 by code, year as columns having not change < 0")
        let empty = try Self.result("sum 2* where district=北碚 by code, year as columns having change is empty")
        let changeAt = try #require(all.columns.firstIndex { $0.name == "change" })
        #expect(!empty.rows.isEmpty)
        #expect(falls.rows.count + others.rows.count + empty.rows.count == all.rows.count)
        #expect(empty.rows.allSatisfy { $0[changeAt] == .empty })
        #expect(Set(falls.rows).isDisjoint(with: Set(others.rows)))
    }

    @Test func topPerKeepsTheLargestWithinEachValue() throws {
        let per = try Self.result("top 2 per district 208?? where year=2025 by code")
        let all = try Self.result("sum 208?? where year=2025 by district, code")
        #expect(per.columns.map(\.name) == ["district", "code", "total"])
        let districts = Set(all.rows.map { $0[0] })
        for district in districts {
            let expected = all.rows.filter { $0[0] == district }
                .sorted { ComputedColumns.value($1[2])! < ComputedColumns.value($0[2])! }.prefix(2)
            #expect(per.rows.filter { $0[0] == district } == Array(expected))
        }
    }

    @Test func documentsAsColumnsAreHeadedByTheirLabels() throws {
        let r = try Self.result("sum 208 by code, doc as columns")
        #expect(r.columns.map(\.name) == ["code", "北碚2025", "綦江2025", "南岸2024", "北碚2023", "万盛2025"])
    }

    @Test(arguments: [
        ("show sum 208 - sum 208?? where dept=万盛", "value\n104.00\n"),
        ("show sum 208?? / sum 208 where dept=万盛", "value\n0.886410\n"),
        ("show (sum 208 + sum 208 where dept=万盛) / 2", "value\n915.57\n"),
        ("show count where dept=万盛 table=three_public", "value\n4\n"),
    ])
    func showPrintsTheValue(_ statement: String, _ expected: String) {
        let r = Self.run(statement)
        #expect(r.err == "")
        #expect(r.out == expected)
    }

    /// The same statements typed with a Chinese input method give the same results.
    @Test(arguments: [
        ("sum * by label，total，project，share＝project / total having share＞0.5",
         "sum * by label, total, project, share = project / total having share > 0.5"),
        ("sum 208?? by dept having （total＞＝1000 or dept＝万盛） order by total",
         "sum 208?? by dept having (total >= 1000 or dept = 万盛) order by total"),
        ("top 1 per doc ??????? by code having total＜2000", "top 1 per doc ??????? by code having total < 2000"),
    ])
    func fullWidthPunctuationReadsAsASCII(_ typed: String, _ ascii: String) {
        let a = Self.run(typed), b = Self.run(ascii)
        // Notes quote the statement as typed; what they say is the same.
        #expect(a.err.split(separator: "\n").first == b.err.split(separator: "\n").first)
        #expect(a.out == b.out)
        #expect(!a.out.isEmpty)
    }
}
