import Testing
@testable import TallyCore

/// A header that sets its year a space apart (`2024 年预算数`), wrapped in its cell
/// (`2024 年预` / `算数`): the year and the rest are one name. Apart, the year named no
/// column and the 2024 column's figures were lost; in a 三公 table with a block per year,
/// the blocks lost their years and one block's figures were read as the other's.
struct SpacedYearsTests {
    static let gpb = """
    重庆市某区文化和旅游发展委员会一般公共预算财政拨款支出预算
                   表
                                                                           单位：万元
                   项目               2024 年预                  2025 年预算数
      科目编码              科目名称           算数          小计          基本支出        项目支出
                   合计                5,141.79    5,226.64      2,266.69    2,959.95
    207          文化旅游体育与传媒支出          3,547.05    3,636.16        676.21    2,959.95
     20701       文化和旅游                3,547.05    3,636.16        676.21    2,959.95
       2070101   行政运行                   790.77      697.68        676.21       21.47
    """

    static let threePublic = """
    表四
    重庆市某区文化和旅游发展委员会一般公共预算“三公”经费支出表
                                                                                   单位：万元
                     2024 年预算数                                2025 年预算数
             因公出      公务用车购置及运行费                      因公出      公务用车购置及运行费
              国            公务用 公务用     公务接             国            公务用    公务用      公务接
     合计                                       合计
             （境）     小计    车购置 车运行      待费            （境）     小计    车购置    车运行       待费
              费             费   费                      费              费     费
     16.03    4.28    6.42      6.42   5.33   43.39    4.00   34.85  29.00  5.85    4.54
    """

    static func items(_ text: String, _ table: TableID) throws -> [String] {
        try DocumentImporter.read("\u{0C}" + text, path: "t.txt").items.filter { $0.table == table && $0.code.isEmpty }
            .map { "\($0.column.id) \($0.year) \($0.amount)" }.sorted()
    }

    static func expected(_ rows: [(String, Int, String)]) -> [String] {
        rows.map { "\($0) \($1) \(try! Amount.parse($2, unit: .wan).get())" }.sorted()
    }

    @Test func aWrappedHeadersYear() throws {
        #expect(try Self.items(Self.gpb, .gpbExpenditure) == Self.expected([
            ("total", 2024, "5,141.79"), ("total", 2025, "5,226.64"), ("basic", 2025, "2,266.69"), ("project", 2025, "2,959.95"),
        ]))
    }

    /// (2024's 6.42 could be 车购置费 or 车运行费 — the other is blank, and 小计 = both either
    /// way — so it is reported, not guessed.)
    @Test func aBlockPerYear() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.threePublic, path: "t.txt")
        let unplaced = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(unplaced.count == 1 && unplaced[0].contains("6.42"), "\(unplaced)")
        #expect(try Self.items(Self.threePublic, .threePublic) == Self.expected([
            ("total", 2024, "16.03"), ("overseas", 2024, "4.28"), ("vehicle", 2024, "6.42"),
            ("reception", 2024, "5.33"), ("total", 2025, "43.39"), ("overseas", 2025, "4.00"), ("vehicle", 2025, "34.85"),
            ("vehicle_purchase", 2025, "29.00"), ("vehicle_operation", 2025, "5.85"), ("reception", 2025, "4.54"),
        ]))
    }
}
