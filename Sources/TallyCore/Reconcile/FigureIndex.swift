/// Where each figure of the audited rows is printed, built once for all the rules in one pass
/// over the scope: the first row of each (doc, table, code, column, year, phase) cell packed
/// into a 64-bit key of an open-addressing table (as the store links parents), narrative
/// figures by name beside it, and each document's tables by their lines and rows in arrays
/// indexed by doc and table. A Dictionary of struct keys per row made the index cost more than
/// reading a million line items; this keeps the audit bounded by reading them.
struct FigureIndex {
    private var packed: CellTable
    /// Narrative figures (told apart by name) and cells that do not pack.
    private var others: [AuditRules.FigureKey: Int] = [:]
    /// Narrative figures whatever their year (the text speaks of the document's year).
    private var undated: [AuditRules.FigureKey: Int] = [:]
    private var firstLine: [UInt32]
    private var lastLine: [UInt32]
    private var rowsOfTable: [[Int]]
    private static let tables = TableID.allCases.count

    init(_ store: LineItemStore, scope: RowSet, rowTables: Set<TableID>) {
        let slots = store.docs.count * Self.tables
        packed = CellTable(capacity: scope.count)
        firstLine = [UInt32](repeating: .max, count: slots)
        lastLine = [UInt32](repeating: .min, count: slots)
        rowsOfTable = [[Int]](repeating: [], count: slots)
        var readByRow = [Bool](repeating: false, count: 256)
        for t in rowTables { readByRow[Int(t.rawValue)] = true }
        let narrative = TableID.narrative.rawValue
        var documents = DocumentCursor(store.doc)
        scope.forEach { row in
            let table = store.table[row]
            let doc = UInt32(documents.document(of: row))
            if table != narrative,
               let key = CellTable.key(doc: doc, year: store.year[row], phase: store.phase[row], table: table,
                                       column: store.column[row], code: store.code[row]) {
                packed.insertIfAbsent(key, row: Int32(row))
            } else {
                var key = AuditRules.FigureKey(doc: doc, table: table, code: store.code[row], column: store.column[row],
                                               year: store.year[row], phase: store.phase[row], name: table == narrative ? store.name[row] : 0)
                if others[key] == nil { others[key] = row }
                if table == narrative {
                    key.year = 0
                    if undated[key] == nil { undated[key] = row }
                }
            }
            let slot = Int(doc) * Self.tables + Int(table)
            firstLine[slot] = min(firstLine[slot], store.line[row])
            lastLine[slot] = max(lastLine[slot], store.line[row])
            if readByRow[Int(table)] { rowsOfTable[slot].append(row) }
        }
    }

    /// The first row printing the figure; a narrative figure by its name, for any year when `year` is nil.
    func row(_ key: AuditRules.FigureKey, anyYear: Bool = false) -> Int? {
        if anyYear {
            var k = key
            k.year = 0
            return undated[k]
        }
        if key.name == 0, key.table != TableID.narrative.rawValue,
           let packedKey = CellTable.key(doc: key.doc, year: key.year, phase: key.phase, table: key.table, column: key.column, code: key.code) {
            return packed.find(packedKey).map { Int($0) }
        }
        return others[key]
    }

    /// The first and last line of a table's figures in a document, nil if it has none in scope.
    func lines(_ doc: UInt32, _ table: TableID) -> (first: Int, last: Int)? {
        let slot = Int(doc) * Self.tables + Int(table.rawValue)
        guard slot < firstLine.count, firstLine[slot] <= lastLine[slot] else { return nil }
        return (Int(firstLine[slot]), Int(lastLine[slot]))
    }

    /// A table's rows in a document, of the tables read row by row.
    func rows(_ doc: UInt32, _ table: TableID) -> [Int] {
        let slot = Int(doc) * Self.tables + Int(table.rawValue)
        return slot < rowsOfTable.count ? rowsOfTable[slot] : []
    }
}
