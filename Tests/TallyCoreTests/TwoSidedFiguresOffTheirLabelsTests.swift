import Foundation
import Testing
@testable import TallyCore

/// Two-sided summary tables (收入 | 决算数 | 支出 | 决算数) whose figures a PDF sets off
/// their labels' line: a generator that gives each figure the box of its whole cell (20 pt
/// tall beside a 3 pt label) has poppler put a row's figures on a line of their own just
/// above its labels, and a label wrapped over two lines may have its figures on the line
/// between. Such figures are their label's, not 合计 rows; and the PDF reads every summary
/// row as the document's `-layout` text does.
struct TwoSidedFiguresOffTheirLabelsTests {
    typealias Box = PageGeometryQuirkTests.Box

    static func summary(_ items: [LineItem]) -> [String] {
        items.filter { $0.table == .summary }.map { "\($0.name) \($0.column.id) \($0.amount)" }.sorted()
    }

    /// The importer's items for one page of word boxes, read as a PDF's.
    static func items(_ boxes: [Box]) throws -> [LineItem] {
        let words = boxes.map { PlacedWord(text: $0.0, left: $0.1, right: $0.1 + $0.3, top: $0.2, bottom: $0.2 + $0.4) }
        let lines = WordLines.group(words, page: 1, firstNumber: 1)
        let found = GridTables.find(lines)
        let source = lines.map { SourceLine(number: $0.number, text: DocumentText.clean($0.text, joinWraps: true), cells: [$0.text]) }
        return try DocumentImporter.assemble(found.tables, lines: source, unitNames: found.unitNames, layout: .pdf, path: "page.pdf").items
    }

    static func row(_ name: String, _ column: String, _ printed: String) throws -> String {
        "\(name) \(column) \(try Amount.parse(printed).get())"
    }

    /// Every corpus document's summary table: the PDF's rows (name, column, amount) are the
    /// `-layout` text's, and none is left without its label.
    @Test(arguments: CorpusImportTests.budgets + CorpusImportTests.finals)
    func pdfSummaryRowsAreTheTextRows(_ stem: String) throws {
        func read(_ file: String) throws -> [String] {
            Self.summary(try InputFile.read(path: CorpusImportTests.corpus.appendingPathComponent(file).path).items)
        }
        let pdf = try read("pdf/\(stem).pdf")
        let text = try read("text/\(stem).txt")
        try #require(!text.isEmpty, "\(stem): the text has no summary rows")
        #expect(pdf == text, "\(stem): PDF only \(pdf.filter { !text.contains($0) }.prefix(4)); text only \(text.filter { !pdf.contains($0) }.prefix(4))")
        // A row read without its label would be named 合计; no summary here prints a bare 合计.
        #expect(!pdf.contains { $0.hasPrefix("合计 ") }, "\(stem): \(pdf.filter { $0.hasPrefix("合计 ") })")
    }

    /// Figures in cell-high boxes, each line of figures 4 pt above its labels' (as ONLYOFFICE
    /// sets them); a side with no figure on a row (二、外交支出) stays without one.
    @Test func figuresInCellHighBoxesAboveTheirLabels() throws {
        let page: [Box] = [
            ("收入支出决算总表", 233.5, 205.1, 128, 4.1), ("单位：万元", 495.2, 238.1, 55, 2.82),
            ("收入", 165.7, 269.6, 22, 2.82), ("支出", 423.8, 269.6, 22, 2.82),
            ("项目", 121.8, 285.3, 22, 2.82), ("决算数", 253.6, 285.3, 33, 2.82),
            ("项目", 379.9, 285.3, 22, 2.82), ("决算数", 506.2, 285.3, 33, 2.82),
            ("100.00", 266.3, 288.6, 28.6, 20.48), ("90.00", 511, 288.6, 25.5, 20.48),
            ("一、一般公共预算财政拨款收入", 44.8, 301.8, 154, 2.82), ("一、一般公共服务支出", 319.4, 301.8, 110, 2.82),
            ("二、事业收入", 44.8, 319.1, 66, 2.82), ("二、外交支出", 319.4, 319.1, 66, 2.82),
            ("10.00", 511, 323.1, 25.5, 20.48),
            ("三、国防支出", 319.4, 336.3, 66, 2.82),
            ("100.00", 266.3, 340.4, 28.6, 20.48), ("100.00", 508, 340.4, 28.6, 20.48),
            ("本年收入合计", 110.8, 353.6, 66, 2.82), ("本年支出合计", 368.9, 353.6, 66, 2.82),
        ]
        let got = Self.summary(try Self.items(page))
        let want = try [
            Self.row("一、一般公共预算财政拨款收入", "total", "100.00"), Self.row("一、一般公共服务支出", "total", "90.00"),
            Self.row("三、国防支出", "total", "10.00"), Self.row("本年收入合计", "total", "100.00"),
            Self.row("本年支出合计", "total", "100.00"),
        ].sorted()
        #expect(got == want)
    }

    /// A label wrapped over two lines with its figure on the line between, as high as the
    /// label's lines (Word's 收支预算总表): the figure is the whole label's.
    @Test func labelWrappedAroundItsFigure() throws {
        let page: [Box] = [
            ("收支预算总表", 258.2, 174.7, 108, 23), ("单位：万元", 498.8, 213.4, 45, 9),
            ("项目名称", 101.5, 262.2, 36, 9), ("金额", 185.5, 262.2, 18, 9),
            ("项目名称", 300, 262.2, 36, 9), ("金额", 420, 262.2, 18, 9),
            ("一、财政拨款", 79.5, 288.5, 54, 9), ("50.00", 180, 288.5, 28.6, 9),
            ("一、基本支出", 250, 288.5, 54, 9), ("40.00", 410, 288.5, 28, 9),
            ("二、单位预留机动经", 250, 305.9, 81, 9), ("10.00", 410, 313.7, 28, 9), ("费", 250, 321.5, 9, 9),
            ("收入合计", 90, 340, 36, 9), ("50.00", 180, 340, 28.6, 9), ("支出合计", 250, 340, 36, 9), ("50.00", 410, 340, 28, 9),
        ]
        let got = Self.summary(try Self.items(page))
        #expect(got.contains(try Self.row("二、单位预留机动经费", "total", "10.00")), "\(got)")
        #expect(!got.contains { $0.hasPrefix("合计 ") || $0.hasPrefix("二、单位预留机动经 ") || $0.hasPrefix("费 ") }, "\(got)")
        #expect(got.count == 5, "\(got)")
    }

    /// `-layout` text of a 财务收支预算总表: the side headings 本年收入 / 本年支出 stand over no
    /// column (本年支出 between 合计 and 人员经费), and 基本支出 / 预算数 sit in the gap between
    /// 人员经费 and 公用经费. The headings are no label columns, and the group names are over
    /// both columns: each figure is its row's, under its own column.
    static let layoutText = """
                               2025年预算单位财务收支预算总表
    编制单位：上海市某某局                                                                             单位：元

                本年收入                                   本年支出
                                                                      预算数
         项目            预算数                项目                          基本支出
                                                  合计                                      项目支出
                                                               人员经费          公用经费
    一、财政拨款收入           171,915,169 一、一般公共服务支出    127,886,849    60,330,260   24,531,459   43,025,130
      1、一般公共预算资金       171,915,169 二、社会保障和就业支出    17,560,320    15,714,000      646,320    1,200,000
      2、政府性基金                        三、卫生健康支出      4,668,000     4,620,000                    48,000
      3、国有资本经营预算                     四、住房保障支出     21,800,000    21,800,000
    二、事业收入
    三、事业单位经营收入
    四、其他收入




        收入总计           171,915,169       支出总计    171,915,169   102,464,260   25,177,779   44,273,130

    """

    @Test func sideHeadingsAndGroupNamesOverNoColumn() throws {
        let items = try DocumentImporter.read(Self.layoutText, path: "two-sided.txt").items
        let got = Self.summary(items)
        for row in try [
            Self.row("一、一般公共服务支出", "total", "12788.6849"), Self.row("一、一般公共服务支出", "personnel", "6033.026"),
            Self.row("一、一般公共服务支出", "public", "2453.1459"), Self.row("一、一般公共服务支出", "project", "4302.513"),
            Self.row("支出总计", "personnel", "10246.426"), Self.row("收入总计", "total", "17191.5169"),
        ] {
            #expect(got.contains(row), "\(row) missing from \(got)")
        }
        #expect(!got.contains { $0.hasPrefix("合计 ") || $0.contains(" basic ") }, "\(got)")
    }
}
