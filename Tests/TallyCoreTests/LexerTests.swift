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
    ]

    @Test(arguments: cases)
    func tokens(_ c: Case) {
        #expect(Self.render(Lexer.tokens(c.source)) == c.tokens)
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let tokens = Lexer.tokens("dept=綦江 year")
        #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(4, 5), SourceRange(5, 11), SourceRange(12, 16), SourceRange(16, 16)])
    }

    @Test func endTokenAlwaysLast() {
        for source in ["", "sum", "\"", "((", "a=b,"] {
            #expect(Lexer.tokens(source).last?.kind == .end)
        }
    }
}
