import Testing
@testable import TallyCore

/// A page that goes on with a table under `续表` and its header repeated: the mark is neither
/// a header line nor a row, so the repeated header is read as the page's header and its rows
/// as rows (the mark read as a header cell once put every code under a figure column).
struct ContinuationMarkTests {
    static let gpbExpenditure = """

               重庆市大足区民政局一般公共预算财政拨款支出预算表
                                                                         单位：万元
                                                           2026年预算数
      科目编码              科目名称     2025年预算数
                                                小计          基本支出         项目支出
                         合计          7,528.22   7,823.87      3,750.91    4,072.96
    208       社会保障和就业支出              6,015.33   6,212.35      2,139.39    4,072.96
    20802     民政管理事务                 1,681.24   1,735.68       234.29     1,501.39
    2080201   行政运行                    236.95     255.87        234.29       21.58
    2080208   基层政权建设和社区治理             283.86     247.09                    247.09
    2080299   其他民政管理事务支出             1,160.43   1,232.72                  1,232.72
    20805     行政事业单位养老支出             1,892.47   1,905.10      1,905.10
    2080501   行政单位离退休                 329.16     369.69        369.69
    2080505   机关事业单位基本养老保险缴费支出        843.14     871.72        871.72
    2080506   机关事业单位职业年金缴费支出          720.17     663.69        663.69
    20810     社会福利                   2,439.76   2,571.57                  2,571.57
    2081002   老年福利                    401.59     350.94                    350.94
    2081004   殡葬                      912.47     830.73                    830.73
    2081099   其他社会福利支出               1,125.70   1,389.90                  1,389.90




                                 4
    续表
                                                                            单位：万元
                                                              2026年预算数
      科目编码              科目名称    2025年预算数
                                                   小计          基本支出         项目支出
    20899     其他社会保障和就业支出                   1.86
    2089999   其他社会保障和就业支出                   1.86
    210       卫生健康支出                    1,015.46   1,075.79      1,075.79
    21011     行政事业单位医疗                  1,015.46   1,075.79      1,075.79
    2101101   行政单位医疗                     433.10     502.34        502.34
    2101103   公务员医疗补助                    582.36     573.45        573.45
    221       住房保障支出                     497.43     535.73        535.73
    22102     住房改革支出                     497.43     535.73        535.73
    2210201   住房公积金                      497.43     535.73        535.73
    """

    @Test func rowsUnderARepeatedHeaderAfterTheMarkAreRead() throws {
        let text = "\u{0C}" + Self.gpbExpenditure.replacingOccurrences(of: "\n                             4\n", with: "\n                             4\n\u{0C}")
        let result = try DocumentImporter.read(text, path: "gpb.txt")
        let items = result.items.filter { $0.table == .gpbExpenditure }
        func figures(_ code: String) -> [String] {
            items.filter { $0.code == code }.map { "\($0.column.id)/\($0.year)=\($0.amount)" }.sorted()
        }
        #expect(figures("2089999") == ["total/2025=1.86"])
        #expect(figures("2101101") == ["basic/2026=502.34", "total/2025=433.10", "total/2026=502.34"])
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    @Test(arguments: [("续表", true), ("（续）", true), ("(续表)", true), ("续表2", true), ("续表：", true), ("续 表", true),
                      ("继续教育", false), ("手续费", false), ("续表一般公共预算支出表", false)])
    func whatIsAContinuationMark(_ text: String, _ mark: Bool) {
        #expect(Vocabulary.isContinuationMark(text) == mark)
    }
}
