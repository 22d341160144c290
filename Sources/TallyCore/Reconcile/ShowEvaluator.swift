/// `show EXPR`: the value of an expression of queries, `let` names and numbers, evaluated as
/// a check evaluates its sides (the last query's scope shared, grouped results joined on their
/// groups), as a result table: one `value`, or one per group. An amount divided by an amount
/// is shown as their ratio, exact, rounded only when printed.
extension CheckEvaluator {
    mutating func show(_ expr: ValueExpr) throws(Diagnostic) -> ResultTable {
        let shared = Self.sharedScope(expr.queries)
        if case .binary(.divide, let l, let r, let opRange) = Self.unwrapped(expr) {
            let right = try measure(r, shared: shared)
            if right.kind != .literal {
                var left = try measure(l, shared: shared)
                if left.kind == .literal { left = try left.resolved(as: right.kind, source: source) }
                return try ratio(left, right, at: opRange)
            }
        }
        var m = try measure(expr, shared: shared)
        if m.kind == .literal { m = try m.resolved(as: .money, source: source) }
        let kind: ResultTable.Kind = m.kind == .count ? .number : .amount
        return table(m, kind: kind) { v in m.kind == .count ? .number(v) : .amount(Amount(fen: v)) }
    }

    private static func unwrapped(_ expr: ValueExpr) -> ValueExpr {
        if case .parenthesized(let inner, _) = expr { return unwrapped(inner) }
        return expr
    }

    /// Each group's left ÷ right; empty where either is missing or the right is zero (with a note).
    private mutating func ratio(_ a: Measure, _ b: Measure, at range: SourceRange) throws(Diagnostic) -> ResultTable {
        guard a.kind == b.kind else {
            throw .error("cannot divide \(a.kind == .count ? "a count" : "an amount") by \(b.kind == .count ? "a count" : "an amount")",
                         in: source, at: range)
        }
        let (fields, order) = try joined(a, b, at: range)
        var zero = 0
        var rows: [[ResultTable.Cell]] = []
        for key in order {
            let x = a.value(at: key), y = b.value(at: key)
            var cell = ResultTable.Cell.empty
            if let x, let y {
                if let r = Ratio(Int128(x), Int128(y)) { cell = .ratio(r) } else { zero += 1 }
            }
            rows.append(key + [cell])
        }
        if zero > 0 {
            notes.append(Diagnostic(.warning, "divides by zero in \(zero) group\(zero == 1 ? "" : "s"), left empty", source: source, range: range))
        }
        return ResultTable(columns: Self.groupColumns(fields, order) + [ResultTable.Column("value", .ratio)], rows: rows)
    }

    private func table(_ m: Measure, kind: ResultTable.Kind, _ cell: (Int64) -> ResultTable.Cell) -> ResultTable {
        let rows = m.order.map { key in key + [m.values[key].map(cell) ?? .empty] }
        return ResultTable(columns: Self.groupColumns(m.fields, m.order) + [ResultTable.Column("value", kind)], rows: rows)
    }

    /// Group columns typed as their values are: numbers (a year) right-aligned, text left.
    static func groupColumns(_ fields: [String], _ keys: [Measure.Key]) -> [ResultTable.Column] {
        fields.indices.map { i in
            let numeric = keys.contains { $0.count > i && { if case .number = $0 { true } else { false } }($0[i]) }
            return ResultTable.Column(fields[i], numeric ? .number : .text)
        }
    }
}
