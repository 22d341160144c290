import Testing
@testable import TallyCore

/// A wide table printed a page wide at a time, as a spreadsheet prints it: its 项目支出 column
/// goes on over the next page under the title and a header of its own, with neither code nor
/// name, each figure level with its row on the page before (a row with none there leaves
/// its line blank). Read as one table, as if printed on one wide page.
struct ContinuedColumnsTests {
    typealias Word = (Int, Double, Double, Double, Double, String)

    static let rows: [(code: String, name: String, total: String, basic: String, project: String)] = [
        ("", "合计", "300.00", "120.00", "180.00"), ("201", "一般公共服务支出", "300.00", "120.00", "180.00"),
        ("20101", "人大事务", "300.00", "120.00", "180.00"), ("2010101", "行政运行", "120.00", "120.00", ""),
        ("2010102", "一般行政管理事务", "180.00", "", "180.00"),
    ]

    static func head(_ page: Int) -> [Word] {
        [(page, 150, 40, 140, 12, "2025年部门支出总表"), (page, 330, 58, 45, 9.2, "单位：万元")]
    }

    static func figure(_ page: Int, _ right: Double, _ top: Double, _ text: String) -> Word {
        (page, right - Double(text.count) * 4.5, top, Double(text.count) * 4.5, 9.2, text)
    }

    static func top(_ r: Int) -> Double { 100 + Double(r) * 17 }

    /// The table on one wide page.
    static var onePage: [Word] {
        head(1) + [(1, 50, 75, 36, 9.2, "科目编码"), (1, 100, 75, 36, 9.2, "科目名称"), (1, 222, 75, 18, 9.2, "合计"),
                   (1, 266, 75, 36, 9.2, "基本支出"), (1, 336, 75, 36, 9.2, "项目支出")]
            + rows.enumerated().flatMap { r, row -> [Word] in
                [(1, 50, top(r), Double(row.code.count) * 4.5, 9.2, row.code), (1, 100, top(r), Double(row.name.count) * 9, 9.2, row.name),
                 figure(1, 240, top(r), row.total), figure(1, 302, top(r), row.basic), figure(1, 372, top(r), row.project)]
                    .filter { !$0.5.isEmpty }
            }
    }

    /// The same table with 项目支出 on the next page.
    static var twoPages: [Word] {
        head(1) + [(1, 50, 75, 36, 9.2, "科目编码"), (1, 100, 75, 36, 9.2, "科目名称"), (1, 222, 75, 18, 9.2, "合计"), (1, 266, 75, 36, 9.2, "基本支出")]
            + rows.enumerated().flatMap { r, row -> [Word] in
                [(1, 50, top(r), Double(row.code.count) * 4.5, 9.2, row.code), (1, 100, top(r), Double(row.name.count) * 9, 9.2, row.name),
                 figure(1, 240, top(r), row.total), figure(1, 302, top(r), row.basic)].filter { !$0.5.isEmpty }
            }
            + head(2) + [(2, 66, 75, 36, 9.2, "项目支出")]
            + rows.enumerated().compactMap { r, row in row.project.isEmpty ? nil : figure(2, 102, top(r), row.project) }
    }

    /// The same with 项目支出 on the next page under the rows' codes (and names) printed
    /// again, a row for every row whether or not it has a figure there; the page titled and
    /// stating its unit as the first does, or going on untitled.
    static func printedAgain(titled: Bool, names: Bool) -> [Word] {
        let header: [Word] = [(2, 50, 75, 36, 9.2, "科目编码")] + (names ? [(2, 100, 75, 36, 9.2, "科目名称")] : []) + [(2, 196, 75, 36, 9.2, "项目支出")]
        let again = rows.enumerated().flatMap { r, row -> [Word] in
            ([(2, 50, top(r), Double(max(row.code.count, 2)) * 4.5, 9.2, row.code.isEmpty ? "合计" : row.code)]
                + (names && !row.code.isEmpty ? [(2, 100, top(r), Double(row.name.count) * 9, 9.2, row.name)] : [])
                + [figure(2, 232, top(r), row.project)]).filter { !$0.5.isEmpty }
        }
        return Array(twoPages.prefix { $0.0 == 1 }) + (titled ? head(2) : []) + header + again
    }

    static func items(_ words: [Word]) throws -> (items: [String], report: ImportReport) {
        let pages = PDFWords.parse(PageMarksTests.tsv(words))
        let found = GridTables.find(pages.lines)
        let source = pages.lines.map { SourceLine(number: $0.number, text: DocumentText.clean($0.text, joinWraps: true), cells: [$0.text]) }
        let result = try DocumentImporter.assemble(found.tables, lines: source, unitNames: [], layout: .pdf, path: "p.pdf")
        return (result.items.map { "\($0.table.id) \($0.code) \($0.column.id) \($0.amount)" }.sorted(), result.report)
    }

    @Test func columnsGoneOnOverAPageJoinTheirRows() throws {
        let wide = try Self.items(Self.onePage)
        #expect(wide.items.count == 13 && wide.items.contains("expenditure 2010102 project 180.00"), "\(wide.items)")
        let split = try Self.items(Self.twoPages)
        #expect(split.items == wide.items)
        #expect(split.report.unplaced.isEmpty)
        #expect(split.report.tables.filter { $0.table == .expenditure }.count == 1)
    }

    /// Each printed row is one row, its 项目支出 read into it: one line per code, the row's own.
    @Test(arguments: [(true, false), (true, true), (false, false), (false, true)])
    func columnsGoneOnUnderTheirRowsCodesJoinTheirRows(titled: Bool, names: Bool) throws {
        let wide = try Self.items(Self.onePage)
        let pages = PDFWords.parse(PageMarksTests.tsv(Self.printedAgain(titled: titled, names: names)))
        let found = GridTables.find(pages.lines)
        let source = pages.lines.map { SourceLine(number: $0.number, text: DocumentText.clean($0.text, joinWraps: true), cells: [$0.text]) }
        let result = try DocumentImporter.assemble(found.tables, lines: source, unitNames: [], layout: .pdf, path: "p.pdf")
        #expect(result.items.map { "\($0.table.id) \($0.code) \($0.column.id) \($0.amount)" }.sorted() == wide.items)
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced)")
        #expect(result.report.tables.filter { $0.table == .expenditure }.count == 1)
        for code in Set(result.items.map(\.code)) {
            let rows = result.items.filter { $0.code == code }
            #expect(Set(rows.map(\.line)).count == 1 && rows.allSatisfy { !$0.name.isEmpty }, "\(code): \(rows)")
        }
    }

    /// A row printed again folds into its row only with figures of columns the row lacks: a
    /// total under 预算数 is the row's 合计 again (the document's own phase), not a column gone on.
    @Test func aRowPrintedAgainGivesNoColumnASecondFigure() {
        let slots = [ColumnSlot(column: .total, year: 2025, header: "合计"), ColumnSlot(column: .basic, year: 2025, header: "基本支出"),
                     ColumnSlot(column: .project, year: 2025, header: "项目支出"),
                     ColumnSlot(column: .total, year: 2025, header: "预算数", phase: .budget)]
        let row = RawRow(line: 5, code: "", name: "合计", cells: ["300.00", "120.00", "", ""], page: 1)
        var rows = [row]
        let strays = ContinuedColumns.fold([RawRow(line: 40, code: "", name: "合计", cells: ["", "", "180.00", ""], page: 2),
                                            RawRow(line: 41, code: "", name: "合计", cells: ["", "", "", "300.00"], page: 2)],
                                           into: &rows, slots: slots)
        #expect(rows.map(\.cells) == [["300.00", "120.00", "180.00", ""]])
        #expect(strays.map(\.line) == [41])
    }
}
