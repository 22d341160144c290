import Foundation
import Testing
@testable import TallyCore

/// The audit on the seeds and on the real disclosures of ../shared/corpus, naming each finding
/// their notes lead a reviewer to expect: 南岸2024's carry-over, 万盛2025's classified item,
/// the corpus README's identity failures with their severities, every empty table with its
/// statement, the empty table whose note names the wrong fund, and no material finding
/// where the README lists none.
struct AuditCorpusTests {
    static let corpus = CorpusImportTests.corpus

    /// Findings of `audit RULES` over `paths`, as the tsv rows a pipeline reads, with the exit status.
    static func audit(_ paths: [String], _ rules: String = "") -> (rows: [[String: String]], status: Int32) {
        var out = ""
        var err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        for path in paths { _ = session.load(path: path) }
        session.runScript("audit \(rules)", origin: .commandLine)
        let lines = out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return ([], session.exitStatus) }
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (rows, session.exitStatus)
    }

    static func seed(_ number: String) -> String {
        let name = SeedImportTests.names.first { $0.hasPrefix(number) }!
        return Fixtures.seeds.appendingPathComponent(name + ".txt").path
    }

    static func pdf(_ stem: String) -> String { corpus.appendingPathComponent("pdf/\(stem).pdf").path }
    static func text(_ stem: String) -> String { corpus.appendingPathComponent("text/\(stem).txt").path }
    static let stems = CorpusImportTests.budgets + CorpusImportTests.finals

    // MARK: - the seeds

    @Test func nanAn2024GeneralBudgetIncomeIsExplainedByItsCarryover() {
        let (rows, status) = Self.audit([Self.seed("002")], "fiscal")
        let found = rows.filter { $0["rule"] == "fiscal" && $0["column"] == "gpb" && $0["diff"] == "-2166.57" }
        #expect(found.count == 1)
        #expect(found.first?["severity"] == "explained")
        #expect(found.first?["actual"] == "11281.71" && found.first?["expected"] == "13448.28")
        // It cites the 上年结转 of the 财政拨款收支总表 and the text's own sentence, with their lines.
        let message = found.first?["message"] ?? ""
        #expect(message.contains("上年结转 › 一般公共预算拨款 2,166.57") && message.contains("(line 114)"))
        #expect(message.contains("上年结转2166.57万元") && message.contains("(line 57)"))
        #expect(found.first?["lines"]?.split(separator: ",").contains("114") == true)
        #expect(status == 0)
    }

    @Test func wanSheng2025HiddenItemUnder208IsExplainedByItsNote() {
        let (rows, status) = Self.audit([Self.seed("004")])
        let hidden = rows.filter { $0["rule"] == "tree" && $0["code"] == "208" && $0["diff"] == "104.00" }
        #expect(hidden.count == 6)
        // Each table's own note: income L188, expenditure L218, gpb_expenditure L265.
        for (table, line) in [("income", "188"), ("expenditure", "218"), ("gpb_expenditure", "265")] {
            let mine = hidden.filter { $0["table"] == table }
            #expect(mine.count == 2, "\(table)")
            for f in mine {
                #expect(f["severity"] == "explained")
                #expect(f["message"]?.contains("涉密项目依法不予公开") == true && f["message"]?.contains("(line \(line))") == true)
                #expect(f["lines"]?.split(separator: ",").last.map(String.init) == line)
            }
        }
        #expect(!rows.contains { $0["severity"] == "material" })
        #expect(status == 0)  // explained is listed, and is not a failure
    }

    // MARK: - the corpus README's identity failures, on the hand-checked truth

    /// The truth of a corpus document as line items, each printed row on a line of its own.
    static func truthItems(_ stem: String) throws -> [LineItem] {
        let text = try String(contentsOf: corpus.appendingPathComponent("truth/\(stem).tsv"), encoding: .utf8)
        var rowLines: [String: Int] = [:]
        var items: [LineItem] = []
        let lines = text.split(separator: "\n")
        // The 决算 truths say each figure's phase.
        let phaseField = lines.first?.split(separator: "\t").firstIndex(of: "phase")
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6, let table = TableID(named: f[0]), let column = ColumnID(named: f[3]), let year = Int(f[4]) else { continue }
            let code = f[1] == "TOTAL" ? "" : f[1]
            let row = "\(f[0])\t\(code)\t\(f[2])"
            let number = rowLines[row] ?? rowLines.count + 1
            rowLines[row] = number
            let phase = phaseField.flatMap { $0 < f.count ? Phase(named: f[$0]) : nil } ?? .budget
            items.append(LineItem(doc: stem, district: "", dept: stem, year: year, phase: phase, table: table, code: code, name: f[2],
                                  column: column, amount: try Amount.parse(f.last!).get(), line: number))
        }
        return items
    }

    struct Failure: Hashable, CustomStringConvertible {
        var table: String, code: String, column: String, severity: String
        var description: String { "\(table) \(code) \(column) \(severity)" }
    }

    /// corpus/README.md, "Identity failures" of each document.
    static let identityFailures: [String: Set<Failure>] = [
        "sh_city_fin_2025_unit": [.init(table: "basic_econ", code: "302", column: "total", severity: "rounding"),
                                  .init(table: "basic_econ", code: "302", column: "public", severity: "rounding")],
        "sh_putuo_fin_2024_final": Set(["expenditure", "gpb_expenditure"].flatMap { t in
            ["total", "basic"].map { Failure(table: t, code: "", column: $0, severity: "rounding") }
        } + [Failure(table: "income", code: "", column: "total", severity: "rounding"),
             Failure(table: "income", code: "", column: "gpb", severity: "rounding"),
             Failure(table: "basic_econ", code: "301", column: "total", severity: "rounding"),
             Failure(table: "basic_econ", code: "302", column: "total", severity: "rounding")]),
        // 302 against its 款, and 人员经费合计 + 公用经费合计 against the gpb table's basic 合计.
        "sh_putuo_shgz_2024_final": [.init(table: "basic_econ", code: "302", column: "total", severity: "rounding"),
                                     .init(table: "gpb_expenditure", code: "", column: "basic", severity: "rounding")],
    ]

    @Test(arguments: stems)
    func theReadmesIdentityFailuresAreFoundWithTheirSeverity(_ stem: String) throws {
        var builder = StoreBuilder()
        builder.append(contentsOf: try Self.truthItems(stem))
        let store = builder.build()
        // No titles, no import report: a 决算 is told by the phase of its figures alone.
        #expect(store.phase.contains(Phase.final.rawValue) == CorpusImportTests.finals.contains(stem))
        var engine = AuditRules(store: store, scope: RowSet(rowCount: store.count, all: true), reports: [])
        engine.run(["tree", "rows", "tables", "three_public"])
        let differences = engine.findings.filter { $0.severity == .material || $0.severity == .rounding }
        let found = Set(differences.map { Failure(table: $0.table?.id ?? "", code: $0.code, column: $0.column?.id ?? "", severity: $0.severity.rawValue) })
        #expect(found == Self.identityFailures[stem] ?? [], "\(stem): \(differences.map(\.message))")
    }

    @Test func cityFinance302IsFoundInThePDFAndTheText() {
        for path in [Self.pdf("sh_city_fin_2025_unit"), Self.text("sh_city_fin_2025_unit")] {
            let (rows, _) = Self.audit([path], "tree")
            let found = rows.filter { $0["code"] == "302" && $0["table"] == "basic_econ" }
            #expect(Set(found.compactMap { $0["column"] }) == ["total", "public"], "\(path)")
            #expect(found.allSatisfy { $0["severity"] == "rounding" && $0["diff"] == "0.0001" }, "\(path)")
        }
    }

    // MARK: - completeness

    static var everything: [String] {
        SeedImportTests.names.map { Fixtures.seeds.appendingPathComponent($0 + ".txt").path }
            + stems.flatMap { [pdf($0), text($0)] }
    }

    @Test(arguments: everything)
    func everyEmptyTableIsFoundWithItsStatement(_ path: String) throws {
        let loaded = try InputFile.read(path: path)
        let report = try #require(loaded.report)
        let (rows, _) = Self.audit([path], "complete")
        for entry in report.tables where entry.items == 0 && entry.table != .narrative && entry.table != .projects {
            let mine = rows.filter { $0["table"] == entry.table.id && $0["severity"] != "label" }
            #expect(mine.count == 1, "\(path): \(entry.table.id)")
            if let statement = entry.emptyStatement {
                #expect(mine.first?["severity"] == "explained", "\(path): \(entry.table.id)")
                #expect(mine.first?["message"]?.contains(DocumentRemarks.squeezed(statement)) == true, "\(path): \(entry.table.id)")
            }
        }
    }

    @Test func theEmptyTableWhoseNoteNamesTheWrongFundIsFlagged() {
        // Each file on its own: a PDF and its text share a document name.
        let wrong = Self.stems.flatMap { [Self.pdf($0), Self.text($0)] }.flatMap { path in
            Self.audit([path], "complete").rows.filter { $0["message"]?.contains("statement names") == true }
        }
        #expect(wrong.count == 2, "\(wrong)")  // the PDF and its text
        #expect(wrong.allSatisfy { $0["doc"]?.hasPrefix("sh_putuo_fin_2025_dept") == true && $0["table"] == "soe_capital" && $0["severity"] == "label" })
        #expect(wrong.allSatisfy { $0["message"]?.contains("names 政府性基金, not 国有资本经营") == true })
    }

    @Test func theTemplateTextLeftInIsFlagged() {
        let (rows, _) = Self.audit([Self.pdf("sh_putuo_shgz_2024_final")], "complete")
        let template = rows.filter { $0["message"]?.hasPrefix("template text left in") == true }
        #expect(template.count == 2 && template.allSatisfy { $0["severity"] == "label" && $0["message"]?.contains("仍保留该表格式") == true })
    }

    // MARK: - no material finding where the README lists none

    static var clean: [String] {
        CorpusImportTests.budgets.flatMap { stem in
            [pdf(stem), text(stem)].filter { CorpusImportTests.knownGaps[URL(fileURLWithPath: $0).lastPathComponent] == nil }
        }
    }

    @Test(arguments: clean)
    func noMaterialFindingWhereTheReadmeListsNone(_ path: String) {
        let (rows, status) = Self.audit([path])
        let material = rows.filter { $0["severity"] == "material" }
        #expect(material.isEmpty, "\(path): \(material.map { $0["message"] ?? "" })")
        #expect(status == 0)
    }

    // MARK: - json

    @Test func auditAsJSONOverTheSeedsAndTheCorpusParses() throws {
        // The PDFs with the seeds, then the texts (a PDF and its text share a document name).
        let groups = [SeedImportTests.names.map { Fixtures.seeds.appendingPathComponent($0 + ".txt").path } + Self.stems.map(Self.pdf),
                      Self.stems.map(Self.text)]
        for (g, paths) in groups.enumerated() {
            var out = ""
            let session = Session(format: .json, out: { out += $0 }, err: { _ in })
            for path in paths { _ = session.load(path: path) }
            session.runScript("audit", origin: .commandLine)
            let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8))
            let findings = try #require(parsed as? [[String: Any]])
            let fields = Set(ReconcileOutput.findingColumns)
            for f in findings {
                #expect(Set(f.keys) == fields)
                let lines = try #require(f["lines"] as? String)
                let page = try #require(f["page"] as? String)
                let doc = f["doc"] as? String ?? ""
                let fromPDF = g == 0 && Self.stems.contains(doc)
                // A finding over printed figures cites their lines, and in a PDF their pages.
                if f["expected"] is NSNumber || f["actual"] is NSNumber {
                    #expect(!lines.isEmpty, "\(f)")
                }
                if !lines.isEmpty { #expect(page.isEmpty != fromPDF, "\(f)") }
                #expect(page.split(separator: ",").allSatisfy { Int($0).map { $0 > 0 } == true }, "\(f)")
            }
            #expect(findings.contains { $0["severity"] as? String == "explained" })
            #expect(Set(findings.compactMap { $0["doc"] as? String }).count == paths.count)
            if g == 0 {
                // 上海市财政局's 302 and its 款 rows are on pages 17 and 18 (the corpus README).
                let city302 = findings.filter { $0["doc"] as? String == "sh_city_fin_2025_unit" && $0["code"] as? String == "302" }
                #expect(!city302.isEmpty && city302.allSatisfy { $0["page"] as? String == "17,18" })
            }
        }
    }
}
