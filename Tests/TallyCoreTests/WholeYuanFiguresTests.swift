import Testing
@testable import TallyCore

/// Whole-元 figures printed without separators (`115801300`) mark no line as a row the way
/// `1,158,013.00` does: a two-sided 收支总表's rows are told from its header by a label that
/// begins an item (`一、…`), a total's label, or a figure longer than any year or column
/// number — never read as header lines, which dropped them without a word.
struct WholeYuanFiguresTests {
    static let document = """
    \u{0C}                   2026年部门收支总表                        单位：元

                  收入                             支出
             项目         预算数                 项目         预算数
    一、一般公共预算拨款收入       115801300   一般公共服务支出           107151700
    二、政府性基金预算拨款收入          0       公共安全支出             11605300
    三、国有资本经营预算拨款收入         0
    四、事业收入              2711700
    五、其他收入              244000
    收入总计               118757000   支出总计               118757000
    """

    @Test func rowsOfWholeYuanAreRows() throws {
        let result = try DocumentImporter.read(Self.document, path: "whole-yuan.txt")
        let figures = Dictionary(result.items.filter { $0.table == .summary }.map { ($0.name, $0.amount.fen) }, uniquingKeysWith: { a, _ in a })
        #expect(figures == [
            "一、一般公共预算拨款收入": 115_801_300_00, "一般公共服务支出": 107_151_700_00,
            "二、政府性基金预算拨款收入": 0, "公共安全支出": 11_605_300_00, "三、国有资本经营预算拨款收入": 0,
            "四、事业收入": 2_711_700_00, "五、其他收入": 244_000_00, "收入总计": 118_757_000_00, "支出总计": 118_757_000_00,
        ])
        #expect(result.report.unplaced.isEmpty)
    }

    /// The same lines with separators read the same.
    @Test func separatorsChangeNothing() throws {
        let separated = Self.document.replacingAll("115801300", with: "115,801,300").replacingAll("107151700", with: "107,151,700")
        let plain = try DocumentImporter.read(Self.document, path: "whole-yuan.txt").items.map { "\($0.name) \($0.column.id) \($0.amount.fen)" }
        let marked = try DocumentImporter.read(separated, path: "whole-yuan.txt").items.map { "\($0.name) \($0.column.id) \($0.amount.fen)" }
        #expect(plain.sorted() == marked.sorted())
    }
}
