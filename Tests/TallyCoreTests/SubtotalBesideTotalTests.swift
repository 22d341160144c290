import Testing
@testable import TallyCore

/// An income table that prints 总计 | 本年收入 (小计 | 财政拨款收入 …) | 上年结转: the 小计 adds this
/// year's sources, a group tally names no column for. Its figures are reported, never read
/// as a second total beside 总计 (a sum over `total` would count the income twice).
struct SubtotalBesideTotalTests {
    static let income = """
                             2025年部门收入预算表
     部门名称：深圳市某区交通运输局                                                                单位：万元
                                                   本年收入
      科目编码           科目名称             总计                                          上年结转
                                                    小计          财政拨款收入
                 合计                  2,180.00      2,000.00     2,000.00         180.00
     208         社会保障和就业支出           1,180.00      1,000.00     1,000.00         180.00
    """

    @Test func theSubtotalIsNoSecondTotal() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.income, path: "income.txt")
        let totals = result.items.filter { $0.table == .income && $0.column == .total }.map(\.amount)
        #expect(totals == [try Amount.parse("2180.00").get(), try Amount.parse("1180.00").get()])
        let unplaced = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(unplaced.count == 2 && unplaced.allSatisfy { $0.contains("小计") }, "\(unplaced) \(result.items.filter { $0.table == .income }.map { "\($0.code) \($0.column.id) \($0.amount)" })")
    }
}
