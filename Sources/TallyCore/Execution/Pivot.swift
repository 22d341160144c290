/// `by code, year as columns`: the grouped result turned so that each value of one group
/// field is a column — years side by side — with `change` and `pct` between the first and
/// the last year. A group missing in a year shows an empty cell, never 0: a code that was
/// not published is not a code that was budgeted nothing.
enum Pivot {
    /// `headers` names a value's column instead of its text (a document by its label), used
    /// only when the names it gives the spread values are all different and none is empty.
    static func apply(_ result: ResultTable, field: Field, groupFields: [Field], headers: [String: String] = [:]) -> ResultTable {
        guard let spread = groupFields.firstIndex(of: field) else { return result }
        let keptGroups = groupFields.indices.filter { $0 != spread }
        let valueIndices = Array(groupFields.count..<result.columns.count)

        // The spread field's values, in their natural order (numbers as numbers).
        var seen = Set<ResultTable.Cell>()
        var values: [ResultTable.Cell] = []
        for row in result.rows where seen.insert(row[spread]).inserted { values.append(row[spread]) }
        values.sort(by: Self.precedes)

        // One output row per combination of the other groups, in first-seen order.
        var order: [[ResultTable.Cell]] = []
        var cells: [[ResultTable.Cell]: [ResultTable.Cell: [ResultTable.Cell]]] = [:]
        for row in result.rows {
            let key = keptGroups.map { row[$0] }
            if cells[key] == nil {
                order.append(key)
                cells[key] = [:]
            }
            cells[key]![row[spread]] = valueIndices.map { row[$0] }
        }

        var columns = keptGroups.map { result.columns[$0] }
        let renamed = values.map { headers[label($0)] ?? "" }
        let useHeaders = !headers.isEmpty && !renamed.contains("") && Set(renamed).count == renamed.count
        for (n, value) in values.enumerated() {
            let heading = useHeaders ? renamed[n] : label(value)
            for v in valueIndices {
                let name = valueIndices.count == 1 ? heading : heading + " " + result.columns[v].name
                var column = ResultTable.Column(name, result.columns[v].kind)
                column.measure = result.columns[v].measure
                columns.append(column)
            }
        }
        let compares = field == .year && values.count >= 2 && valueIndices.count == 1
            && result.columns[valueIndices[0]].kind == .amount
        if compares {
            var change = ResultTable.Column("change", .amount)
            change.signed = true
            columns.append(change)
            var pct = ResultTable.Column("pct", .ratio)
            pct.signed = true
            columns.append(pct)
        }

        var rows: [[ResultTable.Cell]] = []
        for key in order {
            var row = key
            let byValue = cells[key]!
            for value in values {
                row += byValue[value] ?? Array(repeating: .empty, count: valueIndices.count)
            }
            if compares {
                let first = byValue[values[0]]?[0], last = byValue[values[values.count - 1]]?[0]
                row += comparison(first, last)
            }
            rows.append(row)
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// `change` = last − first and `pct` = change ÷ first, an exact ratio (shown `+12.3%`),
    /// both empty unless both years have a figure (and pct unless the first is not 0).
    static func comparison(_ first: ResultTable.Cell?, _ last: ResultTable.Cell?) -> [ResultTable.Cell] {
        guard case .amount(let a)? = first, case .amount(let b)? = last else { return [.empty, .empty] }
        let (change, overflow) = b.fen.subtractingReportingOverflow(a.fen)
        guard !overflow else { return [.empty, .empty] }
        guard let pct = Ratio(Int128(change), Int128(a.fen)) else { return [.amount(Amount(fen: change)), .empty] }
        return [.amount(Amount(fen: change)), .ratio(pct)]
    }

    static func label(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let s): s.isEmpty ? "(none)" : s
        case .number(let n): String(n)
        case .amount(let a): a.plain(in: .wan)
        case .ratio(let r): r.fraction
        case .empty: "(none)"
        }
    }

    static func precedes(_ a: ResultTable.Cell, _ b: ResultTable.Cell) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.text(let x), .text(let y)): x < y
        default: label(a) < label(b)
        }
    }
}
