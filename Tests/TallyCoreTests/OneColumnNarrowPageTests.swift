import Testing
@testable import TallyCore

/// A table of one 金额 column (江苏's 公开NN表) going on to a page `pdftotext -layout` sets
/// narrower than its header's: the page's figures stand left of 金额, at cells that vary with
/// the names before them. Each row's last figure, after its labels, is the one column's.
struct OneColumnNarrowPageTests {
    static let basicEcon = """
              一般公共预算基本支出预算表（经济科目）
    部门名称：江苏省审计厅                      单位：万元
      科目编码                  科目名称    金额
              合 计                        3681.14
    301       工资福利支出                     2313.22
    30101     基本工资                        117.05
    30102     津贴补贴                        346.70
    30103     奖金                          168.71
    30108     机关事业单位基本养老保险缴费              168.85
    30109     职业年金缴费                      108.51
    30112     其他社会保障缴费                    411.36
    30113     住房公积金                       329.25
    30114     医疗费                         372.47
    30199     其他工资福利支出                    290.32
    302       商品和服务支出                     809.86
    30201     办公费                          31.81
    30205     水费                           95.86



                               7
    30206   电费               51.14
    30207   邮电费              34.80
    30211   差旅费              85.50
    30213   维修（护）费           32.51
    30215   会议费              93.95
    30216   培训费              57.62
    30217   公务接待费            65.19
    30228   工会经费             49.19
    30229   福利费              60.04
    30231   公务用车运行维护费        37.25
    30239   其他交通费用           25.79
    30299   其他商品和服务支出        89.21
    303     对个人和家庭的补助       558.06
    30301   离休费             105.89
    30302   退休费             199.36
    30309   奖励金             252.81

    """

    @Test func aRowsLastFigureIsTheOneColumns() throws {
        let text = "\u{0C}" + Self.basicEcon.replacingOccurrences(of: "\n                           7\n", with: "\n                           7\n\u{0C}")
        let result = try DocumentImporter.read(text, path: "basic.txt")
        let items = result.items.filter { $0.table == .basicEcon }
        func figure(_ code: String) -> [String] { items.filter { $0.code == code }.map { "\($0.column.id)=\($0.amount)" } }
        #expect(figure("30206") == ["total=51.14"])
        #expect(figure("303") == ["total=558.06"])
        #expect(figure("30309") == ["total=252.81"])
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }
}
