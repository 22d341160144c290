/// `having COND` over the result's rows, in SQL's three-valued logic: a comparison with an
/// empty cell is unknown — neither true nor, under `not`, false — and only rows for which
/// COND is true are kept. `is empty` is never unknown.
enum HavingFilter {
    static func apply(_ result: ResultTable, _ plan: QueryPlan, cancel: Cancellation) throws(Diagnostic) -> ResultTable {
        guard let having = plan.having else { return result }
        let test = try resolved(having, result.columns.map(\.name), source: plan.source)
        var kept = result
        kept.rows = []
        for (i, row) in result.rows.enumerated() {
            if i % 4096 == 0 { try cancel.check() }
            if try truth(test, row, cancel) == true { kept.rows.append(row) }
        }
        return kept
    }

    private indirect enum Resolved {
        case compare(Int, HavingPlan.CellTest)
        case isEmpty(Int, negated: Bool)
        case not(Resolved)
        case and([Resolved])
        case or([Resolved])
    }

    private static func resolved(_ plan: HavingPlan, _ names: [String], source: String) throws(Diagnostic) -> Resolved {
        func index(_ name: Name) throws(Diagnostic) -> Int {
            guard let i = ResultColumns.index(of: name.text, among: names) else {
                throw ResultColumns.missing(name.text, at: name.range, among: names, source: source)
            }
            return i
        }
        switch plan {
        case .compare(let name, let test): return .compare(try index(name), test)
        case .isEmpty(let name, let negated): return .isEmpty(try index(name), negated: negated)
        case .not(let p): return .not(try resolved(p, names, source: source))
        case .and(let ps), .or(let ps):
            var parts: [Resolved] = []
            for p in ps { parts.append(try resolved(p, names, source: source)) }
            if case .and = plan { return .and(parts) }
            return .or(parts)
        }
    }

    /// true, false, or nil for unknown.
    private static func truth(_ test: Resolved, _ row: [ResultTable.Cell], _ cancel: Cancellation) throws(Diagnostic) -> Bool? {
        switch test {
        case .isEmpty(let i, let negated):
            let empty = row[i] == .empty
            return negated ? !empty : empty
        case .not(let t):
            return try truth(t, row, cancel).map { !$0 }
        case .and(let ts):
            var unknown = false
            for t in ts {
                switch try truth(t, row, cancel) {
                case false?: return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        case .or(let ts):
            var unknown = false
            for t in ts {
                switch try truth(t, row, cancel) {
                case true?: return true
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : false
        case .compare(let i, let cellTest):
            return try compare(row[i], cellTest, cancel)
        }
    }

    private static func compare(_ cell: ResultTable.Cell, _ test: HavingPlan.CellTest, _ cancel: Cancellation) throws(Diagnostic) -> Bool? {
        switch test {
        case .text(let op, let values, let regexes):
            guard case .text(let text) = cell else { return cell == .empty ? nil : false }
            switch op {
            case .matches:
                for r in regexes where try r.matches(in: text, cancel: cancel) { return true }
                return false
            case .whole: return values.contains(text)
            case .notEqual: return !values.contains { text.contains($0) }
            default: return values.contains { text.contains($0) }
            }
        case .range(let low, let high, let negated, _):
            guard let v = ComputedColumns.value(cell) else { return nil }
            let inside = !(v < low) && !(high < v)
            return negated ? !inside : inside
        case .number(let op, let values, _):
            guard let v = ComputedColumns.value(cell) else { return nil }
            switch op {
            case .equal, .whole: return values.contains(v)
            case .notEqual: return !values.contains(v)
            case .less: return v < values[0]
            case .lessEqual: return !(values[0] < v)
            case .greater: return values[0] < v
            case .greaterEqual: return !(v < values[0])
            case .matches: return nil
            }
        }
    }
}
