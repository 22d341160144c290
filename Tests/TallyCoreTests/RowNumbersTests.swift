import Testing
@testable import TallyCore

/// The national 决算 template numbers its rows in a 行次 column between the names and the
/// figures, its header set a glyph a line (行 over 次). The numbers are neither figures nor
/// where a page's figures begin: 全年预算数 keeps its own column (phase adjusted), and the
/// 决算数 columns theirs.
struct RowNumbersTests {
    static let table = """
                                       一般公共预算财政拨款支出决算表
    部门：某区卫生健康委员会                                                                            单位：万元
                                项目           行                            决算数
                                                  全年预算数
                  科目编码               科目名称    次                  合计        基本支出        项目支出
                           合计                1     3,761.71    3,874.74   2,736.13    1,138.61
                 208       社会保障和就业支出         2      1,038.83   1,081.95    1,081.95
                 20805     行政事业单位养老支出        3      1,038.83   1,081.95    1,081.95
                 2080501   行政单位离退休           4       597.67      635.15     635.15
                           机关事业单位基本养老保险缴费支
                 2080505                     5       254.25      255.53     255.53
                           出
    """

    @Test func rowNumbersAreNotFigures() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.table, path: "final.txt")
        let items = result.items.filter { $0.table == .gpbExpenditure && ["", "208", "2080505"].contains($0.code) }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.phase.id) \($0.column.id) \($0.amount)" }
        let expected = [
            ("TOTAL", "adjusted", "total", "3761.71"), ("TOTAL", "final", "total", "3874.74"), ("TOTAL", "final", "basic", "2736.13"),
            ("TOTAL", "final", "project", "1138.61"), ("208", "adjusted", "total", "1038.83"), ("208", "final", "total", "1081.95"),
            ("208", "final", "basic", "1081.95"), ("2080505", "adjusted", "total", "254.25"), ("2080505", "final", "total", "255.53"),
            ("2080505", "final", "basic", "255.53"),
        ].map { "\($0) \($1) \($2) \(try! Amount.parse($3, unit: .wan).get())" }
        #expect(items.sorted() == expected.sorted())
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }
}
