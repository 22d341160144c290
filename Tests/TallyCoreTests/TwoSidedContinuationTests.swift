import Foundation
import Testing
@testable import TallyCore

/// A two-sided 收支总表 that goes on over a page break with no header repeated: the lines
/// atop the new page (使用非财政拨款结余 | 结余分配, rows whose cells are empty) name figure
/// columns only, so they are rows, not a header; the rows after them stand under the first
/// page's header, each figure on the side of the label before it.
struct TwoSidedContinuationTests {
    static func summary(_ items: [LineItem]) -> [String] {
        items.filter { $0.table == .summary }.map { "\($0.name) \($0.column.id) \($0.amount)" }
    }

    /// A summary row as `summary` renders it, from its printed figure.
    static func row(_ name: String, _ printed: String) throws -> String {
        "\(name) total \(try Amount.parse(printed).get())"
    }

    @Test(arguments: ["pdf/sh_putuo_fin_2024_final.pdf", "text/sh_putuo_fin_2024_final.txt"])
    func carryOverAndGrandTotalRowsArePlaced(_ file: String) throws {
        let loaded = try InputFile.read(path: CorpusImportTests.corpus.appendingPathComponent(file).path)
        let report = try #require(loaded.report)
        let messages = report.unplaced.map { DiagnosticRenderer().render($0) }.filter { $0.contains("of summary") }
        #expect(messages.isEmpty, "\(file): \(messages.prefix(3).joined(separator: "; "))")
        let items = loaded.items.filter { $0.table == .summary }
        func amounts(_ printed: String) throws -> [LineItem] {
            let a = try Amount.parse(printed).get()
            return items.filter { $0.amount == a && $0.column == .total }
        }
        #expect(try amounts("49.14").count == 1, "\(file): 年初结转和结余 49.14")
        #expect(try amounts("55.34").count == 1, "\(file): 年末结转和结余 55.34")
        #expect(try amounts("2995.39").count == 2, "\(file): 总计 2,995.39 on each side")
        do {
            // Names too: the PDF sets a row's figures on a line of their own above its labels
            // (TwoSidedFiguresOffTheirLabelsTests), the text beside them.
            let lines = Self.summary(items)
            for row in [try Self.row("年初结转和结余", "49.14"), try Self.row("年末结转和结余", "55.34")] {
                #expect(lines.contains(row), "\(file): \(row) missing from \(lines.suffix(6))")
            }
            let total = try Self.row("总计", "2995.39")
            #expect(lines.filter { $0 == total }.count == 2, "\(file): \(lines.suffix(6))")
            // The right side's carry-over follows its own label, not the left one's.
            let carry = items.filter { $0.name.contains("结转和结余") }.map(\.name)
            #expect(carry == ["年初结转和结余", "年末结转和结余"])
        }
    }

    static let inline = """
    上海市普陀区某某局2024年度部门决算
                       收入支出决算总表
                                                     单位：万元
               收入                           支出
           项目           决算数              项目            决算数
    一、一般公共预算财政拨款收入      100.00   一、一般公共服务支出        90.00
             本年收入合计     100.00       本年支出合计        90.00
    \u{0C} 使用非财政拨款结余（含专用结余）               结余分配
     年初结转和结余              5.00     年末结转和结余     15.00
    总计                  105.00   总计         105.00

    """

    @Test func inlineTableGoingOnOverAPageBreak() throws {
        let loaded = try DocumentImporter.read(Self.inline, path: "two-sided.txt")
        let lines = Self.summary(loaded.items)
        for row in [try Self.row("年初结转和结余", "5.00"), try Self.row("年末结转和结余", "15.00"), try Self.row("一、一般公共服务支出", "90.00")] {
            #expect(lines.contains(row), "\(row) missing from \(lines)")
        }
        let total = try Self.row("总计", "105.00")
        #expect(lines.filter { $0 == total }.count == 2, "\(lines)")
        let messages = loaded.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(!messages.contains { $0.contains("two figures under one column") }, "\(messages)")
    }
}
