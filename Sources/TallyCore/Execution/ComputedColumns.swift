/// Computed columns filled row by row once the result has its final columns (a pivot's
/// headers are known only then), in exact fractions: an amount is rounded to the fen once,
/// at the end, half away from zero. A missing figure leaves the cell empty; a division by
/// zero too, said in a note; a value past the amount range is an error.
enum ComputedColumns {
    static func apply(_ result: ResultTable, _ plan: QueryPlan) throws(Diagnostic) -> ResultTable {
        guard !plan.computed.isEmpty else { return result }
        var table = result
        for column in plan.computed {
            let term = try resolved(column.value, in: table, source: plan.source)
            var divisions = 0
            for r in table.rows.indices {
                var dividedByZero = false
                let value = try evaluate(term, table.rows[r], &dividedByZero, source: plan.source)
                if dividedByZero { divisions += 1 }
                table.rows[r].append(try cell(value, column, source: plan.source))
            }
            table.columns.append(ResultTable.Column(column.name, kind(column.kind)))
            if divisions > 0 {
                table.notes.append(Diagnostic(.warning, "`\(column.name)` divides by zero in \(divisions) row\(divisions == 1 ? "" : "s"), left empty",
                                              source: plan.source, range: column.nameRange))
            }
        }
        return table
    }

    /// The term with each column name turned into its index in `table`.
    private indirect enum Resolved {
        case column(Int, ResultColumns.Kind)
        case constant(Ratio)
        case negated(Resolved)
        case binary(ArithmeticOp, Resolved, Resolved, SourceRange)
    }

    private static func resolved(_ term: ComputedColumnPlan.Term, in table: ResultTable, source: String) throws(Diagnostic) -> Resolved {
        switch term {
        case .constant(let r, _): return .constant(r)
        case .negated(let t): return .negated(try resolved(t, in: table, source: source))
        case .binary(let op, let l, let r, let range):
            return .binary(op, try resolved(l, in: table, source: source), try resolved(r, in: table, source: source), range)
        case .column(let name):
            let names = table.columns.map(\.name)
            guard let i = ResultColumns.index(of: name.text, among: names) else {
                throw ResultColumns.missing(name.text, at: name.range, among: names, source: source)
            }
            return .column(i, .amount)
        }
    }

    private static func evaluate(_ term: Resolved, _ row: [ResultTable.Cell], _ dividedByZero: inout Bool,
                                 source: String) throws(Diagnostic) -> Ratio? {
        switch term {
        case .constant(let r): return r
        case .column(let i, _): return value(row[i])
        case .negated(let t):
            guard let v = try evaluate(t, row, &dividedByZero, source: source) else { return nil }
            return (Ratio(0) - v)
        case .binary(let op, let l, let r, let range):
            guard let a = try evaluate(l, row, &dividedByZero, source: source),
                  let b = try evaluate(r, row, &dividedByZero, source: source) else { return nil }
            if op == .divide && b.numerator == 0 {
                dividedByZero = true
                return nil
            }
            let out: Ratio? = switch op {
            case .add: a + b
            case .subtract: a - b
            case .multiply: a * b
            case .divide: a / b
            }
            guard let out else {
                throw .error("this arithmetic leaves the range tally computes in", in: source, at: range,
                             help: "amounts are limited to ±92,233,720,368,547,758.07 元")
            }
            return out
        }
    }

    /// A cell as an exact number in the units arithmetic uses: fen, counts, fractions.
    static func value(_ cell: ResultTable.Cell) -> Ratio? {
        switch cell {
        case .amount(let a): Ratio(a.fen)
        case .number(let n): Ratio(n)
        case .ratio(let r): r
        case .text, .empty: nil
        }
    }

    private static func cell(_ value: Ratio?, _ column: ComputedColumnPlan, source: String) throws(Diagnostic) -> ResultTable.Cell {
        guard let value else { return .empty }
        switch column.kind {
        case .ratio: return .ratio(value)
        case .amount, .count:
            guard let whole = value.rounded64 else {
                throw .error("`\(column.name)` leaves the amount range", in: source, at: column.nameRange,
                             help: "amounts are limited to ±92,233,720,368,547,758.07 元")
            }
            return column.kind == .amount ? .amount(Amount(fen: whole)) : .number(whole)
        case .text, .number: return .empty
        }
    }

    private static func kind(_ kind: ResultColumns.Kind) -> ResultTable.Kind {
        switch kind {
        case .amount: .amount
        case .ratio: .ratio
        case .count, .number: .number
        case .text: .text
        }
    }
}
