import Testing
@testable import TallyCore

/// Layout quirks of PDF pages, each on a small page of word boxes (points, as poppler gives
/// them) set the way the generator that showed it sets them.
struct PageGeometryQuirkTests {
    /// (text, left, top, width, height)
    typealias Box = (String, Double, Double, Double, Double)

    static func tables(_ boxes: [Box]) -> [RawTable] {
        let words = boxes.map { PlacedWord(text: $0.0, left: $0.1, right: $0.1 + $0.3, top: $0.2, bottom: $0.2 + $0.4) }
        return GridTables.find(WordLines.group(words, page: 1, firstNumber: 1)).tables
    }

    /// Rows of a table as (code, name, figures by column id and phase).
    static func rows(_ table: RawTable) -> [String] {
        table.rows.map { row in
            let cells = row.cells.enumerated().filter { !$0.element.isEmpty }.map { i, text in
                let slot = table.slots![i]
                return "\(slot.column?.id ?? "?")\(slot.phase.map { "/\($0.id)" } ?? "")=\(text)"
            }
            return "\(row.code) \(row.name) \(cells.joined(separator: " "))"
        }
    }

    static let basicEconHeader: [Box] = [
        ("一般公共预算财政拨款基本支出决算表", 161.5, 99.06, 272, 4.1),
        ("单位：万元", 522.1, 131.32, 55, 2.82),
        ("经济分类", 32.79, 162.83, 44, 2.82), ("经济分类", 335.21, 162.83, 44, 2.82),
        ("科目编码", 32.79, 180.08, 44, 2.82), ("科目编码", 335.21, 180.08, 44, 2.82),
        ("科目名称", 153.54, 186.1, 44, 2.82), ("决算数", 267.97, 186.1, 33, 2.82),
        ("科目名称", 442.66, 186.1, 44, 2.82), ("决算数", 539.67, 186.1, 33, 2.82),
        ("款", 71.8, 196.22, 11, 2.82), ("款", 374.23, 196.22, 11, 2.82),
        ("类", 18.52, 203.35, 11, 2.82), ("类", 320.94, 203.35, 11, 2.82),
    ]

    /// A side-by-side 基本支出决算表 whose right half sets each 类 cell centred in its row and
    /// the 款 cell on the name's line below it; a 类 alone on its line is a row, not a page
    /// number; figures in cell-high boxes belong to the row their box covers.
    @Test func classAndItemCodesOnDifferentLines() throws {
        let page = Self.basicEconHeader + [
            // 301 / 302 rows: figures a line above the code, names a line below.
            ("2,082.85", 262.78, 213.1, 38.5, 20.48), ("171.07", 538.6, 213.1, 30.25, 20.48),
            ("301", 26.77, 225.5, 16.5, 2.82), ("302", 329.19, 225.5, 16.5, 2.82),
            ("工资福利支出", 102.47, 232.63, 66, 2.82), ("商品和服务支出", 404.9, 232.63, 77, 2.82),
            // 30101 | 30201: the right half's 款 with the name, under its 类.
            ("262.33", 265.53, 248.7, 30.25, 20.48), ("21.21", 538.6, 248.7, 24.75, 20.48),
            ("301", 26.77, 254.78, 16.5, 2.82), ("01", 71.8, 254.78, 11, 2.82), ("302", 329.19, 254.78, 16.5, 2.82),
            ("基本工资", 102.47, 261.91, 44, 2.82), ("01", 374.23, 261.91, 11, 2.82), ("办公费", 404.9, 261.91, 33, 2.82),
            // 30102 | 30202
            ("1,238.58", 262.78, 271.66, 38.5, 20.48), ("7.61", 544.1, 277.98, 19.25, 20.48),
            ("301", 26.77, 284.06, 16.5, 2.82), ("02", 71.8, 284.06, 11, 2.82), ("302", 329.19, 284.06, 16.5, 2.82),
            ("津贴补贴", 102.47, 291.19, 44, 2.82), ("02", 374.23, 291.19, 11, 2.82), ("印刷费", 404.9, 291.19, 33, 2.82),
            // 30103 | 30212: a 款 alone on its line, the name wrapped around it.
            ("301", 26.77, 313.34, 16.5, 2.82), ("03", 71.8, 313.34, 11, 2.82), ("302", 329.19, 313.34, 16.5, 2.82),
            ("因公出国（境）费", 404.9, 313.34, 120, 2.82),
            ("奖金", 102.47, 320.47, 22, 2.82), ("12", 374.23, 320.47, 11, 2.82),
            ("用", 404.9, 327.6, 11, 2.82),
            // The bottom row: each half's total, its figure's box ending just above its label.
            ("95.00", 271.03, 341.74, 24.75, 20.48), ("13.00", 538.6, 341.74, 24.75, 20.48),
            ("人员经费合计", 102.47, 361.28, 66, 2.82), ("公用经费合计", 404.9, 361.28, 66, 2.82),
        ]
        let tables = Self.tables(page)
        let table = try #require(tables.first { $0.title.table == .basicEcon })
        #expect(Self.rows(table) == [
            "301 工资福利支出 total/final=2,082.85",
            "30101 基本工资 total/final=262.33",
            "30102 津贴补贴 total/final=1,238.58",
            "30103 奖金 ",
            " 人员经费合计 personnel/final=95.00",
            "302 商品和服务支出 total/final=171.07",
            "30201 办公费 total/final=21.21",
            "30202 印刷费 total/final=7.61",
            "30212 因公出国（境）费用 ",
            " 公用经费合计 public/final=13.00",
        ])
    }

    /// A table that prints each 类 once, its 款 rows under it without one, keeps its 款 rows
    /// as rows: only a 类 repeated on every row lends itself to a 款 on another line.
    @Test func classPrintedOnceIsNotJoinedToTheItemBelow() throws {
        let page: [Box] = [
            ("一般公共预算财政拨款基本支出决算表", 161.5, 99.06, 272, 4.1), ("单位：万元", 522.1, 131.32, 55, 2.82),
            ("科目编码", 32.79, 180.08, 44, 2.82), ("科目名称", 153.54, 186.1, 44, 2.82), ("决算数", 267.97, 186.1, 33, 2.82),
            ("301", 26.77, 220, 16.5, 2.82), ("工资福利支出", 102.47, 220, 66, 2.82), ("10.00", 271.03, 220, 24.75, 2.82),
            ("01", 71.8, 227, 11, 2.82), ("基本工资", 102.47, 227, 44, 2.82), ("10.00", 271.03, 227, 24.75, 2.82),
        ]
        let table = try #require(Self.tables(page).first { $0.title.table == .basicEcon })
        #expect(table.rows.map(\.code).first == "301")
        #expect(table.rows.count == 2, "\(Self.rows(table))")
    }

    /// A 决算 三公 table prints 预算数 | 决算数 under each name; a name centred over its pair
    /// may reach only one of them, and a bare 预算数 under a name is that name's budget.
    @Test func phasePairsUnderEachName() throws {
        let page: [Box] = [
            ("财政拨款“三公”经费支出决算表", 311.67, 99.04, 218.66, 4.1), ("单位：万元", 755.41, 131.29, 55, 2.82),
            ("财政拨款“三公”经费", 366, 162.79, 110, 2.82), ("公务用车购置及运行费", 431.8, 181.16, 110, 2.82),
            ("合计", 80.99, 188.67, 22, 2.82), ("因公出国（境）费", 179.59, 188.67, 88, 2.82),
            ("小计", 344.2, 198.42, 22, 2.82), ("公务用车运行费", 579.91, 198.42, 77, 2.82),
            ("公务接待费", 722.51, 202.17, 55, 2.82), ("公务用车购置费", 448.3, 211.92, 77, 2.82),
        ] + [31.59, 97.39, 163.19, 228.99, 294.8, 360.6, 426.4, 492.2, 558.01, 623.81, 689.61, 755.41].enumerated().map { i, x in
            (i % 2 == 0 ? "预算数" : "决算数", x, 244.93, 33, 2.82)
        } + [("0.95", 53.59, 255.72, 19.25, 20.48), ("0.95", 711.61, 255.72, 19.25, 20.48)]
        let table = try #require(Self.tables(page).first { $0.title.table == .threePublic })
        #expect(table.slots?.map { "\($0.column?.id ?? "?")/\($0.phase?.id ?? "-")" } == [
            "total/budget", "total/final", "overseas/budget", "overseas/final", "vehicle/budget", "vehicle/final",
            "vehicle_purchase/budget", "vehicle_purchase/final", "vehicle_operation/budget", "vehicle_operation/final",
            "reception/budget", "reception/final",
        ])
        #expect(Self.rows(table) == [" 合计 total/budget=0.95 reception/budget=0.95"])
    }

    /// `上级补助 / 收入`, `附属单 / 位上 / 缴收入`: a column name wrapped so that its last line
    /// ends in 收入 is a figure column, not a label column that would cut the table in two.
    @Test func columnNameWrappedToEndInIncome() throws {
        let page: [Box] = [
            ("收入决算表", 300, 99, 100, 4.1), ("单位：万元", 755.41, 131.29, 55, 2.82),
            ("项目", 194.2, 167.99, 24, 3.07), ("附属单", 676.47, 169.68, 36, 3.07),
            ("本年收入合", 354.16, 177.46, 60, 3.07), ("财政拨款收", 430.89, 177.46, 60, 3.07),
            ("上级补助", 508.85, 177.46, 48, 3.07), ("其他收", 731.51, 177.46, 36, 3.07),
            ("位上", 682.47, 185.24, 24, 3.07),
            ("计", 378.16, 193.02, 12, 3.07), ("入", 454.89, 193.02, 12, 3.07), ("收入", 520.85, 193.02, 24, 3.07),
            ("入", 743.51, 193.02, 12, 3.07), ("科目名称", 243.81, 194.24, 48, 3.07),
            ("科目编码", 104.22, 202.86, 48, 3.07), ("缴收入", 676.47, 200.8, 36, 3.07),
            ("201", 72, 240, 18, 3.07), ("一般公共服务支出", 195.23, 240, 96, 3.07),
            ("2,112.86", 368.46, 240, 42, 3.07), ("2,106.66", 445.52, 240, 42, 3.07), ("6.20", 749, 240, 21, 3.07),
        ]
        let table = try #require(Self.tables(page).first { $0.title.table == .income })
        #expect(table.slots?.compactMap(\.column?.id) == ["total", "gpb", "superior", "affiliated", "other"])
        #expect(Self.rows(table) == ["201 一般公共服务支出 total=2,112.86 gpb=2,106.66 other=6.20"])
    }
}

/// Layout quirks of `pdftotext -layout` text of 决算 documents, on excerpts of real pages
/// (Fixtures/final-accounts-layout.txt).
struct FinalAccountsLayoutQuirkTests {
    static func items() throws -> [LineItem] {
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/final-accounts-layout.txt")
        return try DocumentImporter.read(text, path: "final-accounts-layout.txt").items
    }

    static func figure(_ items: [LineItem], _ table: TableID, _ code: String, _ column: ColumnID) -> [String] {
        items.filter { $0.table == table && $0.code == code && $0.column == column }.map { "\($0.amount)" }
    }

    /// A continuation page set further left than its header, no row filling every column:
    /// rows of two figures take the columns rows of two figures take on the header page.
    @Test func continuationPageSetLeftOfItsHeader() throws {
        let items = try Self.items()
        #expect(Self.figure(items, .income, "2101101", .total) == ["60.99"])
        #expect(Self.figure(items, .income, "2101101", .gpb) == ["60.99"])
        #expect(Self.figure(items, .income, "2210203", .gpb) == ["258.50"])
        #expect(!items.contains { $0.table == .income && ![.total, .gpb, .other].contains($0.column) })
    }

    /// The 合计 row's figures set beside the header's 类 / 款 / 项 cells: the row is 合计.
    @Test func totalRowBesideTheCodeHeaders() throws {
        let totals = try Self.items().filter { $0.table == .income && $0.code.isEmpty }
        #expect(totals.map(\.name) == ["合计", "合计", "合计"])
        #expect(totals.map { "\($0.column.id)=\($0.amount)" } == ["total=2946.25", "gpb=2940.05", "other=6.20"])
    }

    /// A figure two lines above its code line, the line between holding only the other
    /// half of a side-by-side table; a code alone on the line above its row's name and figure.
    @Test func figuresAndCodesOnLinesOfTheirOwn() throws {
        let items = try Self.items()
        #expect(Self.figure(items, .basicEcon, "30102", .total) == ["1238.58"])
        #expect(Self.figure(items, .basicEcon, "30202", .total) == ["7.61"])
        #expect(Self.figure(items, .basicEcon, "30299", .total) == ["0.20"])
        #expect(Self.figure(items, .basicEcon, "31001", .total) == ["0.00"])
        let codeless = items.filter { $0.table == .basicEcon && $0.code.isEmpty }
        #expect(codeless.map(\.name) == ["人员经费合计", "公用经费合计"], "\(codeless.map(\.name))")
    }
}

/// A 三公 table of one row in `-layout` text whose header wraps over three lines
/// (公务用车 / 运行维护 / 费), standing characters away from its figures
/// (Fixtures/one-row-wrapped-header-layout.txt).
struct OneRowWrappedHeaderQuirkTests {
    /// The figures are read in order, one to a column, kept to the row's identities; the one
    /// figure whose column position cannot tell (购置费 or 运行维护费, either keeping vehicle =
    /// purchase + operation) is reported, never guessed.
    @Test func figuresReadInOrderAndTheUndecidableOneReported() throws {
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/one-row-wrapped-header-layout.txt")
        let result = try DocumentImporter.read(text, path: "one-row.txt")
        let got = result.items.filter { $0.table == .threePublic }.map { "\($0.column.id)=\($0.amount)" }
        #expect(got.sorted() == ["total=660.10", "overseas=106.00", "vehicle=156.60", "reception=397.50", "meeting=1282.56",
                        "training=281.77", "grand_total=2224.43"].sorted())
        let messages = result.report.unplaced.map { DiagnosticRenderer().render($0) }.joined()
        #expect(messages.contains("156.60 could stand under 购置费 or 运行维护费"), "\(messages)")
    }

    /// The same row in a document whose 基本支出 table prints 30231 公务用车运行维护费 156.60:
    /// that table settles the figure's column, and the placement says so.
    @Test func theUndecidableFigureIsSettledByTheTableThatPrintsIt() throws {
        let basicEcon = """
        \u{0C}         一般公共预算基本支出预算表（经济科目）
        部门：江苏省政协办公厅                            单位：万元

                 科目编码              科目名称   金额
                                    合计          156.60
        302             商品和服务支出                  156.60
        30231           公务用车运行维护费                156.60

        """
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/one-row-wrapped-header-layout.txt") + basicEcon
        let result = try DocumentImporter.read(text, path: "one-row.txt")
        let got = result.items.filter { $0.table == .threePublic }.map { "\($0.column.id)=\($0.amount)" }
        #expect(got.sorted() == ["total=660.10", "overseas=106.00", "vehicle=156.60", "vehicle_operation=156.60", "reception=397.50",
                                 "meeting=1282.56", "training=281.77", "grand_total=2224.43"].sorted())
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
        #expect(result.report.placements.contains { $0.table == .threePublic && $0.how.contains("under vehicle_operation, as another table of the document prints it") })
    }
}
