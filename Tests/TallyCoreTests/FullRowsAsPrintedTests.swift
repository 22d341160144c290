import Testing
@testable import TallyCore

/// A row that prints a figure or a blank mark in every figure column is placed as printed
/// (§1), each in the column of its place, wherever `pdftotext -layout` set it: here 上年结转's
/// 350000 drifts left and the 一般公共预算 figure after it stands between two headers.
struct FullRowsAsPrintedTests {
    static let income = """
                                        部门收入总表
    单位名称：安吉县住房和城乡建设局                                                               单位：元
          科目编码                                               政府性基 国有资本 财政专户
                                                    一般公共预算拨款
                        科目名称      总计         上年结转            金预算拨 经营预算 管理资金 事业收入 其他收入
    类      款     项                                     收入
                                                              款收入 拨款收入 收入
    208               社会保障和就业支出   21573515      -      21573515   -   -   -    -      -
                      行政事业单位养老支
    208    05                     21573515      -      21573515   -   -   -    -      -
                      出
                      机关事业单位基本养
    208    05    05               8108072       -       8108072   -   -   -    -      -
                      老保险缴费支出
                      机关事业单位职业年
    208    05    06               7963241       -       7963241   -   -   -    -      -
                      金缴费支出
                      其他行政事业单位养
    208    05    99               5502202       -       5502202   -   -   -    -      -
                      老支出
    210               卫生健康支出      12481650      -      12481650   -   -   -    -      -
    210    11         行政事业单位医疗    12481650      -      12481650   -   -   -    -      -
    210    11    01   行政单位医疗      8549795       -       8549795   -   -   -    -      -
    210    11    03   公务员医疗补助     3931855       -       3931855   -   -   -    -      -
    212               城乡社区支出      26319272 350000      25969272   -   -   -    -      -
    212    01         城乡社区管理事务    13661546 350000      13311546   -   -   -    -      -
    212    01    01   行政运行        4854631       -       4854631   -   -   -    -      -
    212    01    04   城管执法        8806915 350000        8456915   -   -   -    -      -
    212    05         城乡社区环境卫生    12657726      -      12657726   -   -   -    -      -
    212    05    01   城乡社区环境卫生    12657726      -      12657726   -   -   -    -      -
    """

    @Test func aFullRowIsPlacedAsPrinted() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.income, path: "income.txt")
        let items = result.items.filter { $0.table == .income }
        func figures(_ code: String) -> [String] {
            items.filter { $0.code == code }.map { "\($0.column.id)=\($0.amount)" }.sorted()
        }
        #expect(figures("212") == ["carryover=35.00", "gpb=2596.9272", "total=2631.9272"])
        #expect(figures("2120104") == ["carryover=35.00", "gpb=845.6915", "total=880.6915"])
        #expect(figures("2080505") == ["gpb=810.8072", "total=810.8072"])
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    /// A 三公 table of one row and no label column, its figures left-aligned in their cells:
    /// the first, 27.53, stands left of its header 合计 (and the 购置费 cell holds `-`).
    static let threePublic = """
                 2025年一般公共预算“三公”经费支出预算表
    部门：成都市某区民政局                                                                    单位：万元
                                         公务用车购置及运行费
            合计   因公出国（境）费                                                       公务接待费
                                    小计       公务用车购置费       公务用车运行费

    27.53        1.50       22.41               -        22.41               3.62
    """

    @Test func aFullRowBeginningLeftOfItsHeader() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.threePublic, path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }.map { "\($0.column.id)=\($0.amount)" }.sorted()
        let expected = [("total", "27.53"), ("overseas", "1.50"), ("vehicle", "22.41"), ("vehicle_operation", "22.41"), ("reception", "3.62")]
            .map { "\($0)=\(try! Amount.parse($1, unit: .wan).get())" }.sorted()
        #expect(items == expected)
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    /// Only a row with a cell for every column, one of them a blank mark, is placed by its
    /// order: one cell short, or all figures and no mark (a stray number could make up the
    /// count), it is left to the header's geometry.
    @Test(arguments: [
        ("208  社会保障和就业支出   215   -   215   -   -   -    -      -", true),
        ("208  社会保障和就业支出   215   -   215   -   -   -    -", false),
        ("208  社会保障和就业支出   215   1   215   2   3   4    5      6", false),
    ])
    func whatIsAFullRow(row: String, full: Bool) throws {
        let header = "科目编码 科目名称 总计 上年结转 一般公共预算拨款 政府性基金 国有资本 财政专户 事业收入 其他收入"
        let lines = LayoutTextWords.lines([], raw: [Substring(header), Substring(row)])
        let grid = try #require(ColumnGrid(header: [lines[0]]))
        let slotOfColumn = Dictionary(uniqueKeysWithValues: grid.figureColumns.enumerated().map { ($1, $0) })
        #expect(grid.figureColumns.count == 8)
        #expect((TableReader.fullRow(lines[1], grid, slotOfColumn) != nil) == full)
    }
}
