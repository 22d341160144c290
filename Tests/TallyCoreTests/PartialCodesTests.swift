import Testing
@testable import TallyCore

/// Split 类 | 款 | 项 columns that print only each code's new part (`201`, then `38` under 款,
/// then `01` under 项): a two-digit part is a 款 or a 项 by the column it stands in, and the
/// code is the rows above's with it (20138, 2013801), never a code-less row named `38…`.
struct PartialCodesTests {
    static let income = """
                            2024年度收入决算表
    单位：厦门市思明区                                               单位：元
          科目编码
                              科目名称       本年收入合计          财政拨款收入
     类     款     项
                               栏次          1               2
                     合计                    58174574        58174574

    201              一般公共服务支出              34287825        34287825


           38        市场监督管理事务              34287825        34287825

                 01 行政运行                    7567975         7567975

                 02 一般行政管理事务                   9296410      9296410


                 04 市场主体管理                  7264959         7264959

                 99 其他市场监督管理事务             10158481        10158481

    208              社会保障和就业支出             20782489        20782489

           05        行政事业单位养老支出            20782489        20782489
    """

    @Test func aNewPartTakesTheCodeAboveIt() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.income, path: "income.txt")
        let codes = result.items.filter { $0.table == .income && $0.column == .total }.map { "\($0.code) \($0.name)" }
        #expect(codes == ["合计", "201 一般公共服务支出", "20138 市场监督管理事务", "2013801 行政运行", "2013802 一般行政管理事务",
                          "2013804 市场主体管理", "2013899 其他市场监督管理事务", "208 社会保障和就业支出", "20805 行政事业单位养老支出"]
            .map { $0 == "合计" ? " 合计" : $0 })
        #expect(result.report.placements.contains { $0.how.contains("new part only") })
    }

    /// A continuation page whose repeated header is followed by a 项 printed as its new part
    /// (`01 行政运行` with whole-元 figures, no decimal point to mark them): that line is the
    /// page's first row, not more of its header, and takes the 类 and 款 of the page before.
    @Test func aNewPartFirstOnAContinuationPage() throws {
        let header = """
              科目编码
                                  科目名称       本年收入合计          财政拨款收入
         类     款     项
        """
        let pages = Self.income + "\n\u{0C}" + header + """

                         01 行政单位离退休                4729873         4729873

                         05 机关事业单位基本养老保险缴费支出     16052616        16052616
        """
        let result = try DocumentImporter.read("\u{0C}" + pages, path: "income.txt")
        let codes = result.items.filter { $0.table == .income && $0.column == .total }.map(\.code).suffix(3)
        #expect(Array(codes) == ["20805", "2080501", "2080505"])
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var previous: String
        var part: (String, Double)
        var learnt: [(String, Double)]
        var code: String?
        var testDescription: String { "\(part.0) after \(previous)" }
    }

    @Test(arguments: [
        Case(previous: "201", part: ("38", 7), learnt: [], code: "20138"),
        Case(previous: "20138", part: ("01", 13), learnt: [], code: "2013801"),
        Case(previous: "2013801", part: ("02", 13), learnt: [("208", 0), ("05", 7), ("01", 13)], code: "2013802"),
        Case(previous: "2013801", part: ("05", 7), learnt: [("208", 0), ("05", 7), ("01", 13)], code: "20105"),
        Case(previous: "201", part: ("01", 13), learnt: [("208", 0), ("05", 7), ("01", 13)], code: nil),
        Case(previous: "", part: ("38", 7), learnt: [], code: nil),
    ])
    func aPartIsAKuanOrAXiangByItsColumn(_ c: Case) {
        var partial = PartialCodes()
        func word(_ text: String, _ left: Double) -> PlacedWord {
            PlacedWord(text: text, left: left, right: left + Double(text.count), top: 0, bottom: 1, inCharacterCells: true)
        }
        if !c.learnt.isEmpty { partial.learn(c.learnt.map { word($0.0, $0.1) } + [word("名称", 18)]) }
        #expect(partial.read([word(c.part.0, c.part.1), word("名称", 18)], previous: c.previous) == c.code)
    }
}
