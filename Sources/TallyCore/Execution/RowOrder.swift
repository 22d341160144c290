/// `order by KEY [asc|desc], …` (§3): a grouped result's rows sorted by its columns — group
/// fields, amount columns, `change`, `pct`, headers made by `as columns` — once the result
/// has its final shape, since a pivot's headers are known only then. Cells compare as typed
/// values: amounts in fen, counts and numbers as integers, a group's text by the group
/// order (`GroupOrder`, dictionary or vocabulary order), `pct` and computed ratios as exact fractions.
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
        let typed: [[Ratio?]] = table.rows.map { row in
            resolved.map { typedValue(row, $0.column, table, groupRanks) }
        }
        var asked = Executor.CancellableOrder(cancel)
        let order = table.rows.indices.sorted { a, b in
            if asked.stop() { return a < b }
            for (k, key) in resolved.enumerated() where typed[a][k] != typed[b][k] {
                guard let x = typed[a][k] else { return false }
                guard let y = typed[b][k] else { return true }
                return key.descending ? y < x : x < y
            }
            return a < b
        }
        if asked.cancelled { throw Cancellation.cancelledError }
        var sorted = table
        sorted.rows = order.map { table.rows[$0] }
        return sorted
    }

    /// The column a key names (`ResultColumns.index`: as printed, any ASCII case, or a
    /// column id's Chinese alias).
    static func column(_ key: Value, in table: ResultTable, source: String) throws(Diagnostic) -> Int {
        try column(key, among: table.columns.map(\.name), source: source)
    }

    static func column(_ key: Value, among names: [String], source: String) throws(Diagnostic) -> Int {
        guard let i = ResultColumns.index(of: key.text, among: names) else {
            throw ResultColumns.missing(key.text, at: key.range, among: names, source: source)
        }
        return i
    }

    static func typedValue(_ row: [ResultTable.Cell], _ column: Int, _ table: ResultTable, _ groupRanks: GroupRanks) -> Ratio? {
        if let ranks = groupRanks[table.columns[column].name] { return ranks[row[column]].map { Ratio($0) } }
        return ComputedColumns.value(row[column])
    }
}
