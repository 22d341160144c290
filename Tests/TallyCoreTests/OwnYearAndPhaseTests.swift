import Testing
@testable import TallyCore

/// §3: unless a statement names `year` or `phase`, a sum takes from each document only its
/// own year and its own phase; a group that still adds several says so in a note.
struct OwnYearAndPhaseTests {
    /// What a statement writes, as TSV, and its warnings.
    static func run(_ statement: String, on items: [LineItem]? = nil) -> (out: String, err: String) {
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        if let items { session.add(items, from: "test") } else { session.loadSampleData() }
        session.run(statement, origin: .commandLine)
        return (out, err)
    }

    @Test(arguments: [
        // 000 prints its 2024 column beside its 2025 one: 2024 is not added to 2025 (it was: 12,733.97).
        ("sum where table=gpb_expenditure by doc", "000_c097f75d2d163fee\t6995.08"),
        ("sum where table=gpb_expenditure by doc, year", "000_c097f75d2d163fee\t2024\t5738.89\n000_c097f75d2d163fee\t2025\t6995.08"),
        ("sum where table=gpb_expenditure doc=000 by year as columns", "6995.08\t1256.19"),
        // 三公: 10.22 for 2025, not 22.01 for 2024 and 2025 together.
        ("sum where table=three_public by doc", "000_c097f75d2d163fee\t10.22"),
        ("sum where table=three_public doc=000 year=2024", "11.79"),
        ("max where table=gpb_expenditure doc=000", "6995.08"),
    ])
    func ownYearOfEachDocument(statement: String, expected: String) {
        let (out, err) = Self.run(statement)
        #expect(out.contains(expected), "\(out)")
        #expect(!err.contains("error"), "\(err)")
    }

    @Test func aSumOfSeveralYearsSaysSo() {
        let (out, err) = Self.run("sum 2080* by district")
        #expect(out.contains("北碚\t9114.56"))
        #expect(err.contains("warning: adds figures of several years: 北碚: 2023 and 2025"), "\(err)")
        #expect(err.contains("help: each document gives its own year"), "\(err)")
        // Grouped so that no group mixes years, or told which: no note.
        for statement in ["sum 2080* by doc", "sum 2080* by district, year", "sum 2080* where year=2025 by district",
                          "sum 2080* by label", "count 2080* by district"] {
            #expect(Self.run(statement).err == "", "\(statement)")
        }
    }

    /// A 决算 prints 预算数 and 决算数 columns of one year: a sum takes the final figures.
    static let finalAccounts: [LineItem] = [
        Fixtures.item("208", "100.00", doc: "f", dept: "上海市普陀区财政局", name: "社会保障和就业支出"),
        Fixtures.item("208", "90.00", doc: "f", dept: "上海市普陀区财政局", name: "社会保障和就业支出"),
        Fixtures.item("208", "70.00", doc: "b", dept: "上海市普陀区财政局", name: "社会保障和就业支出"),
    ].enumerated().map { i, item in
        var item = item
        item.phase = i == 1 ? .final : .budget
        item.budgetYear = 2025
        return item
    }

    @Test(arguments: [
        ("sum 208 by doc", "b\t70.00\nf\t90.00\n"),
        ("sum 208 by doc, phase", "b\tbudget\t70.00\nf\tbudget\t100.00\nf\tfinal\t90.00\n"),
        ("sum 208 where phase=budget by doc", "b\t70.00\nf\t100.00\n"),
        ("sum 208 where doc==f by year", "2025\t90.00\n"),
        ("count 208 by doc", "b\t1\nf\t2\n"),
    ])
    func ownPhaseOfEachDocument(statement: String, expected: String) {
        let (out, _) = Self.run(statement, on: Self.finalAccounts)
        #expect(out.split(separator: "\n", maxSplits: 1).last.map(String.init) == expected, "\(out)")
    }

    @Test func aSumOfSeveralPhasesSaysSo() {
        let (out, err) = Self.run("sum 208 by district", on: Self.finalAccounts)
        #expect(out.hasSuffix("普陀\t160.00\n"), "\(out)")
        #expect(err.contains("warning: adds figures of several phases: 普陀: budget and final"), "\(err)")
        #expect(Self.run("sum 208 by district, phase", on: Self.finalAccounts).err == "")
    }

    /// A 2024 决算 and a 2025 预算 of one department: `phase as columns` sets them in one row
    /// and a rate would divide them, though no cell adds two years.
    static let finalAndLaterBudget: [LineItem] = [
        Fixtures.item("208", "90.00", doc: "f", dept: "上海市普陀区财政局", name: "社会保障和就业支出"),
        Fixtures.item("208", "70.00", doc: "b", dept: "上海市普陀区财政局", name: "社会保障和就业支出"),
    ].enumerated().map { i, item in
        var item = item
        item.phase = i == 0 ? .final : .budget
        item.year = i == 0 ? 2024 : 2025
        item.budgetYear = item.year
        return item
    }

    @Test(arguments: [
        ("sum 208 by dept, phase as columns", true),
        ("sum 208 by dept, phase as columns, rate = final / budget", true),
        ("sum 208 by dept, year, phase as columns", false),
        ("sum 208 where year=2025 by dept, phase as columns", false),
        // Columns that are documents are headed by their labels, which say their years.
        ("sum 208 by code, doc as columns", false),
    ])
    func aRowSettingSeveralYearsSideBySideSaysSo(statement: String, warns: Bool) {
        let (_, err) = Self.run(statement, on: Self.finalAndLaterBudget)
        let note = "warning: sets figures of several years side by side: 上海市普陀区财政局: 2024 and 2025"
        #expect(err.contains(note) == warns, "\(err)")
        if !warns { #expect(!err.contains("warning"), "\(err)") }
    }

    /// The store decides a document's own phase once: final where it has any final figure.
    @Test func ownPhaseIsTheStores() {
        let store = Fixtures.store(Self.finalAccounts)
        let phases = (0..<store.docs.count).map { (store.docs[UInt32($0)], store.ownPhase[$0]) }
        #expect(phases.map(\.0) == ["f", "b"])
        #expect(phases.map(\.1) == [Phase.final.rawValue, Phase.budget.rawValue])
    }
}
