import Testing
@testable import TallyCore

/// Headers set letter-spaced to fill their cells (`合 计`, `基 本 支 出`), as the national
/// template prints them: poppler gives each glyph as a word, and the glyphs of one name are
/// one word again before any header is read; glyphs a column apart stay apart.
struct LetterSpacedHeadersTests {
    /// `pdftotext -tsv` rows (level 5: a word) for boxes (text, left, top, width, height).
    static func tsv(_ boxes: [PageGeometryQuirkTests.Box]) -> [UInt8] {
        let rows = boxes.enumerated().map { i, b in "5\t1\t0\t0\t0\t\(i)\t\(b.1)\t\(b.2)\t\(b.3)\t\(b.4)\t100\t\(b.0)" }
        return Array((["level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"] + rows)
            .joined(separator: "\n").utf8)
    }

    /// A name's glyphs `pitch` points apart from `left`, 8.5 points each.
    static func spaced(_ name: String, _ left: Double, _ top: Double, pitch: Double = 11.05) -> [PageGeometryQuirkTests.Box] {
        name.enumerated().map { i, c in (String(c), left + Double(i) * pitch, top, 8.5, 8.5) }
    }

    struct JoinCase: CustomTestStringConvertible, Sendable {
        var name: String
        var boxes: [PageGeometryQuirkTests.Box]
        var words: [String]
        var testDescription: String { name }
    }

    static let joinCases: [JoinCase] = [
        JoinCase(name: "a letter-spaced name", boxes: spaced("基本支出", 100, 50), words: ["基本支出"]),
        JoinCase(name: "two names a column apart", boxes: spaced("合计", 100, 50) + spaced("项目支出", 160, 50), words: ["合计", "项目支出"]),
        JoinCase(name: "split code columns", boxes: spaced("类款项", 60, 50, pitch: 31.4), words: ["类", "款", "项"]),
        JoinCase(name: "narrow split code columns, a glyph apart", boxes: spaced("类款项", 60, 50, pitch: 17), words: ["类", "款", "项"]),
        JoinCase(name: "spaced at half a glyph", boxes: spaced("合计", 100, 50, pitch: 12.7), words: ["合计"]),
        JoinCase(name: "a glyph beside a word", boxes: [("合", 100, 50, 8.5, 8.5), ("计数", 111, 50, 17, 8.5)], words: ["合", "计数"]),
        JoinCase(name: "glyphs of different sizes", boxes: [("表", 100, 50, 8.5, 8.5), ("一", 111, 48, 14, 14)], words: ["表", "一"]),
    ]

    @Test(arguments: joinCases)
    func glyphsOfOneNameAreOneWord(_ c: JoinCase) {
        let lines = PDFWords.parse(Self.tsv(c.boxes)).lines
        #expect(lines.flatMap(\.words).map(\.text) == c.words)
    }

    @Test func aTableWithLetterSpacedHeadersIsRead() {
        let boxes: [PageGeometryQuirkTests.Box] =
            [("一般公共预算财政拨款支出预算表", 200, 30, 240, 16), ("单位：万元", 480, 60, 50, 10)]
            + Self.spaced("科目编码", 60, 90) + Self.spaced("科目名称", 160, 90)
            + Self.spaced("合计", 300, 90) + Self.spaced("基本支出", 370, 90) + Self.spaced("项目支出", 460, 90)
            + [("201", 60, 110, 15, 8.5), ("一般公共服务支出", 160, 110, 68, 8.5),
               ("500.00", 305, 110, 25, 8.5), ("400.00", 395, 110, 25, 8.5), ("100.00", 485, 110, 25, 8.5)]
        let tables = GridTables.find(PDFWords.parse(Self.tsv(boxes)).lines).tables
        #expect(tables.map { PageGeometryQuirkTests.rows($0) } == [["201 一般公共服务支出 total=500.00 basic=400.00 project=100.00"]])
    }
}
