import Testing
@testable import TallyCore

/// Jiangsu's tables carry a number (`公开03表`) on a line of its own: under the title beside
/// the unit, or above the next title after the rows. Either way it is the table's number, not
/// the title of a table tally does not read (which would end the table open above it), and
/// not a row (`公开 04 表` would be a row named 公开 holding 4.00).
struct TableNumberLineTests {
    static let expenditure = """
                            支出预算总表
    公开 03 表                                                    单位：万元
    科目编码             科目名称              合计         基本支出        项目支出
              合计                       2046.14     2003.29       42.85
    208       社会保障和就业支出                 1241.29     1241.29
    20805     行政事业单位养老支出                1241.29     1241.29
    210       卫生健康支出                     804.85      762.00       42.85
    公开 04 表
    """

    @Test func theNumberIsNeitherTitleNorRow() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.expenditure, path: "js.txt")
        let items = result.items.filter { $0.table == .expenditure && $0.column == .total }.map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.amount)" }
        #expect(items == ["TOTAL 2046.14", "208 1241.29", "20805 1241.29", "210 804.85"].map { s in
            let (code, figure) = (s.split(separator: " ")[0], s.split(separator: " ")[1])
            return "\(code) \(try! Amount.parse(String(figure), unit: .wan).get())"
        })
        #expect((result.report.notRead ?? []).isEmpty)
    }

    @Test(arguments: [("公开03表", true), ("公开 03 表", true), ("表3", true), ("附表2-1", true), ("支出预算总表", false), ("公开03表支出预算总表", false)])
    func aNumberAlone(text: String, alone: Bool) {
        #expect(Vocabulary.isTableNumber(text) == alone)
    }
}

/// A page's number, in the ways pages are numbered (`3`, `- 3 -`, `第3页`, `第 1 页，共 14 页`,
/// `1/14`), is no row; figures are.
struct PageNumberTests {
    @Test(arguments: [("3", true), ("- 18 -", true), ("第3页", true), ("第 1 页，共 14 页", true), ("1/14", true), ("第1页共5页", true),
                      ("1,234", false), ("12.50", false), ("2080501", false), ("第一部分", false)])
    func aPagesNumber(text: String, page: Bool) {
        #expect(TableReader.isPageNumber(text) == page)
    }
}
