import Foundation
import Testing
@testable import TallyCore

/// The importer on hand-made documents, and on broken ones.
struct ImporterTests {
    static func importText(_ text: String, path: String = "doc.txt") throws(DiagnosticList) -> DocumentImporter.Result {
        try DocumentImporter.read(text, path: path)
    }

    @Test func pdftotextLayoutInYuanWithSplitCodes() throws {
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/shanghai-layout.txt")
        let result = try Self.importText(text, path: "shanghai-layout.txt")
        #expect(result.report.layout == "pdftotext-layout")
        #expect(result.report.unplaced.isEmpty)
        let items = result.items
        func figure(_ table: TableID, _ code: String, _ column: ColumnID) -> Amount? {
            items.first { $0.table == table && $0.code == code && $0.column == column }?.amount
        }
        // 12,345,678.90 元 is 1,234.56789 万元: nothing lost to the unit.
        #expect(figure(.gpbExpenditure, "", .total) == Amount(fen: 1_234_567_890))
        #expect(figure(.gpbExpenditure, "2080505", .basic) == Amount(fen: 400_000_000))
        #expect(figure(.gpbExpenditure, "2089999", .project) == Amount(fen: 234_567_890))
        #expect(figure(.gpbExpenditure, "2089999", .basic) == nil)
        #expect(figure(.basicEcon, "30102", .personnel) == Amount(fen: 400_000_000))
        #expect(figure(.basicEcon, "30201", .public) == Amount(fen: 100_000_000))
        #expect(result.report.tables.first { $0.table == .govFund }?.emptyStatement == "本表无数据")
        // The performance table after the last budget table is not read as its rows.
        #expect(!items.contains { $0.name.contains("社保经办") })
    }

    /// Titles with no figure under them (a table of contents alone, a document cut short) are
    /// an error that names what was found, never an empty load that exits 0.
    @Test func titlesWithoutFiguresAreAnError() {
        let text = "部门收支总表\n单位：万元\n项目 预算数\n\n部门支出总表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
        do {
            let result = try Self.importText(text)
            Issue.record("loaded \(result.items.count) items")
        } catch {
            let message = DiagnosticRenderer().render(error.diagnostics)
            #expect(message.contains("no figure"), "\(message)")
            #expect(message.contains("expenditure"), "\(message)")
        }
    }

    /// A disclosure without some of the tables every one must print says which.
    @Test func missingRequiredTablesAreNamed() throws {
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/shanghai-layout.txt")
        let result = try Self.importText(text, path: "shanghai-layout.txt")
        #expect(result.report.missing.contains(.threePublic))
        #expect(!result.report.missing.contains(.gpbExpenditure))
        #expect(ImportReportRenderer.render(result.report).contains("required tables missing: "))
    }

    /// One table converted on its own (a page cut out of a document) is read, and the tables it
    /// lacks are named; a title mentioned in prose with no rows under it is still no disclosure.
    @Test func aTableAloneIsReadAndItsMissingTablesNamed() throws {
        let text = """
                                        2025年部门支出预算总表
        编制部门：上海市嘉定区财政局                                                              单位：元
                                项目                               支出预算
        功能分类科目编
           码                     功能分类科目名称       合计               基本支出            项目支出
         类    款    项
        201             一般公共服务支出                  6227595.00        2854815.00     3372780.00
        201   06        财政事务                      6227595.00        2854815.00     3372780.00
        201   06   01   行政运行                      1593050.00        1593050.00
        201   06   02   一般行政管理事务                  3096160.00                       3096160.00
        201   06   07   信息化建设                     1538385.00        1261765.00      276620.00

        """
        #expect(DocumentImporter.looksLikeDisclosure(text))
        let result = try Self.importText(text, path: "one-table-layout.txt")
        #expect(result.items.filter { $0.table == .expenditure }.count == 13)
        #expect(result.report.missing.contains(.summary) && result.report.missing.contains(.threePublic))
        #expect(!DocumentImporter.looksLikeDisclosure("本部门2025年部门支出预算总表详见附件。\n支出合计1,234.00万元。\n"))
    }

    @Test func notADisclosureSaysSo() {
        #expect(throws: DiagnosticList.self) { try Self.importText("一些文字\n没有表格\n") }
    }

    /// Broken versions of every seed: each ends in items, a report, or a clear error.
    static let seedNames = SeedImportTests.names

    @Test(arguments: seedNames)
    func truncatedEverywhereNeverCrashes(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Fixtures.seeds.appendingPathComponent(name + ".txt")))
        // Cut at a spread of points, including inside multi-byte characters.
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 37)) {
            let prefix = Array(bytes[0..<cut])
            let text = String(decoding: prefix, as: UTF8.self)
            do {
                let result = try Self.importText(text)
                #expect(result.items.allSatisfy { $0.year >= 1900 })
            } catch {
                #expect(!error.diagnostics.isEmpty)
            }
        }
    }

    @Test(arguments: seedNames)
    func shuffledLinesNeverCrash(_ name: String) throws {
        var lines = try String(contentsOf: Fixtures.seeds.appendingPathComponent(name + ".txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        var generator = SeededGenerator(seed: 7)
        lines.shuffle(using: &generator)
        do {
            _ = try Self.importText(lines.joined(separator: "\n"))
        } catch {
            #expect(!error.diagnostics.isEmpty)
        }
    }

    @Test func binaryEmptyAndInvalidUTF8FilesAreClearErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SeededGenerator(seed: 42)
        let cases: [(String, [UInt8], String)] = [
            ("empty.txt", [], "the file is empty"),
            ("binary.bin", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, "neither UTF-8 nor GB18030"),
            ("latin.txt", Array("部门支出总表\n".utf8) + [0xC0, 0x20, 0xFF] + Array("\n".utf8), "neither UTF-8 nor GB18030 text"),
            ("prose.txt", Array("这是一段说明文字。\n".utf8), "neither a budget disclosure"),
        ]
        for (file, bytes, message) in cases {
            let path = dir.appendingPathComponent(file).path
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            do {
                _ = try InputFile.read(path: path)
                Issue.record("\(file) loaded")
            } catch {
                let text = DiagnosticRenderer().render(error.diagnostics)
                #expect(text.contains(message), "\(file): \(text)")
                #expect(text.hasPrefix(path), "\(file): \(text)")
            }
        }
    }

    @Test func doubledTablesKeepBothCopiesAndTheirLines() throws {
        let text = try String(contentsOf: Fixtures.seeds.appendingPathComponent("001_4c5f2662bf6b4376.txt"), encoding: .utf8)
        let once = try Self.importText(text).items.count
        let twice = try Self.importText(text + "\n" + text).items
        #expect(twice.count == 2 * once)
        #expect(Set(twice.map(\.line)).count > Set(twice.prefix(once).map(\.line)).count)
    }
}

/// A small deterministic generator so property-style tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
