import Dispatch

/// Every row's parent: the row of its longest proper prefix code in the same doc, table,
/// column, year and phase; a row with no such prefix (a 类 row) hangs under the group's 合计
/// row — the row with an empty code, or the one named 合计/总计 where there are several.
///
/// A parent is always of its row's document, and rows are grouped by document, so the rows
/// split at a document boundary into two halves that are linked at once, one on each core,
/// each with cell tables of its own half.
struct ParentLinks: @unchecked Sendable {
    let codes: CodeDictionary
    let doc: [UInt32], table: [UInt8], column: [UInt8], year: [Int16], phase: [UInt8], code: [UInt32], name: [UInt32]
    let prefixes: [[UInt32]]
    let emptyCode: UInt32?
    let isTotalName: [Bool]
    /// Whether every cell packs into a 64-bit key (else a Dictionary of cells).
    let packs: Bool

    init(codes: CodeDictionary, names: TextDictionary, doc: [UInt32], table: [UInt8], column: [UInt8], year: [Int16],
         phase: [UInt8], code: [UInt32], name: [UInt32], packing: Bool = true) {
        self.codes = codes
        self.doc = doc
        self.table = table
        self.column = column
        self.year = year
        self.phase = phase
        self.code = code
        self.name = name
        prefixes = codes.properPrefixIDs()
        emptyCode = codes.id(of: "")
        isTotalName = names.mask(TotalRow.isTotal)
        packs = packing && (doc.max() ?? 0) < 1 << 22 && codes.count < 1 << 20 && year.allSatisfy { $0 >= 1900 && $0 < 1900 + 2048 }
    }

    func link() -> [Int32] {
        let n = doc.count
        var split = n / 2
        while split > 0, split < n, doc[split] == doc[split - 1] { split += 1 }
        let halves = n >= RowSet.parallelRows && split < n ? [0..<split, split..<n] : [0..<n]
        var parent = [Int32](repeating: -1, count: n)
        parent.withUnsafeMutableBufferPointer { out in
            let target = Output(rows: out)
            DispatchQueue.concurrentPerform(iterations: halves.count) { lane in link(rows: halves[lane], into: target) }
        }
        return parent
    }

    struct Output: @unchecked Sendable { let rows: UnsafeMutableBufferPointer<Int32> }

    /// Rows that can add up into one another: same doc, table, column, year and phase.
    private struct Cell: Hashable {
        var doc: UInt32
        var year: Int16
        var phase: UInt8
        var table: UInt8
        var column: UInt8
        var code: UInt32
    }

    private func cell(_ row: Int, code: UInt32) -> Cell {
        Cell(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: code)
    }

    /// Links the rows of whole documents, one document at a time with small tables of its own
    /// (a table over half the store missed the cache on nearly every probe).
    private func link(rows range: Range<Int>, into output: Output) {
        guard packs else { return linkByDictionary(rows: range, into: output) }
        var cells = CellTable(capacity: 64)
        // A group's empty-code rows: the slot holds an index into `totals`.
        var totalSlots = CellTable(capacity: 16)
        var totals: [GroupTotal] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start + 1
            while end < range.upperBound, doc[end] == doc[start] { end += 1 }
            cells.reset(capacity: end - start)
            totalSlots.reset(capacity: end - start)
            totals.removeAll(keepingCapacity: true)
            for row in start..<end {
                let key = CellTable.key(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: code[row])!
                guard code[row] == emptyCode else {
                    cells.insertIfAbsent(key, row: Int32(row))
                    continue
                }
                if let e = totalSlots.find(key, orInsert: Int32(totals.count)).map(Int.init) {
                    totals[e].consider(Int32(row), self)
                } else {
                    totals.append(GroupTotal(row: Int32(row)))
                }
            }
            for row in start..<end where code[row] != emptyCode {
                let base = CellTable.key(doc: doc[row], year: year[row], phase: phase[row], table: table[row], column: column[row], code: 0)!
                var found: Int32?
                for prefix in prefixes[Int(code[row])] {
                    if let p = cells.find(base | UInt64(prefix)) {
                        found = p
                        break
                    }
                }
                if found == nil, let emptyCode, let e = totalSlots.find(base | UInt64(emptyCode)).map(Int.init) {
                    found = totals[e].chosen
                }
                output.rows[row] = found ?? -1
            }
            start = end
        }
    }

    /// The same for stores whose cells do not pack into 64 bits.
    private func linkByDictionary(rows range: Range<Int>, into output: Output) {
        var rowOfCell: [Cell: Int32] = [:]
        var totals: [Cell: GroupTotal] = [:]
        for row in range {
            if code[row] == emptyCode {
                let cell = cell(row, code: code[row])
                if totals[cell] == nil { totals[cell] = GroupTotal(row: Int32(row)) } else { totals[cell]!.consider(Int32(row), self) }
            } else {
                let cell = cell(row, code: code[row])
                if rowOfCell[cell] == nil { rowOfCell[cell] = Int32(row) }
            }
        }

        for row in range where code[row] != emptyCode {
            var found: Int32?
            var cell = cell(row, code: code[row])
            for prefix in prefixes[Int(code[row])] {
                cell.code = prefix
                if let p = rowOfCell[cell] {
                    found = p
                    break
                }
            }
            if found == nil, let emptyCode { found = totals[self.cell(row, code: emptyCode)]?.chosen }
            output.rows[row] = found ?? -1
        }
    }
}

/// The row a group's 类 rows hang under, among its empty-code rows: the one named 合计/总计
/// where there are several; two alike (both named so, or neither) leave none.
private struct GroupTotal {
    var row: Int32
    var ambiguous = false

    init(row: Int32) { self.row = row }

    var chosen: Int32? { ambiguous ? nil : row }

    mutating func consider(_ other: Int32, _ links: ParentLinks) {
        let isTotal = links.isTotalName[Int(links.name[Int(other)])]
        let existingIsTotal = links.isTotalName[Int(links.name[Int(row)])]
        if isTotal && !existingIsTotal {
            (row, ambiguous) = (other, false)
        } else if isTotal == existingIsTotal {
            ambiguous = true
        }
    }
}
