import Testing
@testable import TallyCore

/// A watermark (内部公开) across a table, in `pdftotext -layout` text: its glyphs stand alone
/// among the rows, and poppler pulls the figures of the rows they cross onto the glyphs' lines
/// (`开 160.84 1,222.28`, `内 801.54`). Which row such figures belong to cannot be told, so
/// they are reported; rows printed whole on their code's line are read; no figure becomes a
/// row without a code.
struct StrayGlyphsTests {
    static let table = """
                                        支出预算总表
        部门名称：某市教育局                                                             单位：万元
          科目编码               科目名称             合计              基本支出            项目支出
                  合计                               5,022.68      2,453.45         2,569.23
        205       教育支出                             2,282.96          160.84       2,122.12
    
        20501     教育管理事务                           1,383.12
    
                                                              开      160.84       1,222.28
    
    
    
    
                                               公
        2050101   行政运行                               160.84          160.84
    
    
    
    
                                              部
        2050102   一般行政管理事务                           685.03                          685.03
    
    
        2050199   其他教育管理事务支出                         537.25                          537.25
    
        20502     普通教育
                                        内            801.54
    
    
    
                                                                              开
                                                                                     801.54
    
    
    
    
                                    局
        2050204   高中教育                               739.74                          739.74
    """

    @Test func figuresBesideTheGlyphsAreReported() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.table, path: "exp.txt")
        let items = result.items.filter { $0.table == .expenditure }
        #expect(!items.contains { $0.code.isEmpty && $0.name != "合计" })
        let whole = items.filter { ["2050101", "2050102", "2050199", "2050204"].contains($0.code) && $0.column == .total }.map { "\($0.code) \($0.amount)" }
        #expect(whole == [("2050101", "160.84"), ("2050102", "685.03"), ("2050199", "537.25"), ("2050204", "739.74")].map { "\($0) \(try! Amount.parse($1, unit: .wan).get())" })
        let unplaced = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(unplaced.contains { $0.contains("160.84 1,222.28") || $0.contains("160.84 1222.28") }, "\(unplaced)")
        #expect(unplaced.contains { $0.contains("801.54") && $0.contains("watermark") }, "\(unplaced)")
        #expect(result.report.placements.contains { $0.how.contains("watermark") })
    }

    /// A row of a table of codes that prints a name and figures but no code (its code set
    /// lines away, out of reach) is reported, never stored as a row without a code; a part's
    /// total (人员经费合计) is still read.
    @Test func aNamedRowWithoutItsCodeIsReported() throws {
        let text = """
                                        支出预算总表
        单位：某市教育局                                                                  单位：万元
          科目编码               科目名称             合计              基本支出            项目支出
                  合计                               1,190.35        807.34          383.01
        210       卫生健康支出                          807.34          807.34
        21011

                  行政事业单位医疗                      807.34          807.34
        221       住房保障支出                          383.01                          383.01
        """
        let result = try DocumentImporter.read("\u{0C}" + text, path: "exp.txt")
        let items = result.items.filter { $0.table == .expenditure }
        #expect(!items.contains { $0.code.isEmpty && $0.name != "合计" })
        #expect(Set(items.map(\.code)) == ["", "210", "221"])
        let unreadable = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(unreadable.contains { $0.contains("行政事业单位医疗") }, "\(unreadable)")
    }
}

/// Glyphs set a cell apart that spell a row's label (`小 计`, `人 员 经 费`) are that label, not
/// a watermark's.
struct LetterSpacedLabelTests {
    @Test(arguments: ["合 计", "小 计", "人 员 经 费"])
    func aSpacedLabelIsNoMark(label: String) {
        let text = "          \(label)                  5,007.17          5,007.17"
        let line = LayoutTextWords.lines([], raw: [Substring(text)])[0]
        var piece = TableReader.Piece(line: line, labels: line.words.filter { FigureText.read($0.text) == .text }, figures: [(0, "5007.17")])
        piece.hasCode = false
        #expect(!StrayGlyphs.isMarkLine(piece, nameStarts: [10]))
    }

    @Test func aLoneGlyphBesideFiguresIsAMark() {
        let line = LayoutTextWords.lines([], raw: [Substring("                   内            801.54")])[0]
        let piece = TableReader.Piece(line: line, labels: [line.words[0]], figures: [(0, "801.54")])
        #expect(StrayGlyphs.isMarkLine(piece, nameStarts: [10]))
    }
}
