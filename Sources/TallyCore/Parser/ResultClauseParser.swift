/// The clauses that work on a query's result rather than on line items: computed columns
/// (`share = project / total`), `having`, `top N per FIELD` and `show`. Same rules as
/// Parser.swift: each function is named after its grammar.md rule.
extension Parser {
    /// Whether the next tokens start a computed column: a name, then `=` (never in a check,
    /// where `by doc = …` is a comparison written with one `=`).
    var startsComputedColumn: Bool {
        !inExpression && (current.kind == .word || current.kind == .quoted) && nextToken.kind == .equal
    }

    // computed = ( word | quoted ) "=" column_expr ;
    mutating func parseComputed() throws(Diagnostic) -> ComputedColumn {
        let token = advance()
        let name = Name(text: token.text, range: token.range, quoted: token.kind == .quoted)
        let equals = advance()
        guard !(current.kind == .end || current.kind == .comma) else {
            throw unexpected(current, expected: "expected what `\(name.text)` is after `=`",
                             help: "for example `share = project / total`")
        }
        _ = equals
        return ComputedColumn(name: name, value: try parseColumnExpr())
    }

    // column_expr = column_term { ( "+" | "-" ) column_term } ;
    mutating func parseColumnExpr() throws(Diagnostic) -> ColumnExpr {
        var left = try parseColumnTerm()
        while let op = arithmetic(["+", "-"]) {
            let token = advance()
            try countOperation(token)
            left = .binary(op, left, try parseColumnTerm(), opRange: token.range)
        }
        return left
    }

    // column_term = column_factor { ( "*" | "/" ) column_factor } ;
    mutating func parseColumnTerm() throws(Diagnostic) -> ColumnExpr {
        var left = try parseColumnFactor()
        while let op = arithmetic(["*", "/"]) {
            let token = advance()
            try countOperation(token)
            left = .binary(op, left, try parseColumnFactor(), opRange: token.range)
        }
        return left
    }

    // column_factor = "-" column_factor | "(" column_expr ")" | number | column ;
    // column = word | quoted ;   (* a column of the result; quoted when it is a number *)
    mutating func parseColumnFactor() throws(Diagnostic) -> ColumnExpr {
        splitArithmetic()
        let token = current
        if token.kind == .word, token.text == "-" {
            _ = advance()
            try enter(token)
            defer { depth -= 1 }
            return .negated(try parseColumnFactor(), sign: token.range)
        }
        if token.kind == .leftParen {
            let open = advance()
            try enter(open)
            defer { depth -= 1 }
            let inner = try parseColumnExpr()
            guard current.kind == .rightParen else {
                throw current.kind == .end
                    ? error("this `(` is never closed", at: open.range)
                    : unexpected(current, expected: "expected `)` or an operator (+ - * /)")
            }
            let close = advance()
            return .parenthesized(inner, open.range.union(close.range))
        }
        let isClause = token.kind == .word && (Self.keywords + Keywords.clauses).contains(token.text.lowercased())
        guard token.kind == .word || token.kind == .quoted, !isClause, !["+", "*", "/"].contains(token.text) else {
            throw unexpected(token, expected: "expected a column of the result or a number",
                             help: "for example `share = project / total` or `half = total / 2`")
        }
        _ = advance()
        let value = Value(text: token.text, range: token.range, quoted: token.kind == .quoted)
        // A bare word that starts like a number is one (and said so if it cannot be read);
        // a column named by a number is quoted: `"2025"`.
        let numeric = token.text.first.map { $0.isASCII && ($0.isNumber || $0 == ".") } ?? false
        return token.kind == .word && numeric ? .number(value) : .column(value)
    }

    /// The arithmetic operator at the current token, if it is one of `ops`.
    private mutating func arithmetic(_ ops: [String]) -> ArithmeticOp? {
        splitArithmetic()
        guard current.kind == .word, ops.contains(current.text) else { return nil }
        return ArithmeticOp(rawValue: current.text)
    }

    /// `project/total` is one word to the lexer (`/` is a word character, as in a check's
    /// `sum 208 / 2` it must stand apart); inside a computed column it is three tokens.
    private mutating func splitArithmetic() {
        let token = current
        let operators: Set<Character> = ["+", "-", "*", "/"]
        guard token.kind == .word, token.text.count > 1, token.text.contains(where: operators.contains),
              token.text.utf8.count == token.range.end - token.range.start else { return }
        var pieces: [Token] = []
        var start = token.range.start
        var word = ""
        for c in token.text {
            let width = String(c).utf8.count
            if operators.contains(c) {
                if !word.isEmpty { pieces.append(Token(.word, SourceRange(start - word.utf8.count, start), word)) }
                word = ""
                pieces.append(Token(.word, SourceRange(start, start + width), String(c)))
            } else {
                word.append(c)
            }
            start += width
        }
        if !word.isEmpty { pieces.append(Token(.word, SourceRange(start - word.utf8.count, start), word)) }
        tokens.replaceSubrange(position...position, with: pieces)
    }

    // having = "having" or_expr ;   (* over the result's columns *)
    mutating func parseHaving() throws(Diagnostic) -> Expr {
        let keyword = advance()
        if current.kind == .end || current.isKeyword("order") {
            throw unexpected(current, expected: "expected a condition after `having`",
                             help: "for example `having total > 100` or `having \"2025\" is empty`")
        }
        inHaving = true
        defer { inHaving = false }
        _ = keyword
        return try parseOrExpr()
    }

    // empty_test = ( word | quoted ) "is" [ "not" ] "empty" ;   (* in having only *)
    mutating func parseEmptyTest() throws(Diagnostic) -> Expr? {
        guard inHaving, current.kind == .word || current.kind == .quoted, nextToken.isKeyword("is") else { return nil }
        let column = advance()
        _ = advance()
        var negated = false
        if current.isKeyword("not") {
            _ = advance()
            negated = true
        }
        guard current.isKeyword("empty") else {
            throw unexpected(current, expected: "expected `empty` after `is`", help: "write `\(column.text) is empty` or `is not empty`")
        }
        let end = advance()
        return .isEmpty(Name(text: column.text, range: column.range, quoted: column.kind == .quoted),
                        negated: negated, range: column.range.union(end.range))
    }

    // "top" integer [ "per" field ]
    mutating func parsePer() throws(Diagnostic) -> Name? {
        guard current.isKeyword("per") else { return nil }
        let keyword = advance()
        guard current.kind == .word, !Self.keywords.contains(current.text.lowercased()) else {
            throw unexpected(current, expected: "expected a field after `per`", help: "for example `top 1 per doc 208???? by code`")
        }
        _ = keyword
        let field = advance()
        return Name(text: field.text, range: field.range)
    }

    // show = "show" expr ;
    mutating func parseShow() throws(Diagnostic) -> ValueExpr {
        let keyword = advance()
        guard current.kind != .end else {
            throw unexpected(current, expected: "expected what to show after `show`", help: "for example `show sum 208 - sum 208??`")
        }
        _ = keyword
        inExpression = true
        defer { inExpression = false }
        return try parseExpr()
    }
}
