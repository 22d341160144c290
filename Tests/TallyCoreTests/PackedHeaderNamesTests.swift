import Testing
@testable import TallyCore

/// `pdftotext -layout` packs CJK header names that stand close on the page one space apart
/// (`政府性基金预 国有资本经营`): the second name is pulled left of where it stands, so a
/// figure of the first column, drifted right by the digits before it, can begin under the
/// second name. Such a figure is a doubt, never placed by its position alone: another table
/// of the document that prints it (the 政府性基金预算支出表's total for the income table's
/// 政府性基金) decides its column; without one it is reported.
struct PackedHeaderNamesTests {
    /// A 收入总表 whose 政府性基金 figures begin under 国有资本经营, the name packed against it.
    static let income = """
    \u{0C}                                                2025年部门收入总表
    部门：广东省农业农村厅                                                                                                    单位：万元
                     科目
                                                   一般公共预算 政府性基金预 国有资本经营   财政专户管             事业单位经营        附属单位上缴
                                  合计        上年结转                                  事业收入             上级补助收入          其他收入
                                                    拨款收入   算拨款收入 预算拨款收入   理资金收入               收入            收入
    科目编码              科目名称


           合计                     3581.01             3031.01     500.00            50.00
       201 一般公共服务支出               1779.86             1729.86                       50.00
       212 城乡社区支出                  500.00                         500.00

    """

    /// The 政府性基金预算支出表 of the same document: its totals are the income table's 政府性基金.
    static func govFund(_ amount: String) -> String {
        """
        \u{0C}                                      2025年部门政府性基金预算支出表
        部门：广东省农业农村厅                                                                                    单位：万元
           科目编码            科目名称                        合计            基本支出          项目支出
               合计                                         \(amount)                            \(amount)
           212 城乡社区支出                                   \(amount)                            \(amount)

        """
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// The income table's items as `code column amount`.
        var items: [String]
        /// Words every report line about the drifted figures holds; none if they are placed.
        var unplaced: [String]
        var placedByEvidence: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "another table prints the figure", text: income + govFund("500.00"), items: [
            "TOTAL total 3581.01", "TOTAL gpb 3031.01", "TOTAL gov_fund 500.00", "TOTAL business 50.00",
            "201 total 1779.86", "201 gpb 1729.86", "201 business 50.00",
            "212 total 500.00", "212 gov_fund 500.00",
        ], unplaced: [], placedByEvidence: true),
        Case(name: "no other table prints it", text: income, items: [
            "TOTAL total 3581.01", "TOTAL gpb 3031.01", "TOTAL business 50.00",
            "201 total 1779.86", "201 gpb 1729.86", "201 business 50.00",
            "212 total 500.00",
        ], unplaced: ["500.00", "国有资本经营", "may stand under either"], placedByEvidence: false),
        Case(name: "another table prints a different figure", text: income + govFund("400.00"), items: [
            "TOTAL total 3581.01", "TOTAL gpb 3031.01", "TOTAL business 50.00",
            "201 total 1779.86", "201 gpb 1729.86", "201 business 50.00",
            "212 total 500.00",
        ], unplaced: ["500.00", "国有资本经营", "may stand under either"], placedByEvidence: false),
    ]

    @Test(arguments: cases)
    func aFigureBegunUnderAPackedNameIsSettledByEvidenceOrReported(_ c: Case) throws {
        let result = try DocumentImporter.read(c.text, path: "income.txt")
        let items = result.items.filter { $0.table == .income }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount)" }
        let expected = try c.items.map { e -> String in
            let parts = e.split(separator: " ")
            return "\(parts[0]) \(parts[1]) \(try Amount.parse(parts[2], unit: .wan).get())"
        }
        let unplaced = result.report.unplaced.map { DiagnosticRenderer().render($0) }.filter { $0.contains("income") }
        #expect(items.sorted() == expected.sorted(), "\(unplaced)")
        if c.unplaced.isEmpty {
            #expect(unplaced.isEmpty)
        } else {
            // The two drifted figures (合计 and 212), each reported with what it is and why.
            #expect(unplaced.count == 2, "\(unplaced)")
            for line in unplaced { for word in c.unplaced { #expect(line.contains(word), "\(line)") } }
        }
        let settled = result.report.placements.filter { $0.table == .income && $0.how.contains("as another table of the document prints it") }
        #expect(settled.count == (c.placedByEvidence ? 2 : 0), "\(result.report.placements.map(\.how))")
    }
}
