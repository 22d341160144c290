import Testing
@testable import TallyCore

/// Thousands set apart by a space (`116 969 700.00`) instead of a comma: one figure, not
/// three in three columns, from `-layout` text and from a PDF's word boxes alike.
struct SpacedThousandsTests {
    static let document = """
    \u{0C}                            2026年部门收入总表
                                                                                 金额单位：元
    科目编码                 科目名称              合计            一般公共预算拨款收入     事业收入
                    合计                116 969 700.00    115 409 600.00   1 560 100.00
      201       一般公共服务支出              88 600 200.00     87 040 100.00   1 560 100.00
     20101      人大事务                       18 300 100.00     18 300 100.00
    2010101     行政运行                         3 632 100.00      3 632 100.00
    2010102     一般行政管理事务                 14 668 000.00     14 668 000.00
    """

    static func income(_ text: String) throws -> [String] {
        try DocumentImporter.read(text, path: "spaced.txt").items.filter { $0.table == .income }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount.fen)" }.sorted()
    }

    /// Whole 元 in spaced groups (`23 235 900`): joined, each is a figure with its thousands
    /// marked, so the table's figures show which edge they line up on, and a row of 合计 and
    /// one part puts the part under the column it stands under, not under either of two.
    static let wholeYuan = """
    \u{0C}                2024年一般公共预算基本支出表
                                                             单位：元
    科目编码            科目名称
                                   合计        人员经费         公用经费
                  合计          38 220 700   29 047 700   9 173 000
     301    工资福利支出            23 235 900   23 235 900
    30101   基本工资              1 587 400    1 587 400
    30102   津贴补贴              1 918 100    1 918 100
     302    商品和服务支出           8 255 700                 8 255 700
    30201   办公费               432 900                   432 900
    30217   公务接待费             11 500                    11 500
    30231   公务用车运行维护费         21 200                    21 200
    """

    @Test func wholeYuanInSpacedGroupsLineUp() throws {
        let result = try DocumentImporter.read(Self.wholeYuan, path: "spaced.txt")
        let items = result.items.filter { $0.table == .basicEcon }.map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount)" }
        #expect(items.contains("301 personnel 2323.59"))
        #expect(items.contains("30201 public 43.29"))
        #expect(items.count == 17, "\(items)")
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced.map { DiagnosticRenderer().render($0) })")
    }

    @Test func spacedThousandsReadAsCommas() throws {
        let spaced = try Self.income(Self.document)
        let commas = try Self.income(Self.document.replacing(/(\d) (\d{3})/) { "\($0.1),\($0.2)" }.replacing(/(\d) (\d{3})/) { "\($0.1),\($0.2)" })
        #expect(spaced.count == 12)
        #expect(spaced == commas)
        #expect(spaced.contains("TOTAL total \(116_969_700_00)"))
    }

    static func line(_ words: [(String, Double)], cells: Bool = false) -> WordLine {
        WordLine(page: 1, number: 1, words: words.map { text, left in
            let width = cells ? Double(text.count) : Double(text.count) * 5
            return PlacedWord(text: text, left: left, right: left + width, top: 0, bottom: cells ? 1 : 10, inCharacterCells: cells)
        })
    }

    struct JoinCase: Sendable, CustomTestStringConvertible {
        let words: [String]
        let gaps: [Double]
        let joined: [String]
        var testDescription: String { words.joined(separator: "·") }
    }

    /// Point geometry: a word space is 2.5 pt for 10 pt digits; a column's gap is wider.
    static let cases: [JoinCase] = [
        .init(words: ["116", "969", "700.00"], gaps: [2.5, 2.5], joined: ["116,969,700.00"]),
        .init(words: ["-8", "860.02"], gaps: [2.5], joined: ["-8,860.02"]),
        .init(words: ["1", "198", "600"], gaps: [2.5, 2.5], joined: ["1,198,600"]),
        .init(words: ["116", "969", "700.00"], gaps: [30, 30], joined: ["116", "969", "700.00"]),
        // A fixed-pitch font's space is 0.6 of its size; two spaces are a column's gap.
        .init(words: ["148", "618", "600.00"], gaps: [6, 6], joined: ["148,618,600.00"]),
        .init(words: ["148", "618", "600.00"], gaps: [12, 12], joined: ["148", "618", "600.00"]),
        .init(words: ["361.00", "500.00"], gaps: [2.5], joined: ["361.00", "500.00"]),
        .init(words: ["2026", "969.00"], gaps: [2.5], joined: ["2026", "969.00"]),
        .init(words: ["201", "01"], gaps: [2.5], joined: ["201", "01"]),
        // Two integer groups alone could be two counts: apart, as no other figure shows the style.
        .init(words: ["12", "150"], gaps: [2.5], joined: ["12", "150"]),
    ]

    @Test(arguments: cases)
    func wordsJoined(_ c: JoinCase) {
        var left = 0.0
        var placed: [(String, Double)] = []
        for (i, w) in c.words.enumerated() {
            placed.append((w, left))
            left += Double(w.count) * 5 + (i < c.gaps.count ? c.gaps[i] : 0)
        }
        #expect(SpacedThousands.join([Self.line(placed)]).first?.words.map(\.text) == c.joined)
    }

    /// In a document that shows the style, two integer groups are one figure too.
    @Test func twoGroupsJoinWhereTheDocumentShowsTheStyle() {
        let lines = [Self.line([("1", 0), ("198", 7.5), ("600.00", 25)]), Self.line([("361", 0), ("500", 17.5)])]
        #expect(SpacedThousands.join(lines).map { $0.words.map(\.text) } == [["1,198,600.00"], ["361,500"]])
    }
}
