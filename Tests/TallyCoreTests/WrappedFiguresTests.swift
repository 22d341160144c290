import Testing
@testable import TallyCore

/// A figure too wide for its cell, wrapped inside it by a word processor (`7,953.1` over
/// `8`): one figure, 7,953.18, not 7,953.10 and a stray 8.
struct WrappedFiguresTests {
    static let expenditure = """
                                    支出决算表
                                                                                单位：万元
          科目编码                                                                 对附属单
                                                                 上缴上级
                           科目名称      合计        基本支出     项目支出            经营支出   位补助支
    类      款     项                                                支出
                                                                                 出
                             栏次        1        2        3        4      5       6
                      合计            7,953.1 5,603.3 2,349.8
                                           8        7     1
    208               社会保障和就业支出     1,445.97 1,445.97
    """

    @Test func aWrappedFigureIsReadWhole() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.expenditure, path: "final.txt")
        let total = result.items.filter { $0.table == .expenditure && $0.code.isEmpty }.map { "\($0.column.id) \($0.amount)" }.sorted()
        #expect(total == [("basic", "5,603.37"), ("total", "7,953.18")].map { "\($0) \(try! Amount.parse($1, unit: .wan).get())" })
        #expect(result.report.placements.filter { $0.how.contains("wrapped inside its cell") }.count == 3)
        // poppler packed the three figures a space apart, so 2,349.81 begins under 基本支出:
        // beside 5,603.37 there it is reported, not guessed (the PDF reads all three).
        let unplaced = result.report.unplaced.map { DiagnosticRenderer().render($0) }
        #expect(unplaced.count == 1 && unplaced[0].contains("2,349.81"), "\(unplaced)")
    }

    static func line(_ words: [(String, Double)], number: Int) -> WordLine {
        WordLine(page: 1, number: number, words: words.map { PlacedWord(text: $0.0, left: $0.1, right: $0.1 + Double($0.0.count), top: Double(number), bottom: Double(number) + 1, inCharacterCells: true) })
    }

    /// Only digits under a figure cut short, and whole with them, are its end: a page's number
    /// under a whole figure, or digits under a figure that would not be whole, stay apart.
    @Test(arguments: [
        ("51,568,72", "1", "51,568,721"), ("7,953.1", "8", "7,953.18"), ("7,953.", "18", "7,953.18"),
        ("7,953.18", "8", nil), ("1,718,069", "1", nil), ("7,953.1", "818", nil), ("12", "3", nil),
    ] as [(String, String, String?)])
    func whatJoins(figure: String, tail: String, joined: String?) {
        let lines = [Self.line([("208", 0), ("1,445.97", 32)], number: 1), Self.line([("合计", 18), (figure, 32)], number: 2),
                     Self.line([(tail, Double(32 + figure.count - tail.count))], number: 3)]
        let (out, _) = WrappedFigures.join(lines)
        #expect(out.count == (joined == nil ? 3 : 2))
        if let joined { #expect(out[1].words[1].text == joined) }
    }

    /// Where the table's figures have one decimal, `1,234.5` is whole; a number lines below
    /// (a page's) is not a figure's end.
    @Test func notShortNorNear() {
        let oneDecimal = [Self.line([("208", 0), ("1,445.9", 32)], number: 1), Self.line([("合计", 18), ("1,234.5", 32)], number: 2),
                          Self.line([("3", 38)], number: 3)]
        #expect(WrappedFigures.join(oneDecimal).lines.count == 3)
        let far = [Self.line([("合计", 18), ("51,568,72", 32)], number: 1), Self.line([("1", 40)], number: 4)]
        #expect(WrappedFigures.join(far).lines.count == 2)
    }

    /// On a page a tail set half a line lower can share its line with the row's label (`合计`,
    /// centred in a row two lines high): the tails join the figures above, the label stays.
    @Test func tailsBesideTheRowsLabel() {
        func word(_ text: String, _ left: Double, _ width: Double, _ top: Double) -> PlacedWord {
            PlacedWord(text: text, left: left, right: left + width, top: top, bottom: top + 9.8)
        }
        let rows = WordLine(page: 1, number: 1, words: [word("208", 45, 15, 224), word("1,445.97", 291, 60, 224)])
        let figures = WordLine(page: 1, number: 2, words: [word("259,450,519.3", 291.4, 60, 244.2), word("94,745,325.5", 359.8, 54.7, 244.2)])
        let label = WordLine(page: 1, number: 3, words: [word("合计", 156.7, 15, 249.2), word("7", 346.2, 5.2, 253), word("4", 409.4, 5.2, 253)])
        let (out, joined) = WrappedFigures.join([rows, figures, label])
        #expect(out.count == 3 && joined.count == 2)
        #expect(out[1].words.map(\.text) == ["259,450,519.37", "94,745,325.54"])
        #expect(out[2].words.map(\.text) == ["合计"])
    }
}
