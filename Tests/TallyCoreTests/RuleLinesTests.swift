import Testing
@testable import TallyCore

/// A fixed-pitch report draws its table with characters: a rule (`-----`, `=====`, `───`,
/// `+---+`) above and below the header and under the last row. A rule is no cell; read as a
/// word it was a header spanning every column, and no row below it was placed.
struct RuleLinesTests {
    static let ruled = """
    \u{0C}                                     2025年部门收入总表
                                                                                   单位：万元
    ----------------------------------------------------------------------------------------
     科目编码             科目名称                  合计      一般公共预算拨款收入     事业收入
    ----------------------------------------------------------------------------------------
                          合计                    1,261.00          1,230.00        31.00
       201     一般公共服务支出                     1,261.00          1,230.00        31.00
      20101      人大事务                           1,261.00          1,230.00        31.00
     2010101       行政运行                           961.00            930.00        31.00
     2010102       一般行政管理事务                   300.00            300.00
    ----------------------------------------------------------------------------------------
    """

    static func items(_ text: String) throws -> [String] {
        try DocumentImporter.read(text, path: "ruled.txt").items.filter { $0.table == .income }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount.fen)" }.sorted()
    }

    @Test(arguments: ["-", "=", "─", "━", "＝"])
    func aRuleIsNoCell(rule: String) throws {
        let unruled = Self.ruled.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("------") ? "" : String($0) }.joined(separator: "\n")
        let expected = try Self.items(unruled)
        #expect(expected.count == 14)
        #expect(try Self.items(Self.ruled.replacingAll("-", with: rule)) == expected)
    }

    struct RuleCase: Sendable { let text: String; let isRule: Bool }
    static let ruleCases: [RuleCase] = [
        .init(text: "-----------", isRule: true), .init(text: "  ====  ====  ", isRule: true),
        .init(text: "+------+------+", isRule: true), .init(text: "───┼───", isRule: true),
        .init(text: "—", isRule: false), .init(text: "——", isRule: false), .init(text: "-1,000.00", isRule: false),
        .init(text: "—1—", isRule: false), .init(text: "", isRule: false),
    ]

    /// A lone dash or two mark an empty cell and stay; a page number between dashes is text.
    @Test(arguments: ruleCases)
    func whatIsARule(_ c: RuleCase) {
        #expect(DocumentText.isRule(c.text) == c.isRule, "\(c.text)")
    }
}
