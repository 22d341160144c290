import Testing
@testable import TallyCore

/// A basic table in one 金额 column prints its 人员经费 and 公用经费 subtotals as rows above
/// their classes: they are the 合计 row's parts (personnel, public), not rows without a code.
struct SubtotalRowsTests {
    static let basic = """
                                       表五 2026 年一般公共预算基本支出预算表
                                                                       单位：元
                 科目编码
                                                科目名称            金额
           类            款
                                           合计                        62589593
    人员经费                                                             50071674
           301               工资福利支出                                  41294801
           303               对个人和家庭的补助                               8776873
    公用经费                                                             12517919
           302               商品和服务支出                                 12517919
    """

    @Test func subtotalRowsAreTheTotalsParts() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.basic, path: "basic.txt")
        let items = result.items.filter { $0.table == .basicEcon }.map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount)" }.sorted()
        let expected = [("TOTAL", "total", "62589593"), ("TOTAL", "personnel", "50071674"), ("TOTAL", "public", "12517919"),
                        ("301", "total", "41294801"), ("303", "total", "8776873"), ("302", "total", "12517919")]
            .map { "\($0) \($1) \(try! Amount.parse($2, unit: .yuan).get())" }.sorted()
        #expect(items == expected)
        #expect(result.report.unplaced.isEmpty)
    }
}
