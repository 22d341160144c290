/// Recursive descent over the grammar in grammar.md; each parse function is named after
/// the rule it reads and carries that rule as a comment. Errors are Diagnostics pointing at
/// the offending token. Every loop consumes a token or stops, and nesting is bounded.
public struct Parser {
    public static let keywords = Keywords.reserved
    /// Words that end a query inside a check: arithmetic and the check's own clauses.
    static let expressionStops = ["+", "-", "*", "/"] + Keywords.checkClauses
    public static let maxDepth = 64
    /// The most arithmetic operations in one statement: each makes the expression's tree one
    /// level deeper, and checking, planning and printing it walk that tree.
    public static let maxOperations = 256
    /// The most code patterns in a target, or values in one list: past it a query is
    /// refused rather than planned into thousands of filters a row.
    public static let maxListLength = 1_000
    /// Inside `check` and `let`, queries stop at arithmetic, comparisons and `within`/`as`.
    var inExpression = false
    /// Inside `having`, conditions name the result's columns, quoted when they are numbers.
    var inHaving = false

    let source: String
    /// Read from the lexer; a computed column splits `project/total` into its parts.
    var tokens: [Token]
    var position = 0
    var operations = 0
    var depth = 0

    public init(_ source: String) {
        self.source = source
        tokens = Lexer.tokens(source)
    }

    public static func parse(_ source: String) throws(Diagnostic) -> Statement {
        var parser = Parser(source)
        return try parser.parseStatement()
    }

    var current: Token { tokens[position] }
    var nextToken: Token { tokens[min(position + 1, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func error(_ message: String, at range: SourceRange, help: String? = nil) -> Diagnostic {
        .error(message, in: source, at: range, help: help)
    }

    /// The diagnostic for an unexpected token, passing on a lexer error as it is.
    func unexpected(_ token: Token, expected: String, help: String? = nil) -> Diagnostic {
        switch token.kind {
        case .invalid: error(token.text, at: token.range)
        case .end: error("\(expected), but the statement ends", at: token.range, help: help)
        default: error("\(expected), found `\(token.text)`", at: token.range, help: help)
        }
    }

    // statement = query | check | let | audit | chart | explain | export | show ;
    public mutating func parseStatement() throws(Diagnostic) -> Statement {
        let statement: Statement
        if current.isKeyword("chart") {
            statement = .chart(try parseChart())
        } else if current.isKeyword("explain") {
            statement = .explainSQL(try parseExplain())
        } else if current.isKeyword("export") {
            statement = .export(try parseExport())
        } else if current.isKeyword("check") {
            statement = .check(try parseCheck())
        } else if current.isKeyword("let") {
            statement = .let(try parseLet())
        } else if current.isKeyword("audit") {
            statement = .audit(try parseAudit())
        } else if current.isKeyword("show") {
            statement = .show(try parseShow())
        } else {
            statement = .query(try parseQuery())
        }
        guard current.kind == .end else {
            throw unexpected(current, expected: "expected the end of the statement")
        }
        return statement
    }

    // query = verb [ target ] [ "where" or_expr ] [ "by" groups ] [ "having" or_expr ] [ "order" "by" order_keys ] ;
    mutating func parseQuery() throws(Diagnostic) -> Query {
        let start = current.range
        let (verb, limit) = try parseVerb()
        var query = Query(verb: verb, verbRange: start, limit: limit, targets: [], filter: nil, groups: [], pivot: nil, range: start)
        if verb == .top { query.per = try parsePer() }
        query.targets = try parseTarget()
        // `check sum 208 = 1`: a code, not a field, before `=` means a comparison was meant.
        if inExpression, current.kind == .word, nextToken.kind == .equal, Field(rawValue: current.text.lowercased()) == nil {
            throw error("a check compares with `==`", at: nextToken.range, help: "write `==` for equal")
        }
        if current.kind == .word, nextToken.isComparison, !inExpression || nextToken.kind == .equal || nextToken.kind == .tilde {
            let value = tokens[min(position + 2, tokens.count - 1)]
            let end = value.kind == .word || value.kind == .quoted ? value.range.end : nextToken.range.end
            throw error("a condition must follow `where`", at: current.range,
                        help: "write `where \(source.utf8Slice(current.range.start, end))`")
        }
        if current.isKeyword("where") {
            _ = advance()
            if current.kind == .end || current.isKeyword("by") {
                throw unexpected(current, expected: "expected a condition after `where`",
                                 help: "a condition looks like `dept=綦江` or `year=2025`")
            }
            query.filter = try parseOrExpr()
        }
        var byToken: Token?
        if current.isKeyword("by") {
            byToken = advance()
            (query.groups, query.pivot, query.computed) = try parseGroups()
        }
        // In a check a query is one amount, with no rows to filter or sort.
        if !inExpression, current.isKeyword("having") {
            query.having = try parseHaving()
        }
        if !inExpression, current.isKeyword("order") {
            _ = advance()
            guard current.isKeyword("by") else {
                throw unexpected(current, expected: "expected `by` after `order`", help: "for example `order by total desc`")
            }
            _ = advance()
            query.order = try parseOrderKeys()
        }
        try rejectMisplacedClause(query, by: byToken)
        if verb == .top && query.groups.isEmpty && query.per == nil {
            throw error("`top` ranks groups, and this query has none", at: start.union(tokens[1].range),
                        help: "add `by`, for example `top 10 208 by dept`")
        }
        query.range = start.union(tokens[max(0, position - 1)].range)
        return query
    }

    // verb = "sum" | "count" | "avg" | "min" | "max" | "list" | "top" integer [ "per" field ] ;
    mutating func parseVerb() throws(Diagnostic) -> (Verb, Int?) {
        let token = current
        guard token.kind == .word, let verb = Verb(rawValue: token.text.lowercased()) else {
            let help = token.kind == .word
                ? Suggestion.help(for: token.text, among: Verb.allCases.map(\.rawValue))
                : nil
            if token.kind == .word {
                throw error("unknown verb `\(token.text)`", at: token.range,
                            help: help ?? "a statement starts with sum, count, avg, min, max, list or top")
            }
            throw unexpected(token, expected: "expected a verb (sum, count, avg, min, max, list, top)")
        }
        _ = advance()
        guard verb == .top else { return (verb, nil) }
        guard current.kind == .word, let n = Int(current.text), n > 0 else {
            throw unexpected(current, expected: "expected how many groups after `top`", help: "for example `top 10 208 by dept`")
        }
        _ = advance()
        return (verb, n)
    }

    // target = pattern { "," pattern } ;
    // pattern = word | quoted ;   (digits and letters, "*" any rest, "?" one character)
    mutating func parseTarget() throws(Diagnostic) -> [Value] {
        var patterns: [Value] = []
        guard isPatternStart else { return [] }
        while true {
            if let typo = misspeltKeywordAsPattern(current) { throw typo }
            let token = advance()
            patterns.append(Value(text: token.text, range: token.range, quoted: token.kind == .quoted))
            if patterns.count > Self.maxListLength {
                throw error("more than \(Self.maxListLength) code patterns", at: token.range,
                            help: "use wildcards (`2080*`, `208????`) to name many codes at once")
            }
            guard current.kind == .comma else { return patterns }
            _ = advance()
            guard isPatternStart else {
                throw unexpected(current, expected: "expected a code pattern after `,`")
            }
        }
    }

    private var isPatternStart: Bool {
        guard current.kind == .word || current.kind == .quoted else { return false }
        if current.kind == .word && Self.keywords.contains(current.text.lowercased()) { return false }
        if current.isKeyword("order"), nextToken.isKeyword("by") { return false }
        if inExpression && current.kind == .word && Self.expressionStops.contains(current.text.lowercased()) {
            // `sum * == …` still takes `*` as every code.
            return current.text == "*"
        }
        // `sum dept=綦江`: a field and an operator, not a pattern; in a check, `sum 208 == …`
        // compares.
        if inExpression { return nextToken.kind != .equal && nextToken.kind != .tilde }
        return !nextToken.isComparison
    }

    // or_expr = and_expr { "or" and_expr } ;
    mutating func parseOrExpr() throws(Diagnostic) -> Expr {
        var terms = [try parseAndExpr()]
        while current.isKeyword("or") {
            _ = advance()
            terms.append(try parseAndExpr())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    // and_expr = not_expr { [ "and" ] not_expr } ;
    mutating func parseAndExpr() throws(Diagnostic) -> Expr {
        var terms = [try parseNotExpr()]
        while true {
            if current.isKeyword("and") {
                _ = advance()
                terms.append(try parseNotExpr())
            } else if startsCondition {
                terms.append(try parseNotExpr())
            } else {
                break
            }
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private var startsCondition: Bool {
        switch current.kind {
        case .leftParen: return true
        case .word:
            if inExpression && Self.expressionStops.contains(current.text.lowercased()) { return false }
            // `where dept=万盛 208`: codes out of place end the conditions, to be said so.
            if looksLikeCodePatterns(current) { return false }
            // `… dept=万盛 order by total`
            if current.isKeyword("order"), nextToken.isKeyword("by") { return false }
            return !Keywords.reserved.contains(current.text.lowercased()) || current.isKeyword("not")
        case .quoted: return inHaving
        default: return false
        }
    }

    // not_expr = "not" not_expr | primary ;
    mutating func parseNotExpr() throws(Diagnostic) -> Expr {
        if current.isKeyword("not") {
            let keyword = advance()
            try enter(keyword)
            defer { depth -= 1 }
            return .not(try parseNotExpr(), keyword: keyword.range)
        }
        return try parsePrimary()
    }

    // primary = "(" or_expr ")" | empty_test | condition ;
    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        if current.kind == .leftParen {
            let open = advance()
            try enter(open)
            defer { depth -= 1 }
            let inner = try parseOrExpr()
            guard current.kind == .rightParen else {
                if current.kind == .end {
                    throw error("this `(` is never closed", at: open.range, help: "add `)` after the condition")
                }
                throw unexpected(current, expected: "expected `)` or another condition")
            }
            let close = advance()
            return .parenthesized(inner, open.range.union(close.range))
        }
        if let test = try parseEmptyTest() { return test }
        return .condition(try parseCondition())
    }

    /// Counts one arithmetic operation (`token` is its operator).
    mutating func countOperation(_ token: Token) throws(Diagnostic) {
        operations += 1
        if operations > Self.maxOperations {
            throw error("more than \(Self.maxOperations) operations in one statement", at: token.range,
                        help: "name parts once with `let` (`let a = sum 208 + sum 210`) and add the names")
        }
    }

    mutating func enter(_ token: Token) throws(Diagnostic) {
        depth += 1
        if depth > Self.maxDepth {
            throw error("nested more than \(Self.maxDepth) deep", at: token.range, help: "simplify the condition")
        }
    }

    // condition = field comparison operand ;
    // field = word | quoted ;   (* quoted only in having: a result column named by a number *)
    mutating func parseCondition() throws(Diagnostic) -> Condition {
        let token = current
        guard token.kind == .word && !Self.keywords.contains(token.text.lowercased()) || inHaving && token.kind == .quoted else {
            if token.kind == .rightParen {
                throw error("unmatched `)`", at: token.range)
            }
            throw unexpected(token, expected: "expected a condition such as `dept=綦江`")
        }
        _ = advance()
        let field = Name(text: token.text, range: token.range, quoted: token.kind == .quoted)
        let opToken = current
        guard opToken.isComparison, let op = ComparisonOp(rawValue: opToken.text) else {
            if let typo = misspeltKeywordAsField(token, followedBy: opToken) { throw typo }
            throw unexpected(opToken, expected: "expected an operator (= == != < <= > >= ~) after `\(field.text)`")
        }
        _ = advance()
        let operand = try parseOperand(after: opToken)
        return Condition(field: field, op: op, opRange: opToken.range, operand: operand)
    }

    // operand = value ".." value | value { "," value } ;
    mutating func parseOperand(after op: Token) throws(Diagnostic) -> Operand {
        let first = try parseValue(after: op)
        if current.kind == .dotDot {
            let dots = advance()
            let high = try parseValue(after: dots)
            return .range(first, high)
        }
        var values = [first]
        while current.kind == .comma {
            let comma = advance()
            values.append(try parseValue(after: comma))
            if values.count > Self.maxListLength {
                throw error("more than \(Self.maxListLength) values in one list", at: values[values.count - 1].range,
                            help: "use a range (`2020..2025`), a pattern or `~` with a regular expression")
            }
        }
        return .values(values)
    }

    // value = word | quoted ;
    mutating func parseValue(after previous: Token) throws(Diagnostic) -> Value {
        let token = current
        guard token.kind == .word || token.kind == .quoted else {
            throw unexpected(token, expected: "expected a value after `\(previous.text)`",
                             help: token.kind == .comma ? "remove the doubled comma" : nil)
        }
        _ = advance()
        return Value(text: token.text, range: token.range, quoted: token.kind == .quoted)
    }

    // groups = group { "," group } ;
    // group = computed | ( word | quoted ) [ "as" "columns" ] ;
    mutating func parseGroups() throws(Diagnostic) -> ([Name], pivot: Name?, computed: [ComputedColumn]) {
        var names: [Name] = []
        var pivot: Name?
        var computed: [ComputedColumn] = []
        while true {
            if startsComputedColumn {
                computed.append(try parseComputed())
                guard current.kind == .comma else { return (names, pivot, computed) }
                _ = advance()
                continue
            }
            let token = current
            guard token.kind == .word || token.kind == .quoted else {
                throw unexpected(token, expected: names.isEmpty ? "expected a field or column id after `by`" : "expected a field or column id after `,`",
                                 help: names.isEmpty ? "for example `by dept` or `by basic,project`" : nil)
            }
            _ = advance()
            let name = Name(text: token.text, range: token.range)
            names.append(name)
            // `as columns`, not `as "label"` (a check's label after its groups)
            if current.isKeyword("as"), nextToken.isKeyword("columns") {
                if let pivot {
                    throw error("only one group can be spread across columns", at: token.range.union(nextToken.range),
                                help: "`\(pivot.text)` is already `as columns`")
                }
                _ = advance()
                _ = advance()
                pivot = name
            }
            guard current.kind == .comma else { return (names, pivot, computed) }
            _ = advance()
        }
    }
}

extension Parser {
    // order_keys = order_key { "," order_key } ;
    // order_key = ( word | quoted ) [ "asc" | "desc" ] ;   (* a column of the result *)
    mutating func parseOrderKeys() throws(Diagnostic) -> [OrderKey] {
        var keys: [OrderKey] = []
        while true {
            let token = current
            guard token.kind == .word || token.kind == .quoted else {
                throw unexpected(token, expected: keys.isEmpty ? "expected a column after `order by`" : "expected a column after `,`",
                                 help: keys.isEmpty ? "for example `order by total desc` or `order by \"2025\" desc`" : nil)
            }
            _ = advance()
            var key = OrderKey(column: Value(text: token.text, range: token.range, quoted: token.kind == .quoted), descending: false)
            if current.isKeyword("desc") || current.isKeyword("asc") {
                key.descending = advance().isKeyword("desc")
            }
            keys.append(key)
            if keys.count > Self.maxListLength {
                throw error("more than \(Self.maxListLength) keys in `order by`", at: token.range)
            }
            guard current.kind == .comma else { return keys }
            _ = advance()
        }
    }
}

extension String {
    /// The text between two UTF-8 offsets (widened so a character is never split).
    func utf8Slice(_ start: Int, _ end: Int) -> String {
        let bytes = Array(utf8)
        let lo = max(0, min(start, bytes.count))
        let hi = max(lo, min(end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}
