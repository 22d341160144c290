import Testing
@testable import TallyCore

/// `-layout` text of a fixed-pitch report whose rows, from one row down the page, are set
/// several character cells to the right of the rows above them
/// (Fixtures/rows-set-over-layout.txt): each run is read under the rows filling every
/// column that are set as it is, and a run with none such by its count of figures.
struct RowsSetOverTests {
    static let fixture = "Tests/TallyCoreTests/Fixtures/rows-set-over-layout.txt"

    static func figures(_ text: String, _ table: TableID, codePrefix: String) throws -> [String] {
        let items = try DocumentImporter.read(text, path: "rows-set-over-layout.txt").items
        return items.filter { $0.table == table && $0.code.hasPrefix(codePrefix) }.map { "\($0.code) \($0.column.id) \($0.amount)" }
    }

    /// The 收入 table's rows set over fill no column of their own: rows of two figures take
    /// the columns its other rows of two figures take (合计, 一般公共预算), not 事业收入.
    @Test func rowsSetOverWithoutAFullRowAreReadByTheirCount() throws {
        let text = try Fixtures.read(Self.fixture)
        #expect(try Self.figures(text, .income, codePrefix: "205") == [
            "205 total 400.00", "205 gpb 400.00", "20502 total 400.00", "20502 gpb 400.00",
            "2050201 total 250.00", "2050201 gpb 250.00", "2050202 total 150.00", "2050202 gpb 150.00",
        ])
    }

    /// The 支出 table's rows set over include rows filling every column: those say where the
    /// run's columns stand, so a row of 合计 and 项目支出 keeps its gap under 基本支出.
    @Test func rowsSetOverAreReadUnderTheirOwnFullRows() throws {
        let text = try Fixtures.read(Self.fixture)
        #expect(try Self.figures(text, .expenditure, codePrefix: "205") == [
            "205 total 400.00", "205 basic 100.00", "205 project 300.00",
            "20502 total 400.00", "20502 basic 100.00", "20502 project 300.00",
            "2050201 total 250.00", "2050201 project 250.00",
            "2050202 total 150.00", "2050202 basic 100.00", "2050202 project 50.00",
        ])
        #expect(try Self.figures(text, .expenditure, codePrefix: "201").count == 16)
    }

    /// Rows set over whose count of figures no other row shares: reported, never put under
    /// the columns they happen to stand nearest.
    @Test func rowsSetOverThatNoCountExplainsAreReported() throws {
        // The 收入 table's rows set over keep only their 合计 figure.
        var lines = try Fixtures.read(Self.fixture).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in 13...16 {
            let words = lines[i].split(separator: " ", omittingEmptySubsequences: true)
            lines[i] = String(lines[i][..<lines[i].range(of: String(words[words.count - 1]), options: .backwards)!.lowerBound])
                .replacing(/\s+$/, with: "")
        }
        let result = try DocumentImporter.read(lines.joined(separator: "\n"), path: "rows-set-over-layout.txt")
        #expect(!result.items.contains { $0.table == .income && $0.code.hasPrefix("205") })
        let reported = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        for line in 14...17 {
            #expect(reported.contains { $0.contains(":\(line):") && $0.contains("lines up with no column") }, "\(reported)")
        }
    }
}
