import Testing
@testable import TallyCore

/// Table-driven: source → kinds and texts of its tokens (the end token left out).
struct LexerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var tokens: [String]
        var testDescription: String { source }
    }

    static func render(_ tokens: [Token]) -> [String] {
        tokens.filter { $0.kind != .end }.map { token in
            switch token.kind {
            case .word: "w:\(token.text)"
            case .quoted: "q:\(token.text)"
            case .invalid: "!:\(token.text)"
            default: token.text
            }
        }
    }

    static let cases: [Case] = [
        Case(source: "sum 2080* where dept=綦江 year=2025 by basic,project",
             tokens: ["w:sum", "w:2080*", "w:where", "w:dept", "=", "w:綦江", "w:year", "=", "w:2025", "w:by", "w:basic", ",", "w:project"]),
        Case(source: "year=2023..2025", tokens: ["w:year", "=", "w:2023", "..", "w:2025"]),
        Case(source: "amount>=3020.97", tokens: ["w:amount", ">=", "w:3020.97"]),
        Case(source: "amount<-5", tokens: ["w:amount", "<", "w:-5"]),
        Case(source: "a==b c!=d e<=f g~h", tokens: ["w:a", "==", "w:b", "w:c", "!=", "w:d", "w:e", "<=", "w:f", "w:g", "~", "w:h"]),
        Case(source: "name~\"^其他\"", tokens: ["w:name", "~", "q:^其他"]),
        Case(source: "name='a ''b'''", tokens: ["w:name", "=", "q:a 'b'"]),
        Case(source: "(a=1 or b=2)", tokens: ["(", "w:a", "=", "w:1", "w:or", "w:b", "=", "w:2", ")"]),
        Case(source: "sum 208????;count", tokens: ["w:sum", "w:208????", ";", "w:count"]),
        Case(source: "sum 208 # the 类", tokens: ["w:sum", "w:208"]),
        Case(source: "dept=綦江\u{3000}year=2025", tokens: ["w:dept", "=", "w:綦江", "w:year", "=", "w:2025"]),
        Case(source: "by 基本支出,项目支出", tokens: ["w:by", "w:基本支出", ",", "w:项目支出"]),
        Case(source: "  ", tokens: []),
        // Fixed bugs and error tokens.
        Case(source: "name=\"open", tokens: ["w:name", "=", "!:this quoted text is never closed"]),
        Case(source: "a ! b", tokens: ["w:a", "!:`!` must be followed by `=`", "w:b"]),
        Case(source: "..5", tokens: ["..", "w:5"]),
        // Typed with a Chinese input method: read as ASCII outside quotes, kept inside.
        Case(source: "by 基本支出，项目支出", tokens: ["w:by", "w:基本支出", ",", "w:项目支出"]),
        Case(source: "dept＝綦江 year＞＝2025 code！＝208 name～其他", tokens: ["w:dept", "=", "w:綦江", "w:year", ">=", "w:2025", "w:code", "!=", "w:208", "w:name", "~", "w:其他"]),
        Case(source: "（a＝＝1）；b＜2 c＜＝3 d＞4", tokens: ["(", "w:a", "==", "w:1", ")", ";", "w:b", "<", "w:2", "w:c", "<=", "w:3", "w:d", ">", "w:4"]),
        Case(source: "name＝\"（一般）；，\"", tokens: ["w:name", "=", "q:（一般）；，"]),
        Case(source: "name=说明：其他", tokens: ["w:name", "=", "w:说明:其他"]),
        Case(source: "a ！ b", tokens: ["w:a", "!:`!` must be followed by `=`", "w:b"]),
        // Full-width forms §3 does not name stay text.
        Case(source: "sum 208？？ by dept、year", tokens: ["w:sum", "w:208？？", "w:by", "w:dept、year"]),
        // A `\` at the end of a line continues the statement; elsewhere it is text.
        Case(source: "sum 208 \\\n by dept", tokens: ["w:sum", "w:208", "w:by", "w:dept"]),
        Case(source: "sum 208\\  \r\nby dept\\", tokens: ["w:sum", "w:208", "w:by", "w:dept"]),
        Case(source: "name~\\d+", tokens: ["w:name", "~", "w:\\d+"]),
    ]

    @Test(arguments: cases)
    func tokens(_ c: Case) {
        #expect(Self.render(Lexer.tokens(c.source)) == c.tokens)
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let tokens = Lexer.tokens("dept=綦江 year")
        #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(4, 5), SourceRange(5, 11), SourceRange(12, 16), SourceRange(16, 16)])
    }

    /// A caret under `＝` covers its three bytes: ranges are the bytes as typed.
    @Test func inputMethodRangesAreTheTypedBytes() {
        let tokens = Lexer.tokens("dept＝綦江，")
        #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(4, 7), SourceRange(7, 13), SourceRange(13, 16), SourceRange(16, 16)])
        #expect(tokens.map(\.text) == ["dept", "=", "綦江", ",", ""])
    }

    /// With trivia, the splitter and completion see line breaks, continuations and comments.
    @Test func triviaTokens() {
        let kinds = Lexer.tokens("sum 208 # c\nby \\\ndept", trivia: true).map(\.kind)
        #expect(kinds == [.word, .word, .comment, .newline, .word, .continuation, .word, .end])
        #expect(Lexer.tokens("a\u{3000}b", trivia: true).map(\.kind) == [.word, .word, .end])
    }

    /// `literal` is what the lexer reads back as the value: completion inserts it.
    @Test(arguments: [
        ("綦江", "綦江"), ("重庆市綦江区（本级）", "\"重庆市綦江区（本级）\""), ("a b", "\"a b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a..b", "\"a..b\""), ("x#y", "\"x#y\""), ("", "\"\""),
        ("208*", "208*"), ("a\\", "\"a\\\""), ("a\u{3000}b", "\"a\u{3000}b\""),
    ])
    func literalReadsBack(_ value: String, _ literal: String) {
        #expect(Lexer.literal(value) == literal)
        let tokens = Lexer.tokens(literal)
        #expect(tokens.count == 2 && tokens[0].text == value)
    }

    @Test func endTokenAlwaysLast() {
        for source in ["", "sum", "\"", "((", "a=b,"] {
            #expect(Lexer.tokens(source).last?.kind == .end)
        }
    }
}
