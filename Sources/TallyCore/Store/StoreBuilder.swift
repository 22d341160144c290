import Dispatch

/// Collects line items and freezes them into a `LineItemStore`: sorts the code dictionary
/// and links every row to its parent row.
public struct StoreBuilder: Sendable {
    var docs = TextDictionary()
    var labels = TextDictionary()
    var districts = TextDictionary()
    var depts = TextDictionary()
    var names = TextDictionary()
    var rawCodes = TextDictionary()

    var doc: [UInt32] = []
    var label: [UInt32] = []
    var district: [UInt32] = []
    var dept: [UInt32] = []
    var year: [Int16] = []
    /// 0 where the input did not say: `build` derives it.
    var budgetYear: [Int16] = []
    var phase: [UInt8] = []
    var table: [UInt8] = []
    var rawCode: [UInt32] = []
    var name: [UInt32] = []
    var column: [UInt8] = []
    var amount: [Int64] = []
    var line: [UInt32] = []
    var page: [UInt16] = []

    public init() {}

    public var count: Int { amount.count }

    /// Years outside this range do not occur in budgets and do not fit the store's column.
    public static let years = 1900...2999

    public mutating func append(_ item: LineItem) {
        doc.append(docs.intern(item.doc))
        label.append(labels.intern(item.label))
        district.append(districts.intern(item.district))
        dept.append(depts.intern(item.dept))
        year.append(Int16(clamping: item.year))
        budgetYear.append(Int16(clamping: item.budgetYear))
        phase.append(item.phase.rawValue)
        table.append(item.table.rawValue)
        rawCode.append(rawCodes.intern(item.code))
        name.append(names.intern(item.name))
        column.append(item.column.rawValue)
        amount.append(item.amount.fen)
        line.append(UInt32(clamping: item.line))
        page.append(UInt16(clamping: item.page))
    }

    public mutating func append(contentsOf items: some Sequence<LineItem>) {
        for item in items { append(item) }
    }

    /// The store of these rows, grouped by document (see DocumentOrder.swift).
    public func build() -> LineItemStore {
        var clustered = self
        clustered.clusterByDocument()
        return clustered.frozen()
    }

    private func frozen() -> LineItemStore {
        let codes = CodeDictionary(Set(rawCodes.values))
        let remap = rawCodes.values.map { codes.id(of: $0) ?? 0 }
        let code = rawCode.map { remap[Int($0)] }
        let documents = DocumentFacts(self)
        let budgetYear = documents.budgetYears(self)
        var labels = labels
        let label = documents.labels(self, budgetYear: budgetYear, into: &labels)
        let parent = Self.linkParents(
            codes: codes, names: names, doc: doc, table: table, column: column, year: year, phase: phase, code: code,
            name: name)
        return LineItemStore(
            docs: docs, labels: labels, districts: districts, depts: depts, names: names, codes: codes, doc: doc,
            label: label, district: district, dept: dept, year: year, budgetYear: budgetYear, phase: phase,
            table: table, code: code, name: name, column: column, amount: amount, line: line, page: page,
            parent: parent)
    }

    /// Parent links through the packed cell table, for any range of rows (read-only, so the
    /// two cores can share it).
    private struct PackedParents: @unchecked Sendable {
        let packed: CellTable
        let totals: CellTable
        let prefixes: [[UInt32]]
        let emptyCode: UInt32?
        let doc: [UInt32], year: [Int16], phase: [UInt8], table: [UInt8], column: [UInt8], code: [UInt32]

        struct Output: @unchecked Sendable {
            let rows: UnsafeMutableBufferPointer<Int32>
            init(_ rows: UnsafeMutableBufferPointer<Int32>) { self.rows = rows }
        }

        func link(rows range: Range<Int>, into output: Output) {
            for row in range where code[row] != emptyCode {
                var found: Int32?
                let base = CellTable.key(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: 0)!
                for prefix in prefixes[Int(code[row])] {
                    if let p = packed.find(base | UInt64(prefix)) {
                        found = p
                        break
                    }
                }
                if found == nil, let emptyCode {
                    found = totals.find(base | UInt64(emptyCode))
                }
                output.rows[row] = found ?? -1
            }
        }
    }

    /// Rows that can add up into one another: same doc, table, column, year and phase.
    private struct Cell: Hashable {
        var doc: UInt32
        var year: Int16
        var phase: UInt8
        var table: UInt8
        var column: UInt8
        var code: UInt32
    }

    /// A row's parent is the row of its longest proper prefix code in the same doc, table,
    /// column, year and phase; a row with no such prefix (a 类 row) hangs under the group's 合计
    /// row — the row with an empty code, or the one named 合计/总计 where there are several.
    static func linkParents(
        codes: CodeDictionary, names: TextDictionary, doc: [UInt32], table: [UInt8], column: [UInt8],
        year: [Int16], phase: [UInt8], code: [UInt32], name: [UInt32]
    ) -> [Int32] {
        let prefixes = codes.properPrefixIDs()
        let emptyCode = codes.id(of: "")
        let isTotalName = names.mask(TotalRow.isTotal)
        // Large stores look cells up by a packed key; the Dictionary stays for what does not pack.
        let packs = (doc.max() ?? 0) < 1 << 22 && codes.count < 1 << 20
            && year.allSatisfy { $0 >= 1900 && $0 < 1900 + 2048 }
        var packed: CellTable? = packs ? CellTable(capacity: doc.count) : nil
        var rowOfCell: [Cell: Int32] = [:]
        if !packs { rowOfCell.reserveCapacity(doc.count) }
        // Empty-code rows per group; the group total is chosen among them below.
        var totals: [Cell: Int32] = [:]
        var ambiguous: Set<Cell> = []
        for row in doc.indices {
            if code[row] == emptyCode {
                let cell = Cell(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: code[row])
                let isTotal = isTotalName[Int(name[row])]
                if let existing = totals[cell] {
                    let existingIsTotal = isTotalName[Int(name[Int(existing)])]
                    if isTotal && !existingIsTotal {
                        totals[cell] = Int32(row)
                        ambiguous.remove(cell)
                    } else if isTotal == existingIsTotal {
                        ambiguous.insert(cell)
                    }
                } else {
                    totals[cell] = Int32(row)
                }
            } else if packed != nil {
                let key = CellTable.key(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: code[row])!
                packed!.insertIfAbsent(key, row: Int32(row))
            } else {
                let cell = Cell(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: code[row])
                if rowOfCell[cell] == nil { rowOfCell[cell] = Int32(row) }
            }
        }
        for cell in ambiguous { totals[cell] = nil }
        // The group totals, packed too, so a 类 row finds its 合计 without hashing a struct.
        var packedTotals: CellTable?
        if packs {
            packedTotals = CellTable(capacity: totals.count)
            for (cell, row) in totals {
                let key = CellTable.key(doc: cell.doc, year: cell.year, phase: cell.phase, table: cell.table, column: cell.column, code: cell.code)!
                packedTotals!.insertIfAbsent(key, row: row)
            }
        }

        var parent = [Int32](repeating: -1, count: doc.count)
        if let packed {
            // Lookups only from here on: both cores take half the rows each.
            let job = PackedParents(packed: packed, totals: packedTotals!, prefixes: prefixes, emptyCode: emptyCode, doc: doc,
                                    year: year, phase: phase, table: table, column: column, code: code)
            parent.withUnsafeMutableBufferPointer { out in
                let lanes = doc.count >= RowSet.parallelRows ? 2 : 1
                let target = PackedParents.Output(out)
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    job.link(rows: (target.rows.count * lane / lanes)..<(target.rows.count * (lane + 1) / lanes), into: target)
                }
            }
            return parent
        }
        for row in doc.indices where code[row] != emptyCode {
            var found: Int32?
            if let packed {
                let base = CellTable.key(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: 0)!
                for prefix in prefixes[Int(code[row])] {
                    if let p = packed.find(base | UInt64(prefix)) {
                        found = p
                        break
                    }
                }
            } else {
                var cell = Cell(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: code[row])
                for prefix in prefixes[Int(code[row])] {
                    cell.code = prefix
                    if let p = rowOfCell[cell] {
                        found = p
                        break
                    }
                }
            }
            if found == nil, let emptyCode {
                let cell = Cell(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row],
                                code: emptyCode)
                found = totals[cell]
            }
            parent[row] = found ?? -1
        }
        return parent
    }
}
