import Testing
@testable import TallyCore

/// A 基本支出决算表 printed as three parts side by side, each with its own 科目编码 | 科目名称 |
/// 决算数 (人员经费 left, 公用经费 over the other two): every part is read as a table of its
/// own, so a code of one part is never taken for a figure of the part before it, and a total
/// whose label stands in one part and its figure in the next is that column's total.
struct SideBySidePartsTests {
    static let threeParts = """
                                        一般公共预算财政拨款基本支出决算表
    编制单位：上海市青浦区水务局                                                                              单位：万元
                     人员经费                                            公用经费
    科目编码            科目名称     决算数        科目编码           科目名称    决算数       科目编码            科目名称   决算数
    301     工资福利支出           3,719.20 302      商品和服务支出          1,100.16 30217   公务接待费             39.49
    30101   基本工资              272.17 30201     办公费               103.17 30226    劳务费               86.14
    30102   津贴补贴              243.93 30202     印刷费                50.63 30227    委托业务费             73.07
    30103   奖金                445.77 30205     水费                 53.66 30228    工会经费              73.40
    30107   绩效工资              472.41 30206     电费                 63.71 30229    福利费               26.19
    303     对个人和家庭的补助        1,514.97
    30301   离休费               488.03
    30302   退休费               497.83
    30305   生活补助              529.11
                 人员经费合计      5,234.17                         公用经费合计                             1,308.55
    """

    @Test func everyPartIsReadAsATableOfItsOwn() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.threeParts, path: "basic.txt")
        let items = result.items.filter { $0.table == .basicEcon }.map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount)" }
        let expected = [
            "301 total 3719.20", "302 total 1100.16", "30217 total 39.49",
            "30101 total 272.17", "30201 total 103.17", "30226 total 86.14",
            "30102 total 243.93", "30202 total 50.63", "30227 total 73.07",
            "30103 total 445.77", "30205 total 53.66", "30228 total 73.40",
            "30107 total 472.41", "30206 total 63.71", "30229 total 26.19",
            "303 total 1514.97", "30301 total 488.03", "30302 total 497.83", "30305 total 529.11",
            "TOTAL personnel 5234.17", "TOTAL public 1308.55",
        ].map { e -> String in
            let p = e.split(separator: " ")
            return "\(p[0]) \(p[1]) \((try? Amount.parse(String(p[2]), unit: .wan).get()).map { "\($0)" } ?? "?")"
        }
        #expect(items.sorted() == expected.sorted(), "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
        #expect(result.report.unplaced.isEmpty)
    }
}
