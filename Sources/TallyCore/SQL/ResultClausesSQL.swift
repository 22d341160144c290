/// The clauses that work on a result — `top N per`, computed columns, `having` — as an outer
/// SELECT over the grouped query. Amounts in the SQL are in 万元, so numbers go in as typed.
/// Amount arithmetic stays DECIMAL; a division is done in DOUBLE and rounded to six places, as
/// tally shows a ratio in tsv (at an exact half in the seventh place the engines may round the
/// other way: tally's own arithmetic is exact). A division by zero is NULL, an empty cell.
extension SQLTranslator {
    /// `derived`: columns made from the others before any computed one (`change` and `pct`
    /// of years as columns), each with its SQL before rounding.
    func resultClauses(_ grouped: String, _ query: Query, _ plan: QueryPlan, columns: [String],
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
        for (computed, planned) in zip(query.computed, plan.computed) {
            let expr = try expression(computed.value, columns: names, exact: exact)
            exact[planned.name] = expr
            let shown = planned.kind == .count ? "CAST(round(\(expr)) AS BIGINT)" : "round(\(expr), 6)"
            selects.append("\(shown) AS \(q(planned.name))")
            names.append(planned.name)
        }
        var conditions: [String] = []
        if plan.per != nil { conditions.append("top_in_group") }
        if let having = query.having { conditions.append(try condition(having, columns: names, exact: exact)) }
        var sql = "SELECT " + selects.joined(separator: ", ") + "\nFROM (\n" + grouped + "\n) AS r"
        if !conditions.isEmpty { sql += "\nWHERE " + conditions.map { conditions.count > 1 ? "(\($0))" : $0 }.joined(separator: " AND ") }
        if query.order.isEmpty {
            var order = columns.prefix(groups).map(q)
            if let per = plan.per {
                // Within each value of FIELD, largest first, as `top` shows them.
                order = [q(per.rawValue), q(columns[groups]) + " DESC"] + order.filter { $0 != q(per.rawValue) }
            }
            if !order.isEmpty { sql += "\nORDER BY " + order.joined(separator: ", ") }
        }
        return (sql, names)
    }

    private func column(_ value: Value, columns: [String], exact: [String: String]) throws(Diagnostic) -> String {
        guard let i = ResultColumns.index(of: value.text, among: columns) else {
            throw ResultColumns.missing(value.text, at: value.range, among: columns, source: source)
        }
        return exact[columns[i]].map { "(\($0))" } ?? q(columns[i])
    }

    func expression(_ expr: ColumnExpr, columns: [String], exact: [String: String]) throws(Diagnostic) -> String {
        switch expr {
        case .number(let v): return v.text.replacingAll(",", with: "")
        case .column(let v): return try column(v, columns: columns, exact: exact)
        case .negated(let e, _): return "-" + (try expression(e, columns: columns, exact: exact))
        case .parenthesized(let e, _): return "(" + (try expression(e, columns: columns, exact: exact)) + ")"
        case .binary(let op, let l, let r, _):
            let a = try expression(l, columns: columns, exact: exact), b = try expression(r, columns: columns, exact: exact)
            guard op == .divide else { return "\(a) \(op.rawValue) \(b)" }
            return "\(asDouble(a)) / nullif(\(asDouble(b)), 0)"
        }
    }

    private func condition(_ expr: Expr, columns: [String], exact: [String: String]) throws(Diagnostic) -> String {
        switch expr {
        case .not(let e, _): return "NOT (\(try condition(e, columns: columns, exact: exact)))"
        case .parenthesized(let e, _): return "(\(try condition(e, columns: columns, exact: exact)))"
        case .and(let es), .or(let es):
            var parts: [String] = []
            for e in es { parts.append(try condition(e, columns: columns, exact: exact)) }
            if case .and = expr { return parts.joined(separator: " AND ") }
            return "(" + parts.joined(separator: " OR ") + ")"
        case .isEmpty(let name, let negated, _):
            let c = try column(Value(text: name.text, range: name.range, quoted: name.quoted), columns: columns, exact: exact)
            return "\(c) IS \(negated ? "NOT " : "")NULL"
        case .condition(let c):
            let column = try self.column(Value(text: c.field.text, range: c.field.range, quoted: c.field.quoted), columns: columns, exact: exact)
            let isText = Field(rawValue: columns[ResultColumns.index(of: c.field.text, among: columns) ?? 0])
                .map { $0.kind != .number } ?? false
            if case .range(let low, let high) = c.operand {
                let between = "\(column) BETWEEN \(number(low)) AND \(number(high))"
                return c.op == .notEqual ? "NOT (\(between))" : between
            }
            guard case .values(let values) = c.operand else { return "TRUE" }
            let positive: String
            switch (isText, c.op) {
            case (true, .matches): positive = any(values.map { regex(column, $0.text) })
            case (true, .whole): positive = any(values.map { "\(column) = \(literal($0.text))" })
            case (true, _): positive = any(values.map { contains(column, $0.text) })
            case (false, .equal), (false, .whole), (false, .notEqual):
                positive = values.count == 1 ? "\(column) = \(number(values[0]))" : "\(column) IN (\(values.map(number).joined(separator: ", ")))"
            case (false, let op): positive = "\(column) \(op.rawValue) \(number(values[0]))"
            }
            return c.op == .notEqual ? "NOT (\(positive))" : positive
        }
    }

    /// A value in floating point for a division; NULL stays NULL (ClickHouse casts only to a
    /// Nullable type that way).
    func asDouble(_ sql: String) -> String {
        dialect == .duckdb ? "CAST(\(sql) AS DOUBLE)" : "CAST(\(sql) AS Nullable(Float64))"
    }

    /// A number as typed, a percentage as its fraction (`50%` is 0.5).
    private func number(_ value: Value) -> String {
        guard value.text.hasSuffix("%"), let r = Ratio.parse(value.text) else { return value.text.replacingAll(",", with: "") }
        return "(\(r.numerator) / \(r.denominator))"
    }

    private func any(_ parts: [String]) -> String {
        parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
    }
}
