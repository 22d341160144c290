import Foundation
import Testing
@testable import TallyCore

/// Every row of the corpus's five core tables carries the name its truth file gives, from the
/// PDF and from its `pdftotext -layout` text: a name wrapped over lines is whole, on its own
/// row (a wrap's last line never glued onto the next row's name, a name line above a page's
/// first row never taken for the header).
struct CorpusNamesTests {
    struct Key: Hashable { var table: String, code: String, column: String, year: Int, phase: String }

    static func truthNames(_ stem: String) throws -> [Key: String] {
        let text = try String(contentsOf: CorpusImportTests.corpus.appendingPathComponent("truth/\(stem).tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let phased = lines.first?.split(separator: "\t").contains("phase") ?? false
        var out: [Key: String] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6, let year = Int(f[4]), f[1] != "TOTAL" else { continue }
            out[Key(table: f[0], code: f[1], column: f[3], year: year, phase: phased ? f[5] : "budget")] = f[2]
        }
        return out
    }

    @Test(arguments: (CorpusImportTests.budgets + CorpusImportTests.finals).flatMap { [($0, "pdf/\($0).pdf"), ($0, "text/\($0).txt")] })
    func namesEqualTheTruth(_ stem: String, _ file: String) throws {
        let truth = try Self.truthNames(stem)
        try #require(truth.count > 20, "truth file for \(stem) is missing or short")
        let loaded = try InputFile.read(path: CorpusImportTests.corpus.appendingPathComponent(file).path)
        var wrong: [String] = []
        var compared = 0
        for item in loaded.items where CorpusImportTests.coreTables.contains(item.table) && !item.code.isEmpty {
            let key = Key(table: item.table.id, code: item.code, column: item.column.id, year: item.year, phase: item.phase.id)
            guard let name = truth[key] else { continue }
            compared += 1
            if name != item.name { wrong.append("\(item.table.id) \(item.code) line \(item.line): \(item.name) (truth \(name))") }
        }
        #expect(compared * 10 >= truth.count * 9, "\(file): only \(compared) of \(truth.count) truth rows found")
        #expect(wrong.isEmpty, "\(file): \(wrong.count) names differ from the truth, e.g. \(wrong.prefix(5).joined(separator: "; "))")
    }
}

/// A 决算's 财政拨款收入支出决算总表 sets its column names wrapped over lines (`一般公共预算` /
/// `财` / `政拨款`): a wrapped `…拨款` is a column of figures, not a 类/款/项 code column, so
/// the figures under it are read into it, and none is reported as two under one column.
struct FiscalSummaryWrappedHeaderTests {
    @Test(arguments: ["pdf/sh_putuo_fin_2024_final.pdf", "text/sh_putuo_fin_2024_final.txt"])
    func fiscalSummaryFiguresArePlaced(_ file: String) throws {
        let loaded = try InputFile.read(path: CorpusImportTests.corpus.appendingPathComponent(file).path)
        let report = try #require(loaded.report)
        let messages = report.unplaced.map { DiagnosticRenderer().render($0) }.filter { $0.contains("fiscal_summary") }
        #expect(messages.isEmpty, "\(file): \(messages.prefix(3).joined(separator: "; "))")
        let gpb = loaded.items.filter { $0.table == .fiscalSummary && $0.column == .gpb }.map(\.amount)
        // 一般公共服务支出 2,106.66, 社会保障和就业支出 326.71, 卫生健康支出 60.99, 住房保障支出 445.69, 本年支出合计 2,940.05.
        for printed in ["2106.66", "326.71", "60.99", "445.69", "2940.05"] {
            #expect(gpb.contains(try Amount.parse(printed).get()), "\(file): \(printed) not read under 一般公共预算财政拨款")
        }
    }
}
