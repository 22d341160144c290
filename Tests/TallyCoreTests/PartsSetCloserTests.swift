import Testing
@testable import TallyCore

/// `-layout` text in which pdftotext set a run of lines closer than the rest, so that rows of
/// 合计 and 公用经费 stand exactly under 人员经费 (Fixtures/parts-set-closer-layout.txt, lines
/// 28–32): geometry and each row's own identity accept either column; the code tree decides.
struct PartsSetCloserTests {
    static let fixture = "Tests/TallyCoreTests/Fixtures/parts-set-closer-layout.txt"

    static func parts(_ items: [LineItem], _ table: TableID, codes: [String]) -> [String] {
        items.filter { $0.table == table && codes.contains($0.code) && $0.column != .total }
            .map { "\($0.code) \($0.column.id) \($0.amount)" }
    }

    static func treeFindings(_ items: [LineItem], _ table: TableID) -> [Finding] {
        var builder = StoreBuilder()
        builder.append(contentsOf: items)
        let store = builder.build()
        var engine = AuditRules(store: store, scope: RowSet(rowCount: store.count, all: true), reports: [])
        engine.run(["tree"])
        return engine.findings.filter { $0.table == table && $0.severity == .material }
    }

    static let runCodes = ["30211", "30217", "30299", "310", "31002"]

    @Test func aRunOfOnePartRowsSetCloserIsReadWhereItsParentsAddUp() throws {
        let result = try DocumentImporter.read(try Fixtures.read(Self.fixture), path: "parts-set-closer-layout.txt")
        #expect(Self.parts(result.items, .basicEcon, codes: Self.runCodes) == [
            "30211 public 25.00", "30217 public 15.00", "30299 public 30.00", "310 public 20.00", "31002 public 20.00",
        ])
        // The rows above the run stay as set.
        #expect(Self.parts(result.items, .basicEcon, codes: ["30101", "30201"]) == ["30101 personnel 100.00", "30201 public 30.00"])
        let moves = result.report.placements.filter { $0.how.contains("only so do the parents") }
        #expect(moves.count == 1)
        #expect(moves.first?.line == 28 && moves.first?.code == "30211" && moves.first?.how.contains("5 figures on lines 28–32") == true)
        #expect(Self.treeFindings(result.items, .basicEcon).isEmpty)
    }

    /// With a typo in the run (30217's 15.00 printed 16.00 in both its cells) no move makes
    /// the tree add up, so nothing moves and `audit` names the break.
    @Test func aRunWithATypoIsLeftAsSetAndTheBreakFound() throws {
        let text = try Fixtures.read(Self.fixture).replacingAll("15.00         15.00", with: "16.00         16.00")
        let result = try DocumentImporter.read(text, path: "parts-set-closer-layout.txt")
        #expect(Self.parts(result.items, .basicEcon, codes: Self.runCodes).allSatisfy { $0.contains("personnel") })
        #expect(!result.report.placements.contains { $0.how.contains("only so do the parents") })
        #expect(Self.treeFindings(result.items, .basicEcon).contains { $0.code == "302" && $0.column == .public })
    }

    /// A child's typo breaks its parent in 项目支出. Moving the child's figure to a column where
    /// it has no parent (or the table has no header) would leave nothing to check, not make
    /// anything add up: it stays, and the break is found.
    @Test func aBreakIsNotCuredByMovingAFigureWhereNothingChecksIt() throws {
        var lines = try Fixtures.read(Self.fixture).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[11] = " 2050201  学前教育                    300.00        300.00"
        lines.insert(" 2050202  小学教育                    101.00                      101.00", at: 12)
        let result = try DocumentImporter.read(lines.joined(separator: "\n"), path: "parts-set-closer-layout.txt")
        #expect(Self.parts(result.items, .expenditure, codes: ["2050202"]) == ["2050202 project 101.00"])
        #expect(!result.report.placements.contains { $0.table == .expenditure && $0.how.contains("only so do the parents") })
        #expect(Self.treeFindings(result.items, .expenditure).contains { $0.code == "20502" && $0.column == .project })
    }
}
