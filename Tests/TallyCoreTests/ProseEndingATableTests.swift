import Foundation
import Testing
@testable import TallyCore

/// A table's region runs to the next title, so the narrative after the last table (第三部分
/// …说明) is read by its reader. A sentence wrapped before its 。 leaves a line that ends in a
/// figure (`…2024 年度收入支出总计 307.82` / `万元。与 2023 年度相比，…`): it is prose, not a
/// row — neither of a table that has said it is empty (本表无数据), nor of one with rows.
struct ProseEndingATableTests {
    static func notRows(_ report: ImportReport) -> [String] {
        report.unplaced.map { DiagnosticRenderer().render($0) }.filter { $0.contains("not a row of") || $0.contains("after the end of the table") }
    }

    @Test(arguments: ["pdf/sh_putuo_shgz_2024_final.pdf", "text/sh_putuo_shgz_2024_final.txt"])
    func emptySOECapitalTableBeforeTheNarrative(_ file: String) throws {
        let loaded = try InputFile.read(path: CorpusImportTests.corpus.appendingPathComponent(file).path)
        let report = try #require(loaded.report)
        #expect(Self.notRows(report).isEmpty, "\(file): \(Self.notRows(report))")
        let soe = try #require(report.tables.first { $0.table == .soeCapital })
        #expect(soe.items == 0 && soe.emptyStatement != nil, "\(file): \(soe)")
        #expect(!loaded.items.contains { $0.table == .soeCapital })
    }

    /// (name, the lines of a `-layout` text, the items of the table read before the prose)
    static let cases: [(String, String, Int)] = [
        ("a table with rows, then a sentence going on to the next line", """
    上海市普陀区某某部2024年度部门决算
                        政府性基金预算财政拨款收入支出决算表
                                                            单位：万元
    说明：上海市普陀区某某部本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。
                        一般公共预算财政拨款支出决算表
                                                            单位：万元
          科目编码          科目名称            合计      基本支出    项目支出
          201          一般公共服务支出          10.00      6.00       4.00
          20106        财政事务                 10.00      6.00       4.00
          2010601      行政运行                 10.00      6.00       4.00
                       合计                     10.00      6.00       4.00

       第三部分    上海市普陀区某某部 2024 年度部门决算情况说明
       一、收入支出决算总体情况说明
       上海市普陀区某某部 2024 年度一般公共预算财政拨款支出 10.00
    万元。与 2023 年度相比，增加 10.00 万元，主要原因：单位于 2024 年成立。

    """, 12),
        ("an empty table, then a line of the next part with a figure", """
    上海市普陀区某某部2024年度部门决算
                        一般公共预算财政拨款支出决算表
                                                            单位：万元
          科目编码          科目名称            合计      基本支出    项目支出
          201          一般公共服务支出          10.00      6.00       4.00
                       合计                     10.00      6.00       4.00
                     国有资本经营预算财政拨款收入支出决算表
                                                            单位：万元
          科目编码          科目名称            合计      基本支出    项目支出
    说明：上海市普陀区某某部本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。
       第三部分    上海市普陀区某某部 2024 年度部门决算情况说明
       一、收入支出决算总体情况说明
       上海市普陀区某某部 2024 年度收入支出总计 10.00

       二、收入决算情况说明

    """, 6),
    ]

    @Test(arguments: cases.indices)
    func proseLineIsNoRow(_ n: Int) throws {
        let (name, text, count) = Self.cases[n]
        let loaded = try DocumentImporter.read(text, path: "prose.txt")
        #expect(Self.notRows(loaded.report).isEmpty, "\(name): \(Self.notRows(loaded.report))")
        let items = loaded.items.filter { $0.table != .summary }
        #expect(items.count == count, "\(name): \(items.map { "\($0.table.id) \($0.code) \($0.name)" })")
        #expect(items.allSatisfy { !$0.code.isEmpty || $0.name == "合计" }, "\(name): \(items.map(\.name))")
    }
}
