/// `FIELD as columns` in SQL: a filtered aggregate per value of FIELD (and per amount column),
/// named as tally's result names its columns — so the values are read from the loaded line
/// items by running the query, and the SQL states them. For years, `change` and `pct` follow
/// in the outer query.
extension SQLTranslator {
    struct SpreadColumns {
        var selects: [String]
        var headers: [String]
        var derived: [(name: String, sql: String, kind: ResultColumns.Kind)]
    }

    func spreadColumns(_ plan: QueryPlan, _ field: Field, _ store: LineItemStore, _ cancel: Cancellation) throws(Diagnostic) -> SpreadColumns {
        let pivotRange = plan.pivotRange ?? plan.verbRange
        if plan.verb == .top {
            throw .error("`top` with `as columns` has no SQL translation here", in: source, at: pivotRange,
                         help: "rank without spreading (`top … by \(field.rawValue), …`), or spread without `top`")
        }
        // tally's own answer, without what comes after the spread, gives the values and headers.
        var bare = plan
        bare.computed = []
        bare.having = nil
        bare.order = []
        let spreadResult = try Executor.run(bare, on: store, cancel: cancel)
        bare.pivot = nil
        let grouped = try Executor.run(bare, on: store, cancel: cancel)
        guard let at = bare.groupFields.firstIndex(of: field) else { return SpreadColumns(selects: [], headers: [], derived: []) }
        var seen = Set<ResultTable.Cell>()
        let values = grouped.rows.map { $0[at] }.filter { seen.insert($0).inserted }.sorted(by: Pivot.precedes)
        if values.isEmpty {
            throw .error("no line item matches, so there are no values of \(field.rawValue) to make columns of", in: source, at: pivotRange,
                         help: "the SQL names one column per value the loaded documents give; load them first")
        }
        let kept = bare.groupFields.count - 1
        let width = plan.valueColumns.count
        var selects: [String] = []
        var headers: [String] = []
        for (n, value) in values.enumerated() {
            let test = "\(groupExpression(field)) = " + sqlValue(value)
            for (c, column) in plan.valueColumns.enumerated() {
                let header = spreadResult.columns[kept + n * width + c].name
                let filter = column.column.map { "\(test) AND \(q("column")) = \(literal($0.id))" } ?? test
                var aggregate = aggregate(plan.verb, where: filter)
                // A value with no rows is an empty cell, not a count of 0.
                if plan.verb == .count { aggregate = "nullif(\(aggregate), 0)" }
                selects.append("\(aggregate) AS \(q(header))")
                headers.append(header)
            }
        }
        var derived: [(name: String, sql: String, kind: ResultColumns.Kind)] = []
        if spreadResult.columns.contains(where: { $0.name == "change" }), let first = headers.first, let last = headers.last {
            let change = "\(q(last)) - \(q(first))"
            derived.append(("change", change, .amount))
            derived.append(("pct", "\(asDouble(change)) / nullif(\(asDouble(q(first))), 0)", .ratio))
        }
        return SpreadColumns(selects: selects, headers: headers, derived: derived)
    }

    private func sqlValue(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .number(let n): String(n)
        case .text(let s): literal(s)
        case .amount(let a): a.plain(in: .wan)
        case .ratio(let r): r.fraction
        case .empty: "NULL"
        }
    }
}
