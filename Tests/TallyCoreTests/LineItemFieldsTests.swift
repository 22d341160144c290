import Foundation
import Testing
@testable import TallyCore

/// The fields §2 added to every line item: `label`, `budget_year`, `phase` and `page` — made
/// where the input does not give them, kept through export and snapshots, and queryable.
struct LineItemFieldsTests {
    struct Document: Sendable, CustomStringConvertible {
        var doc: String, dept: String, year: Int, phase: Phase = .budget, label: String = ""
        var description: String { "\(doc) \(dept) \(year) \(phase.id)" }
    }

    static func store(_ documents: [Document]) -> LineItemStore {
        Fixtures.store(documents.map { d in
            LineItem(doc: d.doc, label: d.label, district: DistrictName.of(dept: d.dept), dept: d.dept, year: d.year,
                     phase: d.phase, table: .expenditure, code: "208", name: "社会保障和就业支出", column: .total,
                     amount: Amount(fen: 100), line: 1)
        })
    }

    static func labels(_ store: LineItemStore) -> [String: String] {
        var out: [String: String] = [:]
        for row in 0..<store.count { out[store.docs[store.doc[row]]] = store.labels[store.label[row]] }
        return out
    }

    /// District and budget year; the department's short name where two documents share them;
    /// 决算 after a final account's; a label the input gave is kept.
    @Test(arguments: [
        ([Document(doc: "a", dept: "重庆市北碚区财政局", year: 2025), Document(doc: "b", dept: "重庆市綦江区财政局", year: 2025)],
         ["a": "北碚2025", "b": "綦江2025"]),
        ([Document(doc: "a", dept: "上海市普陀区财政局", year: 2024), Document(doc: "b", dept: "上海市普陀区社会福利院", year: 2024)],
         ["a": "财政局2024", "b": "社会福利院2024"]),
        ([Document(doc: "a", dept: "上海市普陀区财政局", year: 2024), Document(doc: "b", dept: "上海市普陀区财政局", year: 2024, phase: .final)],
         ["a": "普陀2024", "b": "普陀2024决算"]),
        ([Document(doc: "a", dept: "中共上海市普陀区委社会工作部", year: 2024, phase: .final),
          Document(doc: "b", dept: "上海市普陀区财政局", year: 2024, phase: .final)],
         ["a": "区委社会工作部2024决算", "b": "财政局2024决算"]),
        ([Document(doc: "a", dept: "重庆市北碚区财政局", year: 2025), Document(doc: "b", dept: "重庆市北碚区财政局", year: 2025)],
         ["a": "北碚2025·a", "b": "北碚2025·b"]),
        ([Document(doc: "a", dept: "重庆市北碚区财政局", year: 2025, label: "北碚2025"), Document(doc: "b", dept: "重庆市北碚区民政局", year: 2025)],
         ["a": "北碚2025", "b": "民政局2025"]),
        ([Document(doc: "a", dept: "江苏省人民检察院", year: 2019)], ["a": "江苏2019"]),
    ])
    func labelsAreShortAndUnique(_ documents: [Document], _ expected: [String: String]) {
        #expect(Self.labels(Self.store(documents)) == expected)
    }

    /// A line-item file without `budget_year` takes each document's latest year.
    @Test func budgetYearDefaultsToTheDocumentsLatestYear() {
        let store = Fixtures.store([
            Fixtures.item("208", "1.00", year: 2024, doc: "a"), Fixtures.item("208", "2.00", year: 2025, doc: "a"),
            Fixtures.item("208", "3.00", year: 2023, doc: "b"),
        ])
        let byDoc = Dictionary((0..<store.count).map { (store.docs[store.doc[$0]], store.budgetYear[$0]) }, uniquingKeysWith: { a, b in
            #expect(a == b)
            return a
        })
        #expect(byDoc == ["a": 2025, "b": 2023])
    }

    /// A session whose output (errors marked ERR) each `run` returns.
    final class Console {
        var text = ""
        lazy var session = Session(format: .tsv, out: { [unowned self] in text += $0 }, err: { [unowned self] in text += "ERR " + $0 })
        func run(_ statement: String) -> String {
            text = ""
            session.run(statement, origin: .commandLine)
            return text
        }
    }

    /// A PDF's figures carry their page; `list` then shows the column. Text input has no pages.
    @Test func pdfFiguresCarryTheirPage() throws {
        let pdf = CorpusImportTests.corpus.appendingPathComponent("pdf/sh_putuo_fin_2025_dept.pdf").path
        let text = CorpusImportTests.corpus.appendingPathComponent("text/sh_putuo_fin_2025_dept.txt").path
        let fromPDF = try InputFile.read(path: pdf).items
        let fromText = try InputFile.read(path: text).items
        #expect(fromPDF.allSatisfy { $0.page > 0 })
        #expect(fromText.allSatisfy { $0.page == 0 })
        // Tables are in document order, so pages never go back within the document.
        let pages = fromPDF.filter { $0.table != .narrative }.map(\.page)
        #expect(pages == pages.sorted())
        #expect(Set(pages).count > 3)

        let console = Console()
        console.session.add(fromPDF, from: pdf)
        let header = console.run("list 201 where table=expenditure").split(separator: "\n").first ?? ""
        #expect(header.hasSuffix("\tline\tpage"))
        #expect(!header.contains("phase"))
        let onePage = console.run("count where page=\(pages[0])")
        #expect(onePage != "count\n0\n" && !onePage.contains("ERR"))
    }

    /// A 决算's figures are `final` and its budget year is its own; `phase` filters by id or
    /// Chinese name, and an unknown phase is an error naming the right ones.
    @Test func finalAccountsCarryTheirPhase() throws {
        let path = CorpusImportTests.corpus.appendingPathComponent("pdf/sh_putuo_shgz_2024_final.pdf").path
        let loaded = try InputFile.read(path: path)
        #expect(loaded.report?.isFinal == true)
        let expenditure = loaded.items.filter { $0.table == .gpbExpenditure }
        #expect(!expenditure.isEmpty && expenditure.allSatisfy { $0.phase == .final && $0.budgetYear == 2024 })

        let console = Console()
        console.session.add(loaded.items, from: path)
        #expect(console.run("count where phase=final") == console.run("count where phase=决算"))
        #expect(console.run("count where phase=budget table=gpb_expenditure") == "count\n0\n")
        #expect(console.run("list where table=gpb_expenditure").split(separator: "\n").first?.contains("\tphase\t") == true)
        let wrong = console.run("count where phase=finel")
        #expect(wrong.contains("unknown phase id `finel`") && wrong.contains("final"))
    }

    /// Budget documents stay `budget`, whatever their columns' years.
    @Test func budgetsAreBudgets() throws {
        let path = Fixtures.seeds.appendingPathComponent("000_c097f75d2d163fee.txt").path
        let items = try InputFile.read(path: path).items
        #expect(items.allSatisfy { $0.phase == .budget && $0.budgetYear == 2025 })
        #expect(Set(items.map(\.year)) == [2024, 2025])
    }

    /// Export then reload, and save then reopen, keep every new field.
    @Test func exportAndSnapshotKeepTheNewFields() throws {
        let folder = NSTemporaryDirectory() + "tally-fields-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var err = ""
        let first = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        for stem in ["pdf/sh_putuo_shgz_2024_final.pdf", "pdf/sh_putuo_fin_2025_dept.pdf"] {
            first.add(try InputFile.read(path: CorpusImportTests.corpus.appendingPathComponent(stem).path).items, from: stem)
        }
        first.run("export \(folder)/items.tsv", origin: .commandLine)
        first.run(".save \(folder)/items.tally", origin: .commandLine)
        #expect(first.exitStatus == 0, "\(err)")
        let before = (0..<first.store.count).map { first.store.item($0) }
        #expect(Set(before.map(\.phase)) == [.budget, .final])
        for file in ["items.tsv", "items.tally"] {
            let again = Session(format: .tsv, out: { _ in }, err: { err += $0 })
            #expect(again.load(path: "\(folder)/\(file)"), "\(err)")
            let after = (0..<again.store.count).map { again.store.item($0) }
            let lost = Set(before).subtracting(after), gained = Set(after).subtracting(before)
            #expect(after.count == before.count && lost.isEmpty && gained.isEmpty,
                    "\(file): \(after.count) items for \(before.count); lost e.g. \(lost.prefix(2)), gained e.g. \(gained.prefix(2))")
        }
    }
}
