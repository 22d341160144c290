import Testing
@testable import TallyCore

/// A figure set left of every column, on a line far from any row (a stray total under the
/// table's name column): no row takes the line, and the figure is reported, never lost with it.
struct FigureOnNoRowTests {
    static let document = """
    \u{0C}        2025年部门支出总表
                                                单位：万元
    科目编码      科目名称                          合计        基本支出
              合计                      1,261.00      961.00
    201       一般公共服务支出                1,261.00      961.00
    20101     人大事务                      961.00      661.00
    2010101   行政运行                      661.00      661.00





              12.50
    """

    @Test func aFigureOnNoRowIsReported() throws {
        let result = try DocumentImporter.read(Self.document, path: "stray.txt")
        #expect(result.items.filter { $0.table == .expenditure }.count == 8)
        let unplaced = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(unplaced.count == 1 && unplaced[0].contains("12.50") && unplaced[0].contains("stray.txt:13"), "\(unplaced)")
    }
}
