import Foundation
import Testing
@testable import TallyCore

/// The importer on the real disclosures of ../shared/corpus (CI has them beside the
/// checkout), from the PDF and from its `pdftotext -layout` text: the line items of the five
/// core tables are exactly the hand-checked truth — every truth item found with its amount,
/// nothing else found.
struct CorpusImportTests {
    static let corpus = Fixtures.seeds.deletingLastPathComponent().appendingPathComponent("corpus")
    static let budgets = [
        "sh_putuo_fin_2025_dept", "sh_city_fin_2025_unit", "sh_putuo_welfare_2024_unit", "js_procuratorate_2019_dept",
        "js_cppcc_2019_tables",
    ]
    static let finals = ["sh_putuo_fin_2024_final", "sh_putuo_shgz_2024_final"]
    static let coreTables: Set<TableID> = [.expenditure, .gpbExpenditure, .basicEcon, .income, .threePublic]
    /// Printed subtotals a truth may leave out (the corpus README's convention).
    static let optionalColumns: Set<ColumnID> = [.vehicle, .runningCosts]

    struct Key: Hashable, CustomStringConvertible {
        var table: String, code: String, column: String, year: Int, phase = "budget"
        var description: String { "\(table) \(code) \(column) \(year) \(phase)" }
    }

    static func truth(_ stem: String) throws -> [Key: Amount] {
        try truth(at: corpus.appendingPathComponent("truth/\(stem).tsv"))
    }

    /// A truth file's line items (table code name column year [phase] amount), but for the
    /// printed subtotals a truth may leave out.
    static func truth(at url: URL) throws -> [Key: Amount] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [Key: Amount] = [:]
        let lines = text.split(separator: "\n")
        // The 决算 truths add a phase column before the amount.
        let phased = lines.first?.split(separator: "\t").contains("phase") ?? false
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6, let year = Int(f[4]), ColumnID(named: f[3]).map({ !optionalColumns.contains($0) }) ?? true else { continue }
            out[Key(table: f[0], code: f[1] == "TOTAL" ? "" : f[1], column: f[3], year: year, phase: phased ? f[5] : "budget")] =
                try Amount.parse(f.last!).get()
        }
        return out
    }

    /// Expects `file`'s extraction to be exactly its truth: every item found with its amount,
    /// nothing else found; under a named gap, a known issue.
    static func expectEqual(_ got: [Key: [Amount]], _ truth: [Key: Amount], file: String, gap: String?) {
        let missing = truth.filter { got[$0.key] == nil }.map(\.key.description).sorted()
        let wrong = truth.compactMap { key, amount in got[key].flatMap { $0 == [amount] ? nil : "\(key): \($0) ≠ \(amount)" } }.sorted()
        let extra = got.keys.filter { truth[$0] == nil }.map(\.description).sorted()
        let check = {
            #expect(missing.isEmpty, "\(file): \(missing.count) truth items not found, e.g. \(missing.prefix(5))")
            #expect(wrong.isEmpty, "\(file): \(wrong.count) wrong, e.g. \(wrong.prefix(5))")
            #expect(extra.isEmpty, "\(file): \(extra.count) items not in the truth, e.g. \(extra.prefix(5))")
        }
        if let gap { withKnownIssue(Comment(rawValue: gap), check) } else { check() }
    }

    static func extracted(_ path: String) throws -> [Key: [Amount]] {
        let loaded = try InputFile.read(path: path)
        var out: [Key: [Amount]] = [:]
        for item in loaded.items where coreTables.contains(item.table) && !optionalColumns.contains(item.column) {
            out[Key(table: item.table.id, code: item.code, column: item.column.id, year: item.year, phase: item.phase.id), default: []]
                .append(item.amount)
        }
        return out
    }

    /// Where the readers still fall short, named so the gap is visible in every run (and the
    /// test says so the day it closes).
    static let knownGaps: [String: String] = [:]

    @Test(arguments: (budgets + finals).flatMap { [($0, "pdf/\($0).pdf"), ($0, "text/\($0).txt")] })
    func coreTablesEqualTheTruth(_ stem: String, _ file: String) throws {
        let truth = try Self.truth(stem)
        try #require(truth.count > 20, "truth file for \(stem) is missing or short")
        let got = try Self.extracted(Self.corpus.appendingPathComponent(file).path)
        Self.expectEqual(got, truth, file: file, gap: Self.knownGaps[URL(fileURLWithPath: file).lastPathComponent])
    }

    /// Plain pdftotext output (a cell a line) is refused with advice, never read into nonsense.
    @Test(arguments: budgets + finals)
    func plainTextIsRefusedWithAdvice(_ stem: String) {
        let path = Self.corpus.appendingPathComponent("text/\(stem).raw.txt").path
        do {
            let loaded = try InputFile.read(path: path)
            Issue.record("\(stem).raw.txt loaded \(loaded.items.count) items instead of being refused")
        } catch {
            let message = error.diagnostics.map { DiagnosticRenderer().render($0) }.joined()
            #expect(message.contains("pdftotext -layout"), "\(message)")
            #expect(message.contains(".pdf"), "\(message)")
        }
    }

    /// A table of contents names every table; the tables are read where they are printed.
    @Test(arguments: budgets)
    func contentsAreNotTables(_ stem: String) throws {
        let loaded = try InputFile.read(path: Self.corpus.appendingPathComponent("pdf/\(stem).pdf").path)
        let report = try #require(loaded.report)
        let counts = Dictionary(grouping: report.tables, by: \.table).mapValues(\.count)
        for table in Self.coreTables { #expect(counts[table] == 1, "\(stem): \(table.id) found \(counts[table] ?? 0) times") }
        #expect(!report.dept.isEmpty && !report.dept.contains("\u{0C}") && report.dept.count < 30, "\(stem): dept `\(report.dept)`")
        #expect(report.year >= 2019 && report.year <= 2025, "\(stem): year \(report.year)")
    }

    /// 江苏's income table prints its sources as rows under one 金额 column: each 小计 is its
    /// group's column, a group with no column of its own (其他资金) is read by its items.
    @Test func sourcesPrintedAsRowsAreColumns() throws {
        let got = try Self.extracted(Self.corpus.appendingPathComponent("pdf/js_cppcc_2019_tables.pdf").path)
        let income = got.filter { $0.key.table == "income" }
        #expect(income.count == 3, "\(income.keys)")
        #expect(income[Key(table: "income", code: "", column: "gpb", year: 2019)] == [try Amount.parse("13297.11").get()])
        #expect(income[Key(table: "income", code: "", column: "other", year: 2019)] == [try Amount.parse("80.00").get()])
    }

    /// 元 tables are read in 元 and the 三公 table beside them in 万元: a unit per table.
    @Test func unitIsReadPerTable() throws {
        let got = try Self.extracted(Self.corpus.appendingPathComponent("pdf/sh_city_fin_2025_unit.pdf").path)
        #expect(got[Key(table: "three_public", code: "", column: "total", year: 2025)] == [try Amount.parse("346.30").get()])
        #expect(got[Key(table: "expenditure", code: "201", column: "total", year: 2025)] == [try Amount.parse("12788.6849").get()])
    }

    /// Text as Windows and Chinese editors save it: the seeds with CRLF endings, a byte order
    /// mark, or in GB18030 give exactly the same line items.
    @Test(arguments: SeedImportTests.names)
    func seedsInOtherEncodingsImportIdentically(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: Fixtures.seeds.appendingPathComponent(name + ".txt")))
        let text = try #require(String(validating: original, as: UTF8.self))
        let gb = try #require(TextEncoding.gb18030FromUTF8ForTests(original))
        let variants: [(String, [UInt8])] = [
            ("crlf", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("cr", Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + original),
            ("gb18030", gb),
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = try InputFile.read(path: Fixtures.seeds.appendingPathComponent(name + ".txt").path).items
        for (variant, bytes) in variants {
            let path = dir.appendingPathComponent(name + ".txt").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let items = try InputFile.read(path: path).items
            #expect(items == reference, "\(name) as \(variant): \(items.count) items, \(reference.count) expected")
        }
    }

    /// `tally DIR` loads every document in the folder; the same content under a second name
    /// is loaded once, with a warning.
    @Test func aFolderLoadsEveryDocumentOnce() throws {
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(session.load(path: Self.corpus.appendingPathComponent("pdf").path), "\(err)")
        #expect(session.reports.count == 7, "\(session.reports.map(\.path))")
        let before = session.store.count
        #expect(session.load(path: Self.corpus.appendingPathComponent("pdf/sh_city_fin_2025_unit.pdf").path))
        #expect(session.store.count == before)
        #expect(err.contains("identical content"), "\(err)")
    }

    /// `--report` on a PDF gives each table's page and each figure not placed with its page;
    /// a 决算 says it is one.
    /// A `-layout` text whose figures are not all placed says the PDF reads better; a PDF's
    /// warnings say nothing of the kind (it is the better reading already).
    @Test func unplacedFiguresOfLayoutTextAdviseThePDF() throws {
        func warnings(_ path: String) -> String {
            var err = ""
            let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
            _ = session.load(path: path)
            return err
        }
        // Figures between two packed header names that no other table settles.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-unplaced-\(UUID().uuidString).txt").path
        try (PackedHeaderNamesTests.income + PackedHeaderNamesTests.govFund("400.00")).write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = warnings(path)
        #expect(text.contains("not placed: if the PDF is at hand, load it instead (`tally FILE.pdf`)"), "\(text)")
        for stem in Self.budgets {
            #expect(!warnings(Self.corpus.appendingPathComponent("pdf/\(stem).pdf").path).contains("load it instead"))
        }
    }

    @Test func reportGivesPages() throws {
        let path = Self.corpus.appendingPathComponent("pdf/sh_putuo_fin_2024_final.pdf").path
        let report = try #require(try InputFile.read(path: path).report)
        let text = ImportReportRenderer.render(report)
        #expect(text.contains("final accounts (决算)"))
        #expect(report.tables.allSatisfy { $0.page > 0 }, "\(report.tables.map(\.page))")
        #expect(report.unplaced.allSatisfy { ($0.origin?.page ?? 0) > 0 })
        if let first = report.unplaced.first {
            #expect(DiagnosticRenderer().render(first).contains("(page \(first.origin!.page))"))
        }
    }

    /// The department, budget year and kind of document come from the document's own words,
    /// from the PDF and from its text alike (a cover title wrapped over lines included).
    @Test(arguments: [
        ("sh_putuo_fin_2025_dept", "上海市普陀区财政局", 2025, false),
        ("sh_city_fin_2025_unit", "上海市财政局", 2025, false),
        ("sh_putuo_welfare_2024_unit", "上海市普陀区社会福利院", 2024, false),
        ("js_procuratorate_2019_dept", "江苏省人民检察院", 2019, false),
        ("js_cppcc_2019_tables", "江苏省政协办公厅", 2019, false),
        ("sh_putuo_fin_2024_final", "上海市普陀区财政局", 2024, true),
        ("sh_putuo_shgz_2024_final", "中共上海市普陀区委社会工作部", 2024, true),
    ])
    func documentSaysWhoAndWhen(_ stem: String, _ dept: String, _ year: Int, _ isFinal: Bool) throws {
        for file in ["pdf/\(stem).pdf", "text/\(stem).txt"] {
            let report = try #require(try InputFile.read(path: Self.corpus.appendingPathComponent(file).path).report)
            #expect(report.dept == dept, "\(file)")
            #expect(report.year == year, "\(file)")
            #expect(report.isFinal == isFinal, "\(file)")
        }
    }
}
