import Testing
@testable import TallyCore

struct StatementSplitterTests {
    func texts(_ script: String) -> [String] {
        StatementSplitter.split(script).map { ($0.isDotCommand ? "dot:" : "") + $0.text }
    }

    @Test func splitsOnSemicolonsAndLines() {
        #expect(texts("sum 208; count\nlist 2080101") == ["sum 208", "count", "list 2080101"])
    }

    @Test func dotCommandsAndComments() {
        #expect(texts("# a comment\n.mode csv\nsum 208 # why\n  .timer on") == ["dot:.mode csv", "sum 208 # why", "dot:.timer on"])
    }

    @Test func openQuotesParenthesesAndBackslashContinue() {
        #expect(texts("count where (a=1\n or b=2)\nsum") == ["count where (a=1\n or b=2)", "sum"])
        #expect(texts("count where name=\"a;b\"; sum") == ["count where name=\"a;b\"", "sum"])
        #expect(texts("sum 208 \\\n where year=2025") == ["sum 208  \n where year=2025"])
    }

    @Test func piecesKnowTheirLine() {
        #expect(StatementSplitter.split("\n\nsum\n\n  count").map(\.line) == [2, 4])
    }

    @Test(arguments: [
        ("sum 208", true), ("sum where (a=1", false), ("sum where name=\"x", false), ("sum 208 \\", false),
        ("sum where (a=1)", true), ("sum where name='it''s'", true), ("sum # (", true),
    ])
    func completeness(_ text: String, _ complete: Bool) {
        #expect(StatementSplitter.isComplete(text) == complete)
    }
}
