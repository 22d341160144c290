import Testing
@testable import TallyCore

/// Two pages' worth on one sheet — a document printed 2-up, or two tables side by side on a
/// landscape page — are read as two pages, left before right: poppler sets level rows of the
/// two halves on one line, which read across made one table of both.
struct SheetPartsTests {
    typealias Word = (Int, Double, Double, Double, Double, String)

    /// A code table of 9 pt text at `x`, its rows `drop` points lower (a 2-up sheet's halves
    /// are scaled apart, so their rows rarely stand level); its last column named `last`, its
    /// figures whole 元 in groups set apart by spaces where `spaced`.
    static func table(_ title: String?, page: Int, x: Double = 0, drop: Double = 0, dotted: Bool = false, class: String = "201",
                      last: String = "基本支出", spaced: Bool = false) -> [Word] {
        (title.map { [(page, x + 100, 40 + drop, 140, 12, $0)] } ?? []) + [(page, x + 50, 70 + drop, 36, 9.2, "科目编码"), (page, x + 100, 70 + drop, 36, 9.2, "科目名称"),
         (page, x + 213, 70 + drop, 18, 9.2, "合计"), (page, x + 256, 70 + drop, 36, 9.2, last)]
            + (0..<6).flatMap { r -> [Word] in
                let top = 90 + Double(r) * 16 + drop
                // (With dots, a 款's code `201.01` reads like a figure.)
                let code = dotted ? (r < 4 ? "\(`class`).0\(r)" : "\(`class`).01.0\(r)") : (r < 4 ? "\(`class`)0\(r)" : "\(`class`)010\(r)")
                // A figure ending at `right`: `1r.50`, or `1r 500 000`.
                func figure(_ right: Double) -> [Word] {
                    guard spaced else { return [(page, x + right - 20.25, top, 20.25, 9.2, "1\(r).50")] }
                    return [(page, x + right - 44, top, 10, 9.2, "1\(r)"), (page, x + right - 32, top, 15, 9.2, "500"), (page, x + right - 15, top, 15, 9.2, "000")]
                }
                return [(page, x + 50, top, Double(code.count) * 4.5, 9.2, code), (page, x + 100, top, 36, 9.2, "行政运行")] + figure(232) + figure(292)
            }
    }

    static func items(_ words: [Word]) throws -> [String] {
        let pages = PDFWords.parse(PageMarksTests.tsv(words))
        let found = GridTables.find(pages.lines)
        let source = pages.lines.map { SourceLine(number: $0.number, text: DocumentText.clean($0.text, joinWraps: true), cells: [$0.text]) }
        return try DocumentImporter.assemble(found.tables, lines: source, unitNames: [], layout: .pdf, path: "p.pdf").items
            .map { "\($0.table.id) \($0.code) \($0.column.id) \($0.amount)" }.sorted()
    }

    @Test(arguments: [0.0, 3.0, 8.0])
    func twoTablesOnOneSheetAreTwoPages(drop: Double) throws {
        let apart = try Self.items(Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 2))
        #expect(apart.count == 24)
        let sheet = try Self.items(Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 1, x: 330, drop: drop))
        #expect(sheet == apart)
    }

    /// Codes printed with dots (`201.01.01`) begin rows as plain codes do.
    @Test func twoTablesWithDottedCodes() throws {
        let apart = try Self.items(Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 2))
        let sheet = try Self.items(Self.table("2025年部门支出总表", page: 1, dotted: true)
            + Self.table("2025年一般公共预算支出表", page: 1, x: 330, drop: 3, dotted: true))
        #expect(sheet == apart)
    }

    /// The lines of a split sheet keep the sheet's page for provenance, and number the left
    /// half's lines first.
    @Test func partsKeepTheirSheet() {
        let pages = PDFWords.parse(PageMarksTests.tsv(Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 1, x: 330, drop: 3)))
        let parts = Set(pages.lines.map(\.page))
        #expect(parts.count == 2 && parts.allSatisfy { pages.sheet($0) == 1 })
        let leftLines = pages.lines.filter { $0.words.allSatisfy { $0.left < 330 } }.map(\.number)
        let rightLines = pages.lines.filter { $0.words.allSatisfy { $0.left >= 330 } }.map(\.number)
        #expect(leftLines.count == 8 && rightLines.count == 8 && leftLines.max()! < rightLines.min()!)
    }

    /// A table whose own columns leave a gutter (short names and a first figure column, then
    /// the rest further right) under a title set over the page's middle is one page.
    @Test func aGutterInsideATableSplitsNothing() {
        var words: [Word] = [(1, 275, 40, 60, 12, "支出决算表"), (1, 50, 70, 36, 9.2, "科目编码"), (1, 100, 70, 36, 9.2, "科目名称"),
                             (1, 213, 70, 18, 9.2, "合计"), (1, 340, 70, 36, 9.2, "基本支出"), (1, 410, 70, 36, 9.2, "项目支出")]
        for r in 0..<6 {
            let top = 90 + Double(r) * 16
            words += [(1, 50, top, 31.5, 9.2, "201010\(r)"), (1, 100, top, 36, 9.2, "行政运行"), (1, 211.75, top, 20.25, 9.2, "2\(r).00"),
                      (1, 351.75, top, 20.25, 9.2, "1\(r).00"), (1, 421.75, top, 20.25, 9.2, "1\(r).00")]
        }
        #expect(!SheetParts.gutters(words.map { PlacedWord(text: $0.5, left: $0.1, right: $0.1 + $0.3, top: $0.2, bottom: $0.2 + $0.4) }).isEmpty)
        let pages = PDFWords.parse(PageMarksTests.tsv(words))
        #expect(Set(pages.lines.map(\.page)) == [1] && pages.sheetOfPart.isEmpty)
    }

    /// In a document printed 2-up, its cover shares a sheet with the first page of notes: the
    /// cover is read first, so it names the department.
    @Test func aTwoUpCoverIsReadFirst() {
        let cover: [Word] = [(1, 60, 300, 150, 14, "合肥市某区卫生健康委员会"), (1, 90, 330, 90, 14, "2025年部门预算"),
                             (1, 400, 60, 260, 9, "第一部分 部门概况"), (1, 380, 80, 300, 9, "本部门是主管本区域相关工作的政府工作部门。")]
        let sheets = cover + Self.table("2025年部门支出总表", page: 2) + Self.table("2025年一般公共预算支出表", page: 2, x: 330, drop: 3)
            + Self.table("2025年部门收入总表", page: 3) + Self.table("2025年一般公共预算基本支出表", page: 3, x: 330, drop: 3)
        let pages = PDFWords.parse(PageMarksTests.tsv(sheets))
        #expect(pages.lines.first?.joined == "合肥市某区卫生健康委员会")
        #expect(Set(pages.lines.map(\.page)).count == 6)
    }

    /// A 2-up document whose table goes on, untitled, on the next sheet: that sheet is cut
    /// where the titled sheet is, though only one of its halves has a title.
    @Test func aTableGoingOnUntitledIsCutWhereTheTitledSheetsAre() throws {
        let apart = try Self.items(Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 2)
            + Self.table(nil, page: 3, class: "205") + Self.table("2025年一般公共预算基本支出表", page: 4))
        #expect(apart.count == 48)
        let sheets = Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 1, x: 330, drop: 3)
            + Self.table(nil, page: 2, class: "205") + Self.table("2025年一般公共预算基本支出表", page: 2, x: 330, drop: 5)
        #expect(try Self.items(sheets) == apart)
    }

    /// A table's last page of two rows after a sheet of two tables side by side, set wider:
    /// the gap between its names and its figures lies where the sheet's gutter was. Its rows'
    /// labels on one side and their figures on the other are no two tables: it is not cut.
    @Test func aLastPageOfTwoRowsIsNotCut() throws {
        let sheet = Self.table("2025年部门支出总表", page: 1) + Self.table("2025年一般公共预算支出表", page: 1, x: 330, drop: 3)
        func lastPage(_ x: Double) -> [Word] {
            [(2, 50, 70, 36, 9.2, "科目编码"), (2, 100, 70, 36, 9.2, "科目名称"), (2, x + 213, 70, 18, 9.2, "合计"), (2, x + 256, 70, 36, 9.2, "基本支出")]
                + ["2010106", "2010107"].enumerated().flatMap { r, code -> [Word] in
                    let top = 90 + Double(r) * 16
                    return [(2, 50, top, 31.5, 9.2, code), (2, 100, top, 36, 9.2, "行政运行"),
                            (2, x + 211.75, top, 20.25, 9.2, "7\(r).50"), (2, x + 271.75, top, 20.25, 9.2, "7\(r).50")]
                }
        }
        let narrow = try Self.items(sheet + lastPage(0))
        #expect(narrow.count == 28 && narrow.contains("gpb_expenditure 2010107 basic 71.50"), "\(narrow)")
        #expect(try Self.items(sheet + lastPage(200)) == narrow)
    }

    /// A 2-up sheet of a wide table printed a page wide at a time: its rows' last page on
    /// one half, its right-hand columns (lines of figures alone) on the other. Where the
    /// columns stand under the table's title printed again, or beside the next table's title
    /// and rows, the halves are two pages; untitled, figures alone beside rows are no page.
    @Test func columnsGoingOnBesideATitledHalfAreCut() throws {
        func placed(_ words: [Word]) -> [PlacedWord] { words.map { PlacedWord(text: $0.5, left: $0.1, right: $0.1 + $0.3, top: $0.2, bottom: $0.2 + $0.4) } }
        func columns(x: Double, title: String?) -> [Word] {
            (title.map { [(1, x + 60, 40, 140, 12, $0)] } ?? []) + [(1, x + 40, 70, 36, 9.2, "公用经费"), (1, x + 110, 70, 36, 9.2, "项目支出")]
                + (0..<6).flatMap { r -> [Word] in
                    let top = 90 + Double(r) * 16
                    return [(1, x + 56 - 20.25, top, 20.25, 9.2, "2\(r).50"), (1, x + 146 - 20.25, top, 20.25, 9.2, "3\(r).50")]
                }
        }
        let span = [0.0...1000.0]
        let rows = Self.table(nil, page: 1, class: "205")
        let titled = SheetParts.halves(placed(rows + columns(x: 330, title: "2025年部门支出总表")), evidence: .sharedGutter(span))
        #expect(titled.map { ($0.0.count, $0.1.count) }.map { $0 == (rows.count, 15) } == true)
        #expect(SheetParts.halves(placed(rows + columns(x: 330, title: nil)), evidence: .sharedGutter(span)) == nil)
        let next = Self.table("2025年一般公共预算支出表", page: 1, x: 330)
        let beside = SheetParts.halves(placed(columns(x: 0, title: nil) + next), evidence: .sharedGutter(span))
        #expect(beside.map { ($0.0.count, $0.1.count) }.map { $0 == (14, next.count) } == true)
        #expect(SheetParts.halves(placed(columns(x: 0, title: nil) + Self.table(nil, page: 1, x: 330)), evidence: .sharedGutter(span)) == nil)
    }

    /// Whole 元 set in groups (`4 783 700`) end each row of the left table with three digits,
    /// as a code would that the gutter cut from its name: they are no code.
    @Test func twoTablesOfSpacedIntegers() throws {
        let apart = try Self.items(Self.table("2025年部门支出总表", page: 1, spaced: true) + Self.table("2025年一般公共预算支出表", page: 2, spaced: true))
        #expect(apart.count == 24)
        let sheet = try Self.items(Self.table("2025年部门支出总表", page: 1, spaced: true)
            + Self.table("2025年一般公共预算支出表", page: 1, x: 330, drop: 3, spaced: true))
        #expect(sheet == apart)
    }

    // MARK: -layout text

    static let leftRows = [("201", "一般公共服务支出", "1,261.00", "961.00"), ("20101", "人大事务", "961.00", "661.00"),
                           ("2010101", "行政运行", "661.00", "661.00"), ("2010102", "一般行政管理事务", "300.00", ""),
                           ("20103", "政府办公厅（室）及相关机构事务", "300.00", "300.00"), ("2010301", "行政运行", "300.00", "300.00")]
    static let rightRows = [("301", "工资福利支出", "800.00", "800.00"), ("30101", "基本工资", "500.00", "500.00"),
                            ("30102", "津贴补贴", "300.00", "300.00"), ("302", "商品和服务支出", "161.00", ""),
                            ("30201", "办公费", "100.00", ""), ("30202", "印刷费", "61.00", "")]

    /// The 一般公共预算支出表's lines and the 基本支出表's, each as `-layout` text sets them.
    static func textTables() -> (left: [String], right: [String]) {
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func lp(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        func left(_ c: String, _ n: String, _ a: String, _ b: String) -> String { pad(c, 10) + pad(n, 22) + lp(a, 10) + lp(b, 12) }
        func right(_ c: String, _ n: String, _ a: String, _ b: String) -> String { pad(c, 8) + pad(n, 14) + lp(a, 10) + lp(b, 12) }
        return ([pad("        2025年一般公共预算支出表", 54), pad("", 44) + "单位：万元", left("科目编码", "科目名称", "合计", "基本支出"),
                 left("", "合计", "1,261.00", "961.00")] + leftRows.map(left),
                [pad("      2025年一般公共预算基本支出表", 44), pad("", 34) + "单位：万元", right("科目编码", "科目名称", "合计", "人员经费"),
                 right("", "合计", "961.00", "800.00")] + rightRows.map(right))
    }

    static func textItems(_ text: String) throws -> [String] {
        try DocumentImporter.read(text, path: "sheet.txt").items.map { "\($0.table.id) \($0.code) \($0.column.id) \($0.amount)" }.sorted()
    }

    /// In `-layout` text the halves' rows share lines; cut at the gutter, each is its own table.
    @Test func twoTablesOnOneLineOfText() throws {
        let (left, right) = Self.textTables()
        let apart = try Self.textItems("\u{0C}" + left.joined(separator: "\n") + "\n\u{0C}" + right.joined(separator: "\n") + "\n")
        #expect(apart.count == 24)
        let text = "\u{0C}" + zip(left, right).map { $0 + String(repeating: " ", count: 10) + $1 }.joined(separator: "\n") + "\n"
        #expect(try Self.textItems(text) == apart)
        // (Its two titles share a line: a file of these two tables is a disclosure.)
        #expect(DocumentImporter.looksLikeDisclosure(text))
    }

    /// A table's last page of two rows, narrow, after the 2-up sheets: the gap between its
    /// two figures stands as far across it as the gutter across a sheet, but a page that
    /// narrow is no sheet of two pages, and is not cut.
    @Test func aNarrowPageAfterTwoUpSheetsIsNotCut() throws {
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/two-up-narrow-last-page-layout.txt")
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = LayoutTextWords.lines([], raw: raw)
        let rows = lines.filter { $0.words.first.map { ["21205", "2120501"].contains($0.text) } ?? false }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.words.map(\.text).suffix(6) == ["4", "940", "200", "4", "940", "200"] }, "\(rows.map(\.text))")
    }

    /// The right-hand table's rows begin with dotted codes (`301.01 基本工资`), which alone
    /// read as figures: after the left table's last figure they begin the next table's row,
    /// and the gutter between is cut though it is as narrow as the left table's column gaps.
    @Test func aDottedCodeAfterAFigureBeginsTheNextTablesRow() throws {
        let (left, right) = Self.textTables()
        // (`30101   基本工资` → `301.01  基本工资`, the cells' widths kept.)
        let dotted = right.map { line -> String in
            let code = line.prefix { $0.isASCII && $0.isNumber }
            guard code.count == 5, line.dropFirst(5).hasPrefix(" ") else { return line }
            return code.prefix(3) + "." + code.dropFirst(3) + line.dropFirst(6)
        }
        #expect(dotted.contains { $0.hasPrefix("301.01 ") })
        let apart = try Self.textItems("\u{0C}" + left.joined(separator: "\n") + "\n\u{0C}" + dotted.joined(separator: "\n") + "\n")
        #expect(apart.count == 24)
        let text = "\u{0C}" + zip(left, dotted).map { $0 + "  " + $1 }.joined(separator: "\n") + "\n"
        #expect(try Self.textItems(text) == apart)
    }

    /// One table in two halves under one title (人员经费 | 公用经费, a 决算's 基本支出表): the gutter
    /// between a half's code and name columns cuts nothing, nor does the one between halves
    /// that the title crosses.
    @Test func oneTableInTwoHalvesIsOnePage() {
        let text = """
        \u{0C}                          一般公共预算财政拨款基本支出决算表
        编制单位：上海市某区某局                                                     单位：万元
                           人员经费                                        公用经费
        科目编码             科目名称         决算数             科目编码            科目名称    决算数
        301     工资福利支出                 2,987.73 302          商品和服务支出            728.23
        30101   基本工资                    366.18 30201         办公费                    39.45
        30102   津贴补贴                    194.37 30205         水费                     68.79
        30103   奖金                      478.96 30206         电费                     93.27
        30107   绩效工资                    462.27 30211         差旅费                    65.82
        """
        let lines = DocumentText.lines(text)
        let words = LayoutTextWords.lines(lines, raw: text.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(Set(words.map(\.page)).count == 1)
    }

    /// A 三公 table's one row beside a table published empty: the cut is the gutter between
    /// the tables, never one of the gaps inside the row of figures (which put 公务接待费's
    /// figure into the empty table as its total).
    static let besideAnEmptyTable = """
        \u{0C}              2025年一般公共预算“三公”经费支出表                                                  2025年政府性基金预算支出表
                                                                    单位：万元                                            单位：万元

                    因公出国（境）             公务用车购置及运行费                                   科目编码   科目名称      合计      基本支出   项目支出
        合计                                                          公务接待费
                       费        小计          公务用车购置费     公务用车运行费

             7.62        0.02        6.17        0.25        5.92       1.43



                                                                                 说明：本部门2025年没有使用政府性基金预算拨款安排的支出，本表无数据。
        """

    @Test func aRowOfFiguresIsNeverCut() throws {
        let result = try DocumentImporter.read(Self.besideAnEmptyTable, path: "sheet.txt")
        let three = result.items.filter { $0.table == .threePublic }.map(\.column.id).sorted()
        #expect(three == ["overseas", "reception", "total", "vehicle", "vehicle_operation", "vehicle_purchase"])
        #expect(!result.items.contains { $0.table == .govFund })
        #expect(result.report.tables.first { $0.table == .govFund }?.emptyStatement != nil)
    }

    /// A 三公 table's one row level with the 合计 row of the table beside it: its figures
    /// stand as far apart as the gutter is wide, but the other table's stand close, so the
    /// gutter is between tables, not inside a row.
    static let rowBesideATable = """
        \u{0C}                    2025年部门支出总表                                        2025年一般公共预算“三公”经费支出表
                                                      单位：万元                                                           单位：万元
        科目编码     科目名称                      合计     基本支出     项目支出              合计          因公出国（境）费        公务用车购置及运行费           公务接待费
                 合计                  1,261.00   961.00   300.00            7.62              0.02              6.17            1.43
        201      一般公共服务支出            1,261.00   961.00   300.00
        20101    人大事务                  961.00   661.00   300.00
        2010101  行政运行                  661.00   661.00
        20103    政府办公厅（室）及相关机构事务       300.00            300.00
        2010301  行政运行                  300.00            300.00
        """

    @Test func aRowBesideATableIsCutFromIt() throws {
        let result = try DocumentImporter.read(Self.rowBesideATable, path: "sheet.txt")
        let three = result.items.filter { $0.table == .threePublic }.map { "\($0.column.id) \($0.amount)" }.sorted()
        #expect(three == ["overseas 0.02", "reception 1.43", "total 7.62", "vehicle 6.17"])
        #expect(result.items.filter { $0.table == .expenditure }.count == 15)
    }

    /// A 2-up document in `-layout` text (Fixtures/two-up-gutter-moves-layout.txt): pdftotext
    /// sets each sheet's columns by its own words, so the gutter stands at another column on
    /// each sheet, and on a sheet of two tables going on untitled, whose rows never stand
    /// level, the left table's header cells (事业收入 over no figure) leave gaps as wide as the
    /// gutter. That sheet is cut at the gap that parts no line's words, between the places
    /// the titled sheets' gutters stand at: its tables read as the same tables set apart.
    ///
    /// In the second fixture the sheet going on is narrower, its text set closer: its gutter
    /// stands left of both titled sheets' but as far across its width as theirs.
    @Test(arguments: ["two-up-gutter-moves", "two-up-narrower-sheet"])
    func twoUpTextSheetsAreCutWhereverTheirGutterStands(_ fixture: String) throws {
        let sheets = try Fixtures.read("Tests/TallyCoreTests/Fixtures/\(fixture)-layout.txt")
        let apart = try Fixtures.read("Tests/TallyCoreTests/Fixtures/\(fixture)-apart-layout.txt")
        let expected = try Self.textItems(apart)
        #expect(expected.count == 46)
        #expect(try Self.textItems(sheets) == expected)
    }
}
