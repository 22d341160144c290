import Testing
@testable import TallyCore

/// The `explained` and `insufficient` severities and the fiscal, complete and procurement
/// rules, on small hand-made documents with an import report: where each must fire, where
/// the document accounts for the difference, and where it must stay silent.
struct AuditRulesTests {
    typealias I = Fixtures

    static func run(_ items: [LineItem], _ rules: [String], report: ImportReport? = nil) -> [Finding] {
        var builder = StoreBuilder()
        builder.append(contentsOf: items)
        let store = builder.build()
        var engine = AuditRules(store: store, scope: RowSet(rowCount: store.count, all: true), reports: report.map { [$0] } ?? [])
        engine.run(rules)
        return engine.findings
    }

    static func report(year: Int = 2025, tables: [ImportReport.TableEntry] = [], remarks: [Remark] = []) -> ImportReport {
        var r = ImportReport(doc: "d1", path: "d1.md", layout: "markdown", dept: "重庆市北碚区人力资源和社会保障局", year: year)
        r.tables = tables
        r.remarks = remarks
        return r
    }

    static func entry(_ table: TableID, line: Int, items: Int = 3, statement: String? = nil, title: String? = nil) -> ImportReport.TableEntry {
        ImportReport.TableEntry(table: table, title: title ?? "2025年" + (table.aliases.first ?? table.id), line: line, items: items,
                                emptyStatement: statement)
    }

    /// Every required table, printed with figures.
    static var allTables: [ImportReport.TableEntry] {
        Vocabulary.requiredTables.enumerated().map { entry($1, line: 100 * ($0 + 1)) }
    }

    static func named(_ table: TableID, _ name: String, _ amount: String, _ column: ColumnID = .total, line: Int) -> LineItem {
        I.item("", amount, column: column, table: table, name: name, line: line)
    }

    // MARK: - explained: a classified item

    static let hidden = [I.item("208", "100.00", line: 2), I.item("20801", "60.00", line: 3), I.item("20805", "30.00", line: 4)]

    @Test func aClassifiedItemExplainsAParentLargerThanItsChildren() {
        #expect(Self.run(Self.hidden, ["tree"]).map(\.severity) == [.material])
        let note = Remark(line: 6, text: "说明：涉密项目依法不予公开。")
        let found = Self.run(Self.hidden, ["tree"], report: Self.report(remarks: [note]))
        #expect(found.count == 1)
        let f = try! #require(found.first)
        #expect(f.severity == .explained && f.diff == Amount(fen: 10_000_000))
        #expect(f.explanations == [Explanation(reason: "涉密", text: "说明：涉密项目依法不予公开。", line: 6)])
        #expect(f.lines.contains(6) && f.message.contains("涉密项目依法不予公开") && f.message.contains("(line 6)"))
        // Children adding past their parent hide nothing: that stays material.
        let over = [I.item("208", "80.00", line: 2), I.item("20801", "60.00", line: 3), I.item("20805", "30.00", line: 4)]
        #expect(Self.run(over, ["tree"], report: Self.report(remarks: [note])).map(\.severity) == [.material])
    }

    @Test func theNoteUnderItsOwnTableIsCited() {
        let items = Self.hidden + [I.item("208", "100.00", table: .gpbExpenditure, line: 20), I.item("20801", "60.00", table: .gpbExpenditure, line: 21),
                                   I.item("20805", "30.00", table: .gpbExpenditure, line: 22)]
        let notes = [Remark(line: 8, text: "说明：涉密项目依法不予公开。"), Remark(line: 25, text: "注：涉密项目依法不予公开。")]
        let found = Self.run(items, ["tree"], report: Self.report(remarks: notes))
        #expect(found.count == 2 && found.allSatisfy { $0.severity == .explained })
        #expect(found.first { $0.table == .expenditure }?.explanations.first?.line == 8)
        #expect(found.first { $0.table == .gpbExpenditure }?.explanations.first?.line == 25)
    }

    // MARK: - fiscal

    /// A 财政拨款收支总表 that states this year's 一般公共预算 apart from 20.00 carried over, and a
    /// summary that folds the carry-over into its 一般公共预算 (南岸2024's shape).
    static func carriedOver(withCarryover: Bool = true, spent: String = "135.00", gpbTable: String = "135.00") -> [LineItem] {
        var items = [
            named(.fiscalSummary, "一、本年收入", "115.00", line: 10), named(.fiscalSummary, "一、本年支出", "135.00", line: 10),
            named(.fiscalSummary, "一、本年支出", "135.00", .gpb, line: 10),
            named(.fiscalSummary, "一般公共预算资金", "115.00", line: 11), named(.fiscalSummary, "社会保障和就业支出", "135.00", line: 11),
            named(.fiscalSummary, "社会保障和就业支出", "135.00", .gpb, line: 11),
            named(.fiscalSummary, "收入合计", "135.00", line: 17), named(.fiscalSummary, "支出合计", spent, line: 17),
            named(.fiscalSummary, "支出合计", spent, .gpb, line: 17),
            named(.summary, "合计", "135.00", line: 30), named(.summary, "合计", "135.00", line: 30),
            named(.summary, "一般公共预算资金", "135.00", line: 31), named(.summary, "社会保障和就业支出", "135.00", line: 31),
            I.item("", gpbTable, table: .gpbExpenditure, line: 40),
        ]
        if withCarryover {
            items += [named(.fiscalSummary, "二、上年结转", "20.00", line: 13), named(.fiscalSummary, "一般公共预算拨款", "20.00", line: 14)]
        }
        return items
    }

    @Test func aGeneralBudgetIncomeStatedWithAndWithoutTheCarryoverIsExplained() {
        let found = Self.run(Self.carriedOver(), ["fiscal"])
        #expect(found.count == 1)
        let f = try! #require(found.first)
        #expect(f.rule == "fiscal" && f.severity == .explained && f.column == .gpb)
        #expect(f.actual == Amount(fen: 115_000_000) && f.expected == Amount(fen: 135_000_000))
        #expect(f.explanations.first?.reason == "上年结转" && f.explanations.first?.line == 14)
        #expect(f.message.contains("上年结转 › 一般公共预算拨款 20.00"))
    }

    @Test func withoutItsCarryoverTheSameFiguresAreMaterial() {
        let found = Self.run(Self.carriedOver(withCarryover: false), ["fiscal"])
        #expect(found.contains { $0.severity == .material && $0.column == .gpb && $0.diff == Amount(fen: -20_000_000) })
        // 收入合计 135.00 is not 本年收入 115.00 with nothing carried over.
        #expect(found.contains { $0.severity == .material && $0.message.contains("本年收入") && $0.expected == Amount(fen: 115_000_000) })
    }

    @Test func theTotalsMustBalanceAndItsFundsMatchTheirTables() {
        let unbalanced = Self.run(Self.carriedOver(spent: "130.00"), ["fiscal"])
        #expect(unbalanced.contains { $0.severity == .material && $0.message.contains("收入合计 135.00 but 支出合计 130.00") })
        let gpb = Self.run(Self.carriedOver(gpbTable: "134.00"), ["fiscal"])
        #expect(gpb.contains { $0.severity == .material && $0.column == .gpb && $0.message.contains("gpb_expenditure 合计 134.00") })
        let none = Self.run([I.item("", "1.00")], ["fiscal"])
        #expect(none.map(\.severity) == [.insufficient] && none[0].table == .fiscalSummary)
    }

    @Test func aFundWithMoneyAndNoTableIsInsufficientNeverAPass() {
        let items = Self.carriedOver() + [Self.named(.fiscalSummary, "一、本年支出", "9.00", .soeCapital, line: 10)]
        let found = Self.run(items, ["fiscal"])
        #expect(found.contains { $0.severity == .insufficient && $0.column == .soeCapital && $0.message.contains("no soe_capital table") })
    }

    @Test(arguments: [
        ("收入总计", TwoSidedTotals.Place.incomeGrand), ("收入合计", .incomeGrand), ("收入总数", .incomeGrand),
        ("本年收入合计", .incomeThisYear), ("当年收入小计", .incomeThisYear), ("上年结转", .carryover),
        ("年初财政拨款结转和结余", .carryover), ("年末财政拨款结转和结余", .carryForward), ("结转下年", .carryForward),
        ("用事业基金弥补收支差额", .fundBalance), ("一般公共预算拨款收入", .source(.gpb)), ("政府性基金预算资金", .source(.govFund)),
        ("国有资本经营预算拨款", .source(.soeCapital)), ("事业收入", .source(.nonFiscal)), ("其他资金", .source(.nonFiscal)),
        ("财政拨款收入", .source(.fiscal)), ("本年支出合计", .spendingThisYear), ("支出总计", .spendingGrand),
        ("社会保障和就业支出", .spending), ("国有资本经营预算支出", .spending), ("收入总计支出总计", .ambiguous),
        ("一般公共预算资金一、一般公共服务支出", .ambiguous), ("政府性基金二、社会保障和就业支出", .ambiguous), ("单位预留机动经费", .other),
    ])
    func twoSidedRowsAreToldApartByName(_ name: String, _ place: TwoSidedTotals.Place) {
        #expect(TwoSidedTotals.place(of: name) == place)
    }

    @Test(arguments: [
        ("一、本年收入", "本年收入", 1), ("十九、住房保障支出", "住房保障支出", 1), ("1.一般公共预算", "一般公共预算", 2),
        ("1、一般公共预算资金", "一般公共预算资金", 2), ("（一）基本支出", "基本支出", 2), ("一般公共预算资金", "一般公共预算资金", 0),
    ])
    func numberingIsTakenOffWithItsLevel(_ name: String, _ plain: String, _ level: Int) {
        #expect(TwoSidedTotals.unnumbered(name) == (plain, level))
    }

    // MARK: - explained: money other than 一般公共预算

    @Test func otherFundsExplainTheBasicTableBelowTheExpenditureTable() {
        let items = [
            I.item("", "13377.11", line: 53), I.item("", "6522.75", column: .basic, line: 53),
            I.item("", "13297.11", table: .gpbExpenditure, line: 120), I.item("", "6442.75", table: .basicEcon, line: 141),
            I.item("", "13377.11", table: .income, line: 35), I.item("", "13297.11", column: .gpb, table: .income, line: 36),
            I.item("", "80.00", column: .other, table: .income, line: 45),
        ]
        let found = Self.run(items, ["tables"])
        #expect(!found.contains { $0.severity == .material })
        let basic = try! #require(found.first { $0.column == .basic })
        #expect(basic.severity == .explained && basic.explanations.first?.reason == "其他资金" && basic.explanations.first?.line == 45)
        #expect(found.contains { $0.column == .total && $0.severity == .explained && $0.message.contains("income 合计 other 80.00") })
    }

    /// A department with money besides its 财政拨款 (事业收入 40.00) and a carry-over that is not
    /// 财政拨款 either (35.12, the 财政拨款收支总表 carrying nothing): its summary's 总计 is the
    /// fiscal one's plus both (a 决算's 收入支出决算总表, whose 收入决算表 has no 上年结转 column).
    static func otherMoney(carried: String = "35.12") -> [LineItem] {
        let pairs: [(String, String, String, String, Int)] = [
            ("一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "175.12", 30), ("二、事业收入", "40.00", "", "", 31),
            ("本年收入合计", "140.00", "本年支出合计", "175.12", 35), ("年初结转和结余", carried, "年末结转和结余", "0.00", 36),
            ("总计", "175.12", "总计", "175.12", 38),
        ]
        var items: [LineItem] = []
        for (income, a, spending, b, line) in pairs {
            items.append(named(.summary, income, a, line: line))
            if !spending.isEmpty { items.append(named(.summary, spending, b, line: line)) }
        }
        items += [
            named(.fiscalSummary, "一、本年收入", "100.00", line: 10), named(.fiscalSummary, "一、本年支出", "100.00", line: 10),
            named(.fiscalSummary, "一般公共预算财政拨款", "100.00", line: 11), named(.fiscalSummary, "一般公共服务支出", "100.00", line: 11),
            named(.fiscalSummary, "一般公共服务支出", "100.00", .gpb, line: 11),
            named(.fiscalSummary, "收入总计", "100.00", line: 17), named(.fiscalSummary, "支出总计", "100.00", line: 17),
            named(.fiscalSummary, "支出总计", "100.00", .gpb, line: 17),
            I.item("", "100.00", table: .gpbExpenditure, line: 40),
            I.item("", "140.00", table: .income, line: 50), I.item("", "100.00", column: .gpb, table: .income, line: 50),
            I.item("", "40.00", column: .business, table: .income, line: 50),
        ]
        return items
    }

    @Test func otherMoneyAndACarryoverThatIsNotFiscalExplainTheSummaryBeyondTheFiscalTotal() {
        let found = Self.run(Self.otherMoney(), ["fiscal"]).filter { $0.table == .summary }
        #expect(found.map(\.severity) == [.explained], "\(found.map(\.message))")
        #expect(found.first?.diff == Amount(fen: 75_120_000))
        #expect(found.first?.message.contains("business 40.00 + 上年结转 not 财政拨款 35.12") == true)
        // A carry-over that does not make up the rest leaves it material.
        let off = Self.run(Self.otherMoney(carried: "30.00"), ["fiscal"]).filter { $0.table == .summary && $0.message.contains("fiscal_summary 收入总计") }
        #expect(off.map(\.severity) == [.material])
    }

    @Test func anIncomeTableWithNoCarryoverColumnIsNotHeldToTheSummarysCarryover() {
        #expect(!Self.run(Self.otherMoney(), ["tables"]).contains { $0.column == .carryover })
        // Printed, its 上年结转 is held to the summary's.
        let printed = Self.otherMoney() + [I.item("", "30.00", column: .carryover, table: .income, line: 50)]
        #expect(Self.run(printed, ["tables"]).contains { $0.column == .carryover && $0.severity == .material })
    }

    // MARK: - complete

    @Test func everyRequiredTableMustBeThere() {
        let found = Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: [Self.entry(.expenditure, line: 5)]))
        let missing = Set(found.filter { $0.severity == .material }.compactMap(\.table))
        #expect(missing == Set(Vocabulary.requiredTables).subtracting([.expenditure]))
        #expect(Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: Self.allTables)).isEmpty)
        // Line items without their import report: cannot be told, never a pass.
        #expect(Self.run([I.item("", "1.00")], ["complete"]).map(\.severity) == [.insufficient])
    }

    @Test func anEmptyTableWithItsStatementIsExplainedAndCitesIt() {
        var tables = Self.allTables.filter { $0.table != .govFund }
        tables.append(Self.entry(.govFund, line: 50, items: 0, statement: "备注：本部门无政府性基金收支，故此表无数据。"))
        let statement = Remark(line: 58, text: "备注：本部门无政府性基金收支，故此表无数据。")
        let found = Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: tables, remarks: [statement]))
        #expect(found.count == 1)
        #expect(found.first?.severity == .explained && found.first?.table == .govFund && found.first?.lines == [50, 58])
        #expect(found.first?.explanations.first?.text == "备注：本部门无政府性基金收支，故此表无数据。")
    }

    @Test func anEmptyTableWithoutAStatementIsMaterialUnlessTheTextSaysWhy() {
        var tables = Self.allTables.filter { $0.table != .govFund }
        tables.append(Self.entry(.govFund, line: 50, items: 0))
        let bare = Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: tables))
        #expect(bare.map(\.severity) == [.material] && bare.first?.table == .govFund)
        let said = Remark(line: 12, text: "本单位2025年无政府性基金预算财政拨款收入和安排的支出。")
        let explained = Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: tables, remarks: [said]))
        #expect(explained.map(\.severity) == [.explained] && explained.first?.explanations.first?.line == 12)
        // A fund named in a sentence that does not say there is none explains nothing.
        let unrelated = Remark(line: 12, text: "负责政府性基金管理，按照规定管理行政事业性收费，无偿提供服务。")
        #expect(Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: tables, remarks: [unrelated])).map(\.severity) == [.material])
    }

    @Test func anEmptyTableWhoseStatementNamesAnotherFundIsFlagged() {
        var tables = Self.allTables
        tables.append(Self.entry(.soeCapital, line: 60, items: 0, statement: "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"))
        let found = Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: tables))
        #expect(found.contains { $0.severity == .label && $0.table == .soeCapital && $0.message.contains("names 政府性基金, not 国有资本经营") })
        #expect(found.contains { $0.severity == .explained && $0.table == .soeCapital })
        var right = Self.allTables
        right.append(Self.entry(.soeCapital, line: 60, items: 0, statement: "注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"))
        #expect(!Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: right)).contains { $0.severity == .label })
    }

    @Test func templateTextAndAnotherYearInATitleAreFlagged() {
        var tables = Self.allTables
        tables[0].title = "2024年部门收支总表"
        let remarks = [Remark(line: 7, text: "本部门XX年部门预算收入待填写。")]
        let found = Self.run([I.item("", "1.00")], ["complete"], report: Self.report(tables: tables, remarks: remarks))
        #expect(found.contains { $0.severity == .label && $0.lines == [7] && $0.message.contains("template text left in (XX)") })
        #expect(found.contains { $0.severity == .label && $0.table == tables[0].table && $0.message.contains("names 2024") })
    }

    @Test func functionCodesReachTheXiangAndTheBasicTableTheKuan() {
        let items = [
            I.item("208", "60.00", line: 2), I.item("20801", "60.00", line: 3),  // a 款 with no 项
            I.item("210", "5.00", line: 4), I.item("21011", "5.00", line: 5), I.item("2101101", "5.00", line: 6),
            I.item("301", "8.00", table: .basicEcon, line: 10),  // a 类 with no 款
            I.item("302", "2.00", table: .basicEcon, line: 11), I.item("30201", "2.00", table: .basicEcon, line: 12),
        ]
        let found = Self.run(items, ["complete"], report: Self.report(tables: Self.allTables))
        #expect(found.count == 2 && found.allSatisfy { $0.severity == .material })
        #expect(found.contains { $0.table == .expenditure && $0.code == "20801" && $0.lines == [3] && $0.message.contains("项") })
        #expect(found.contains { $0.table == .basicEcon && $0.code == "301" && $0.lines == [10] && $0.message.contains("款") })
    }

    // MARK: - procurement

    static let procurement = [
        named(.procurement, "合计", "100.00", line: 1), named(.procurement, "一、货物A", "40.00", line: 2),
        named(.procurement, "三、服务C", "60.00", line: 3), named(.procurement, "会议服务分散自行组织", "60.00", line: 4),
    ]

    @Test func procurementTotalIsGoodsWorksAndServices() {
        #expect(Self.run(Self.procurement, ["procurement"]).isEmpty)
        var wrong = Self.procurement
        wrong[0] = Self.named(.procurement, "合计", "101.00", line: 1)
        let found = Self.run(wrong, ["procurement"])
        #expect(found.count == 1 && found[0].severity == .material && found[0].diff == Amount(fen: 1_000_000))
        #expect(found[0].message.contains("货物 + 服务"))
        let unsplit = [Self.procurement[0], Self.procurement[3]]
        #expect(Self.run(unsplit, ["procurement"]).map(\.severity) == [.insufficient])
    }

    @Test(arguments: [("一、货物A", "货物"), ("货物类", "货物"), ("服务", "服务"), ("二、工程B", "工程"), ("会议服务分散自行组织", nil),
                      ("货物和服务", nil)] as [(String, String?)])
    func procurementCategories(_ name: String, _ category: String?) {
        #expect(AuditRules.procurementCategory(TwoSidedTotals.unnumbered(name).0) == category)
    }

    // MARK: - rows and three_public

    @Test func aReserveIsAThirdPartOfTheTotalWherePrinted() {
        let row = [I.item("", "100.00"), I.item("", "50.00", column: .basic), I.item("", "30.00", column: .project), I.item("", "20.00", column: .reserve)]
        #expect(Self.run(row, ["rows"]).isEmpty)
        let found = Self.run(Array(row.dropLast()), ["rows"])
        #expect(found.map(\.severity) == [.material] && found[0].message.contains("basic + project ="))
    }

    @Test func aBasicCodeNamedForSomethingElseIsNotTheThreePublicItem() {
        let table = [I.item("", "6.40", table: .threePublic), I.item("", "6.40", column: .vehicleOperation, table: .threePublic)]
        let renumbered = table + [I.item("30212", "0.70", table: .basicEcon, name: "机关事业单位退休人员活动费")]
        #expect(Self.run(renumbered, ["three_public"]).isEmpty)
        let overseas = table + [I.item("30212", "0.70", table: .basicEcon, name: "因公出国（境）费用")]
        #expect(Self.run(overseas, ["three_public"]).map(\.severity) == [.material])
    }

    /// Sums past Int64 are left unjudged or material, never wrapped into a false agreement.
    @Test func hugeFiguresNeverWrapOrTrap() {
        let big = "9000000000000.00"
        let items = [
            Self.named(.fiscalSummary, "一、本年收入", big, line: 1), Self.named(.fiscalSummary, "一般公共预算资金", big, line: 2),
            Self.named(.fiscalSummary, "国有资本经营预算资金", big, line: 3), Self.named(.fiscalSummary, "二、上年结转", big, line: 4),
            Self.named(.fiscalSummary, "收入合计", big, line: 5), Self.named(.fiscalSummary, "支出合计", big, line: 5),
            Self.named(.procurement, "合计", big, line: 6), Self.named(.procurement, "货物", big, line: 7), Self.named(.procurement, "服务", big, line: 8),
            I.item("", "-9000000000000.00", table: .gpbExpenditure, line: 9),
        ]
        let found = Self.run(items, AuditRules.all, report: Self.report(tables: Self.allTables))
        #expect(!found.contains { $0.severity == .rounding })
        #expect(found.contains { $0.rule == "fiscal" && $0.severity == .material })
    }

    // MARK: - 决算, told by the phase of its figures

    static func phased(_ item: LineItem, _ phase: Phase) -> LineItem {
        var i = item
        i.phase = phase
        return i
    }

    @Test func finalAccountsAreToldByThePhaseOfTheirFiguresNotByTitles() {
        // Income exceeds spending by what was kept: a finding in a budget, none in a 决算.
        let items = [I.item("", "100.00"), I.item("", "106.20", table: .income)]
        let gap = { (found: [Finding]) in found.contains { $0.rule == "tables" && $0.message.contains("income 合计") } }
        #expect(gap(Self.run(items, ["tables"])))
        let final = items.map { Self.phased($0, .final) }
        // Its report's titles say nothing of 决算: the figures do.
        #expect(!gap(Self.run(final, ["tables"], report: Self.report(tables: Self.allTables))))
        // A 预算数 column beside the 决算数 is not the document's own figure: income and
        // expenditure agree in their 决算数 and the budget figures are left aside.
        let withBudget = [Self.phased(I.item("", "100.00"), .final), Self.phased(I.item("", "90.00"), .budget),
                          Self.phased(I.item("", "100.00", table: .income), .final)]
        #expect(Self.run(withBudget, ["tables"]).allSatisfy { $0.severity != .material })
        // On one printed line a 预算数 and a 决算数 are two rows of figures, each added up alone.
        let rows = [Self.phased(I.item("201", "10.00", line: 5), .budget), Self.phased(I.item("201", "4.00", column: .basic, line: 5), .budget),
                    Self.phased(I.item("201", "6.00", column: .project, line: 5), .budget),
                    Self.phased(I.item("201", "12.00", line: 5), .final), Self.phased(I.item("201", "12.00", column: .basic, line: 5), .final)]
        #expect(Self.run(rows, ["rows"]).isEmpty)
    }

    // MARK: - remarks the importer keeps

    @Test(arguments: [
        ("说明：涉密项目依法不予公开。", true), ("注：本表无数据", true), ("收入较去年增加2419.47万元，主要是上年结转2166.57万元。", true),
        ("二、上年结转 2,166.57", false), ("2025年无政府性基金预算财政拨款收入和安排的支出。", true),
        ("（二）政府性基金预算财政拨款收支。", false), ("本部门XX年预算", true), ("XXL号", false), ("部门预算公开联系人：余紫荆", false),
    ])
    func remarksAreKeptForWhatTheyMaySay(_ line: String, _ kept: Bool) {
        #expect(DocumentRemarks.find([(1, line)]).isEmpty != kept)
    }

    @Test func aRemarkRunsOnIntoTheNextLineWhenItsSentenceDoes() {
        let found = DocumentRemarks.find([(4, "本单位无政府性"), (5, "基金预算收支，故本表无数据。"), (6, "下一段")])
        #expect(found.first == Remark(line: 4, text: "本单位无政府性基金预算收支，故本表无数据。"))
    }

    @Test(arguments: [("XX区", "XX"), ("XXL", nil), ("2025XX", nil), ("××局", "××"), ("{单位}预算", "{单位}"), ("请待填写", "待填写"),
                      ("2025年预算", nil)] as [(String, String?)])
    func templateText(_ text: String, _ found: String?) {
        #expect(DocumentRemarks.templateText(in: text) == found)
    }
}

/// The expenditure table's 合计 against the general public budget's: they differ by the money
/// that is not this year's 一般公共预算 — the other funds and what is spent from 上年结转.
struct OtherFundsTests {
    typealias I = Fixtures

    static func items(carryover: String) -> [LineItem] {
        [
            I.item("", "5478.83", table: .income, name: "合计", line: 10), I.item("", "5226.64", column: .gpb, table: .income, name: "合计", line: 10),
            I.item("", "207.19", column: .govFund, table: .income, name: "合计", line: 10),
            I.item("", carryover, column: .carryover, table: .income, name: "合计", line: 10),
            I.item("", "5478.83", table: .expenditure, name: "合计", line: 20), I.item("", "5226.64", table: .gpbExpenditure, name: "合计", line: 30),
        ]
    }

    @Test func theCarryOverWithTheOtherFundsExplainsTheGap() {
        let found = AuditRulesTests.run(Self.items(carryover: "45.00"), ["tables"]).filter { $0.table == .expenditure && $0.code.isEmpty }
        #expect(found.count == 1 && found[0].severity == .explained, "\(found.map(\.message))")
        #expect(found.first?.explanations.first?.text == "income 合计 gov_fund 207.19 + carryover 45.00")
        // A carry-over that does not make up the gap explains nothing.
        let other = AuditRulesTests.run(Self.items(carryover: "40.00"), ["tables"]).filter { $0.table == .expenditure && $0.code.isEmpty }
        #expect(other.map(\.severity) == [.material])
    }
}

/// A summary whose 总计 holds a 年初结转和结余 beyond the fiscal summary's (money carried over
/// that is not 财政拨款), with no other money coming in: that carry-over explains the gap.
struct NonFiscalCarryoverTests {
    static func items(carried: String) -> [LineItem] {
        func named(_ table: TableID, _ name: String, _ amount: String, _ column: ColumnID, _ line: Int) -> LineItem {
            AuditRulesTests.named(table, name, amount, column, line: line)
        }
        return [
            named(.fiscalSummary, "一、一般公共预算财政拨款", "100.00", .total, 10), named(.fiscalSummary, "一、社会保障和就业支出", "100.00", .total, 10),
            named(.fiscalSummary, "收入总计", "100.00", .total, 17), named(.fiscalSummary, "支出总计", "100.00", .total, 17),
            named(.summary, "一、一般公共预算财政拨款收入", "100.00", .total, 30), named(.summary, "一、社会保障和就业支出", "100.00", .total, 30),
            named(.summary, "本年收入合计", "100.00", .total, 35), named(.summary, "本年支出合计", "100.00", .total, 35),
            named(.summary, "年初结转和结余", carried, .total, 36), named(.summary, "年末结转和结余", carried, .total, 36),
            named(.summary, "总计", "100.12", .total, 37), named(.summary, "总计", "100.12", .total, 37),
        ]
    }

    @Test func theCarryoverExplainsTheSummarysTotal() {
        let found = AuditRulesTests.run(Self.items(carried: "0.12"), ["fiscal"]).filter { $0.table == .summary && $0.column == .total }
        #expect(found.map(\.severity) == [.explained], "\(found.map(\.message))")
        #expect(found.first?.explanations.first?.text == "上年结转 not 财政拨款 0.12")
        let other = AuditRulesTests.run(Self.items(carried: "0.10"), ["fiscal"]).filter { $0.table == .summary && $0.column == .total }
        #expect(other.contains { $0.severity == .material }, "\(other.map(\.message))")
    }
}
