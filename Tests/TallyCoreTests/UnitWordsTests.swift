import Foundation
import Testing
@testable import TallyCore

/// A table's unit is read from its own unit line (PRODUCT §1): 元, 千元, 万元 and 亿元 are read
/// exactly, and a unit tally has no name for (百万元) leaves the table's figures reported
/// rather than read as 万元 — a figure a thousand times wrong is worse than none.
struct UnitWordsTests {
    @Test(arguments: [
        ("单位：千元", UnitStatement?.some(.known(.qian))),
        ("单位：万元", .known(.wan)),
        ("金额单位：元", .known(.yuan)),
        ("单位: 亿元", .known(.yi)),
        ("金额单位：人民币万元", .known(.wan)),
        ("编制单位：上海市某某局                    单位：元", .known(.yuan)),
        ("编制单位：某某局（单位：千元）", .known(.qian)),
        ("单位：百万元", .unknown("百万元")),
        ("单　位：十万元", .unknown("十万元")),
        ("编制单位：上海市某某局", nil),
        ("预算单位：某某中心", nil),
        ("项目  单位  合计", nil),
    ])
    func aUnitLineSays(_ line: String, _ expected: UnitStatement?) {
        #expect(Vocabulary.unitStatement(in: line) == expected)
    }

    @Test(arguments: [
        ("说明：本部门公开的预算报表金额单位均为元。", UnitStatement?.some(.known(.yuan))),
        ("以下各表金额单位为万元", .known(.wan)),
        ("本报告所列数据以万元为单位", .known(.wan)),
        ("金额单位均为人民币元", .known(.yuan)),
        ("各表金额单位均为百万元", .unknown("百万元")),
        ("所属预算单位为区财政局下属事业单位", nil),
        ("单位是指纳入部门预算的行政事业单位", nil),
    ])
    func aDocumentSays(_ line: String, _ expected: UnitStatement?) {
        #expect(Vocabulary.documentUnitStatement(in: line) == expected)
    }

    /// Unit lines taken out of a document as published: `[ \t　]*`, never across a line.
    static func unstated(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "(金额)?单[ \t　]*位[：:][ \t　]*(人民币)?(万元|元)", with: "", options: .regularExpression)
    }

    /// The seeds (万元) with every unit line taken out: their figures are read as before, in
    /// 万元, but the document is marked as stating no unit (Session warns); one sentence at the
    /// end stating 万元 for every table and it states one.
    @Test(arguments: SeedImportTests.names)
    func noUnitStatedIsSaid(_ name: String) throws {
        let path = Fixtures.seeds.appendingPathComponent(name + ".txt").path
        let published = try DocumentImporter.read(String(contentsOfFile: path, encoding: .utf8), path: path)
        let bare = try DocumentImporter.read(Self.unstated(path), path: path)
        #expect(published.report.unitAssumed != true)
        #expect(bare.report.unitAssumed == true)
        #expect(Self.figures(bare) == Self.figures(published))
        let once = try DocumentImporter.read(Self.unstated(path) + "\n说明：本部门公开的预算报表金额单位均为万元。\n", path: path)
        #expect(once.report.unitAssumed != true)
        #expect(Self.figures(once) == Self.figures(published))
    }

    /// The corpus's budgets (元, the 三公 table in 万元) with every unit line taken out and one
    /// sentence stating 元 for every table: every figure is its printed number in 元 — a table
    /// that said it was in 万元 (Shanghai's 三公, Jiangsu's every table) too.
    @Test(arguments: CorpusImportTests.budgets)
    func aUnitStatedOnceForTheWholeDocument(_ name: String) throws {
        let path = CorpusImportTests.corpus.appendingPathComponent("text/\(name).txt").path
        let published = Self.figures(try DocumentImporter.read(String(contentsOfFile: path, encoding: .utf8), path: path))
        let result = try DocumentImporter.read(Self.unstated(path) + "\n说明：本部门公开的预算报表金额单位均为元。\n", path: path)
        #expect(result.report.unitAssumed != true)
        let once = Self.figures(result)
        #expect(Set(once.keys) == Set(published.keys))
        // A figure published in 元 is unchanged; one in 万元 is now its number in 元.
        let wanInYuan = Int128(DisplayUnit.wan.fenPerUnit / DisplayUnit.yuan.fenPerUnit)
        var scaled = 0
        for (key, was) in published {
            guard let now = once[key] else { continue }
            if now != was, Int128(now.fen) * wanInYuan == Int128(was.fen) { scaled += 1 } else {
                #expect(now == was, "\(key): \(was.fen) fen became \(now.fen)")
            }
        }
        let statesWan = try String(contentsOfFile: path, encoding: .utf8).contains(/单[ \t　]*位[：:][ \t　]*万元/)
        #expect(statesWan == (scaled > 0))
    }

    /// Documents as published, each with a unit statement's word replaced: the seeds (万元)
    /// and the corpus's `-layout` texts (元, the 三公 table in 万元).
    static let documents: [String] = SeedImportTests.names.map { Fixtures.seeds.appendingPathComponent($0 + ".txt").path }
        + (CorpusImportTests.budgets + CorpusImportTests.finals).map { CorpusImportTests.corpus.appendingPathComponent("text/\($0).txt").path }

    static func restated(_ path: String, as unit: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #"(单\s*位[：:]\s*)(万元|元)"#, with: "$1" + unit, options: .regularExpression)
    }

    struct Key: Hashable { var table: TableID, code: String, name: String, column: ColumnID, year: Int, phase: Phase, line: Int }

    static func figures(_ result: DocumentImporter.Result) -> [Key: Amount] {
        var out: [Key: Amount] = [:]
        // A project's amount states its own unit in its label (当年预算（万元）).
        for i in result.items where i.table != .narrative && i.table != .projects {
            out[Key(table: i.table, code: i.code, name: i.name, column: i.column, year: i.year, phase: i.phase, line: i.line)] = i.amount
        }
        return out
    }

    /// Restated in 千元, every figure is the same printed number in the new unit: exactly
    /// its amount scaled from the 元 or 万元 it was stated in, none left as it was.
    @Test(arguments: documents)
    func thousandsOfYuanAreRead(_ path: String) throws {
        let published = Self.figures(try DocumentImporter.read(String(contentsOfFile: path, encoding: .utf8), path: path))
        let restated = Self.figures(try DocumentImporter.read(Self.restated(path, as: "千元"), path: path))
        #expect(!published.isEmpty)
        #expect(Set(restated.keys) == Set(published.keys))
        let qian = Int128(DisplayUnit.qian.fenPerUnit)
        for (key, was) in published {
            guard let now = restated[key] else { continue }
            let fromWan = Int128(now.fen) * Int128(DisplayUnit.wan.fenPerUnit) == Int128(was.fen) * qian
            let fromYuan = Int128(now.fen) * Int128(DisplayUnit.yuan.fenPerUnit) == Int128(was.fen) * qian
            #expect(fromWan || fromYuan || was.fen == 0, "\(key): \(was.fen) fen became \(now.fen)")
        }
    }

    /// Restated in 百万元, which tally does not read: no table stated in it gives a figure, and
    /// each such table with figures is reported by name with its unit line. A document left
    /// with nothing readable is refused with those reports.
    @Test(arguments: documents)
    func anUnknownUnitIsReportedNotGuessed(_ path: String) throws {
        let text = try Self.restated(path, as: "百万元")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch Result(catching: { try DocumentImporter.read(text, path: path) }) {
        case .success(let result):
            let money = result.items.filter { $0.table != .narrative && $0.table != .projects }
            #expect(money.isEmpty, "\(money.count) figures read in a unit tally does not know")
            let reported = result.report.unplaced.filter { $0.message.contains("amounts in 百万元") }
            #expect(!reported.isEmpty)
            for d in reported {
                let line = d.origin?.firstLine ?? 0
                #expect(line > 0 && line <= lines.count && lines[line - 1].contains("百万元"), "\(d.message) points at line \(line)")
            }
        case .failure(let error):
            let help = (error as? DiagnosticList)?.diagnostics.first?.help ?? ""
            #expect(help.contains("summary: amounts in 百万元"), "\(error)")
        }
    }
}
