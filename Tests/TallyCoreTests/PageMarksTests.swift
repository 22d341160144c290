import Testing
@testable import TallyCore

/// What a PDF's pages carry besides upright tables: a page whose text is turned 90° (a
/// landscape table set sideways on a portrait page) is read turned upright; a watermark
/// laid across the tables, which poppler gives one large glyph a word, is left out and
/// counted; nothing else is taken for one.
struct PageMarksTests {
    /// `pdftotext -tsv` rows: page, left, top, width, height, text.
    static func tsv(_ words: [(Int, Double, Double, Double, Double, String)]) -> [UInt8] {
        var out = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        for (page, left, top, width, height, text) in words {
            out += "5\t\(page)\t0\t0\t0\t0\t\(left)\t\(top)\t\(width)\t\(height)\t100\t\(text)\n"
        }
        return Array(out.utf8)
    }

    /// A table's rows: a code, a name and two figures a line, 9 pt high.
    static func rows(page: Int, count: Int = 8) -> [(Int, Double, Double, Double, Double, String)] {
        (0..<count).flatMap { r -> [(Int, Double, Double, Double, Double, String)] in
            let top = 100 + Double(r) * 14
            return [(page, 50, top, 30, 9, "20101\(r)"), (page, 90, top, 60, 9, "行政运行"), (page, 200, top, 30, 9, "12.50"), (page, 260, top, 30, 9, "12.50")]
        }
    }

    /// A table turned on its page, either way: read turned upright, its rows as on an upright page.
    @Test(arguments: [true, false])
    func aPageTurnedSidewaysIsReadUpright(anticlockwise: Bool) {
        let (width, height) = (595.0, 842.0)
        // Upright (left, top, width, height) on the turned page: read bottom to top, the
        // table's left is the page's bottom; top to bottom, its top.
        let turned = Self.rows(page: 2).map { r in
            anticlockwise ? (r.0, r.2, height - (r.1 + r.3), r.4, r.3, r.5) : (r.0, width - (r.2 + r.4), r.1, r.4, r.3, r.5)
        }
        let pages = PDFWords.parse(Self.tsv(Self.rows(page: 1) + turned))
        #expect(pages.sideways.isEmpty && pages.turned == [2])
        let texts = { (page: Int) in pages.lines.filter { $0.page == page }.map { $0.words.map(\.text) } }
        #expect(texts(2) == texts(1) && texts(1).count == 8)
    }

    /// Turned text that is no table (no figures to stand right of its names) is named and not read.
    @Test func aTurnedPageWithoutATableIsNamedAndNotRead() {
        let turned = (0..<6).map { r in (2, 100 + Double(r) * 14, 200.0, 9.0, 60.0, "情况说明文字") }
        let pages = PDFWords.parse(Self.tsv(Self.rows(page: 1) + turned))
        #expect(pages.sideways == [2])
        #expect(Set(pages.lines.map(\.page)) == [1] && pages.lines.count == 8)
    }

    @Test func aWatermarksGlyphsAreLeftOutAndCounted() {
        // 2 0 2 5 年 预 算 laid diagonally, 61 pt high over 9 pt text.
        let mark = ["2", "0", "2", "5", "年", "预", "算"].enumerated().map { n, glyph in
            (1, 120 + Double(n) * 40, 300 - Double(n) * 30, glyph.first!.isNumber ? 22.7 : 49.0, 61.0, glyph)
        }
        let pages = PDFWords.parse(Self.tsv(Self.rows(page: 1) + mark))
        #expect(pages.marks == [1: 7])
        #expect(!pages.lines.flatMap(\.words).contains { $0.bottom - $0.top > 60 })
        #expect(pages.lines.flatMap(\.words).count == 32)
    }

    @Test(arguments: [
        // A title, larger than the table's text but a run of characters.
        (1, 80.0, 40.0, 300.0, 40.0, "2025年部门收支总表"),
        // A figure some generators box as high as its cell, or a list's number: narrow for its height.
        (1, 200.0, 40.0, 18.0, 40.0, "0.95"), (1, 145.0, 400.0, 6.0, 40.0, "1"),
    ])
    func notAMark(_ word: (Int, Double, Double, Double, Double, String)) {
        let pages = PDFWords.parse(Self.tsv(Self.rows(page: 1) + [word]))
        #expect(pages.marks.isEmpty && pages.sideways.isEmpty)
        #expect(pages.lines.flatMap(\.words).contains { $0.text == word.5 })
    }
}
