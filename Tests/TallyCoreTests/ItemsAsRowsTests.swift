import Testing
@testable import TallyCore

/// A 三公 table printed on its side: its items as rows (1.因公出国（境）费, 其中：公务用车购置费 …),
/// its years as columns (2025年预算数 | 2024年预算数 | 增减额 | 增减率). Each row's figures are
/// the column it names, in each column's year; the change columns are reported, not stored.
struct ItemsAsRowsTests {
    static let sideways = """
                     一般公共预算“三公”经费支出表
    单位：成都市武侯区教育局                                                        单位：万元
              项目           2025年预算数       2024年预算数       增减额            增减率
    合计                           21.92          21.37          0.55        2.57%
    1.因公出国（境）费                    3.50           1.50          2.00      133.33%
    2.公务用车购置及运行费                  9.98          18.11          -8.13     -44.89%
     其中：公务用车购置费                   0.00           0.00          0.00
         公务用车运行费                  9.98          18.11          -8.13     -44.89%
    3.公务接待费                       8.44           1.76          6.68      379.55%
    """

    @Test func eachRowIsTheColumnItNames() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.sideways, path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.year) \($0.amount)" }
        let expected = [
            ("total", "21.92", "21.37"), ("overseas", "3.50", "1.50"), ("vehicle", "9.98", "18.11"),
            ("vehicle_purchase", "0.00", "0.00"), ("vehicle_operation", "9.98", "18.11"), ("reception", "8.44", "1.76"),
        ].flatMap { column, this, last in
            ["TOTAL \(column) 2025 \(try! Amount.parse(this, unit: .wan).get())", "TOTAL \(column) 2024 \(try! Amount.parse(last, unit: .wan).get())"]
        }
        #expect(items.sorted() == expected.sorted())
        let notAmounts = (result.report.notAmounts ?? []).map { DiagnosticRenderer().render($0) }
        #expect(notAmounts.count == 6 && notAmounts.allSatisfy { $0.contains("增减额") }, "\(notAmounts)")
        #expect(result.report.unplaced.isEmpty)
    }

    /// Rows that count things (vehicles held, receptions) name a column's item but hold no
    /// money: listed as no amount (`--report`), never added to that column, and no finding.
    @Test func aRowThatCountsIsNotMoney() throws {
        let counts = Self.sideways + "\n    国内公务接待批次（个）              20             18\n    公务用车保有量（辆）                 5              5\n"
        let result = try DocumentImporter.read("\u{0C}" + counts, path: "three.txt")
        let reception = result.items.filter { $0.table == .threePublic && $0.column == .reception }.map { "\($0.year) \($0.amount)" }
        #expect(reception.sorted() == ["2024 \(try Amount.parse("1.76", unit: .wan).get())", "2025 \(try Amount.parse("8.44", unit: .wan).get())"])
        let notAmounts = (result.report.notAmounts ?? []).map { DiagnosticRenderer().render($0) }
        let countRows = notAmounts.filter { $0.contains("（辆）") || $0.contains("（个）") }
        #expect(countRows.count == 4 && countRows.allSatisfy { $0.contains("is a count or a change, not an amount of money") }, "\(notAmounts)")
        #expect(notAmounts.count == countRows.count + 6, "the 增减额 column's six figures are listed too: \(notAmounts)")
        #expect(result.report.unplaced.isEmpty)
    }

    /// The same table as a spreadsheet prints it: a 年度 column of period labels, 因公出国（境）费
    /// left empty, and a change row whose minus signs poppler's character cells absorb, so the
    /// figures' left edges line up though they are right-aligned. Left alignment read off those
    /// edges would put two figures under 公务接待费; right-aligned, each is under its own name.
    static let yearColumn = """
                 2025年一般公共预算“三公”经费支出预算表
    部门名称：合肥市某区交通运输局                                                              单位：万元
                                                公务用车购置及运行费
       年度       合计           因公出国（境）费                                            公务接待费
                                        小计           购置费           运行费

     2024年预算数        32.16                   30.55         22.00         8.55        1.61

     2025年预算数        29.25                   27.78         20.00         7.78        1.47

       增减额           -2.91                   -2.77         -2.00         -0.77       -0.14
    """

    @Test func aYearColumnAndEdgesRoundedToCells() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.yearColumn, path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.year) \($0.amount)" }
        let expected = [
            ("total", "32.16", "29.25"), ("vehicle", "30.55", "27.78"), ("vehicle_purchase", "22.00", "20.00"),
            ("vehicle_operation", "8.55", "7.78"), ("reception", "1.61", "1.47"),
        ].flatMap { column, last, this in
            ["TOTAL \(column) 2024 \(try! Amount.parse(last, unit: .wan).get())", "TOTAL \(column) 2025 \(try! Amount.parse(this, unit: .wan).get())"]
        }
        #expect(items.sorted() == expected.sorted())
        let notAmounts = (result.report.notAmounts ?? []).map { DiagnosticRenderer().render($0) }
        #expect(notAmounts.count == 5 && notAmounts.allSatisfy { $0.contains("增减额") }, "\(notAmounts)")
        #expect(result.report.unplaced.isEmpty)
    }

    /// Items printed without figures (因公出国（境）费, 公务用车购置费 left blank) begin rows of
    /// their own: their names are not the first lines of the next item's.
    static let blankItems = """
                         一般公共预算财政拨款“三公”经费支出决算表
    单位：上海市某区教育局                                                           金额单位：万元
                             项目                预算数           决算数
                   合计                                24.52         23.74
                   1.因公出国（境）费
                   2.公务用车购置及运行维护费                    21.92         21.65
                   （1）公务用车购置费
                   （2）公务用车运行维护费                      21.92         21.65
                   3.公务接待费                            2.60          2.09
    """

    @Test func aBlankItemIsARowOfItsOwn() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.blankItems, path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }.map { "\($0.column.id) \($0.phase.id) \($0.amount)" }
        let expected = [("total", "24.52", "23.74"), ("vehicle", "21.92", "21.65"), ("vehicle_operation", "21.92", "21.65"), ("reception", "2.60", "2.09")]
            .flatMap { column, budget, final in
                ["\(column) budget \(try! Amount.parse(budget, unit: .wan).get())", "\(column) final \(try! Amount.parse(final, unit: .wan).get())"]
            }
        #expect(items.sorted() == expected.sorted())
    }

    @Test(arguments: [("1.因公出国（境）费", true), ("2、公务接待费", true), ("（1）公务用车购置费", true), ("(2)运行费", true),
                      ("一、一般公共服务支出", true), ("其中：公务用车购置费", true), ("公务接待费", false), ("2024年预算数", false), ("12", false)])
    func anItemsNumberBeginsAName(text: String, begins: Bool) {
        #expect(Vocabulary.startsItem(text) == begins)
    }
}
