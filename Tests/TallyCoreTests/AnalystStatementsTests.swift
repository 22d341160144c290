import Foundation
import Testing
@testable import TallyCore

/// Issue 14, Must show: twenty analyst statements with the result clauses — computed columns,
/// `having`, `order by`, `top N per` — answered four ways that must agree: tally over the
/// sample data, tally over the sample's `export` loaded back, and the DuckDB and ClickHouse
/// SQL `explain sql` emits, run over that export.
struct AnalystStatementsTests {
    static let statements = [
        "sum * by label, total, project, share = project / total",
        "sum * by label, total, project, share = project / total having share > 0.5",
        "sum * by label, total, project, share = project / total order by share desc",
        "sum 208?? where year=2025 by dept, half = total / 2",
        "count by table, double = count * 2 having count >= 50",
        "top 1 per doc ??????? by code",
        "top 2 per district 208?? where year=2025 by code",
        "top 2 per district 208?? where year=2025 by code having total > 1000",
        "sum 2080* by district, total, basic, project, rest = total - basic - project",
        "sum 208?? by dept having total >= 1000 order by total desc",
        "count by table having not (count < 50 or table ~ \"three\")",
        "sum 2080* where district=北碚 by code, year having year = 2025",
        "sum 301?? where year=2025 by dept, code having total > 100 order by total desc, code",
        "sum * by district, basic, project, share = basic / (basic + project)",
        "sum 2* where year=2025 by doc, total, project, share = project / total having share >= 50% order by share",
        "count 208* by doc having count > 10",
        "sum 208?? by doc, plus = total + 100 having plus > 1000",
        "sum where table=three_public by doc, column having sum > 5",
        "top 3 per year 2080??? by code",
        "sum 208 by label having label ~ \"2025$\"",
        "avg 2080101 by district having avg > 500",
        "sum * by label, basic, project, ratio = project / basic having ratio is not empty order by ratio desc",
    ]

    @Test(arguments: SQLEngine.allCases)
    func tallyItsExportAndTheSQLAgree(_ engine: SQLEngine) throws {
        try engine.requireInstalled()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-analyst-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var out = "", err = ""
        let sample = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        sample.loadSampleData()
        let items = folder + "/items.tsv"
        sample.run("export \(items)", origin: .commandLine)
        #expect(err == "")
        let reloaded = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        try #require(reloaded.load(path: items), "\(err)")

        func answer(_ session: Session, _ statement: String) -> [String] {
            out = ""
            session.run(statement, origin: .commandLine)
            return ExplainSQLTests.normalized(out)
        }
        var sql: [String] = []
        var tally: [[String]] = []
        for statement in Self.statements {
            let own = answer(sample, statement)
            #expect(!own.isEmpty, "no rows: \(statement)")
            #expect(answer(reloaded, statement) == own, "over the export: \(statement)")
            tally.append(own)
            guard case .query(let query) = try Parser.parse(statement) else { continue }
            sql.append(try SQLTranslator(dialect: engine.dialect, source: statement).translate(query, over: sample.store))
        }
        #expect(!err.contains("error:"), "tally: \(err)")
        #expect(Self.statements.count >= 20)

        let answers = try engine.run(load: engine.load(items), queries: sql, folder: folder)
        #expect(answers.count == Self.statements.count)
        for (i, statement) in Self.statements.enumerated() where i < answers.count {
            #expect(answers[i] == tally[i], "\(engine): \(statement)\n\(sql[i])")
        }
    }
}
