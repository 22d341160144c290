import Testing
@testable import TallyCore

struct StatementSplitterTests {
    func texts(_ script: String) -> [String] {
        StatementSplitter.split(script).map { ($0.isDotCommand ? "dot:" : "") + $0.text }
    }

    @Test func splitsOnSemicolonsAndLines() {
        #expect(texts("sum 208; count\nlist 2080101") == ["sum 208", "count", "list 2080101"])
    }

    /// A statement ends at its last token: a comment after it is not part of it.
    @Test func dotCommandsAndComments() {
        #expect(texts("# a comment\n.mode csv\nsum 208 # why\n  .timer on") == ["dot:.mode csv", "sum 208", "dot:.timer on"])
        #expect(texts("sum 208 # why; (\ncount") == ["sum 208", "count"])
        #expect(texts(".\n..5") == ["dot:.", "..5"])
        #expect(texts(".mode csv\r\nsum 208\r\n") == ["dot:.mode csv", "sum 208"])
    }

    @Test func openQuotesParenthesesAndBackslashContinue() {
        #expect(texts("count where (a=1\n or b=2)\nsum") == ["count where (a=1\n or b=2)", "sum"])
        #expect(texts("count where name=\"a;b\"; sum") == ["count where name=\"a;b\"", "sum"])
        #expect(texts("sum 208 \\\n where year=2025") == ["sum 208  \n where year=2025"])
        // blanks after the `\` still continue; a `\` inside quotes is text
        #expect(texts("sum 208\\  \nby dept") == ["sum 208   \nby dept"])
        #expect(texts("count where name=\"a\\\nb\"\nsum") == ["count where name=\"a\\\nb\"", "sum"])
        // a dot-command line inside a continued statement is part of the statement
        #expect(texts("sum 208 \\\n.5") == ["sum 208  \n.5"])
    }

    /// What the lexer reads as `;` and `(` (typed full-width) splits and holds here too.
    @Test func inputMethodPunctuation() {
        #expect(texts("sum 208；count") == ["sum 208", "count"])
        #expect(texts("count where （a=1\nor b=2）\nsum") == ["count where （a=1\nor b=2）", "sum"])
        #expect(texts("count where name=\"a；b\"") == ["count where name=\"a；b\""])
    }

    @Test func piecesKnowTheirLine() {
        #expect(StatementSplitter.split("\n\nsum\n\n  count").map(\.line) == [2, 4])
        #expect(StatementSplitter.split("sum 208 \\\nby dept\n.mode csv; x\ncount \"a\nb\"\nsum").map(\.line) == [0, 2, 3, 5])
    }

    @Test(arguments: [
        ("sum 208", true), ("sum where (a=1", false), ("sum where name=\"x", false), ("sum 208 \\", false),
        ("sum where (a=1)", true), ("sum where name='it''s'", true), ("sum # (", true),
        ("sum where （a=1", false), ("sum where （a=1）", true), ("sum 208 \\  ", false),
        // `\` and then an empty line: the statement is done
        ("sum 208 \\\n", true), ("sum 208 \\\nby dept", true), ("sum where name=\"a\\", false),
    ])
    func completeness(_ text: String, _ complete: Bool) {
        #expect(StatementSplitter.isComplete(text) == complete)
    }

    /// History keeps a statement as it ran: the `\` and its line break out, lines held open
    /// by a parenthesis kept.
    @Test(arguments: [
        ("sum 2080* where dept=綦江 \\\nyear=2025 by basic,project", "sum 2080* where dept=綦江 year=2025 by basic,project"),
        ("sum 2080*\\\n   by dept", "sum 2080* by dept"),
        ("sum 2080* \\  \n\\\nby dept\n", "sum 2080* by dept"),
        ("count where (a=1\nor b=2)", "count where (a=1\nor b=2)"),
        ("count where name=\"a\\\nb\"", "count where name=\"a\\\nb\""),
        ("count # why \\\n", "count # why \\"),
        ("count where (a=1 # why\nor b=2) # done", "count where (a=1\nor b=2)"),
        ("count where name=\"#1\" # a comment", "count where name=\"#1\" # a comment"),
    ])
    func historyEntry(_ typed: String, _ kept: String) {
        #expect(StatementSplitter.historyEntry(typed) == kept)
    }
}
