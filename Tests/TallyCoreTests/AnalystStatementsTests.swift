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
        "sum 2080* where district=北碚 by code, year as columns",
        "sum 2080* where district=北碚 by code, year as columns, growth = change / \"2023\" having change > 0",
        "sum 2080* where district=北碚 by code, year as columns, basic, project",
        "count by table, year as columns order by \"2025\" desc",
        "sum 208 by code, doc as columns",
        // A minus before a minus: `--` would start an SQL comment, so the SQL parenthesizes it.
        "sum 208?? by doc, back = - -total, less = total - -100 having back > 100",
    ]

    /// A 决算 printing each 三公 column as 预算数 and 决算数, and a 预算 of the next year: the
    /// execution rate of each, four ways (issue 16: `rate = final / budget`, translated).
    static let phases = [
        "sum where table=three_public by label, phase as columns, rate = final / budget",
        "sum where table=three_public by label, column, phase as columns, rate = final / budget having rate < 1",
        "sum where table=three_public by doc, year, phase as columns",
        // `list` prints `phase` for documents with phases, and its SQL does too
        "list where table=three_public",
    ]

    static func phaseItems() -> String {
        let header = Field.exported.map(\.rawValue).joined(separator: "\t")
        var rows = [header]
        var line = 2
        // doc, label, year, budget_year, phase, column, amount
        let figures: [(String, String, Int, String, String, String)] = [
            ("a_final", "甲2024决算", 2024, "budget", "total", "20.00"), ("a_final", "甲2024决算", 2024, "final", "total", "17.35"),
            ("a_final", "甲2024决算", 2024, "budget", "reception", "5.00"), ("a_final", "甲2024决算", 2024, "final", "reception", "5.10"),
            ("a_final", "甲2024决算", 2024, "budget", "vehicle", "15.00"), ("a_final", "甲2024决算", 2024, "final", "vehicle", "12.25"),
            ("b_budget", "乙2025", 2025, "budget", "total", "8.00"), ("b_budget", "乙2025", 2025, "budget", "reception", "8.00"),
        ]
        for (doc, label, year, phase, column, amount) in figures {
            let code = ""
            rows.append([doc, label, "区", "某局", String(year), String(year), phase, "three_public", code, "合计", column, amount, String(line), "0"]
                .joined(separator: "\t"))
            line += 1
        }
        return rows.joined(separator: "\n") + "\n"
    }

    @Test(arguments: SQLEngine.allCases)
    func tallyItsExportAndTheSQLAgree(_ engine: SQLEngine) throws {
        try Self.agree(engine, statements: Self.statements) { $0.loadSampleData() }
        #expect(Self.statements.count >= 20)
    }

    @Test(arguments: SQLEngine.allCases)
    func budgetBesideActualAgrees(_ engine: SQLEngine) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-phases-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/phases.tsv"
        try Self.phaseItems().write(toFile: file, atomically: false, encoding: .utf8)
        try Self.agree(engine, statements: Self.phases) { #expect($0.load(path: file)) }
    }

    static func agree(_ engine: SQLEngine, statements: [String], load: (Session) -> Void) throws {
        try engine.requireInstalled()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-analyst-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var out = "", err = ""
        let sample = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        load(sample)
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
        for statement in statements {
            let own = answer(sample, statement)
            #expect(!own.isEmpty, "no rows: \(statement)")
            #expect(answer(reloaded, statement) == own, "over the export: \(statement)")
            tally.append(own)
            guard case .query(let query) = try Parser.parse(statement) else { continue }
            sql.append(try SQLTranslator(dialect: engine.dialect, source: statement).translate(query, over: sample.store))
        }
        #expect(!err.contains("error:"), "tally: \(err)")

        let answers = try engine.run(load: engine.load(items), queries: sql, folder: folder)
        #expect(answers.count == statements.count)
        for (i, statement) in statements.enumerated() where i < answers.count {
            #expect(answers[i] == tally[i], "\(engine): \(statement)\n\(sql[i])")
        }
    }
}
