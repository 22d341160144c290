import Foundation
import Testing
@testable import TallyCore

/// The sentence forms of a year-on-year statement, as the seeds and the corpus print them, read
/// from just after the figure they follow (issue 15).
struct ChangeStatementsTests {
    struct Case: Sendable, CustomStringConvertible {
        var after: String
        var change: String?
        var percent: Int64?
        var year: Int?
        var against: ChangeStatement.Against = .same
        var flat = false
        var description: String { after }
    }

    static let forms: [Case] = [
        .init(after: "，比2024年增加1,256.19万元。其中：基本支出", change: "1256.19", year: 2024),
        .init(after: "，比2024年减少30.04万元，主要是2025年单位在编人员以及离退休人员共减少4人", change: "-30.04", year: 2024),
        .init(after: "，比上年减少264.63万元万元，主要原因是厉行节约", change: "-264.63"),
        .init(after: "，较2022年减少661.58万元，主要是因为项目经费分批下达", change: "-661.58", year: 2022),
        .init(after: "，较去年增加2419.47万元", change: "2419.47"),
        .init(after: "，与上年持平；公务接待费3.22万元", change: "0", flat: true),
        .init(after: "，与上年数持平；公务接待费0.5万元", change: "0", flat: true),
        .init(after: "，与上年持平。其中：因公出国（境）费用0万元", change: "0", flat: true),
        .init(after: "，与2024年预算持平。其中：", change: "0", year: 2024, against: .budget, flat: true),
        .init(after: "，与2024年预算一致0万元，主要原因是本部门无公务用车", change: "0", year: 2024, against: .budget, flat: true),
        .init(after: "，比2024年预算增加107.62万元；事业收入0万元", change: "107.62", year: 2024, against: .budget),
        .init(after: "，比上年预算减少20万元，主要是省检察院贯彻厉行节约规定", change: "-20", against: .budget),
        .init(after: "，与上年相比收、支预算总计各增加2214.39万元，增长10.06%。其中", change: "2214.39", percent: 1006),
        .init(after: "。与上年相比增加1849.73万元，增长13.22%。主要原因是", change: "1849.73", percent: 1322),
        .init(after: "。与上年相比减少了1237.7万元，减少13.22%。主要原因一是", change: "-1237.7", percent: -1322),
        .init(after: "。与上年相比增加54.05万元，增幅2.94%。主要是", change: "54.05", percent: 294),
        .init(after: "，占本年支出合计的100.00%。与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。",
              change: "-63.14", percent: -210, year: 2023),
        .init(after: "，比2023年度增加2.55万元，增长1.40%。主要原因是", change: "2.55", percent: 140, year: 2023),
        .init(after: "，比2023年预算执行数减少1.39%。主要原因是", percent: -139, year: 2023, against: .execution),
        .init(after: "，主要用于就业补助重点工作，比2023年增加2173.22万元，主要原因是", change: "2173.22", year: 2023),
        .init(after: "，同比增长5.2%", percent: 520),
    ]

    @Test(arguments: forms)
    func readsTheStatedChange(_ c: Case) throws {
        let found = try #require(ChangeStatements.read(after: 0, in: Array(c.after)))
        #expect(found.change == c.change.map { Fixtures.parsedAmount($0) })
        #expect(found.percent == c.percent)
        #expect(found.year == c.year)
        #expect(found.against == c.against)
        #expect(found.flat == c.flat)
        #expect(c.after.contains(found.phrase))
    }

    /// What follows the figure is about something else: no statement of its change.
    @Test(arguments: [
        "，一般公共预算财政拨款支出6,995.08万元，比2024年增加1,256.19万元",
        "，其中：财政拨款支出预算17,192万元，比2024年预算减少990万元",
        "。其中：因公出国（境）费用0万元，与上年持平",
        "；收入较去年增加2419.47万元",
        "，比上年有所增加。",
        "，主要用于办公费、印刷费",
    ])
    func noChangeIsRead(_ after: String) {
        #expect(ChangeStatements.read(after: 0, in: Array(after)) == nil)
    }

    @Test func percentsAreHundredths() {
        #expect(ChangeStatements.hundredths("10.06") == 1006)
        #expect(ChangeStatements.hundredths("67.1") == 6710)
        #expect(ChangeStatements.hundredths("100") == 10000)
        #expect(ChangeStatements.hundredths("1.395") == nil)
        #expect(AuditRules.percentText(change: 221_439 * 100, prior: 2_195_535 * 100) == "10.09%")
        #expect(AuditRules.percentText(change: -1_237_70 * 1000, prior: 5_573_00 * 1000) == "-22.21%")
    }

    /// The corpus's own sentences, read where the figure stands in the text (its lines joined
    /// without spaces, as NarrativeFigures reads them).
    @Test(arguments: [
        ("js_procuratorate_2019_dept", "基本支出预算数为15,844.04万元", "1849.73", 1322 as Int64?),
        ("js_procuratorate_2019_dept", "一般公共预算收入预算24,169.74万元", "2228.78", 1015),
        ("js_procuratorate_2019_dept", "公务接待费预算支出101.26万元", "-15.24", nil),
        ("sh_putuo_fin_2024_final", "一般公共预算财政拨款支出2940.05万元", "-63.14", -210),
        ("sh_putuo_fin_2024_final", "机关运行经费支出184.65万元", "2.55", 140),
        ("sh_putuo_shgz_2024_final", "机关运行经费支出10.23万元", "10.23", 10000),
        ("sh_city_fin_2025_unit", "公务接待费25.40万元", "0", nil),
        ("sh_putuo_welfare_2024_unit", "其中：财政拨款收入950.12万元", "0.46", nil),
    ] as [(String, String, String, Int64?)])
    func readsTheCorpusSentences(_ stem: String, _ figure: String, _ change: String, _ percent: Int64?) throws {
        let path = AuditCorpusTests.text(stem)
        let text = Array(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").joined().filter { $0 != " " && $0 != "\u{3000}" })
        let at = NarrativeFigures.index(of: Array(figure), in: text, from: 0)
        #expect(at != nil, "\(figure) not in \(stem)")
        let found = at.flatMap { ChangeStatements.read(after: $0 + figure.count, in: text) }
        #expect(found?.change == Fixtures.parsedAmount(change), "\(stem): \(figure)")
        #expect(found?.percent == percent, "\(stem): \(figure)")
    }
}
