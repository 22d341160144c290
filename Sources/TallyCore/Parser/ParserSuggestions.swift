/// What a person meant when a query does not read as written: a misspelt keyword
/// (`wher` → `where`) or a clause out of order (`by … where …`: "`where` comes before
/// `by`"). Each says what to write instead, often the whole query put right.
extension Parser {
    /// The clause keywords a misspelt word is compared with.
    static let clauseKeywords = ["where", "by"]

    /// "did you mean `where`?" for a word close to one of `keywords` (and not one of them).
    func keywordHelp(for token: Token, among keywords: [String]) -> String? {
        guard token.kind == .word, !keywords.contains(token.text.lowercased()),
              let keyword = Suggestion.closest(to: token.text, among: keywords) else { return nil }
        return "did you mean `\(keyword)`?"
    }

    /// A target pattern that is a misspelt clause keyword, as `wher` in `sum wher dept=万盛`:
    /// a code pattern has digits or wildcards, so letters alone close to a keyword are a typo.
    func misspeltKeywordAsPattern(_ token: Token) -> Diagnostic? {
        guard token.kind == .word, !token.text.contains(where: { $0.isNumber || $0 == "*" || $0 == "?" }),
              let help = keywordHelp(for: token, among: Self.clauseKeywords) else { return nil }
        return error("`\(token.text)` is not a code pattern", at: token.range, help: help)
    }

    /// A word where a condition should start that is rather a misspelt keyword
    /// (`where dept=万盛 bu dept`, `… adn year=2025`).
    func misspeltKeywordAsField(_ token: Token, followedBy next: Token) -> Diagnostic? {
        guard !next.isComparison, let help = keywordHelp(for: token, among: ["by", "and", "or", "not"]) else { return nil }
        return error("expected a condition, found `\(token.text)`", at: token.range, help: help)
    }

    /// A word that reads as code patterns (digits or wildcards first) and is no field, nor,
    /// in a check, arithmetic (`sum 20801 * 2`).
    func looksLikeCodePatterns(_ token: Token) -> Bool {
        guard token.kind == .word, let first = token.text.first, !nextToken.isComparison,
              !(inExpression && Self.expressionStops.contains(token.text.lowercased())) else { return false }
        return first.isNumber || first == "*" || first == "?"
    }

    /// Called where a query has read all it can: a clause out of order or a misspelt keyword
    /// gets its own error instead of "expected the end of the statement".
    mutating func rejectMisplacedClause(_ query: Query, by byToken: Token?) throws(Diagnostic) {
        let token = current
        guard token.kind == .word else { return }
        if let having = query.having, token.isKeyword("where") || token.isKeyword("by") {
            throw error("`\(token.text.lowercased())` comes before `having`", at: token.range,
                        help: "`having \(having)` filters the result, so it follows `by`; move it to the end (before `order by`)")
        }
        if token.isKeyword("where"), byToken != nil {
            throw clauseAgain(query, keyword: token)
        }
        if token.isKeyword("by"), byToken != nil {
            throw clauseAgain(query, keyword: token)
        }
        if looksLikeCodePatterns(token) {
            throw codePatternsLate(query)
        }
        // `by year as colums`: in a check, `as` is followed by the check's label instead.
        if !inExpression, token.isKeyword("as"), let help = keywordHelp(for: nextToken, among: ["columns"]) {
            throw error("expected `columns` after `as`, found `\(nextToken.text)`", at: nextToken.range, help: help)
        }
        let expected = (query.filter == nil ? ["where"] : []) + (query.groups.isEmpty ? ["by"] : [])
            + (inExpression || query.having != nil ? [] : ["having"])
        if var help = keywordHelp(for: token, among: expected) {
            if help.contains("`where`"), byToken != nil { help += " (`where` comes before `by`)" }
            throw unexpected(token, expected: "expected the end of the statement", help: help)
        }
    }

    /// `… by column where dept=万盛` ("`where` comes before `by`"), a second `where` or a
    /// second `by`: the rest is read, and the help shows the query as it should be written.
    private mutating func clauseAgain(_ query: Query, keyword: Token) -> Diagnostic {
        let isWhere = keyword.isKeyword("where")
        let message = isWhere
            ? (query.filter == nil ? "`where` comes before `by`" : "a query has one `where`")
            : "a query has one `by`"
        var fixed = query
        _ = advance()
        do throws(Diagnostic) {
            if isWhere {
                let more = try parseOrExpr()
                fixed.filter = query.filter.map { .and([Self.grouped($0), Self.grouped(more)]) } ?? more
            } else {
                let (groups, pivot, computed) = try parseGroups()
                fixed.groups += groups
                fixed.pivot = fixed.pivot ?? pivot
                fixed.computed += computed
            }
        } catch {
            let how = isWhere ? (query.filter == nil ? "put the conditions before `by`" : "join the conditions with `and`")
                : "list every group after one `by`, joined by `,`"
            return self.error(message, at: keyword.range, help: how)
        }
        return self.error(message, at: keyword.range, help: "write `\(fixed)`")
    }

    /// `sum where dept=万盛 208`: the codes belong right after the verb.
    private mutating func codePatternsLate(_ query: Query) -> Diagnostic {
        let first = current
        let verb = query.limit.map { "\(query.verb.rawValue) \($0)" } ?? query.verb.rawValue
        let message = "code patterns come right after `\(verb)`"
        var fixed = query
        do throws(Diagnostic) {
            fixed.targets += try parseTarget()
            if current.isKeyword("by"), fixed.groups.isEmpty {
                _ = advance()
                (fixed.groups, fixed.pivot, fixed.computed) = try parseGroups()
            }
        } catch {
            return self.error(message, at: first.range)
        }
        return self.error(message, at: first.range, help: "write `\(fixed)`")
    }

    /// A condition joined to others by `and`, in parentheses when it is an `or`.
    private static func grouped(_ expr: Expr) -> Expr {
        if case .or = expr { return .parenthesized(expr, expr.range) }
        return expr
    }
}
