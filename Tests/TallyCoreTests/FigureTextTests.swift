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
