import Testing
@testable import TallyCore

struct AmountTests {
    @Test(arguments: [
        ("2,021.03", DisplayUnit.wan, Int64(2_021_030_000)),
        ("2021.03", .wan, 2_021_030_000),
        ("0.01", .yuan, 1),
        ("384.6732", .wan, 3_846_732_00),
        ("-5", .wan, -5_000_000),
        ("+1.5", .wan, 1_500_000),
        ("1,234,567.89", .yuan, 123_456_789),
        ("0.000001", .wan, 1),
        ("1.50000000", .wan, 1_500_000),
        ("92233720368547758.07", .yuan, Int64.max),
    ])
    func parses(_ text: String, _ unit: DisplayUnit, _ fen: Int64) throws {
        #expect(try Amount.parse(text, unit: unit).get() == Amount(fen: fen))
    }

    @Test(arguments: [
        ("", Amount.ParseError.malformed), ("abc", .malformed), ("1.2.3", .malformed), ("1,23.00", .malformed),
        ("12,3456", .malformed), (",123", .malformed), ("1.", .malformed), ("-", .malformed), ("1e5", .malformed),
        ("0.0000001", .finerThanFen), ("92233720368547758.08", .tooLarge), ("99999999999999999999999", .tooLarge),
    ])
    func rejects(_ text: String, _ error: Amount.ParseError) {
        let unit: DisplayUnit = text.hasPrefix("9223") ? .yuan : .wan
        #expect(throws: error) { try Amount.parse(text, unit: unit).get() }
    }

    @Test func plainIsExactWithAtLeastTwoDecimals() {
        #expect(Amount(fen: 3_846_732_00).plain(in: .wan) == "384.6732")
        #expect(Amount(fen: 3_020_970_000).plain(in: .wan) == "3020.97")
        #expect(Amount(fen: 0).plain(in: .wan) == "0.00")
        #expect(Amount(fen: -1).plain(in: .wan) == "-0.000001")
        #expect(Amount(fen: 12_345).plain(in: .yuan) == "123.45")
        #expect(Amount(fen: 10_000_000_000).plain(in: .yi) == "1.00")
    }

    @Test func displayRoundsHalfAwayFromZeroWithSeparators() {
        #expect(Amount(fen: 12_226_430_000).display(in: .wan) == "12,226.43")
        #expect(Amount(fen: 3_846_732_00).display(in: .wan) == "384.67")
        #expect(Amount(fen: 5_000).display(in: .wan) == "0.01")
        #expect(Amount(fen: 4_999).display(in: .wan) == "0.00")
        #expect(Amount(fen: -5_000).display(in: .wan) == "-0.01")
        #expect(Amount(fen: -4_999).display(in: .wan) == "0.00")
        #expect(Amount(fen: 123_456_789).display(in: .yuan) == "1,234,567.89")
        #expect(Amount(fen: Int64.max).display(in: .yuan) == "92,233,720,368,547,758.07")
        #expect(Amount(fen: Int64.min).display(in: .wan) == "-9,223,372,036,854.78")
    }

    @Test func addingReportsOverflow() {
        #expect(Amount(fen: Int64.max).adding(Amount(fen: 1)) == nil)
        #expect(Amount(fen: 1).adding(Amount(fen: 2)) == Amount(fen: 3))
    }
}
