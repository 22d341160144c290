import Testing
@testable import TallyCore

/// Figures as fonts and converters print them: read if they are numbers, reported if they
/// only look like one, and words left alone.
struct FigureTextTests {
    @Test(arguments: [
        ("1,234.56", FigureText.Reading.figure("1,234.56")),
        ("１，２３４．５６", .figure("1,234.56")),
        ("（123.45）", .figure("-123.45")),
        ("(7.00)", .figure("-7.00")),
        ("\u{2212}5.00", .figure("-5.00")),
        ("1\u{00A0}234.00", .figure("1234.00")),
        ("171,915,169", .figure("171,915,169")),
        ("-", .blank),
        ("—", .blank),
        ("1,23.45", .unreadable),
        ("12.3.4", .unreadable),
        ("1,234,567.8", .figure("1,234,567.8")),
        ("1234,567", .unreadable),
        ("1,2345", .unreadable),
        (",123", .unreadable),
        ("123,", .unreadable),
        ("12.", .unreadable),
        (".5", .unreadable),
        ("--5", .unreadable),
        ("-0.50", .figure("-0.50")),
        ("/", .blank),
        ("()", .text),
        ("行政运行", .text),
        ("2025年", .text),
    ])
    func reads(_ word: String, _ expected: FigureText.Reading) {
        #expect(FigureText.read(word) == expected)
    }

    @Test func aRowIsRecognisedByAMarkedFigure() {
        #expect(FigureText.isMarkedFigure("3,508,644.00"))
        #expect(FigureText.isMarkedFigure("0.95"))
        #expect(!FigureText.isMarkedFigure("208"))
        #expect(!FigureText.isMarkedFigure("18"))
    }
}

/// A full-width comma set as a thousands separator (`11，122.42`, as a Chinese input method
/// types it) is a figure's, not a clause's: the row is a row, not a sentence ending the table.
struct FullWidthSeparatorTests {
    @Test func rowsWithFullWidthSeparatorsAreRows() throws {
        let text = """
                                部门支出总表
        单位：广州市某区民政局                                                      单位：万元
        科目编码           科目名称                  合计             基本支出          项目支出
                   合计               11，122.42       10，585.97          536.45
        208       社会保障和就业支出       10，585.97       10，585.97
        2080201   行政运行                   536.45                           536.45
        """
        let result = try DocumentImporter.read("\u{0C}" + text, path: "exp.txt")
        let totals = result.items.filter { $0.table == .expenditure && $0.column == .total }.map(\.code)
        #expect(totals == ["", "208", "2080201"])
        #expect(result.report.unplaced.isEmpty)
    }

    @Test(arguments: [("合计 11，122.42 10，585.97 536.45 社会保障", false), ("本部门无政府性基金收支，故此表无数据", true), ("12，34", false), ("1，二", true)])
    func aClauseComma(text: String, clause: Bool) {
        #expect(TableReader.hasClauseComma(text) == clause)
    }
}
