/// The clauses that work on a result — `top N per`, computed columns, `having` — as an outer
/// SELECT over the grouped query. Amounts in the SQL are in 万元, so numbers go in as typed.
/// Amount arithmetic stays DECIMAL; a division is done in DOUBLE and rounded to six places, as
/// tally shows a ratio in tsv (at an exact half in the seventh place the engines may round the
/// other way: tally's own arithmetic is exact). A division by zero is NULL, an empty cell.
extension SQLTranslator {
    /// `derived`: columns made from the others before any computed one (`change` and `pct`
    /// of years as columns), each with its SQL before rounding.
    func resultClauses(_ grouped: String, _ plan: QueryPlan, columns: [String],
                       derived: [(name: String, sql: String, kind: ResultColumns.Kind)] = [], groups: Int)
        throws(Diagnostic) -> (String, [String])
    {
        var names = columns
        // A computed column's SQL before rounding, for the columns and conditions that use it.
        var exact: [String: String] = [:]
        var selects = columns.map(q)
        for column in derived {
            exact[column.name] = column.sql
            selects.append((column.kind == .ratio ? "round(\(column.sql), 6)" : column.sql) + " AS \(q(column.name))")
            names.append(column.name)
        }
        for planned in plan.computed {
            let expr = try expression(planned.value, columns: names, exact: exact)
            exact[planned.name] = expr
            let shown = planned.kind == .count ? "CAST(round(\(expr)) AS BIGINT)" : "round(\(expr), 6)"
            selects.append("\(shown) AS \(q(planned.name))")
            names.append(planned.name)
        }
        var conditions: [String] = []
        if plan.per != nil { conditions.append("top_in_group") }
        if let having = plan.having { conditions.append(try condition(having, columns: names, exact: exact)) }
        var sql = "SELECT " + selects.joined(separator: ", ") + "\nFROM (\n" + grouped + "\n) AS r"
        if !conditions.isEmpty { sql += "\nWHERE " + conditions.map { conditions.count > 1 ? "(\($0))" : $0 }.joined(separator: " AND ") }
        if plan.order.isEmpty {
            var order = columns.prefix(groups).map(q)
            if let per = plan.per {
                // Within each value of FIELD, largest first, as `top` shows them.
                order = [q(per.rawValue), q(columns[groups]) + " DESC"] + order.filter { $0 != q(per.rawValue) }
            }
            if !order.isEmpty { sql += "\nORDER BY " + order.joined(separator: ", ") }
        }
        return (sql, names)
    }

    /// A column of the result by its name as written, resolved as the executor resolves it.
    private func column(_ name: Name, columns: [String], exact: [String: String]) throws(Diagnostic) -> String {
        guard let i = ResultColumns.index(of: name.text, among: columns) else {
            throw ResultColumns.missing(name.text, at: name.range, among: columns, source: source)
        }
        return exact[columns[i]].map { "(\($0))" } ?? q(columns[i])
    }

    /// A computed column's term, its numbers as the plan read them: beside an amount in fen,
    /// written in 万元 as the SQL's amounts are.
    func expression(_ term: ComputedColumnPlan.Term, columns: [String], exact: [String: String]) throws(Diagnostic) -> String {
        func operand(_ t: ComputedColumnPlan.Term) throws(Diagnostic) -> String {
            let sql = try expression(t, columns: columns, exact: exact)
            switch t {
            case .binary, .negated: return "(" + sql + ")"
            default: return sql
            }
        }
        switch term {
        case .constant(let value, let inFen): return decimal(inFen ? (value / Ratio(1_000_000)) ?? value : value)
        case .column(let name): return try column(name, columns: columns, exact: exact)
        case .negated(let t): return "-" + (try operand(t))
        case .binary(let op, let l, let r, _):
            let a = try operand(l), b = try operand(r)
            guard op == .divide else { return "\(a) \(op.rawValue) \(b)" }
            return "\(asDouble(a)) / nullif(\(asDouble(b)), 0)"
        }
    }

    /// `having` as the plan read it: which test each column takes, its values in the column's units.
    private func condition(_ having: HavingPlan, columns: [String], exact: [String: String]) throws(Diagnostic) -> String {
        switch having {
        case .not(let p): return "NOT (\(try condition(p, columns: columns, exact: exact)))"
        case .and(let ps), .or(let ps):
            var parts: [String] = []
            for p in ps { parts.append(try condition(p, columns: columns, exact: exact)) }
            if case .and = having { return parts.joined(separator: " AND ") }
            return "(" + parts.joined(separator: " OR ") + ")"
        case .isEmpty(let name, let negated):
            return "\(try column(name, columns: columns, exact: exact)) IS \(negated ? "NOT " : "")NULL"
        case .compare(let name, let test):
            let column = try self.column(name, columns: columns, exact: exact)
            switch test {
            case .text(let op, let values, _):
                switch op {
                case .matches: return any(values.map { regex(column, $0) })
                case .whole: return any(values.map { "\(column) = \(literal($0))" })
                case .notEqual: return "NOT (\(any(values.map { contains(column, $0) })))"
                default: return any(values.map { contains(column, $0) })
                }
            case .range(let low, let high, let negated, let inFen):
                let between = "\(column) BETWEEN \(number(low, inFen)) AND \(number(high, inFen))"
                return negated ? "NOT (\(between))" : between
            case .number(let op, let values, let inFen):
                let numbers = values.map { number($0, inFen) }
                switch op {
                case .equal, .whole, .notEqual:
                    let positive = numbers.count == 1 ? "\(column) = \(numbers[0])" : "\(column) IN (\(numbers.joined(separator: ", ")))"
                    return op == .notEqual ? "NOT (\(positive))" : positive
                default: return "\(column) \(op.rawValue) \(numbers[0])"
                }
            }
        }
    }

    /// A value in a cell's units as the SQL holds it: fen as 万元.
    private func number(_ value: Ratio, _ inFen: Bool) -> String {
        decimal(inFen ? (value / Ratio(1_000_000)) ?? value : value)
    }

    /// A value in floating point for a division; NULL stays NULL (ClickHouse casts only to a
    /// Nullable type that way).
    func asDouble(_ sql: String) -> String {
        dialect == .duckdb ? "CAST(\(sql) AS DOUBLE)" : "CAST(\(sql) AS Nullable(Float64))"
    }
}
