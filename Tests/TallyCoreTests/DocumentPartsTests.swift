import Foundation
import Testing
@testable import TallyCore

/// A 部门预算 that prints the department's tables and then its 本级 unit's: two documents, each
/// under its own unit's name, so a sum over the file never counts the unit's money twice.
struct DocumentPartsTests {
    static func table(_ title: String, unit: String, total: String, basic: String) -> String {
        """
                              \(title)
        \(unit)                                              单位：万元
        科目编码           科目名称                  合计             基本支出          项目支出
                   合计               \(total)          \(basic)          1.00
        208       社会保障和就业支出          \(total)          \(basic)          1.00
        """
    }

    static let document = [
        table("2024年部门支出总表", unit: "部门名称：成都市某区水务局", total: "11.00", basic: "10.00"),
        table("2024年一般公共预算支出表", unit: "部门名称：成都市某区水务局", total: "11.00", basic: "10.00"),
        table("部门支出总表", unit: "单位名称：成都市某区水务局（本级）", total: "7.00", basic: "6.00"),
        table("一般公共预算支出表", unit: "单位名称：成都市某区水务局（本级）", total: "7.00", basic: "6.00"),
    ].joined(separator: "\n\u{0C}")

    @Test func eachUnitsPartIsADocument() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.document, path: "/tmp/shuiwu.txt")
        #expect(result.report.dept == "成都市某区水务局" && result.parts.count == 1)
        let part = try #require(result.parts.first)
        #expect(part.report.dept == "成都市某区水务局（本级）" && part.report.doc == "shuiwu-part2" && part.report.year == 2024)
        #expect(part.items.allSatisfy { $0.doc == "shuiwu-part2" && $0.year == 2024 })
        let totals = (result.items + part.items).filter { $0.table == .expenditure && $0.code.isEmpty && $0.column == .total }
        #expect(totals.map { "\($0.doc) \($0.amount)" }.sorted() == ["shuiwu \(try Amount.parse("11.00").get())", "shuiwu-part2 \(try Amount.parse("7.00").get())"])
    }

    /// A part that names its unit once, on a line over its first table's title (单位名称：X,
    /// then 8 tables under no name of their own), is a document of its own too.
    @Test func aUnitNamedOnceOverItsPart() throws {
        func bare(_ title: String, total: String) -> String {
            Self.table(title, unit: "", total: total, basic: total == "11.00" ? "10.00" : "6.00")
        }
        let text = [
            "部门名称：成都市某区水务局\n" + bare("2024年部门支出总表", total: "11.00"), bare("2024年一般公共预算支出表", total: "11.00"),
            "单位名称：成都市某区水务局（本级）\n" + bare("2024年单位支出总表", total: "7.00"), bare("2024年一般公共预算支出表", total: "7.00"),
        ].joined(separator: "\n\u{0C}")
        let result = try DocumentImporter.read("\u{0C}" + text, path: "/tmp/once.txt")
        #expect(result.parts.map(\.report.dept) == ["成都市某区水务局（本级）"])
        #expect(result.report.dept == "成都市某区水务局")
    }

    /// A table printed again under the same unit's name is no new part.
    @Test func oneUnitsTablesStayOneDocument() throws {
        let again = [
            Self.table("2024年部门支出总表", unit: "部门名称：成都市某区水务局", total: "11.00", basic: "10.00"),
            Self.table("2024年部门支出总表", unit: "部门名称：成都市某区水务局", total: "11.00", basic: "10.00"),
        ].joined(separator: "\n\u{0C}")
        let result = try DocumentImporter.read("\u{0C}" + again, path: "/tmp/again.txt")
        #expect(result.parts.isEmpty)
    }

    /// Loaded, each part is a document of its own.
    @Test func aSessionLoadsBoth() throws {
        let path = "/tmp/tally-parts-\(UInt32.random(in: 0...UInt32.max)).txt"
        try ("\u{0C}" + Self.document).write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        _ = session.load(path: path)
        #expect(session.reports.count == 2)
        session.runScript("sum * where table=expenditure by doc", origin: .commandLine)
        #expect(out.contains("part2"), "\(out)")
        #expect(Set(session.reports.map(\.dept)) == ["成都市某区水务局", "成都市某区水务局（本级）"])
    }
}
