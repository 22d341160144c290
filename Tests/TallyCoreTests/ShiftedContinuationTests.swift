import Testing
@testable import TallyCore

/// A continuation page of `-layout` text set left of its header and with none of it repeated
/// (续表): its rows' figures are read by their count, taking the columns rows of their own class
/// take on the header page — a 302 row's two figures are 合计 and 公用经费 like 302's, however
/// many 301 rows fill 人员经费.
struct ShiftedContinuationTests {
    static let basicEcon = """
            重庆市大足区民政局一般公共预算财政拨款基本支出预算表
                                                              单位：万元
                   经济分类科目                       2026年基本支出
      科目编码              科目名称       合计             人员经费        公用经费
              合计                   3,750.91        2,925.70     825.21
    301       工资福利支出               2,055.53        2,055.53
    30101     基本工资                  221.69           221.69
    30102     津贴补贴                  250.43           250.43
    30103     奖金                    216.88           216.88
    30107     绩效工资                  100.73           100.73
    30108     机关事业单位基本养老保险缴费        216.51           216.51
    30109     职业年金缴费                150.73           150.73
    30110     职工基本医疗保险缴费            232.22           232.22
    30112     其他社会保障缴费              157.25           157.25
    30113     住房公积金                 246.39           246.39
    30114     医疗费                   262.70           262.70
    302       商品和服务支出               825.21                      825.21
    30201     办公费                       36.20                    36.20
    30205     水费                        98.14                    98.14
    30206     电费                        58.26                    58.26
    30207     邮电费                       24.10                    24.10
    30211     差旅费                       56.00                    56.00
    30213     维修（护）费                    54.51                    54.51
    30215     会议费                       38.18                    38.18




                               6
    续表
                                              单位：万元
    30216   培训费              96.09              96.09
    30217   公务接待费            31.41              31.41
    30226   劳务费              91.81              91.81
    30228   工会经费             64.79              64.79
    30229   福利费              36.49              36.49
    30231   公务用车运行维护费        50.19              50.19
    30239   其他交通费用           57.20              57.20
    30299   其他商品和服务支出        31.84              31.84
    303     对个人和家庭的补助       870.17   870.17
    30301   离休费             229.56   229.56
    30302   退休费             229.94   229.94
    30305   生活补助            228.50   228.50
    30309   奖励金             182.17   182.17

    """

    @Test func rowsOfAClassTakeTheirClasssColumns() throws {
        let text = "\u{0C}" + Self.basicEcon.replacingOccurrences(of: "\n                           6\n", with: "\n                           6\n\u{0C}")
        let result = try DocumentImporter.read(text, path: "basic.txt")
        let items = result.items.filter { $0.table == .basicEcon }
        func figures(_ code: String) -> [String] {
            items.filter { $0.code == code }.map { "\($0.column.id)=\($0.amount)" }.sorted()
        }
        #expect(figures("30216") == ["public=96.09", "total=96.09"])
        #expect(figures("30299") == ["public=31.84", "total=31.84"])
        #expect(figures("30301") == ["personnel=229.56", "total=229.56"])
        #expect(!items.contains { $0.code.hasPrefix("302") && $0.column == .personnel })
    }
}
