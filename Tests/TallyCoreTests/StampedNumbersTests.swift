import Testing
@testable import TallyCore

/// A number stamped over a table (a seal's `2025`, a date) in a size the table's figures
/// are not is left out and named, never read as a figure; what only resembles one (a
/// title's large year, a page number, a bold 合计 row, figures in cell-high boxes) stays.
struct StampedNumbersTests {
    typealias Word = (Int, Double, Double, Double, Double, String)

    /// A code table of 9 pt text: code, name and two figures a row (digits 4.5 pt wide).
    static func rows(page: Int = 1, count: Int = 8, figureHeight: Double = 9.2) -> [Word] {
        [(page, 200, 40, 160, 16, "2025年部门支出总表"), (page, 50, 70, 36, 9.2, "科目编码"), (page, 100, 70, 36, 9.2, "科目名称"),
         (page, 200, 70, 18, 9.2, "合计"), (page, 260, 70, 36, 9.2, "基本支出")]
        + (0..<count).flatMap { r -> [Word] in
            let top = 90 + Double(r) * 16
            return [(page, 50, top, 31.5, 9.2, "201010\(r)"), (page, 100, top, 36, 9.2, "行政运行"),
                    (page, 211.75, top - (figureHeight - 9.2) / 2, 20.25, figureHeight, "12.50"),
                    (page, 271.75, top - (figureHeight - 9.2) / 2, 20.25, figureHeight, "12.50")]
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var extra: [Word]
        var figureHeight = 9.2
        /// The words that must be left out as stamps.
        var stamps: [String]
    }

    static let cases: [Case] = [
        Case(testDescription: "a 14 pt year over the figures", extra: [(1, 230, 120, 28, 14.3, "2025")], stamps: ["2025"]),
        Case(testDescription: "a 14 pt date", extra: [(1, 180, 150, 63, 14.3, "2025.01.15")], stamps: ["2025.01.15"]),
        Case(testDescription: "a tiny printed date", extra: [(1, 262, 126, 12, 4.5, "2025-01-15")], stamps: ["2025-01-15"]),
        Case(testDescription: "a bold 合计 row a point larger",
             extra: [(1, 100, 220, 18, 10.2, "合计"), (1, 210, 220, 22.5, 10.2, "100.00"), (1, 270, 220, 22.5, 10.2, "100.00")], stamps: []),
        Case(testDescription: "a title's year set apart from its words",
             extra: [(1, 150, 14, 40, 20, "2025"), (1, 195, 14, 180, 20, "年部门支出总表")], stamps: []),
        Case(testDescription: "a page number at the foot", extra: [(1, 280, 560, 9, 7, "12")], stamps: []),
        Case(testDescription: "figures in boxes as high as their cells", extra: [], figureHeight: 20.5, stamps: []),
    ]

    static func tsv(_ words: [Word]) -> [UInt8] { PageMarksTests.tsv(words) }

    @Test(arguments: cases)
    func stampsAreLeftOutAndNamed(_ c: Case) {
        let pages = PDFWords.parse(Self.tsv(Self.rows(figureHeight: c.figureHeight) + c.extra))
        #expect((pages.stamps[1] ?? []) == c.stamps)
        let kept = pages.lines.flatMap(\.words).map(\.text)
        for stamp in c.stamps { #expect(!kept.contains(stamp)) }
        for word in c.extra where !c.stamps.contains(word.5) { #expect(kept.contains(word.5), "\(word.5) was left out") }
    }

    /// A page with one row (a 三公 table) is measured against the document's other figures;
    /// a cover's large year, on a page with no table's figures, is no stamp.
    @Test(arguments: [(true, ["2025"]), (false, [])])
    func aPageOfFewFiguresIsMeasuredByTheDocument(_ tableOnPage: Bool, _ stamps: [String]) {
        var second: [Word] = [(2, 200, 40, 160, 16, "2025年“三公”经费支出表"), (2, 230, 120, 28, 14.3, "2025")]
        if tableOnPage { second += [(2, 211.75, 90, 20.25, 9.2, "58.00"), (2, 271.75, 90, 20.25, 9.2, "10.00")] }
        let pages = PDFWords.parse(Self.tsv(Self.rows() + second))
        #expect((pages.stamps[2] ?? []) == stamps)
    }

    /// Through the whole importer: the stamp over a cell neither becomes a figure nor takes
    /// the cell of the figure under it, and the report names it.
    @Test func theImporterNeverReadsAStamp() throws {
        let words = Self.rows() + [(1, 262, 106, 28, 14.3, "2025")]
        let pages = PDFWords.parse(Self.tsv(words))
        let found = GridTables.find(pages.lines)
        let source = pages.lines.map { SourceLine(number: $0.number, text: DocumentText.clean($0.text, joinWraps: true), cells: [$0.text]) }
        let items = try DocumentImporter.assemble(found.tables, lines: source, unitNames: [], layout: .pdf, path: "p.pdf").items
            .filter { $0.table == .expenditure }
        #expect(items.count == 16 && items.allSatisfy { "\($0.amount)" == "12.50" }, "\(items.map { "\($0.code) \($0.column.id) \($0.amount)" })")
    }
}
