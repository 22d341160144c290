/// The reconciliation statements: `check`, `let`, `audit`, and the arithmetic of check
/// expressions. Same rules as Parser.swift: each function is named after its grammar.md rule.
extension Parser {
    // check = "check" expr check_op expr [ "within" value ] [ "as" value ] ;
    mutating func parseCheck() throws(Diagnostic) -> Check {
        let keyword = advance()
        inExpression = true
        defer { inExpression = false }
        let left = try parseExpr()
        let opToken = current
        guard opToken.isComparison, opToken.kind != .equal, opToken.kind != .tilde,
            let op = ComparisonOp(rawValue: opToken.text)
        else {
            throw unexpected(opToken, expected: "expected a comparison (== != < <= > >=)",
                             help: opToken.kind == .equal ? "a check compares with `==`" : nil)
        }
        _ = advance()
        let right = try parseExpr()
        var check = Check(left: left, op: op, opRange: opToken.range, right: right, tolerance: nil, label: nil,
                          range: keyword.range.union(right.range))
        if current.isKeyword("within") {
            let within = advance()
            check.tolerance = try parseValue(after: within)
        }
        if current.isKeyword("as") {
            let asToken = advance()
            guard current.kind == .quoted || current.kind == .word else {
                throw unexpected(current, expected: "expected a label after `as`", help: "for example as \"三公 agrees\"")
            }
            _ = asToken
            let label = advance()
            check.label = Value(text: label.text, range: label.range, quoted: true)
        }
        check.range = keyword.range.union(tokens[max(0, position - 1)].range)
        return check
    }

    // let = "let" name "=" expr ;
    mutating func parseLet() throws(Diagnostic) -> Let {
        _ = advance()
        let token = current
        guard token.kind == .word, Self.isName(token.text) else {
            throw unexpected(token, expected: "expected a name after `let`", help: "for example `let gpb = sum where table=gpb_expenditure`")
        }
        _ = advance()
        guard current.kind == .equal else {
            throw unexpected(current, expected: "expected `=` after `\(token.text)`")
        }
        _ = advance()
        inExpression = true
        defer { inExpression = false }
        return Let(name: Name(text: token.text, range: token.range), value: try parseExpr())
    }

    /// A name for `let`: a letter or underscore, then letters, digits, underscores; not a keyword.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        let reserved = keywords + Keywords.statements + Keywords.checkClauses + Verb.allCases.map(\.rawValue)
        return !reserved.contains(text.lowercased()) && text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    // audit = "audit" { rule } [ "where" or_expr ] ;
    mutating func parseAudit() throws(Diagnostic) -> Audit {
        let keyword = advance()
        var audit = Audit(rules: [], filter: nil, range: keyword.range)
        while current.kind == .word, !current.isKeyword("where") {
            let rule = advance()
            audit.rules.append(Name(text: rule.text, range: rule.range))
        }
        if current.isKeyword("where") {
            _ = advance()
            audit.filter = try parseOrExpr()
        }
        audit.range = keyword.range.union(tokens[max(0, position - 1)].range)
        return audit
    }

    // expr = term { ( "+" | "-" ) term } ;
    mutating func parseExpr() throws(Diagnostic) -> ValueExpr {
        var left = try parseTerm()
        while current.kind == .word, current.text == "+" || current.text == "-" {
            let op = advance()
            try countOperation(op)
            let right = try parseTerm()
            left = .binary(ArithmeticOp(rawValue: op.text) ?? .add, left, right, opRange: op.range)
        }
        return left
    }

    // term = factor { ( "*" | "/" ) factor } ;
    mutating func parseTerm() throws(Diagnostic) -> ValueExpr {
        var left = try parseFactor()
        while current.kind == .word, current.text == "*" || current.text == "/" {
            let op = advance()
            try countOperation(op)
            let right = try parseFactor()
            left = .binary(ArithmeticOp(rawValue: op.text) ?? .multiply, left, right, opRange: op.range)
        }
        return left
    }

    // factor = query | number | name | "(" expr ")" ;
    mutating func parseFactor() throws(Diagnostic) -> ValueExpr {
        let token = current
        if token.kind == .leftParen {
            let open = advance()
            try enter(open)
            defer { depth -= 1 }
            let inner = try parseExpr()
            guard current.kind == .rightParen else {
                throw current.kind == .end
                    ? error("this `(` is never closed", at: open.range)
                    : unexpected(current, expected: "expected `)`")
            }
            let close = advance()
            return .parenthesized(inner, open.range.union(close.range))
        }
        guard token.kind == .word else {
            throw unexpected(token, expected: "expected a query, a number or a name")
        }
        if Verb(rawValue: token.text.lowercased()) != nil {
            return .query(try parseQuery())
        }
        if token.text.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true {
            _ = advance()
            return .number(Value(text: token.text, range: token.range, quoted: false))
        }
        if Self.isName(token.text) {
            _ = advance()
            return .name(Name(text: token.text, range: token.range))
        }
        throw unexpected(token, expected: "expected a query, a number or a name")
    }
}
