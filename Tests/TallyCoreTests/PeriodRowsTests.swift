import Testing
@testable import TallyCore

/// A 三公 table that prints its years as rows (`2025年预算数`, `2024年预算数`) rather than as
/// column groups: each row is that year's 合计 under every column, never two figures of the
/// document's own year.
struct PeriodRowsTests {
    static let yearsAsRows = """
                              2025年部门“三公”经费和机关运行经费预算表
    编制部门：上海市徐汇区市场监督管理局                                                                    金额单位：万元
                                             “三公”经费预算数
        项目                                                       公务用车购置及运行费             机关运行经费预算数
                 合计           因公出国(境)费     公务接待费
                                                        小计           购置费      运行费
      2025年预算数        41.03         5.00       9.57          26.46              26.46         401.25
      2024年预算数        42.64         2.00      11.08          29.56              29.56         711.76
    """

    @Test func eachPeriodRowIsThatPeriodsTotal() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.yearsAsRows, path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.name) \($0.column.id) \($0.year) \($0.amount)" }
        let expected = [
            ("total", "41.03", "42.64"), ("overseas", "5.00", "2.00"), ("reception", "9.57", "11.08"),
            ("vehicle", "26.46", "29.56"), ("vehicle_operation", "26.46", "29.56"), ("running_costs", "401.25", "711.76"),
        ].flatMap { column, this, last in
            ["TOTAL 合计 \(column) 2025 \(try! Amount.parse(this, unit: .wan).get())", "TOTAL 合计 \(column) 2024 \(try! Amount.parse(last, unit: .wan).get())"]
        }
        #expect(items.sorted() == expected.sorted(), "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    /// A row of changes under the years (增减额) holds no amount: reported, not stored as the
    /// document's year.
    @Test func aChangeRowIsNotAPeriod() throws {
        let text = Self.yearsAsRows + "\n      增减额           -1.61         3.00      -1.51          -3.10              -3.10        -310.51\n"
        let result = try DocumentImporter.read("\u{0C}" + text, path: "three.txt")
        #expect(result.items.filter { $0.table == .threePublic }.count == 12)
        let notAmounts = (result.report.notAmounts ?? []).map { DiagnosticRenderer().render($0) }
        #expect(notAmounts.filter { $0.contains("增减额") && $0.contains("not an amount of money") }.count == 6, "\(notAmounts)")
        #expect(result.report.unplaced.isEmpty)
    }

    struct LabelCase: Sendable {
        var label: String
        var year: Int?
        var phase: Phase?
        var tableYear = 2025
    }

    @Test(arguments: [
        LabelCase(label: "2024年预算数", year: 2024, phase: .budget),
        LabelCase(label: "2024年执行数", year: 2024, phase: .final),
        LabelCase(label: "上年预算数", year: 2024, phase: .budget),
        LabelCase(label: "本年预算数", year: 2025, phase: .budget),
        LabelCase(label: "上年预算数", year: nil, phase: nil, tableYear: 0),
        LabelCase(label: "2025年 决算数", year: 2025, phase: .final),
        LabelCase(label: "2023年度", year: 2023, phase: nil),
        LabelCase(label: "2025年预算安排情况", year: nil, phase: nil),
        LabelCase(label: "合计", year: nil, phase: nil),
    ])
    func aRowLabelNamesAPeriodOnlyWhenThatIsAllItSays(_ c: LabelCase) {
        let period = ColumnSchema.period(named: c.label, tableYear: c.tableYear)
        #expect(period?.year == c.year)
        #expect(period?.phase == c.phase)
    }
}
