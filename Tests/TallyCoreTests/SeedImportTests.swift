import Foundation
import Testing
@testable import TallyCore

/// The importer on the five real disclosures in ../shared/seeds (CI has them beside the
/// checkout): every table found, every figure placed, the hand-checked figures right, and
/// every parent equal to the sum of its children except the documents' own discrepancies.
struct SeedImportTests {
    static let names = [
        "000_c097f75d2d163fee", "001_4c5f2662bf6b4376", "002_a0aa4bbb27e038c2", "003_78dd6e2bef65bdd6",
        "004_867d4fd29c913767",
    ]

    /// Each seed is imported once for the whole suite.
    static let imported: [String: Result<DocumentImporter.Result, any Error>] = Dictionary(uniqueKeysWithValues: names.map { name in
        (name, Result {
            let path = Fixtures.seeds.appendingPathComponent(name + ".txt").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try DocumentImporter.read(text, path: path)
        })
    })

    static func load(_ name: String) throws -> DocumentImporter.Result {
        guard let result = imported[name] else { throw DiagnosticList([.fileError("not a seed", file: name)]) }
        return try result.get()
    }

    static func store(_ items: [LineItem]) -> LineItemStore { Fixtures.store(items) }

    @Test func seedsAreBesideTheCheckout() {
        for name in Self.names {
            #expect(FileManager.default.fileExists(atPath: Fixtures.seeds.appendingPathComponent(name + ".txt").path),
                    "\(name) missing: the seeds live in ../shared/seeds")
        }
    }

    @Test(arguments: names)
    func everyFigureIsPlaced(_ name: String) throws {
        let result = try Self.load(name)
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
        let found = Set(result.report.tables.map(\.table))
        for table in [TableID.summary, .fiscalSummary, .income, .expenditure, .gpbExpenditure, .basicEcon, .threePublic, .govFund] {
            #expect(found.contains(table), "\(name) lacks \(table.id)")
        }
    }

    @Test(arguments: [
        ("000_c097f75d2d163fee", "pdf-text", "重庆市北碚区人力资源和社会保障局", "北碚", 2025),
        ("001_4c5f2662bf6b4376", "tsv", "重庆市綦江区社会保险事务中心", "綦江", 2025),
        ("002_a0aa4bbb27e038c2", "markdown", "重庆市南岸区人力资源和社会保障局", "南岸", 2024),
        ("003_78dd6e2bef65bdd6", "pdf-text", "重庆市北碚区人力资源和社会保障局", "北碚", 2023),
        ("004_867d4fd29c913767", "markdown", "重庆市万盛经济技术开发区社会保险事务中心", "万盛", 2025),
    ])
    func documentFacts(_ name: String, _ layout: String, _ dept: String, _ district: String, _ year: Int) throws {
        let result = try Self.load(name)
        #expect(result.report.layout == layout)
        #expect(result.report.dept == dept)
        #expect(result.report.year == year)
        #expect(result.items.allSatisfy { $0.dept == dept && $0.district == district && $0.doc == name })
    }

    /// Figures read off the documents by hand. (doc, table, code, column, year, amount, line)
    static let anchors: [(String, TableID, String, ColumnID, Int, String, Int)] = [
        // 000 表八: only 2080101 + 2080103 make 20801's basic 2,321.71.
        ("000_c097f75d2d163fee", .expenditure, "20801", .basic, 2025, "2321.71", 699),
        ("000_c097f75d2d163fee", .expenditure, "2080101", .basic, 2025, "2021.03", 701),
        ("000_c097f75d2d163fee", .expenditure, "2080103", .basic, 2025, "300.68", 705),
        ("000_c097f75d2d163fee", .expenditure, "2080102", .project, 2025, "89.36", 703),
        ("000_c097f75d2d163fee", .expenditure, "201", .project, 2025, "80.00", 685),
        ("000_c097f75d2d163fee", .expenditure, "", .total, 2025, "6995.08", 683),
        // 000 表二: a 2024 column before the 2025 ones; 2101102 has only its 2024 figure.
        ("000_c097f75d2d163fee", .gpbExpenditure, "2101102", .total, 2024, "15.86", 373),
        ("000_c097f75d2d163fee", .gpbExpenditure, "201", .total, 2024, "160.00", 317),
        ("000_c097f75d2d163fee", .gpbExpenditure, "201", .project, 2025, "80.00", 317),
        ("000_c097f75d2d163fee", .gpbExpenditure, "", .total, 2024, "5738.89", 315),
        ("000_c097f75d2d163fee", .basicEcon, "30204", .public, 2025, "0.05", 441),
        ("000_c097f75d2d163fee", .threePublic, "", .vehicleOperation, 2025, "7.00", 499),
        ("000_c097f75d2d163fee", .threePublic, "", .reception, 2024, "4.79", 499),
        ("000_c097f75d2d163fee", .threePublic, "", .total, 2024, "11.79", 499),
        ("000_c097f75d2d163fee", .income, "208", .gpb, 2025, "5074.49", 581),
        // 001: the income table's figures sat one cell left of their headers.
        ("001_4c5f2662bf6b4376", .income, "208", .gpb, 2025, "15638.40", 155),
        ("001_4c5f2662bf6b4376", .income, "223", .soeCapital, 2025, "313.81", 194),
        ("001_4c5f2662bf6b4376", .expenditure, "20801", .basic, 2025, "2466.59", 205),
        ("001_4c5f2662bf6b4376", .threePublic, "", .vehicle, 2025, "15.00", 118),
        ("001_4c5f2662bf6b4376", .threePublic, "", .reception, 2025, "6.80", 118),
        ("002_a0aa4bbb27e038c2", .gpbExpenditure, "2080199", .basic, 2024, "189.06", 134),
        ("002_a0aa4bbb27e038c2", .basicEcon, "", .public, 2024, "558.19", 177),
        ("003_78dd6e2bef65bdd6", .threePublic, "", .vehicleOperation, 2023, "11.00", 502),
        ("004_867d4fd29c913767", .expenditure, "20801", .project, 2025, "154.75", 199),
        ("004_867d4fd29c913767", .threePublic, "", .total, 2025, "2.90", 394),
        // Figures the text states, and project budgets from the performance tables.
        ("000_c097f75d2d163fee", .narrative, "", .total, 2025, "10.22", 189),
        ("000_c097f75d2d163fee", .narrative, "", .vehicleOperation, 2025, "7.00", 197),
        ("002_a0aa4bbb27e038c2", .narrative, "", .overseas, 2024, "0", 71),
        ("002_a0aa4bbb27e038c2", .narrative, "", .reception, 2024, "4.20", 71),
        ("001_4c5f2662bf6b4376", .projects, "50011022T000002062489", .total, 2025, "526", 274),
    ]

    @Test(arguments: 0..<anchors.count)
    func anchorFigure(_ index: Int) throws {
        let (doc, table, code, column, year, amount, line) = Self.anchors[index]
        let items = try Self.load(doc).items
        let matches = items.filter {
            $0.table == table && $0.code == code && $0.column == column && $0.year == year
                && (table != .narrative || $0.name == "三公经费")
        }
        #expect(matches.count == 1, "\(doc) \(table.id) \(code) \(column.id) \(year): \(matches.count) items")
        #expect(matches.first?.amount == (try Amount.parse(amount).get()))
        #expect(matches.first?.line == line)
    }

    @Test func narrativeStatesTheBudgetTotals() throws {
        for name in ["000_c097f75d2d163fee", "002_a0aa4bbb27e038c2", "003_78dd6e2bef65bdd6", "004_867d4fd29c913767"] {
            let items = try Self.load(name).items
            let stated = items.filter { $0.table == .narrative && $0.name == "收入预算" }
            let printed = items.filter { $0.table == .expenditure && $0.code.isEmpty && $0.column == .total }
            #expect(stated.count == 1 && printed.count == 1 && stated.first?.amount == printed.first?.amount, "\(name)")
        }
    }

    @Test func aYearColumnThatIsEmptyGivesNoFigure() throws {
        let items = try Self.load("000_c097f75d2d163fee").items
        #expect(!items.contains { $0.table == .gpbExpenditure && $0.code == "2101102" && $0.year == 2025 })
        #expect(!items.contains { $0.table == .income && $0.doc.hasPrefix("001") && $0.column == .carryover && $0.code == "208" })
    }

    @Test func wrappedNamesAndMarkupAreCleaned() throws {
        for name in Self.names {
            for item in try Self.load(name).items {
                #expect(!item.name.contains("<b>") && !item.name.contains("<p>"), "\(name):\(item.line) \(item.name)")
                #expect(!item.name.contains(" ") || item.table == .summary || item.table == .fiscalSummary || item.table == .procurement,
                        "\(name):\(item.line) `\(item.name)`")
            }
        }
    }

    /// Every parent against the sum of its children, per doc, table, column and year.
    static func treeGaps(_ store: LineItemStore) -> [String] {
        var sums: [Int: (Int64, Int)] = [:]
        for row in 0..<store.count where store.parent[row] >= 0 {
            let p = Int(store.parent[row])
            let (s, n) = sums[p] ?? (0, 0)
            sums[p] = (s + store.amount[row], n + 1)
        }
        var gaps: [String] = []
        for (p, (sum, n)) in sums.sorted(by: { $0.key < $1.key }) {
            let gap = store.amount[p] - sum
            // Rounding: up to (n+1) × 0.005 万元 between a parent and its n children.
            if abs(gap) > Int64(n + 1) * 5_000 {
                let item = store.item(p)
                gaps.append("\(item.doc.prefix(3)) \(item.table.id) \(item.code.isEmpty ? "合计" : item.code) \(item.column.id) \(item.year) \(Amount(fen: gap).plain(in: .wan))")
            }
        }
        return gaps.sorted()
    }

    /// The documents' own discrepancies, each checked by hand against the source.
    static let knownGaps: Set<String> = [
        // 万盛 hides a classified item under 208 (说明：涉密项目依法不予公开).
        "004 expenditure 208 total 2025 104.00", "004 expenditure 208 project 2025 104.00",
        "004 gpb_expenditure 208 total 2025 104.00", "004 gpb_expenditure 208 project 2025 104.00",
        "004 income 208 total 2025 104.00", "004 income 208 gpb 2025 104.00",
    ]

    @Test func parentsEqualTheirChildrenExceptTheKnownDiscrepancies() throws {
        var items: [LineItem] = []
        for name in Self.names { items += try Self.load(name).items }
        let gaps = Self.treeGaps(Self.store(items.filter { ![.summary, .fiscalSummary, .procurement].contains($0.table) }))
        #expect(Set(gaps) == Self.knownGaps, "\(gaps)")
    }
}

/// `audit` over the five seeds as loaded from the documents (so the extraction rule sees the
/// import reports): its findings, exactly, in the tsv the pipeline reads.
struct SeedAuditTests {
    @Test func auditOfTheSeedsIsGolden() throws {
        var out = ""
        var err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        for name in SeedImportTests.names {
            #expect(session.load(path: Fixtures.seeds.appendingPathComponent(name + ".txt").path))
        }
        session.runScript("audit", origin: .commandLine)
        #expect(err == "")
        // 万盛's hidden item (涉密项目依法不予公开) and the carry-overs of 綦江 and 南岸 are explained by
        // the documents themselves; nothing else in the seeds is more than rounding.
        #expect(session.exitStatus == 0)
        #expect(!out.contains("\tmaterial\t"))
        let path = Fixtures.path("Tests/TallyCoreTests/Golden/audit-seeds.tsv")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try out.write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(out == (try String(contentsOfFile: path, encoding: .utf8)))
        // Every rounding finding is within (n+1) × 0.005 of its figures; every material one is not.
        for line in out.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == ReconcileOutput.findingColumns.count, let diff = try? Amount.parse(String(f[9])).get() else { continue }
            if f[3] == "rounding" { #expect(abs(diff.fen) <= 100_000, "\(line)") }
            if f[3] == "material" { #expect(abs(diff.fen) > 5_000, "\(line)") }
        }
    }
}
