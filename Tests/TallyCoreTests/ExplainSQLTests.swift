import Foundation
import Testing
@testable import TallyCore

/// `explain sql` run in DuckDB and in ClickHouse (chdb) over `export`'s file gives tally's
/// answers (issue 8 §4, PRODUCT §7). Both come from pip (`make test` installs them); without
/// one, its tests fail naming the package to install.
struct ExplainSQLTests {
    static let queries = [
        "sum 2080* where dept=綦江 year=2025 by basic,project",
        "sum 2* where dept=北碚 year=2025",
        "sum where dept=北碚 year=2025",
        "sum 208 by doc",
        "sum 208?? by doc",
        "sum 2080101 by year",
        "sum 2080101 where table=gpb_expenditure by district, year",
        "count by table",
        "count 208* where year=2025 by doc",
        "top 3 208???? where year=2025 by code",
        "top 2 208 by dept",
        "max 2080101 by year",
        "min 301?? where dept=北碚 by year",
        "sum 301*,302* where year=2025 by dept",
        "sum where table=three_public by column",
        "count where name~\"^其他\" by table",
        "sum 2080* where not dept=綦江 by district",
        "sum 208 where year=2023..2025 by year",
        "count where amount>100 by district",
        "sum where (district=北碚 or district=南岸) and table=income by column",
        "sum 2101* where code!=21011* by dept",
        "count where level=2 by table, level",
        "sum 208 where table=gpb_expenditure,expenditure by table, year",
        "sum 2080* where district=北碚 by code, basic, project",
        "count where dept==重庆市南岸区人力资源和社会保障局 by year",
        "sum where table~\"^三公\" by district",
        "list 2080101 where district=北碚",
        "sum where table=gpb_expenditure by doc",
        "sum where table=three_public by doc",
        "sum where table=gpb_expenditure by doc, year",
        "sum where table=summary by doc",
        "sum where table=fiscal_summary by doc, column",
        "sum where table=summary name=本年 by doc",
        "sum where table=summary name!=合计 by doc",
        "sum 2080701 by basic, project",
        "sum 208?? by dept order by total desc",
        "sum 2080* by district, basic, project order by project desc, district",
        "top 3 208???? where year=2025 by code order by code desc",
    ]

    @Test(arguments: SQLEngine.allCases)
    func engineGivesTallysAnswers(_ engine: SQLEngine) throws {
        try engine.requireInstalled()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-sql-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        let items = folder + "/items.tsv"
        session.run("export \(items)", origin: .commandLine)
        #expect(err == "")
        #expect(out == "exported \(session.store.count) line items to \(items)\n")

        var tallyAnswers: [[String]] = []
        var sql: [String] = []
        for query in Self.queries {
            out = ""
            session.run(query, origin: .commandLine)
            tallyAnswers.append(Self.normalized(out))
            guard case .query(let parsed) = try Parser.parse(query) else { continue }
            sql.append(try SQLTranslator(dialect: engine.dialect, source: query).translate(parsed, over: session.store))
        }
        // Notes (a sum adding several years) are warnings beside an answer, not errors.
        #expect(!err.contains("error:"), "tally: \(err)")

        let answers = try engine.run(load: engine.load(items), queries: sql, folder: folder)
        #expect(answers.count == Self.queries.count)
        for (i, query) in Self.queries.enumerated() where i < answers.count {
            #expect(answers[i] == tallyAnswers[i], "\(engine): \(query)\n\(sql[i])")
        }
    }

    /// Text holding a tab, a line break, a CR or a backslash reads into each engine through
    /// its load line exactly as tally reads it (issue 13 §6): `export`'s file of hostile values,
    /// and a file written by hand whose backslashes are partly no escape (`C:\x`, a last `\`).
    @Test(arguments: SQLEngine.allCases, ["export", "by hand"])
    func engineReadsEscapedTextAsTallyDoes(_ engine: SQLEngine, _ written: String) throws {
        try engine.requireInstalled()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-sql-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/items.tsv"
        var err = ""
        if written == "export" {
            let exporting = Session(format: .tsv, out: { _ in }, err: { err += $0 })
            exporting.add(ExportRoundTripTests.items(), from: "hostile")
            exporting.run("export \(path)", origin: .commandLine)
            #expect(exporting.exitStatus == 0, "\(err)")
        } else {
            let cells = [#"C:\x"#, #"ends in \"#, #"\中\r\\r\\\\n"#, #"a\\\b"#, #"\\t\t\\\t"#, #"\"quoted\" \q"#]
            // Every field `export` writes, in its order.
            let rows = cells.enumerated().map { i, cell in
                "文件\(cell)\t标签\(cell)\t区\(cell)\t部门\(cell)\t2025\t2025\tbudget\texpenditure\t208\(i)\t\(cell)\ttotal\t1.5\t\(i + 2)\t0"
            }
            #expect(Field.exported.map(\.rawValue) == ["doc", "label", "district", "dept", "year", "budget_year", "phase", "table", "code", "name", "column", "amount", "line", "page"])
            try ([Field.exported.map(\.rawValue).joined(separator: "\t")] + rows + [""]).joined(separator: "\n")
                .write(toFile: path, atomically: false, encoding: .utf8)
        }
        let reading = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        try #require(reading.load(path: path), "\(err)")
        #expect(err == "")
        func hex(_ text: String) -> String {
            text.utf8.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }.joined()
        }
        let tally = (0..<reading.store.count).map { reading.store.item($0) }.map { item in
            ([item.doc, item.district, item.dept, item.table.id, item.code, item.name, item.column.id].map(hex) + [String(item.line)]).joined(separator: "\t")
        }.sorted()
        #expect(tally.count == (written == "export" ? ExportRoundTripTests.hostile.count : 6))

        let query = #"SELECT hex(doc), hex(district), hex(dept), hex("table"), hex(code), hex(name), hex("column"), line FROM items"#
        let read = try engine.run(load: engine.load(path), queries: [query], folder: folder)
        #expect(read == [tally], "\(engine)")
    }

    /// Rows without the header, each cell with numbers written without trailing zeros,
    /// sorted (SQL and tally may order ties differently).
    static func normalized(_ tsv: String) -> [String] {
        tsv.split(separator: "\n").dropFirst().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { SQLEngine.plainNumber(String($0)) }.joined(separator: "\t")
        }.sorted()
    }
}

/// `explain sql` and `export` errors, without an SQL engine.
struct ExplainAndExportErrorTests {
    func errors(_ statement: String) -> String {
        var err = ""
        let session = Session(out: { _ in }, err: { err += $0 })
        session.loadSampleData()
        session.run(statement, origin: .commandLine)
        return err
    }

    @Test(arguments: [
        ("explain sum 208", "expected `sql` after `explain`, found `sum`"),
        ("explain sql", "expected a query after `explain sql`"),
        ("explain sql top 2 208 by code, year as columns", "`top` with `as columns` has no SQL translation here"),
        ("explain sql sum 999 by year as columns", "no line item matches, so there are no values of year to make columns of"),
        ("explain sql sum where dpt=x", "unknown field `dpt`"),
        ("export items.txt", "export writes a .tsv or .csv file, not `items.txt`"),
        ("export /proc/self/status.tsv", "cannot write `/proc/self/status.tsv`"),
        ("export", "expected a file name after `export`"),
        ("export /tmp/x.tsv where", "expected a condition after `where`"),
    ])
    func clearErrors(_ statement: String, _ message: String) {
        let err = errors(statement)
        #expect(err.contains("error: " + message), "\(err)")
        #expect(err.contains("^"))
    }

    @Test func bothDialectsAreShown() {
        var out = ""
        let session = Session(out: { out += $0 }, err: { _ in })
        session.loadSampleData()
        session.run("explain sql top 3 208???? where year=2025 by code", origin: .commandLine)
        #expect(out.contains("-- DuckDB\n") && out.contains("-- ClickHouse\n"))
        #expect(out.contains("ORDER BY \"total\" DESC\nLIMIT 3;"))
        #expect(out.contains("code LIKE '208____'"))
    }
}
