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
