import Foundation
import Testing
@testable import TallyCore

/// The `performance` rule (issue 15): the text's 绩效目标 statements (read wherever they are
/// printed, before the tables or after them) and the performance tables' project budgets,
/// against 项目支出; on sentence forms, on small documents, and on the seeds and the corpus.
struct PerformanceRuleTests {
    typealias I = Fixtures

    // MARK: - the text's statements, read at import

    static func read(_ text: String) -> [PerformanceStatement] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { SourceLine(number: $0.offset + 1, text: String($0.element), cells: [String($0.element)]) }
        return PerformanceStatements.find(lines)
    }

    struct Form: Sendable, CustomStringConvertible {
        var text: String
        var scope: PerformanceStatement.Scope?
        var count: Int? = nil
        /// Each figure's fund and fen.
        var figures: [(PerformanceStatement.Fund, Int64)] = []
        var description: String { String(text.prefix(30)) }
    }

    static let forms: [Form] = [
        // A heading, and the sentence wrapped over a blank line in the middle of a word.
        Form(text: "（三）绩效目标设置情况。2025 年项目支出均实行了绩效目\n\n标管理，涉及一般公共预算财政拨款 3,992.57万元。",
             scope: .every, figures: [(.gpb, 3992570000)]),
        Form(text: "2023年项目支出均实行了绩效\n目标管理，涉及一般公共预算当年财政拨款 1,748.28万元。", scope: .every, figures: [(.gpb, 1748280000)]),
        Form(text: "2024 年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 10246.82 万元，国有资本经营预算拨款 259 万元。",
             scope: .every, figures: [(.gpb, 10246820000), (.soeCapital, 259000000)]),
        // `其中，…` continues the sentence that says every project.
        Form(text: "2025 年部门整体及所有项目支出均实行了绩效目标管理。其中，项目支出绩效目标管理涉及一般公共预算财政拨款 270.26 万元、政府性基金预算财政拨款 0 万元。",
             scope: .every, figures: [(.gpb, 270260000), (.govFund, 0)]),
        Form(text: "2025年度，本单位编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元。", scope: .reported, count: 12, figures: [(.whole, 4222510000)]),
        // The first clause is the targets'; the next ones (跟踪评价, 自评) are not.
        Form(text: "编\n报绩效目标的 2024 年度项目 1 个，涉及预算金额 175.52 万元；绩\n效跟踪评价的 2024 年度项目 1 个，涉及预算金额 170.00 万元。",
             scope: .reported, count: 1, figures: [(.whole, 175520000)]),
        Form(text: "2019年本部门共 0 个项目实行绩效目标管理。", scope: .reported, count: 0),
        // 财政拨款 not named by fund.
        Form(text: "2025年项目支出均实行了绩效目标管理，涉及财政拨款资金 80.00 万元。", scope: .every, figures: [(.fiscal, 80_000_000)]),
        // In 元 as well as in 万元.
        Form(text: "本单位编报绩效目标的项目共3个，涉及项目预算资金2,620,000元。", scope: .reported, count: 3, figures: [(.whole, 262_000_000)]),
        Form(text: "其中：重点项目绩效目标涉及资金 100.00 万元。", scope: .part, figures: [(.whole, 100000000)]),
        // A figure the clause does not reach is not its figure.
        Form(text: "编报绩效目标的2024年度项目4个，涉及预算金额\n“优”的项目4个；598.42万元。", scope: .reported, count: 4),
        // Titles of the tables, and pointers to them, state nothing.
        Form(text: "2025年区级重点专项绩效目标表（一级项目）\n详见单位的项目绩效目标表", scope: nil),
        Form(text: "部门整体支出情况良好。", scope: nil),
    ]

    @Test(arguments: forms)
    func sentenceForms(_ form: Form) {
        let found = Self.read(form.text)
        guard let scope = form.scope else {
            #expect(found.isEmpty, "\(found)")
            return
        }
        #expect(found.count == 1, "\(found)")
        guard let s = found.first else { return }
        #expect(s.scope == scope)
        #expect(s.count == form.count)
        #expect(s.figures.map(\.fund) == form.figures.map(\.0))
        #expect(s.figures.map(\.amount.fen) == form.figures.map(\.1))
    }

    /// The parts a `其中：` sentence lists after the statement, each a name and a figure.
    @Test func thePartsListedAfterAStatementAreRead() {
        let text = "2025年度，本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万\n元 ， 财 政 业 务 费 10.00 万 元 ， 信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。"
        let found = Self.read(text)
        #expect(found.count == 1)
        #expect(found.first?.parts.map(\.name) == ["中介机构服务费", "财政业务费", "信息化系统日常维护费", "援滇干部工作经费"])
        #expect(found.first?.parts.map(\.amount.fen) == [418_800_000, 10_000_000, 166_660_000, 3_000_000])
        #expect(found.first?.parts.map(\.line) == [1, 2, 2, 2])
        // A 其中 that is not a list of parts is none.
        #expect(Self.read("编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中主要用于财政业务。").first?.parts == [])
    }

    // MARK: - the rule on line items and a report

    static func statement(_ scope: PerformanceStatement.Scope, _ figures: [(PerformanceStatement.Fund, String)], count: Int? = nil, line: Int = 90) -> PerformanceStatement {
        PerformanceStatement(scope: scope, count: count,
                             figures: figures.map { .init(fund: $0.0, amount: try! Amount.parse($0.1, unit: .wan).get(), line: line) },
                             text: "绩效目标…", line: line)
    }

    static func run(_ items: [LineItem], _ statements: [PerformanceStatement]) -> [Finding] {
        var report = AuditRulesTests.report()
        report.performance = statements
        return AuditRulesTests.run(items, ["performance"], report: report)
    }

    /// 项目支出 of 100.00, of which 80.00 is 一般公共预算 (20.00 is 事业收入).
    static let tables = [
        I.item("", "100.00", column: .project, line: 10), I.item("", "80.00", column: .project, table: .gpbExpenditure, line: 20),
        I.item("", "20.00", column: .business, table: .income, line: 30),
    ]

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var statement: PerformanceStatement
        var severities: [Finding.Severity]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "every project, 一般公共预算, equal", statement: statement(.every, [(.gpb, "80.00")]), severities: []),
        Case(name: "every project, 一般公共预算, other funds 0", statement: statement(.every, [(.gpb, "80.00"), (.govFund, "0")]), severities: []),
        Case(name: "every project, 一般公共预算, less", statement: statement(.every, [(.gpb, "70.00")]), severities: [.material]),
        Case(name: "every project, 一般公共预算, a cent off", statement: statement(.every, [(.gpb, "80.01")]), severities: [.rounding]),
        Case(name: "every project, all money, equal", statement: statement(.every, [(.whole, "100.00")]), severities: []),
        Case(name: "every project, all money, more", statement: statement(.every, [(.whole, "120.00")]), severities: [.material]),
        // Two funds named: held to the expenditure table, the rest explained by the 事业收入.
        Case(name: "every project, two funds, rest is other money", statement: statement(.every, [(.gpb, "80.00"), (.soeCapital, "0.00")]), severities: []),
        Case(name: "every project, two funds named, less by other money", statement: statement(.every, [(.gpb, "75.00"), (.soeCapital, "5.00")]),
             severities: [.explained, .material]),
        // 财政拨款: held to all of 项目支出, the rest explained by the 事业收入.
        Case(name: "every project, 财政拨款, less by other money", statement: statement(.every, [(.fiscal, "80.00")]), severities: [.explained]),
        Case(name: "reported, less", statement: statement(.reported, [(.whole, "90.00")], count: 3), severities: []),
        Case(name: "reported, more", statement: statement(.reported, [(.whole, "130.00")], count: 3), severities: [.material]),
        Case(name: "part, more than 一般公共预算", statement: statement(.part, [(.gpb, "90.00")]), severities: [.material]),
        Case(name: "part, less", statement: statement(.part, [(.gpb, "10.00")]), severities: []),
    ]

    @Test(arguments: cases)
    func statementsAgainstProjectSpending(_ c: Case) {
        let found = Self.run(Self.tables, [c.statement])
        #expect(found.map(\.severity).sorted() == c.severities.sorted(), "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.rule == "performance" && $0.lines.contains(90) })
    }

    @Test func aDifferenceTheDocumentAccountsForCitesIt() {
        let found = Self.run(Self.tables, [Self.statement(.every, [(.gpb, "75.00"), (.soeCapital, "5.00")])])
        let explained = found.first { $0.severity == .explained }
        #expect(explained?.table == .expenditure && explained?.diff == Amount(fen: -20_000_000))
        #expect(explained?.message.contains("其他资金") == true && explained?.lines.contains(30) == true, "\(found.map(\.message))")
        // The 一般公共预算 part, 75.00 of 80.00, is not all of it: material.
        #expect(found.first { $0.severity == .material }?.table == .gpbExpenditure)
    }

    @Test func thePartsAddToTheStatementsMoney() {
        func parts(_ amounts: [String], count: Int?) -> PerformanceStatement {
            var s = Self.statement(.reported, [(.whole, "90.00")], count: count)
            s.parts = amounts.enumerated().map { .init(name: "项目\($0.offset)", amount: try! Amount.parse($0.element, unit: .wan).get(), line: 91) }
            return s
        }
        #expect(Self.run(Self.tables, [parts(["50.00", "40.00"], count: 2)]).isEmpty)
        // Fewer parts than projects: at most the money.
        #expect(Self.run(Self.tables, [parts(["50.00"], count: 2)]).isEmpty)
        let short = Self.run(Self.tables, [parts(["50.00", "30.00"], count: 2)])
        #expect(short.map(\.severity) == [.material] && short.first?.lines == [91, 90] && short.first?.message.contains("but its total 90.00") == true)
        let over = Self.run(Self.tables, [parts(["50.00", "50.00"], count: 3)])
        #expect(over.map(\.severity) == [.material] && over.first?.message.contains("more than its total") == true)
    }

    /// 部门整体支出和项目支出均实行…: the money stated is the whole department's.
    @Test func theWholeDepartmentsMoneyIsExplainedByTheSentence() {
        var s = Self.statement(.every, [(.gpb, "120.00")])
        let whole = Self.tables + [I.item("", "120.00", table: .gpbExpenditure, line: 20)]
        #expect(Self.run(whole, [s]).map(\.severity) == [.material])
        s.wholeDepartment = true
        let found = Self.run(whole, [s])
        #expect(found.map(\.severity) == [.explained] && found.first?.message.contains("整体支出") == true, "\(found.map(\.message))")
    }

    @Test func aFinalAccountsBudgetAboveWhatWasSpentCannotBeJudged() {
        let final = Self.tables.map { AuditRulesTests.phased($0, .final) }
        let found = Self.run(final, [Self.statement(.reported, [(.whole, "130.00")])])
        #expect(found.map(\.severity) == [.insufficient])
        #expect(found.first?.message.contains("决算") == true)
        #expect(Self.run(final, [Self.statement(.reported, [(.whole, "90.00")])]).isEmpty)
    }

    @Test func withoutProjectSpendingOrFiguresItIsInsufficientNeverAPass() {
        // A statement and no 项目支出 to hold it to.
        let noTables = [I.item("", "100.00", line: 10)]
        #expect(Self.run(noTables, [Self.statement(.every, [(.gpb, "80.00")])]).map(\.severity) == [.insufficient])
        // Targets spoken of without money.
        let words = Self.run(Self.tables, [Self.statement(.reported, [], count: 0)])
        #expect(words.map(\.severity) == [.insufficient] && words.first?.lines == [90])
        // Nothing said, nothing printed, and 项目支出 to account for.
        let silent = Self.run(Self.tables, [])
        #expect(silent.map(\.severity) == [.insufficient] && silent.first?.lines == [10])
        // No project money: nothing to hold.
        #expect(Self.run([I.item("", "100.00", line: 10), I.item("", "0.00", column: .project, line: 10)], []).isEmpty)
    }

    // MARK: - the performance tables

    static func project(_ code: String, _ name: String, _ amount: String, line: Int) -> LineItem {
        I.item(code, amount, table: .projects, name: name, line: line)
    }

    static let projects = [project("P1", "甲项目", "30.00", line: 100), project("P2", "乙项目", "40.00", line: 110),
                           project("P1", "甲项目", "30.00", line: 120)]

    @Test func theTablesAddToAtMostProjectSpending() {
        // A project printed twice is one project: 70.00.
        #expect(Self.run(Self.tables + Self.projects, []).isEmpty)
        let more = Self.tables + Self.projects + [Self.project("P3", "丙项目", "40.00", line: 130)]
        let found = Self.run(more, [])
        #expect(found.map(\.severity) == [.material] && found.first?.table == .projects)
        #expect(found.first?.actual == Amount(fen: 110_000_000) && found.first?.lines == [100, 10])
        #expect(found.first?.message.contains("3 projects add to 110.00, more than expenditure 合计 project 100.00") == true)
        // No 项目支出 at all.
        #expect(Self.run([I.item("", "100.00", line: 10)] + Self.projects, []).map(\.severity) == [.insufficient])
    }

    @Test func theTablesAgainstTheTextsMoneyForTheirProjects() {
        // As many projects as the text counts: their money is the text's.
        let same = Self.run(Self.tables + Self.projects, [Self.statement(.reported, [(.whole, "75.00")], count: 2)])
        #expect(same.map(\.severity) == [.material] && same.first?.table == .projects, "\(same.map(\.message))")
        #expect(Self.run(Self.tables + Self.projects, [Self.statement(.reported, [(.whole, "70.00")], count: 2)]).isEmpty)
        // Fewer printed than it counts: at most its money.
        #expect(Self.run(Self.tables + Self.projects, [Self.statement(.reported, [(.whole, "90.00")], count: 5)]).isEmpty)
        let over = Self.run(Self.tables + Self.projects, [Self.statement(.reported, [(.whole, "60.00")], count: 5)])
        #expect(over.map(\.severity) == [.material] && over.first?.message.contains("more than the text's") == true)
        // 一般公共预算 money only, where the department has other money: the tables may print its projects too.
        let other = Self.tables + Self.projects + [Self.project("P3", "丙项目", "20.00", line: 130)]
        #expect(Self.run(other, [Self.statement(.every, [(.gpb, "80.00")])]).isEmpty)
        let allGeneral = other.map { $0.table == .gpbExpenditure ? I.item("", "100.00", column: .project, table: .gpbExpenditure, line: 20) : $0 }
        #expect(Self.run(allGeneral, [Self.statement(.reported, [(.gpb, "80.00")])]).map(\.severity) == [.material])
        // Some projects only (重点项目): the tables may print others.
        #expect(Self.run(Self.tables + Self.projects, [Self.statement(.part, [(.whole, "60.00")])]).isEmpty)
    }

    // MARK: - a document stating its targets after its tables

    static let document = """
        2025年某某局部门预算
        一、收支总体情况
        收入预算：100.00万元。
        2025年部门支出总表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \t合计\t100.00\t40.00\t60.00
        201\t一般公共服务支出\t100.00\t40.00\t60.00
        20101\t人大事务\t100.00\t40.00\t60.00
        2010101\t行政运行\t40.00\t40.00\t
        2010102\t一般行政管理事务\t60.00\t\t60.00
        2025年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \t合计\t100.00\t40.00\t60.00
        201\t一般公共服务支出\t100.00\t40.00\t60.00
        20101\t人大事务\t100.00\t40.00\t60.00
        2010101\t行政运行\t40.00\t40.00\t
        2010102\t一般行政管理事务\t60.00\t\t60.00
        四、绩效目标设置情况
        2025年度，本单位编报绩效目标的项目共2个，涉及项目预算资金75.00万元。
        """

    @Test func aStatementAfterTheTablesIsReadAndHeldToTheirProjectSpending() throws {
        let result = try DocumentImporter.read(Self.document, path: "after-tables.txt")
        let statements = result.report.performance
        #expect(statements.count == 1 && statements.first?.line == 21 && statements.first?.count == 2)
        // The text's line items are what they were: the statement is not one of them.
        #expect(!result.items.contains { $0.table == .narrative && $0.amount == Amount(fen: 75_000_000) })
        let found = AuditRulesTests.run(result.items, ["performance"], report: result.report)
        #expect(found.map(\.severity) == [.material], "\(found.map(\.message))")
        #expect(found.first?.expected == Amount(fen: 60_000_000) && found.first?.actual == Amount(fen: 75_000_000))
        #expect(found.first?.lines == [21, 7])
        let within = Self.document.replacingOccurrences(of: "75.00万元", with: "60.00万元")
        let fine = try DocumentImporter.read(within, path: "after-tables.txt")
        #expect(AuditRulesTests.run(fine.items, ["performance"], report: fine.report).isEmpty)
    }

    // MARK: - the seeds and the corpus

    static func audit(_ paths: [String]) -> [[String: String]] { AuditCorpusTests.audit(paths, "performance").rows }

    static func statements(_ path: String) throws -> [PerformanceStatement] {
        try #require(try InputFile.read(path: path).report).performance
    }

    @Test func theSeedsStatementsAgreeWithTheirProjectSpending() throws {
        let paths = SeedImportTests.names.map(AuditCorpusTests.seed)
        #expect(Self.audit(paths).isEmpty, "\(Self.audit(paths).map { $0["message"] ?? "" })")
        // 南岸2024 states both funds it has, and they are its 项目支出.
        let nanAn = try Self.statements(AuditCorpusTests.seed("002")).filter { !$0.figures.isEmpty }
        #expect(nanAn.count == 1 && nanAn.first?.scope == .every)
        #expect(nanAn.first?.figures.map(\.amount.fen) == [10_246_820_000, 259_000_000])
        let beibei = try Self.statements(AuditCorpusTests.seed("000")).filter { !$0.figures.isEmpty }
        #expect(beibei.map { $0.figures.map(\.amount.fen) } == [[3_992_570_000]])
    }

    @Test func theCorpusTextsStatementsAfterTheirTables() throws {
        let city = try Self.statements(AuditCorpusTests.text("sh_city_fin_2025_unit")).filter { !$0.figures.isEmpty }
        #expect(city.count == 1 && city.first?.count == 12 && city.first?.scope == .reported && city.first?.line == 326)
        #expect(city.first?.figures.map(\.amount.fen) == [4_222_510_000])
        let welfare = try Self.statements(AuditCorpusTests.text("sh_putuo_welfare_2024_unit")).filter { !$0.figures.isEmpty }
        #expect(welfare.first?.figures.map(\.amount.fen) == [262_000_000] && welfare.first?.line == 362)
        // Its four projects are listed after it, and add to it.
        for path in [AuditCorpusTests.text("sh_putuo_fin_2025_dept"), AuditCorpusTests.pdf("sh_putuo_fin_2025_dept")] {
            let district = try Self.statements(path).filter { !$0.figures.isEmpty }
            #expect(district.count == 1 && district.first?.count == 4 && district.first?.figures.map(\.amount.fen) == [598_460_000], "\(path)")
            #expect(district.first?.parts.map(\.amount.fen).reduce(0, +) == 598_460_000 && district.first?.parts.count == 4, "\(path)")
        }
        let shgz = try Self.statements(AuditCorpusTests.text("sh_putuo_shgz_2024_final")).filter { !$0.figures.isEmpty }
        #expect(shgz.first?.figures.map(\.amount.fen) == [175_520_000] && shgz.first?.count == 1)
    }

    @Test func theCorpusFindingsAreNamedAndNoneIsMaterial() {
        let texts = Self.audit(AuditCorpusTests.stems.map(AuditCorpusTests.text))
        #expect(!texts.contains { $0["severity"] == "material" }, "\(texts)")
        func one(_ doc: String) -> [String: String]? {
            let mine = texts.filter { $0["doc"] == doc }
            return mine.count == 1 ? mine[0] : nil
        }
        // Zero projects with targets, and no money: nothing to hold 4,335.30 to.
        #expect(one("js_procuratorate_2019_dept")?["severity"] == "insufficient")
        #expect(one("js_procuratorate_2019_dept")?["lines"] == "989")
        #expect(one("js_procuratorate_2019_dept")?["message"]?.contains("of 0 projects") == true)
        // Tables only: 项目支出 and no word of targets.
        #expect(one("js_cppcc_2019_tables")?["severity"] == "insufficient" && one("js_cppcc_2019_tables")?["lines"] == "62")
        // The layout text puts the amount on a line of its own before the sentence: not guessed at.
        #expect(one("sh_putuo_fin_2024_final")?["severity"] == "insufficient" && one("sh_putuo_fin_2024_final")?["lines"] == "667")
        for clean in ["sh_city_fin_2025_unit", "sh_putuo_fin_2025_dept", "sh_putuo_welfare_2024_unit", "sh_putuo_shgz_2024_final"] {
            #expect(!texts.contains { $0["doc"] == clean }, "\(clean)")
        }
    }

    @Test func theCorpusPDFsFindingsCarryTheirPages() {
        let pdfs = Self.audit(AuditCorpusTests.stems.map(AuditCorpusTests.pdf))
        #expect(!pdfs.contains { $0["severity"] == "material" }, "\(pdfs)")
        #expect(pdfs.allSatisfy { !($0["page"] ?? "").isEmpty && !($0["lines"] ?? "").isEmpty }, "\(pdfs)")
        #expect(pdfs.contains { $0["doc"] == "js_procuratorate_2019_dept" && $0["page"] == "32" })
    }
}
