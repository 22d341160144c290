import Testing
@testable import TallyCore

/// A table that prints the year before's figures and the change beside this year's
/// (`2025年比2024年 | 增减额 增减%`): the change is derived from two columns and is no amount of
/// money of its own. Its figures are listed as no amount (`--report`), never stored, and never
/// a figure "not placed" — which `audit extraction` would call material on a correct document.
struct ChangeColumnsTests {
    static let document = """
    \u{0C}                                2025年一般公共预算支出表
                                                                                                   单位：万元

                                                                2025年预算数                  2025年比2024年
    科目编码               科目名称         2024年预算数
                                                   合计            基本支出        项目支出        增减额       增减%
                  合计                  11,491.58    12,352.14      4,483.56    7,868.58    860.56        7.49%
      201     一般公共服务支出                 9,985.38    10,698.44      3,692.16    7,006.28    713.06        7.14%
     20101    人大事务                     1,524.66     1,677.32        375.41    1,301.91    152.66    10.01%
    2010101   行政运行                      370.11       375.41         375.41                  5.30        1.43%
    2010102   一般行政管理事务                   31.23          36.22                   36.22       4.99    15.98%
    """

    @Test func aChangeIsNoAmount() throws {
        let result = try DocumentImporter.read(Self.document, path: "change.txt")
        let items = result.items.filter { $0.table == .gpbExpenditure }.map { "\($0.code) \($0.column.id) \($0.year) \($0.amount.display(in: .wan))" }
        #expect(Set(items) == [
            " total 2024 11,491.58", " total 2025 12,352.14", " basic 2025 4,483.56", " project 2025 7,868.58",
            "201 total 2024 9,985.38", "201 total 2025 10,698.44", "201 basic 2025 3,692.16", "201 project 2025 7,006.28",
            "20101 total 2024 1,524.66", "20101 total 2025 1,677.32", "20101 basic 2025 375.41", "20101 project 2025 1,301.91",
            "2010101 total 2024 370.11", "2010101 total 2025 375.41", "2010101 basic 2025 375.41",
            "2010102 total 2024 31.23", "2010102 total 2025 36.22", "2010102 project 2025 36.22",
        ])
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map(\.message))")
        let changes = (result.report.notAmounts ?? []).map(\.message)
        #expect(changes.count == 5 && changes.allSatisfy { $0.contains("增减额") }, "\(changes)")
        #expect(ImportReportRenderer.render(result.report).contains("figures that are no amount, not stored (5):"))
    }

    @Test(arguments: ["增减额", "比上年增减", "增长%", "增减率（%）", "较上年变动", "车辆数"])
    func aHeaderOfNoAmount(_ header: String) { #expect(Vocabulary.isNoAmountHeader(header)) }

    @Test(arguments: ["合计", "基本支出", "项目支出", "2024年预算数", "一般公共预算拨款收入", "上年结转"])
    func aHeaderOfMoney(_ header: String) { #expect(!Vocabulary.isNoAmountHeader(header)) }
}
