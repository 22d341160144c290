import Foundation
import Testing
@testable import TallyCore

/// The `execution` rule (issue 16 item 3): each 决算 against its 预算, on the corpus's two 决算
/// and on line items made for the purpose.
struct ExecutionRuleTests {
    static func audit(_ paths: [String]) -> [[String: String]] {
        AuditCorpusTests.audit(paths, "execution").rows
    }

    static let fin = AuditCorpusTests.pdf("sh_putuo_fin_2024_final")
    static let shgz = AuditCorpusTests.pdf("sh_putuo_shgz_2024_final")

    // MARK: - the text's statements, read at import

    static func statements(_ path: String) throws -> ExecutionText {
        try #require(try InputFile.read(path: path).report).execution
    }

    @Test func theFinanceBureausStatementsAreRead() throws {
        let found = try Self.statements(Self.fin)
        // The whole appropriation, its eleven 项, and the 三公 (9 and 11 with their PDF lines
        // put back in reading order).
        #expect(found.statements.count == 16, "\(found.statements.map(\.named))")
        let ninth = found.statements.first { $0.named == "行政单位医疗" }
        #expect(ninth?.budget?.amount == Amount(fen: 62_290_000) && ninth?.final.amount == Amount(fen: 60_990_000))
        let eleventh = found.statements.first { $0.named == "购房补贴" }
        #expect(eleventh?.budget?.amount == Amount(fen: 258_500_000) && eleventh?.reason?.direction == .level)
        let total = try #require(found.statements.first)
        #expect(total.subject == .generalBudget(.total))
        #expect(total.budget?.amount == Amount(fen: 2_993_920_000) && total.final.amount == Amount(fen: 2_940_050_000))
        #expect(total.rate?.digits == 9820 && total.rate?.decimals == 2 && total.rate?.base == .budget)
        #expect(total.reason?.direction == .below && total.reason?.text.hasPrefix("决算数小于预算数的主要原因：因年度工作计划安排") == true)
        let first = found.statements[1]
        #expect(first.subject == .function(["一般公共服务支出", "财政事务", "行政运行"]))
        #expect(first.budget?.amount == Amount(fen: 1_560_050_000) && first.final.amount == Amount(fen: 1_511_890_000))
        #expect(found.statements[2].reason?.direction == .level)  // 决算数与预算数基本持平
        // The 三公 total, then its three parts, each with its 决算 and rate alone.
        #expect(found.statements.suffix(4).map(\.subject) == [.threePublic, .threePublicPart(.overseas), .threePublicPart(.vehicle), .threePublicPart(.reception)])
        #expect(found.statements.suffix(3).allSatisfy { $0.final.amount.fen == 0 && $0.rate?.digits == 0 && $0.budget == nil })
        #expect(found.threshold == nil)
    }

    @Test func theFinanceBureausRatesAndFiguresCheckOut() {
        let rows = Self.audit([Self.fin])
        // 98.20% = 2940.05 / 2993.92; every stated 决算 equals its 项 in the table; every 项 is
        // within 10% of its 年初预算: the only findings are the 三公 table's 预算数 0.95 against
        // a blank 决算数, explained by the text's reason.
        #expect(rows.count == 2, "\(rows.map { $0["message"] ?? "" })")
        for row in rows {
            #expect(row["severity"] == "explained" && row["table"] == "three_public")
            #expect(row["expected"] == "0.95" && row["actual"] == "0.00")
            #expect(row["message"]?.contains("当年度无“三公”经费支出") == true)
        }
        #expect(Set(rows.compactMap { $0["column"] }) == ["total", "reception"])
        // It cites the reason's line, on the text's page.
        let reasonLine = rows.first?["lines"]?.split(separator: ",").last.map(String.init) ?? ""
        #expect(rows.first?["message"]?.contains("(line \(reasonLine))") == true)
    }

    @Test func theSocialWorkDepartmentsItemsBeyondTenPercentAreExplained() {
        let rows = Self.audit([Self.shgz])
        let explained = rows.filter { $0["severity"] == "explained" }
        // 事业运行 17.68 → 11.31, 基本养老 9.00 → 6.18, 职业年金 5.74 → 4.64, 事业单位医疗 2.29 → 0.49,
        // matched to their codes by name (the gpb table's names are read from the expenditure table).
        #expect(Set(explained.compactMap { $0["code"] }) == ["2013950", "2080505", "2080506", "2101102"], "\(rows)")
        for row in explained {
            #expect(row["message"]?.contains("单位2024年新成立") == true)
            let reasonLine = row["lines"]?.split(separator: ",").last.map(String.init) ?? ""
            #expect(row["message"]?.contains("(line \(reasonLine))") == true)
        }
        // 完成年初预算的95.89% is 307.82 of its 全年预算 321.02: its 年初预算 is 0.
        let rate = rows.filter { $0["severity"] == "label" }
        #expect(rate.count == 1 && rate.first?["message"]?.contains("全年预算 321.02") == true)
        #expect(!rows.contains { $0["severity"] == "material" || $0["severity"] == "insufficient" })
    }

    // MARK: - sentence forms

    static func read(_ text: String) -> ExecutionText {
        let lines = text.split(separator: "\n").enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element), cells: [String($0.element)]) }
        return ExecutionStatements.find(lines)
    }

    struct Form: Sendable, CustomStringConvertible {
        var text: String
        var budget: Int64? = nil
        var adjusted: Int64? = nil
        var final: Int64
        var rate: Int64? = nil
        /// The reason's direction (nil inside: a reason that says none); nil: no reason.
        var direction: ExecutionStatement.Reason.Direction?? = nil
        var description: String { text }
    }

    static let forms: [Form] = [
        Form(text: "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：项目调减。",
             budget: 2_993_920_000, final: 2_940_050_000, rate: 9820, direction: .below),
        Form(text: "年初预算为 0 万元，全年预算为\n321.02 万元，支出决算为 307.82 万元，完成全年预算数的 95.89%。",
             budget: 0, adjusted: 321_020_000, final: 307_820_000, rate: 9589),
        Form(text: "年初预算为 10.00 万元，支出决算为10.00万元。\n决算数与预算数基本持平。", budget: 10_000_000, final: 10_000_000, direction: .level),
        Form(text: "全年预算为 2.29 万元，支出决算为 0.49 万元。\n决算数小于全年预算数的主要原因：单位 2024\n\n年新成立。",
             adjusted: 2_290_000, final: 490_000, direction: .below),
        Form(text: "预算数为100万元，决算数为130万元，决算数大于预算数的主要原因是追加项目。", budget: 100_000_000, final: 130_000_000, direction: .above),
        Form(text: "年初预算100万元，决算支出为90万元。主要原因：人员减少。", budget: 100_000_000, final: 90_000_000, direction: .some(nil)),
        // A figure set above its sentence in the PDF, on a line of its own.
        Form(text: "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人\n1560.05\n员经费。年初预算为 万元，支出决算为1511.89万\n元。",
             budget: 1_560_050_000, final: 1_511_890_000),
        Form(text: "调整预算为50万元，支出决算为50万元，完成调整预算的100%。", adjusted: 50_000_000, final: 50_000_000, rate: 100),
    ]

    @Test(arguments: forms)
    func aSentenceFormIsRead(_ form: Form) throws {
        let found = Self.read(form.text)
        let s = try #require(found.statements.first, "\(form.text)")
        #expect(s.budget?.amount.fen == form.budget)
        #expect(s.adjusted?.amount.fen == form.adjusted)
        #expect(s.final.amount.fen == form.final)
        #expect(s.rate?.digits == form.rate)
        if let direction = form.direction {
            #expect(s.reason?.direction == direction, "\(String(describing: s.reason))")
            #expect(s.reason != nil)
        } else {
            #expect(s.reason == nil)
        }
    }

    @Test func aStatementWithoutABudgetIsNoneUnlessItIsAThreePublicPart() {
        #expect(Self.read("与上年相比增加10万元，主要原因是人员增加。").statements.isEmpty)
        #expect(Self.read("其中：办公设备购置决算为3.00万元。").statements.isEmpty)
        let parts = Self.read("其中：因公出国（境）费决算为0.00万元，完成预算的0%；公务用车购置及运行维护费支出决算为1.20万元；\n公务接待费支出决算为\n0.30万元，完成预算的50.00%。").statements
        #expect(parts.map(\.subject) == [.threePublicPart(.overseas), .threePublicPart(.vehicle), .threePublicPart(.reception)])
        #expect(parts.map(\.final.amount.fen) == [0, 1_200_000, 300_000])
        #expect(parts.map { $0.rate?.digits } == [0, nil, 5000])
        #expect(parts.last?.final.line == 2)
    }

    @Test(arguments: [
        ("公务用车运行维护费年初预算为2万元，支出决算为1.5万元", ExecutionStatement.Subject.threePublicPart(.vehicleOperation)),
        ("公务用车购置费年初预算为20万元，支出决算为0万元", .threePublicPart(.vehiclePurchase)),
        ("因公出国(境)费用年初预算为5万元，支出决算为4万元", .threePublicPart(.overseas)),
        // A clause naming the parts is about the whole.
        ("“三公”经费（因公出国（境）费、公务用车购置及运行费和公务接待费）年初预算为10万元，支出决算为8万元", .threePublic),
        ("“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元", .threePublic),
    ])
    func aThreePublicStatementNamesItsPart(_ text: String, _ subject: ExecutionStatement.Subject) throws {
        let s = try #require(Self.read(text).statements.first)
        #expect(s.subject == subject)
    }

    @Test func aThreePublicPartTheTextMisstatesIsMaterial() throws {
        // The finance bureau's text with its 公务接待费 决算 made 0.50 (the table's is blank: 0).
        let original = try String(contentsOfFile: AuditCorpusTests.text("sh_putuo_fin_2024_final"), encoding: .utf8)
        let altered = original.replacingOccurrences(of: "公务接待费支出决算为0.00万元", with: "公务接待费支出决算为0.50万元")
        try #require(altered != original)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-execution-\(UUID().uuidString).txt").path
        try altered.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let material = Self.audit([path]).filter { $0["severity"] == "material" }
        // Its figure against the table’s 决算, and its 0% against 0.50 / 0.95 (53%, to the rate’s no decimals).
        #expect(material.count == 2, "\(material)")
        #expect(material.allSatisfy { $0["table"] == "three_public" && $0["column"] == "reception" })
        #expect(material.contains { $0["expected"] == "0.00" && $0["actual"] == "0.50" })
        #expect(material.contains { $0["message"]?.contains("= 53% (stated 0%)") == true })
        // The original has no such finding.
        #expect(!Self.audit([AuditCorpusTests.text("sh_putuo_fin_2024_final")]).contains { $0["severity"] == "material" })
    }

    @Test func aThresholdTheDocumentStatesIsRead() {
        let t = Self.read("对决算数与预算数差异超过20%的项目说明如下：").threshold
        #expect(t?.basisPoints == 2000)
        #expect(Self.read("增减变化超过10%的，说明与上年相比的原因。").threshold == nil)
        #expect(Self.read("完成年初预算的98.20%。").threshold == nil)
    }

    @Test func aRateIsRoundedOrCutToItsDecimals() {
        #expect(AuditRules.share(294_005, of: 299_392, decimals: 2)?.rounded == 9820)
        #expect(AuditRules.share(30_782, of: 32_102, decimals: 2)?.rounded == 9589)
        #expect(AuditRules.share(2, of: 3, decimals: 1).map { [$0.rounded, $0.cut] } == [667, 666])
        #expect(AuditRules.share(1, of: 0, decimals: 2) == nil)
        #expect(AuditRules.percent(9820) == "98.20%" && AuditRules.percent(5, decimals: 0) == "5%" && AuditRules.percent(7, decimals: 2) == "0.07%")
    }

    // MARK: - line items with budget and final figures and no text

    static func tsv(_ rows: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-execution-\(UUID().uuidString).tsv").path
        let text = (["doc\tdept\tyear\tbudget_year\tphase\ttable\tcode\tname\tcolumn\tamount"] + rows).joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func twentyPercentApartWithNoTextIsMaterialAndFivePercentIsNone() throws {
        let path = try Self.tsv([
            "a\t某局\t2024\t2024\tbudget\tgpb_expenditure\t2010101\t行政运行\ttotal\t100",
            "a\t某局\t2024\t2024\tfinal\tgpb_expenditure\t2010101\t行政运行\ttotal\t80",
            "a\t某局\t2024\t2024\tbudget\tgpb_expenditure\t2010102\t一般行政管理事务\ttotal\t100",
            "a\t某局\t2024\t2024\tfinal\tgpb_expenditure\t2010102\t一般行政管理事务\ttotal\t95",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (rows, status) = AuditCorpusTests.audit([path], "execution")
        #expect(rows.count == 1, "\(rows)")
        #expect(rows.first?["code"] == "2010101" && rows.first?["severity"] == "material")
        #expect(rows.first?["expected"] == "100.00" && rows.first?["actual"] == "80.00" && rows.first?["diff"] == "-20.00")
        #expect(rows.first?["message"]?.contains("20.00% below") == true && rows.first?["message"]?.contains("no reason") == true)
        #expect(status == 1)
    }

    @Test func aLoadedBudgetOfTheSameDepartmentAndYearIsTheBudget() throws {
        let path = try Self.tsv([
            "b\t某局\t2024\t2024\tbudget\tgpb_expenditure\t2010101\t行政运行\ttotal\t100",
            "b\t某局\t2024\t2024\tbudget\tgpb_expenditure\t2010102\t一般行政管理事务\ttotal\t100",
            "f\t某局\t2024\t2024\tfinal\tgpb_expenditure\t2010101\t行政运行\ttotal\t120",
            "f\t某局\t2024\t2024\tfinal\tgpb_expenditure\t2010102\t一般行政管理事务\ttotal\t105",
            // Another department's budget is not this one's.
            "c\t别局\t2024\t2024\tbudget\tgpb_expenditure\t2010102\t一般行政管理事务\ttotal\t10",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = Self.audit([path])
        #expect(rows.count == 1, "\(rows)")
        #expect(rows.first?["doc"] == "f" && rows.first?["code"] == "2010101" && rows.first?["severity"] == "material")
        #expect(rows.first?["message"]?.contains("20.00% above") == true)
    }

    @Test func aFinalWithNoBudgetAnywhereIsOneInsufficientFinding() throws {
        let path = try Self.tsv([
            "f\t某局\t2024\t2024\tfinal\tgpb_expenditure\t2010101\t行政运行\ttotal\t120",
            "f\t某局\t2024\t2024\tfinal\tgpb_expenditure\t2010102\t一般行政管理事务\ttotal\t105",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = Self.audit([path])
        #expect(rows.count == 1 && rows.first?["severity"] == "insufficient", "\(rows)")
    }
}

/// The 三公 total stated with its rate alone, no budget figure beside it, and the reason after
/// its parts: a statement of the 三公, whose reason explains its parts' departures too.
struct ThreePublicStatementTests {
    @Test func theTotalsStatementAndItsReason() {
        let text = """
        五、一般公共预算财政拨款“三公”经费支出决算情况说明
           2024 年度“三公”经费支出决算数 2.92 万元，完成预算的 90.68%。其中：因公出国（境）费 0.09 万
        元；公务用车购置及运行费 2.22 万元；
        公务接待费 0.61 万元。决算数小于预算数的主要原因是厉行节约。
        """
        let found = ExecutionStatements.find(DocumentText.lines(text))
        let total = found.statements.first { $0.subject == .threePublic }
        #expect(total?.final.amount == (try? Amount.parse("2.92").get()))
        #expect(total?.rate?.text == "完成预算的90.68%")
        #expect(total?.reason?.text == "决算数小于预算数的主要原因是厉行节约。")
    }
}
