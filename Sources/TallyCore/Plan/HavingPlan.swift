/// `having COND` with every value read before any row is: which column each condition names
/// and what it compares with, in the units the result's cells are read in (§3). Text columns
/// take `=` (contains), `==`, `!=` and `~` as `where` does; amounts compare with 万元, counts
/// with whole numbers, ratios with fractions or percentages (`share > 0.5`, `share > 50%`).
indirect enum HavingPlan: Sendable {
    case compare(Name, CellTest)
    case isEmpty(Name, negated: Bool)
    case not(HavingPlan)
    case and([HavingPlan])
    case or([HavingPlan])

    enum CellTest: Sendable {
        /// Any of the values contained (`=`), equal (`==`), none contained (`!=`) or matched
        /// (`~`: the values are the patterns, compiled).
        case text(ComparisonOp, [String], [RegularExpression])
        /// Equal to any (`=`, `==`), to none (`!=`), within a range, or compared with one; in
        /// the units of the column's cells (`inFen` for amounts, typed in 万元).
        case number(ComparisonOp, [Ratio], inFen: Bool)
        case range(Ratio, Ratio, negated: Bool, inFen: Bool)
    }

    static func plan(_ expr: Expr, columns: ResultColumns, source: String) throws(Diagnostic) -> HavingPlan {
        func fail(_ message: String, _ range: SourceRange, help: String? = nil) -> Diagnostic {
            .error(message, in: source, at: range, help: help)
        }
        switch expr {
        case .not(let e, _): return .not(try plan(e, columns: columns, source: source))
        case .parenthesized(let e, _): return try plan(e, columns: columns, source: source)
        case .and(let es), .or(let es):
            var parts: [HavingPlan] = []
            for e in es { parts.append(try plan(e, columns: columns, source: source)) }
            if case .and = expr { return .and(parts) }
            return .or(parts)
        case .isEmpty(let name, let negated, _):
            guard columns.kind(of: name.text) != nil else { throw columns.missing(name.text, at: name.range, source: source) }
            return .isEmpty(name, negated: negated)
        case .condition(let c):
            guard let kind = columns.kind(of: c.field.text) else {
                throw columns.missing(c.field.text, at: c.field.range, source: source)
            }
            if kind == .text {
                guard case .values(let values) = c.operand else {
                    throw fail("a range `..` needs numbers; `\(c.field.text)` is text", c.operand.range)
                }
                switch c.op {
                case .less, .lessEqual, .greater, .greaterEqual:
                    throw fail("`\(c.op.rawValue)` compares numbers, and `\(c.field.text)` is text", c.opRange,
                               help: "use `=` for text it contains, `==` for the whole text, `~` for a regular expression")
                case .matches:
                    var regexes: [RegularExpression] = []
                    for v in values {
                        do throws(RegularExpression.SyntaxError) {
                            regexes.append(try RegularExpression(v.text))
                        } catch {
                            throw fail("not a valid regular expression: \(error)", v.range)
                        }
                    }
                    return .compare(c.field, .text(.matches, values.map(\.text), regexes))
                default:
                    return .compare(c.field, .text(c.op, values.map(\.text), []))
                }
            }
            if c.op == .matches {
                throw fail("`~` matches text; `\(c.field.text)` is \(kind.name)", c.opRange, help: "compare with `=`, `<`, `>=` or a range")
            }
            if case .range(let low, let high) = c.operand {
                guard c.op == .equal || c.op == .whole || c.op == .notEqual else { throw fail("a range goes with `=` or `!=`", c.opRange) }
                let a = try number(low, kind, source), b = try number(high, kind, source)
                guard !(b < a) else { throw fail("this range is empty: \(low.text) is more than \(high.text)", low.range.union(high.range)) }
                return .compare(c.field, .range(a, b, negated: c.op == .notEqual, inFen: kind == .amount))
            }
            guard case .values(let values) = c.operand else { return .and([]) }
            if values.count > 1, c.op != .equal, c.op != .whole, c.op != .notEqual {
                throw fail("`\(c.op.rawValue)` takes one value", c.operand.range)
            }
            var numbers: [Ratio] = []
            for v in values { numbers.append(try number(v, kind, source)) }
            return .compare(c.field, .number(c.op, numbers, inFen: kind == .amount))
        }
    }

    /// A value in the units of a column of `kind`: 万元 read as fen for amounts.
    private static func number(_ value: Value, _ kind: ResultColumns.Kind, _ source: String) throws(Diagnostic) -> Ratio {
        switch kind {
        case .amount:
            switch Amount.parse(value.text, unit: .wan) {
            case .success(let a): return Ratio(a.fen)
            case .failure(let e):
                throw .error("`\(value.text)` is \(e.explanation)", in: source, at: value.range,
                             help: "amounts are compared in 万元, such as `total > 100`")
            }
        case .count, .number:
            guard let n = Int64(value.text) else {
                throw .error("`\(value.text)` is not a whole number", in: source, at: value.range)
            }
            return Ratio(n)
        case .ratio, .text:
            guard let r = Ratio.parse(value.text) else {
                throw .error("`\(value.text)` is not a number", in: source, at: value.range,
                             help: "a ratio compares with a fraction or a percentage: `share > 0.5` or `share > 50%`")
            }
            return r
        }
    }
}
