import Testing
@testable import TallyCore

/// The `narrative` rule's year-on-year part (issue 15): the text's 比上年增加/减少, 增长/下降 and
/// 持平 held to the prior year's column of the same table, or to a loaded document of the same
/// department a year earlier; within 0.01 万元 and 0.1 points a pass, beyond it material, and
/// without the prior figure insufficient.
struct NarrativeChangesTests {
    typealias I = Fixtures

    /// d1 (2025) states gpb 合计 basic 3,002.51, changed by `change` and `percent` on `year`.
    static func run(_ prior: [LineItem], change: String?, percent: Int64? = nil, flat: Bool = false,
                    year: Int? = nil, against: ChangeStatement.Against = .same,
                    name: String = "一般公共预算财政拨款支出", column: ColumnID = .basic,
                    phrase: String = "比上年减少30.04万元") -> [Finding] {
        let items = [
            I.item("", "3002.51", column: column, table: .narrative, name: name, line: 175),
            I.item("", "3002.51", column: column == .basic ? .basic : column, table: column == .basic ? .gpbExpenditure : .threePublic, line: 300),
        ] + prior
        var report = AuditRulesTests.report()
        report.changes = [ChangeStatement(name: name, column: column, stated: I.parsedAmount("3002.51"),
                                          change: change.map(I.parsedAmount), flat: flat, percent: percent, year: year,
                                          against: against, phrase: phrase, line: 175)]
        return AuditRulesTests.run(items, ["narrative"], report: report)
    }

    static let priorColumn = [I.item("", "3032.55", column: .basic, table: .gpbExpenditure, year: 2024, line: 301)]

    @Test func aChangeThatAgreesWithThePriorYearColumnPasses() {
        #expect(Self.run(Self.priorColumn, change: "-30.04").isEmpty)
        // Within 0.01 万元 of the tables' change: rounding, a pass.
        #expect(Self.run(Self.priorColumn, change: "-30.05").isEmpty)
    }

    @Test func aChangeBeyondRoundingIsMaterialCitingTheSentence() throws {
        let found = Self.run(Self.priorColumn, change: "-30.06")
        let f = try #require(found.first)
        #expect(found.count == 1 && f.severity == .material && f.rule == "narrative")
        #expect(f.expected == I.parsedAmount("-30.04") && f.actual == I.parsedAmount("-30.06"))
        #expect(f.table == .gpbExpenditure && f.column == .basic && f.lines == [175, 301])
        #expect(f.message.contains("比上年减少30.04万元") && f.message.contains("2024 is 3,032.55 (its 2024 column)"))
    }

    @Test func aPercentIsHeldToOneTenthOfAPoint() {
        // −30.04 on 3,032.55 is −0.99%.
        #expect(Self.run(Self.priorColumn, change: "-30.04", percent: -99).isEmpty)
        #expect(Self.run(Self.priorColumn, change: "-30.04", percent: -108).isEmpty)
        let found = Self.run(Self.priorColumn, change: "-30.04", percent: -120)
        #expect(found.map(\.severity) == [.material])
        #expect(found.first?.message.contains("-30.04 is -0.99%") == true)
        // A percent without an amount (比2023年减少1.39%) is still held to the tables.
        #expect(Self.run(Self.priorColumn, change: nil, percent: -99).isEmpty)
        #expect(Self.run(Self.priorColumn, change: nil, percent: 99).map(\.severity) == [.material])
        #expect(Self.run(Self.priorColumn, change: nil, percent: 99).first?.expected == nil)
    }

    @Test func withoutThePriorFigureTheStatementIsInsufficient() throws {
        let found = Self.run([], change: "-30.04")
        let f = try #require(found.first)
        #expect(found.count == 1 && f.severity == .insufficient && f.lines == [175])
        #expect(f.message.contains("no 2024 gpb_expenditure 合计 basic is loaded"))
        // A year named in the sentence is the one looked for.
        #expect(Self.run(Self.priorColumn, change: "-30.04", year: 2023).map(\.severity) == [.insufficient])
        #expect(Self.run(Self.priorColumn, change: "-30.04", year: 2024).isEmpty)
        // 预算执行数 is printed in no table.
        #expect(Self.run(Self.priorColumn, change: nil, percent: -99, against: .execution).map(\.severity) == [.insufficient])
    }

    /// The document of the same department one year earlier holds the prior figure.
    @Test func aLoadedDocumentOfTheSameDepartmentAYearEarlier() throws {
        let earlier = [I.item("", "3032.55", column: .basic, table: .gpbExpenditure, year: 2024, doc: "d0", line: 88),
                       I.item("", "5000.00", table: .expenditure, year: 2024, doc: "d0", line: 80)]
        #expect(Self.run(earlier, change: "-30.04").isEmpty)
        let wrong = Self.run(earlier, change: "-40.04")
        #expect(wrong.map(\.severity) == [.material])
        // Its line is in the other document: named in the message, not among this one's lines.
        #expect(wrong.first?.lines == [175] && wrong.first?.message.contains(", line 88)") == true)
        // Another department's document is not this one's past.
        let elsewhere = earlier.map { var i = $0; i.dept = "重庆市綦江区社会保险事务中心"; return i }
        #expect(Self.run(elsewhere, change: "-30.04").map(\.severity) == [.insufficient])
        // 比2024年预算 in a budget asks for the 2024 budget: a 决算 of 2024 is not it.
        let final = earlier.map { var i = $0; i.phase = .final; return i }
        #expect(Self.run(final, change: "-30.04", against: .budget).map(\.severity) == [.insufficient])
    }

    @Test func aThreePublicPartTheEarlierTableLeavesEmptyIsZero() {
        let prior = [I.item("", "11.79", table: .threePublic, year: 2024, line: 499)]
        // 公务接待费 3,002.51 “与上年持平” where 2024 prints no reception: 3,002.51 − 0 ≠ 0.
        let found = Self.run(prior, change: "0", flat: true, name: "三公经费", column: .reception, phrase: "与上年持平")
        #expect(found.map(\.severity) == [.material] && found.first?.expected == I.parsedAmount("3002.51"))
        #expect(Self.run(prior, change: "3002.51", name: "三公经费", column: .reception, phrase: "比上年增加3002.51万元").isEmpty)
    }

    // MARK: - the seeds

    static func audited(_ seed: String) -> [[String: String]] {
        AuditCorpusTests.audit([AuditCorpusTests.seed(seed)], "narrative").rows
    }

    /// 北碚2025 prints 2024 columns in its gpb and 三公 tables: the text's changes of the gpb total
    /// and of 三公 and its parts agree with them; basic, project and 机关运行经费 have no 2024
    /// figure loaded.
    @Test func beibei2025AgreesWithItsOwn2024Columns() throws {
        let result = try SeedImportTests.load(SeedImportTests.names[0])
        let changes = result.report.changes.map { "\($0.name) \($0.column.id) \($0.flat ? "持平" : $0.change?.display(in: .wan) ?? "-")" }
        #expect(changes == [
            "一般公共预算财政拨款支出 total 1,256.19", "一般公共预算财政拨款支出 basic -30.04", "一般公共预算财政拨款支出 project 1,286.23",
            "三公经费 total -1.57", "三公经费 overseas 持平", "三公经费 reception -1.57", "三公经费 vehicle_purchase 持平",
            "三公经费 vehicle_operation 持平", "机关运行经费 total 13.50",
        ])
        let rows = Self.audited("000")
        #expect(rows.allSatisfy { $0["severity"] == "insufficient" && $0["label"] == "北碚2025" })
        #expect(Set(rows.map { "\($0["table"] ?? "") \($0["column"] ?? "") \($0["lines"] ?? "")" })
                == ["gpb_expenditure basic 175", "gpb_expenditure project 179", "basic_econ total 204"])
    }

    /// The other seeds print no prior-year column and no seed is a department's previous year:
    /// every statement is insufficient, none passes; 北碚2023's 三公 “与上年持平” included.
    @Test(arguments: [("002", 5), ("003", 9), ("004", 9)])
    func otherSeedsCannotBeChecked(_ seed: String, _ count: Int) {
        let rows = Self.audited(seed)
        #expect(rows.count == count)
        #expect(rows.allSatisfy { $0["severity"] == "insufficient" && $0["message"]?.hasPrefix("cannot check the text's ") == true })
    }
}
