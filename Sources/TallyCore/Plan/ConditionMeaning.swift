/// What a `where` condition asks of a line item, decided once from its field's kind and its
/// operator (§3, grammar.md's table): on text `=` contains and `==` is the whole value; on
/// table, column and phase an id or Chinese alias; on code, patterns; on numbers and amounts,
/// a comparison; `~` a regular expression (over ids and aliases for the fixed vocabularies).
/// The planner binds it to the store and the SQL emitter writes it out: neither decides
/// again what an operator means on a field, and every error is given here, with its caret.
struct ConditionMeaning: Sendable {
    var field: Field
    /// `!=`: none of the values.
    var negated: Bool
    var test: Test

    enum Test: Sendable {
        case contains([String])
        case whole([String])
        case matches([RegularExpression], patterns: [String])
        /// Table, column or phase ids (their raw values and ids), aliases resolved.
        case identifiers([(raw: UInt8, id: String)])
        case codePatterns([CodePattern])
        case codes([String])
        /// Numbers (amounts in fen): equal to any of them, …
        case anyOf([Int64])
        /// … within a range, both ends included, …
        case between(Int64, Int64)
        /// … or compared with one (`<`, `<=`, `>`, `>=`).
        case compared(ComparisonOp, Int64)
    }

    static func of(_ c: Condition, source: String, cancel: Cancellation = .never) throws(Diagnostic) -> ConditionMeaning {
        func error(_ message: String, at range: SourceRange, help: String? = nil) -> Diagnostic {
            .error(message, in: source, at: range, help: help)
        }
        guard let field = Field(rawValue: c.field.text.lowercased()) else {
            var help = Suggestion.help(for: c.field.text, among: Field.names)
            if help == nil, ColumnID(named: c.field.text) != nil {
                help = "`\(c.field.text)` is a column id: write `column=\(c.field.text)`"
            } else if help == nil, TableID(named: c.field.text) != nil {
                help = "`\(c.field.text)` is a table id: write `table=\(c.field.text)`"
            }
            throw error("unknown field `\(c.field.text)`", at: c.field.range, help: help ?? "fields are \(Field.names.joined(separator: " "))")
        }
        let negated = c.op == .notEqual
        func values() throws(Diagnostic) -> [Value] {
            switch c.operand {
            case .values(let v): return v
            case .range(let a, _):
                throw error("a range `..` needs numbers; \(field.rawValue) is not a number", at: a.range.union(c.operand.range))
            }
        }
        func regexes(_ values: [Value]) throws(Diagnostic) -> [RegularExpression] {
            var out: [RegularExpression] = []
            for value in values {
                do throws(RegularExpression.SyntaxError) {
                    out.append(try RegularExpression(value.text))
                } catch {
                    throw .error("not a valid regular expression: \(error)", in: source, at: value.range)
                }
            }
            return out
        }
        switch field.kind {
        case .text:
            let values = try values()
            switch c.op {
            case .equal, .notEqual: return ConditionMeaning(field: field, negated: negated, test: .contains(values.map(\.text)))
            case .whole: return ConditionMeaning(field: field, negated: false, test: .whole(values.map(\.text)))
            case .matches:
                return ConditionMeaning(field: field, negated: false, test: .matches(try regexes(values), patterns: values.map(\.text)))
            case .less, .lessEqual, .greater, .greaterEqual:
                throw error("`\(c.op.rawValue)` compares numbers, and \(field.rawValue) is text", at: c.opRange,
                            help: "use `=` for text it contains, `==` for the whole text, `~` for a regular expression")
            }
        case .identifier:
            let values = try values()
            let all = LineItemStore.identifierNames(field)
            var chosen: [(raw: UInt8, id: String)] = []
            switch c.op {
            case .equal, .whole, .notEqual:
                for value in values {
                    guard let entry = all.first(where: { $0.names.contains(value.text) }) else {
                        throw error("unknown \(field.rawValue) id `\(value.text)`", at: value.range,
                                    help: Suggestion.help(for: value.text, among: all.flatMap(\.names))
                                        ?? "\(field.rawValue) ids are \(all.map { $0.names[0] }.joined(separator: " "))")
                    }
                    if !chosen.contains(where: { $0.raw == entry.raw }) { chosen.append((entry.raw, entry.names[0])) }
                }
            case .matches:
                let expressions = try regexes(values)
                for entry in all {
                    var hit = false
                    for name in entry.names where !hit {
                        for e in expressions where try e.matches(in: name, cancel: cancel) { hit = true }
                    }
                    if hit { chosen.append((entry.raw, entry.names[0])) }
                }
            case .less, .lessEqual, .greater, .greaterEqual:
                throw error("`\(c.op.rawValue)` compares numbers; \(field.rawValue) takes `=`, `!=` or `~`", at: c.opRange)
            }
            return ConditionMeaning(field: field, negated: negated, test: .identifiers(chosen))
        case .code:
            let values = try values()
            switch c.op {
            case .equal, .notEqual: return ConditionMeaning(field: field, negated: negated, test: .codePatterns(values.map { CodePattern($0.text) }))
            case .whole: return ConditionMeaning(field: field, negated: false, test: .codes(values.map(\.text)))
            case .matches:
                return ConditionMeaning(field: field, negated: false, test: .matches(try regexes(values), patterns: values.map(\.text)))
            case .less, .lessEqual, .greater, .greaterEqual:
                throw error("`\(c.op.rawValue)` does not apply to codes", at: c.opRange,
                            help: "match codes with patterns, such as `code=208*` or `code=208??`")
            }
        case .number, .amount:
            func number(_ value: Value) throws(Diagnostic) -> Int64 {
                if field == .amount {
                    switch Amount.parse(value.text, unit: .wan) {
                    case .success(let a): return a.fen
                    case .failure(let e):
                        throw error("amount must be a number in 万元: `\(value.text)` is \(e.explanation)", at: value.range,
                                    help: "for example `amount>100` or `amount=0.01..5`")
                    }
                }
                guard let n = Int64(value.text) else {
                    throw error("\(field.rawValue) must be a whole number, not `\(value.text)`", at: value.range,
                                help: field == .year ? "for example `year=2025` or `year=2023..2025`" : nil)
                }
                return n
            }
            if case .range(let low, let high) = c.operand {
                guard c.op == .equal || c.op == .whole || c.op == .notEqual else {
                    throw error("a range goes with `=` or `!=`", at: c.opRange)
                }
                let a = try number(low), b = try number(high)
                guard a <= b else {
                    throw error("this range is empty: \(low.text) is more than \(high.text)", at: low.range.union(high.range))
                }
                return ConditionMeaning(field: field, negated: negated, test: .between(a, b))
            }
            let values = try values()
            var numbers: [Int64] = []
            for value in values { numbers.append(try number(value)) }
            switch c.op {
            case .equal, .whole, .notEqual: return ConditionMeaning(field: field, negated: negated, test: .anyOf(numbers))
            case .matches:
                throw error("`~` matches text; \(field.rawValue) is a number", at: c.opRange,
                            help: "compare with `=`, `<`, `>=`, or a range such as `2023..2025`")
            case .less, .lessEqual, .greater, .greaterEqual:
                guard numbers.count == 1 else { throw error("`\(c.op.rawValue)` takes one value", at: c.operand.range) }
                return ConditionMeaning(field: field, negated: false, test: .compared(c.op, numbers[0]))
            }
        }
    }
}
