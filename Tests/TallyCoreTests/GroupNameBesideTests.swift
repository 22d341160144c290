import Testing
@testable import TallyCore

/// `-layout` text of an income table whose 一般公共预算 group spans 小计 and 其中：专项收入: poppler
/// sets the group's name beside its columns (the 小计 ends where it begins), so it heads a
/// column of its own on a line above. The 小计 is the group's (gpb), not a second 合计, and
/// 其中：专项收入 is a column of figures though its name ends in 收入, a label column's word.
struct GroupNameBesideTests {
    static let income = """
                                                  2025年部门收入预算总表
    单位：长沙市某区卫生健康局                                                                                                          单位：万元
                      项目                            一般公共预算

                                                                      政府性基金预   国有资本经营   财政专户管理              事业单位经营
     功能分类科目编码                          合计                    其中：专项收                              事业收入                其他收入   上年结转结余
                            功能分类科目名称              小计                  算拨款收入    预算拨款收入    资金收入                 收入
                                                                入
     类    款    项

                    合 计                9,180.45   9,007.11                                         130.57                      42.77

    208             社会保障和就业支出          1,957.87   1,957.87

    210             卫生健康支出             6,305.58   6,132.24                                         130.57                      42.77

    210   04        公共卫生               2,497.88   2,324.54                                         130.57                      42.77
    """

    @Test func theSubtotalIsTheGroups() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.income, path: "income.txt")
        let items = result.items.filter { $0.table == .income && $0.code == "210" }.map { "\($0.column.id) \($0.amount)" }
        let expected = [("total", "6305.58"), ("gpb", "6132.24"), ("business", "130.57"), ("carryover", "42.77")]
            .map { "\($0) \(try! Amount.parse($1, unit: .wan).get())" }
        #expect(items.sorted() == expected.sorted())
        #expect(result.items.filter { $0.table == .income && $0.column == .total }.count == 4)
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    /// And a figure column's name wrapped to a last line of one code-column glyph
    /// (`一般公共预算拨 / 款`) is still a figure column.
    @Test(arguments: [(["其中：专项收", "入"], false), (["收入"], true), (["其中：基本支出"], false), (["支出功能分类", "科目编码"], true),
                      (["一般公共预算拨", "款"], false), (["款"], true), (["科目编码", "款"], true)])
    func aPartIsNeverALabel(texts: [String], label: Bool) {
        #expect(ColumnGrid.isLabelHeader(texts) == label)
    }

    static let basic = """
             重庆市某区水利局2024年一般公共预算财政拨款基本支出决算表
    单位：重庆市某区水利局                                                  金额单位：万元
             部门预算支出经济分类科目                                    其中
                                  合计
      科目编码           科目名称                         人员经费            公用经费
    301      工资福利支出                    1,408.30      1,408.30
    303      对个人和家庭的补助                   556.80          556.80
    30302    退休费                         188.59          188.59
    """

    /// `其中` alone, set in the gap between the parts it introduces (人员经费 | 公用经费), names
    /// no column: a column of its own there would leave figures between it and 人员经费.
    @Test func aLoneOfWhichIsNoColumn() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.basic, path: "basic.txt")
        let items = result.items.filter { $0.table == .basicEcon }.map { "\($0.code) \($0.column.id) \($0.amount)" }.sorted()
        let expected = [("301", "total", "1,408.30"), ("301", "personnel", "1,408.30"), ("303", "total", "556.80"), ("303", "personnel", "556.80"),
                        ("30302", "total", "188.59"), ("30302", "personnel", "188.59")]
            .map { "\($0) \($1) \(try! Amount.parse($2, unit: .wan).get())" }.sorted()
        #expect(items == expected)
        #expect(result.report.unplaced.isEmpty)
    }
}
