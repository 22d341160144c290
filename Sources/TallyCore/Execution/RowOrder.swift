/// `order by KEY [asc|desc], …` (§3): a grouped result's rows sorted by its columns — group
/// fields, amount columns, `change`, `pct`, headers made by `as columns` — once the result
/// has its final shape, since a pivot's headers are known only then. Cells compare as typed
/// values: amounts in fen, counts and numbers as integers, a group's text by the group
/// order (`GroupOrder`, dictionary or vocabulary order), `pct` by its tenths of a percent.
/// An empty cell sorts last either way; rows equal on every key keep their natural order.
enum RowOrder {
    /// Each group field's displayed cells with their rank in the group order, by column name.
    typealias GroupRanks = [String: [ResultTable.Cell: Int64]]

    static func sort(_ table: ResultTable, by keys: [OrderKey], groupRanks: GroupRanks, source: String,
                     cancel: Cancellation) throws(Diagnostic) -> ResultTable
    {
        var resolved: [(column: Int, descending: Bool)] = []
        for key in keys {
            resolved.append((try column(key.column, in: table, source: source), key.descending))
        }
        let firstValue = table.columns.firstIndex { groupRanks[$0.name] == nil }
        let typed: [[Int64?]] = table.rows.map { row in
            resolved.map { typedValue(row, $0.column, table, groupRanks, firstValue: firstValue) }
        }
        var asked = Executor.CancellableOrder(cancel)
        let order = table.rows.indices.sorted { a, b in
            if asked.stop() { return a < b }
            for (k, key) in resolved.enumerated() where typed[a][k] != typed[b][k] {
                guard let x = typed[a][k] else { return false }
                guard let y = typed[b][k] else { return true }
                return key.descending ? x > y : x < y
            }
            return a < b
        }
        if asked.cancelled { throw Cancellation.cancelledError }
        var sorted = table
        sorted.rows = order.map { table.rows[$0] }
        return sorted
    }

    /// The column a key names: its name as printed (ASCII letters in any case), or a column
    /// id's Chinese alias (`基本支出` for `basic`).
    static func column(_ key: Value, in table: ResultTable, source: String) throws(Diagnostic) -> Int {
        try column(key, among: table.columns.map(\.name), source: source)
    }

    static func column(_ key: Value, among names: [String], source: String) throws(Diagnostic) -> Int {
        if let i = names.firstIndex(of: key.text) ?? names.firstIndex(where: { $0.lowercased() == key.text.lowercased() }) {
            return i
        }
        if let id = ColumnID.allCases.first(where: { $0.aliases.contains(key.text) })?.id, let i = names.firstIndex(of: id) {
            return i
        }
        let listed = names.map { $0.allSatisfy(\.isNumber) ? "\"\($0)\"" : $0 }.joined(separator: ", ")
        throw .error("the result has no column `\(key.text)`", in: source, at: key.range,
                     help: Suggestion.help(for: key.text, among: names).map { $0 + " (its columns: \(listed))" }
                        ?? "its columns: \(listed)")
    }

    static func typedValue(_ row: [ResultTable.Cell], _ column: Int, _ table: ResultTable, _ groupRanks: GroupRanks,
                           firstValue: Int?) -> Int64?
    {
        let name = table.columns[column].name
        if let ranks = groupRanks[name] { return ranks[row[column]] }
        switch row[column] {
        case .amount(let a): return a.fen
        case .number(let n): return n
        case .empty: return nil
        case .text:
            // `pct`, text as printed, is change ÷ the first year, which follows the groups.
            guard name == "pct", column > 0, let firstValue, case .amount(let first) = row[firstValue],
                  case .amount(let change) = row[column - 1] else { return nil }
            return Pivot.tenthsOfPercent(change.fen, of: first.fen)
        }
    }
}
