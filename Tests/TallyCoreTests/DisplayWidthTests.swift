import Testing
@testable import TallyCore

struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("綦江", 4), ("重庆市綦江区", 12), ("（境）", 6), ("", 0), ("e\u{301}", 1), ("👍", 2),
        ("\u{200B}", 0), ("A綦", 3), ("，", 2), ("①", 1), ("\u{3000}", 2), ("ｱ", 1), ("Ａ", 2),
    ])
    func widths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func padsByCells() {
        #expect(DisplayWidth.pad("綦江", to: 6) == "綦江  ")
        #expect(DisplayWidth.pad("1.00", to: 6, alignRight: true) == "  1.00")
    }
}
