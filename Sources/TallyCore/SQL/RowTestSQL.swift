/// The rows a plan reads (`QueryPlan.rows`) as a WHERE clause: each condition as its
/// `ConditionMeaning` says, each default the planner applied stated. Nothing here decides
/// what an operator means on a field or which default applies.
extension SQLTranslator {
    /// The clause, one part a line, empty for none.
    func whereClause(_ rows: [RowTest]) -> String {
        guard !rows.isEmpty else { return "" }
        let parts = rows.map { test in
            let sql = condition(test)
            if rows.count == 1 { return sql }
            if case .or = test { return sql }
            return "(\(sql))"
        }
        return "\n  WHERE " + parts.joined(separator: "\n    AND ")
    }

    func condition(_ test: RowTest) -> String {
        switch test {
        case .condition(let meaning, _): return condition(meaning)
        case .target(let pattern, let table, _):
            var parts: [String] = []
            if pattern.text != "*" { parts.append(codeMatch(pattern)) }
            if let table { parts.append("\(q("table")) = \(literal(table.id))") }
            return parts.isEmpty ? "TRUE" : parts.joined(separator: " AND ")
        case .tables(let tables): return oneOf(q("table"), tables.map(\.id))
        case .columns(let columns): return oneOf(q("column"), columns.map(\.id))
        // Each document's own year and phase (§3): a 决算 is a document with any final figure.
        case .ownYear: return "\(q("year")) = \(q("budget_year"))"
        case .ownPhase:
            let phase = q("phase")
            return "\(phase) = CASE WHEN doc IN (SELECT doc FROM items WHERE \(phase) = 'final') THEN 'final' ELSE 'budget' END"
        case .not(let t): return "NOT (\(condition(t)))"
        case .and(let ts): return ts.map(condition).joined(separator: " AND ")
        case .or(let ts):
            // Each conjunction in parentheses, for whoever reads it: AND binds first anyway.
            return "(" + ts.map { t in isConjunction(t) ? "(\(condition(t)))" : condition(t) }.joined(separator: " OR ") + ")"
        }
    }

    private func isConjunction(_ test: RowTest) -> Bool {
        switch test {
        case .and(let ts): ts.count > 1
        case .target(let pattern, let table, _): pattern.text != "*" && table != nil
        default: false
        }
    }

    private func oneOf(_ column: String, _ ids: [String]) -> String {
        ids.count == 1 ? "\(column) = \(literal(ids[0]))" : "\(column) IN (\(ids.map(literal).joined(separator: ", ")))"
    }

    /// A `where` condition as `ConditionMeaning` reads it, as the planner binds it.
    private func condition(_ meaning: ConditionMeaning) -> String {
        let field = meaning.field
        let column = field == .level ? levelExpression : q(field.rawValue)
        func number(_ n: Int64) -> String { field == .amount ? Amount(fen: n).plain(in: .wan) : String(n) }
        let positive: String
        switch meaning.test {
        case .contains(let values): positive = any(values.map { contains(column, $0) })
        case .whole(let values): positive = any(values.map { "\(column) = \(literal($0))" })
        case .matches(_, let patterns): positive = any(patterns.map { regex(column, $0) })
        case .identifiers(let ids):
            positive = ids.isEmpty ? "1 = 0" : "\(column) IN (\(ids.map { literal($0.id) }.joined(separator: ", ")))"
        case .codePatterns(let patterns): positive = any(patterns.map { $0.text == "*" ? "TRUE" : codeMatch($0) })
        case .codes(let codes): positive = any(codes.map { "code = \(literal($0))" })
        case .anyOf(let numbers):
            positive = numbers.count == 1 ? "\(column) = \(number(numbers[0]))" : "\(column) IN (\(numbers.map(number).joined(separator: ", ")))"
        case .between(let low, let high): positive = "\(column) BETWEEN \(number(low)) AND \(number(high))"
        case .compared(let op, let n): positive = "\(column) \(op.rawValue) \(number(n))"
        }
        return meaning.negated ? "NOT (\(positive))" : positive
    }

    func codeMatch(_ pattern: CodePattern) -> String {
        guard pattern.hasWildcard else { return "code = \(literal(pattern.text))" }
        // Codes are digits (and letters at most): no LIKE metacharacters to escape.
        let like = String(pattern.text.map { $0 == "*" ? "%" : ($0 == "?" ? "_" : $0) })
        return "code LIKE \(literal(like))"
    }
}
