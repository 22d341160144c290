import Testing
@testable import TallyCore

/// Parser tests compare the syntax tree printed back as canonical text.
struct ParserTests {
    static let canonical: [(String, String)] = [
        ("sum 2080* where dept=綦江 year=2025 by basic,project", "sum 2080* where dept=綦江 and year=2025 by basic, project"),
        ("SUM 208 WHERE year=2025", "sum 208 where year=2025"),
        ("sum", "sum"),
        ("top 10 208 where year=2025 by dept", "top 10 208 where year=2025 by dept"),
        ("count where a=1 or b=2 c=3", "count where a=1 or b=2 and c=3"),
        ("count where (a=1 or b=2) c=3", "count where (a=1 or b=2) and c=3"),
        ("count where not a=1 and not (b=2)", "count where not a=1 and not (b=2)"),
        ("count where not not a=1", "count where not not a=1"),
        ("count where year=2023,2025", "count where year=2023,2025"),
        ("count where year = 2023 .. 2025", "count where year=2023..2025"),
        ("list where name~'^其他' amount>100", "list where name~\"^其他\" and amount>100"),
        ("list where name=\"a \"\"b\"\"\"", "list where name=\"a \"\"b\"\"\""),
        ("sum 2080*,2101* by 基本支出,项目支出", "sum 2080*,2101* by 基本支出, 项目支出"),
        ("min 301?? where dept=北碚 by year", "min 301?? where dept=北碚 by year"),
        ("sum 2080* by code,year as columns", "sum 2080* by code, year as columns"),
        ("sum by YEAR As Columns, basic", "sum by YEAR as columns, basic"),
        ("check sum 208 by year == sum 208?? by year as \"tree\"", "check sum 208 by year == sum 208?? by year as \"tree\""),
    ]

    @Test(arguments: canonical)
    func printsBackCanonically(_ source: String, _ expected: String) throws {
        let statement = try Parser.parse(source)
        #expect(statement.description == expected)
        // The canonical text parses to the same tree, printed the same.
        #expect(try Parser.parse(expected).description == expected)
    }

    /// Errors: the source with the expected caret span marked by ⟦ ⟧, and the message.
    static let errors: [(String, String)] = [
        ("⟦summ⟧ 208", "unknown verb `summ`"),
        ("sum 208,⟦,⟧209", "expected a code pattern after `,`, found `,`"),
        ("sum 208 where ⟦(⟧dept=x", "this `(` is never closed"),
        ("sum 208 where dept=x⟦)⟧", "expected the end of the statement, found `)`"),
        ("sum ⟦dept⟧=綦江", "a condition must follow `where`"),
        ("sum where ⟦⟧", "expected a condition after `where`, but the statement ends"),
        ("sum where year=⟦⟧", "expected a value after `=`, but the statement ends"),
        ("sum where year=2023,⟦,⟧2025", "expected a value after `,`, found `,`"),
        ("sum where dept ⟦綦江⟧", "expected an operator (= == != < <= > >= ~) after `dept`, found `綦江`"),
        ("top ⟦208x⟧", "expected how many groups after `top`, found `208x`"),
        ("⟦top 10⟧ 208", "`top` ranks groups, and this query has none"),
        ("sum by ⟦⟧", "expected a field or column id after `by`, but the statement ends"),
        ("sum where name=⟦\"abc⟧", "this quoted text is never closed"),
        ("sum where a ⟦!⟧ b", "`!` must be followed by `=`"),
        ("⟦=⟧", "expected a verb (sum, count, avg, min, max, list, top), found `=`"),
        ("sum by year as columns, ⟦dept as columns⟧", "only one group can be spread across columns"),
        // Misspelt keywords and clauses out of order (issue 14), carets under what was typed.
        ("sum 2080* ⟦wher⟧ dept=万盛", "expected the end of the statement, found `wher`"),
        ("sum ⟦wher⟧ dept=万盛", "`wher` is not a code pattern"),
        ("sum where dept=万盛 ⟦bu⟧ dept", "expected a condition, found `bu`"),
        ("sum * by column ⟦where⟧ dept=万盛", "`where` comes before `by`"),
        ("sum * by column，project ⟦where⟧ dept＝万盛", "`where` comes before `by`"),
        ("sum where a=1 by dept ⟦where⟧ b=2", "a query has one `where`"),
        ("sum by dept ⟦by⟧ year", "a query has one `by`"),
        ("sum where dept=万盛 ⟦208⟧", "code patterns come right after `sum`"),
        ("sum by year as ⟦colums⟧", "expected `columns` after `as`, found `colums`"),
        ("sum where dept＝綦江 year＝⟦⟧", "expected a value after `=`, but the statement ends"),
    ]

    /// The help each of those gives: what to write instead.
    @Test(arguments: [
        ("sum 2080* wher dept=万盛", "did you mean `where`?"),
        ("sum wher dept=万盛", "did you mean `where`?"),
        ("sum 208 bu dept", "did you mean `by`?"),
        ("sum where dept=万盛 adn year=2025", "did you mean `and`?"),
        ("sum 208 by dept wher year=2025", "did you mean `where`? (`where` comes before `by`)"),
        ("sum * by column where dept=万盛", "write `sum * where dept=万盛 by column`"),
        ("sum * by column where (dept=万盛", "put the conditions before `by`"),
        ("sum where a=1 or b=2 by dept where c=3", "write `sum where (a=1 or b=2) and c=3 by dept`"),
        ("sum by dept by year as columns", "write `sum by dept, year as columns`"),
        ("top 3 where dept=万盛 208?? by dept", "write `top 3 208?? where dept=万盛 by dept`"),
        ("sum 208 by year as colums", "did you mean `columns`?"),
    ])
    func suggestsWhatToWrite(_ source: String, _ help: String) {
        #expect {
            _ = try Parser.parse(source)
        } throws: { error in
            (error as? Diagnostic)?.help == help
        }
    }

    /// Words near a keyword are not taken for one where they can mean something else.
    @Test(arguments: ["sum 208 by dept", "sum T01", "count where name=wher", "check sum 208 by doc == sum 208?? by doc as colums",
                      "sum where dept=万盛 by dept", "count where year=2023, 2025", "check sum 20801 * 2 == 120",
                      "check sum where dept=万盛 * 2 == sum by dept * 2", "let x = sum 208 by doc * 2"])
    func noSuggestionWhereNoneIsDue(_ source: String) throws {
        _ = try Parser.parse(source)
    }

    @Test(arguments: errors)
    func reportsErrorsAtTheCause(_ marked: String, _ message: String) {
        let (source, range) = Self.unmark(marked)
        #expect {
            _ = try Parser.parse(source)
        } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            #expect(d.message == message)
            #expect(d.range == range)
            return true
        }
    }

    @Test func nestingIsBounded() {
        let deep = "count where " + String(repeating: "(", count: 10_000) + "a=1" + String(repeating: ")", count: 10_000)
        #expect(throws: Diagnostic.self) { try Parser.parse(deep) }
        let ok = "count where " + String(repeating: "(", count: 60) + "a=1" + String(repeating: ")", count: 60)
        #expect(throws: Never.self) { try Parser.parse(ok) }
    }

    @Test func rangesCoverTheirSource() throws {
        let source = "sum 2080* where dept=綦江 by basic"
        guard case .query(let q) = try Parser.parse(source) else {
            Issue.record("`\(source)` is not a query")
            return
        }
        #expect(source.utf8Slice(q.targets[0].range.start, q.targets[0].range.end) == "2080*")
        #expect(source.utf8Slice(q.filter!.range.start, q.filter!.range.end) == "dept=綦江")
        #expect(source.utf8Slice(q.groups[0].range.start, q.groups[0].range.end) == "basic")
        #expect(q.range == SourceRange(0, source.utf8.count))
    }

    /// Splits "a ⟦b⟧ c" into "a b c" and the byte range of b.
    static func unmark(_ marked: String) -> (String, SourceRange) {
        let open = marked.range(of: "⟦")!
        let before = String(marked[..<open.lowerBound])
        let rest = String(marked[open.upperBound...])
        let close = rest.range(of: "⟧")!
        let inside = String(rest[..<close.lowerBound])
        let after = String(rest[close.upperBound...])
        let start = before.utf8.count
        return (before + inside + after, SourceRange(start, start + inside.utf8.count))
    }
}
