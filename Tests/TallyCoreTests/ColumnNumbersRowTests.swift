import Testing
@testable import TallyCore

/// A 决算 三公 table whose first column is 合计 has no label column, so its 栏次 row is the
/// column numbers alone (`1 2 3 … 12`). It is the header's last row, not a name: under it the
/// 预算数 and 决算数 groups each reach their six columns, and the 小计 under 公务用车购置及运行维护费
/// is that group's subtotal, not the table's total.
struct ColumnNumbersRowTests {
    static let table = """
                               重庆市某区水利局2024年一般公共预算财政拨款“三公”经费支出决算表
    单位：重庆市某区水利局                                                                                                                   金额单位：万元
                                      预算数                                                                  决算数
                                     公务用车购置及运行维护费                                                         公务用车购置及运行维护费
                  因公出国（境                                                                 因公出国（境
      合计                                    公务用车购置 公务用车运行       公务接待费        合计                                   公务用车购置 公务用车运行        公务接待费
                    ）费          小计                                                         ）费         小计
                                              费     维护费                                                             费      维护费

      1             2            3            4      5            6          7             8          9             10     11           12
          11.12         4.80         3.54                3.54         2.78        9.27         4.00        2.95                 2.95         2.32
    """

    @Test func theNumbersRowEndsTheHeader() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.table, path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.phase) \($0.amount)" }
        let expected = [
            ("total", "11.12", "9.27"), ("overseas", "4.80", "4.00"), ("vehicle", "3.54", "2.95"),
            ("vehicle_operation", "3.54", "2.95"), ("reception", "2.78", "2.32"),
        ].flatMap { column, budget, final in
            ["TOTAL \(column) budget \(try! Amount.parse(budget, unit: .wan).get())", "TOTAL \(column) final \(try! Amount.parse(final, unit: .wan).get())"]
        }
        #expect(items.sorted() == expected.sorted())
        #expect(result.report.unplaced.isEmpty)
    }

    /// Only a count from 1 up by one is a numbers row: a row of figures that happen to be
    /// whole numbers is still a row.
    @Test(arguments: [("1 2 3 4 5", true), ("3 4 5", false), ("1 2 4", false), ("1 2", false), ("栏次 1 2", true), ("12 30 7", false)])
    func whatCountsAsANumbersRow(text: String, numbers: Bool) {
        var left = 0.0
        let words = text.split(separator: " ").map { t -> PlacedWord in
            defer { left += 10 }
            return PlacedWord(text: String(t), left: left, right: left + 5, top: 0, bottom: 1)
        }
        let line = WordLine(page: 1, number: 1, words: words)
        #expect(TableReader.numbersColumns(line) == numbers)
    }
}
