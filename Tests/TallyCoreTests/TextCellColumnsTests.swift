import Testing
@testable import TallyCore

/// `pdftotext -layout` sets a word at the character cell its left edge falls in, one cell a
/// glyph, CJK or not; a CJK glyph is about two digits wide on the page, so figures drift right
/// of narrow headers (wrapped over two or three lines) and a right edge lands under the next
/// column. A figure's column is read from where it begins (TextCellColumns); one that cannot
/// be told is reported, never shifted.
struct TextCellColumnsTests {
    /// An 11-column 收入总表 in 万元 with narrow headers wrapped over three lines.
    static let narrowHeaders = """
    \u{0C}                                                2025年部门收入总表
    部门：广东省农业农村厅                                                                                                    单位：万元
                     科目
                                                   一般公共预算 政府性基金预 国有资本经营   财政专户管             事业单位经营        附属单位上缴
                                  合计        上年结转                                  事业收入             上级补助收入          其他收入
                                                    拨款收入   算拨款收入 预算拨款收入   理资金收入               收入            收入
    科目编码              科目名称
    
    
           合计                     3581.01             3031.01   500.00              50.00
       201 一般公共服务支出               1779.86             1729.86                       50.00
     2010350 事业运行                  225.30              175.30                       50.00
       212 城乡社区支出                  500.00                       500.00
    """

    /// The same table in 元 on a portrait page: figures wider than their cells spill left, under
    /// the neighbouring header's last glyph.
    static let wideFigures = """
    \u{0C}                                                2025年部门收入总表
    部门：广东省农业农村厅                                                                                                                      单位：元
                     科目                                    一般公共           政府性基          国有资本   财政专户
                                                                                                                   事业单位   上级补助   附属单位
                                        合计         上年结转    预算拨款           金预算拨          经营预算   管理资金   事业收入                              其他收入
                                                                                                                   经营收入    收入    上缴收入
    科目编码                  科目名称                              收入             款收入          拨款收入    收入
    
    
                合计                 35,810,100.00      30,310,100.00 5,000,000.00                      500,000.00
          201 一般公共服务支出             17,798,600.00      17,298,600.00                                   500,000.00
    """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// code column amount, as printed.
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "narrow wrapped headers", text: narrowHeaders, expected: [
            "TOTAL total 3581.01", "TOTAL gpb 3031.01", "TOTAL gov_fund 500.00", "TOTAL business 50.00",
            "201 total 1779.86", "201 gpb 1729.86", "201 business 50.00",
            "2010350 total 225.30", "2010350 gpb 175.30", "2010350 business 50.00",
            "212 total 500.00", "212 gov_fund 500.00",
        ]),
        Case(name: "figures wider than their cells", text: wideFigures, expected: [
            "TOTAL total 35,810,100.00", "TOTAL gpb 30,310,100.00", "TOTAL gov_fund 5,000,000.00", "TOTAL business 500,000.00",
            "201 total 17,798,600.00", "201 gpb 17,298,600.00", "201 business 500,000.00",
        ]),
    ]

    static func income(_ text: String) throws -> (items: [String], unplaced: [String]) {
        let result = try DocumentImporter.read(text, path: "income.txt")
        let items = result.items.filter { $0.table == .income }.map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount)" }
        return (items, result.report.unplaced.map { DiagnosticRenderer().render($0) })
    }

    @Test(arguments: cases)
    func figuresStandUnderTheHeaderTheyBeginUnder(_ c: Case) throws {
        let got = try Self.income(c.text)
        let unit: DisplayUnit = c.text.contains("单位：元") ? .yuan : .wan
        let expected = try c.expected.map { e -> String in
            let parts = e.split(separator: " ")
            return "\(parts[0]) \(parts[1]) \(try Amount.parse(parts[2], unit: unit).get())"
        }
        #expect(got.items.sorted() == expected.sorted(), "\(c.name): \(got.unplaced)")
    }
}
