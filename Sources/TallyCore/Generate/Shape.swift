/// The code trees every generated document draws from, and how one document is made:
/// which codes it prints, their figures (leaves random, parents the sums), their lines.
struct Shape {
    struct Entry {
        var code: String
        var name: String
        var table: TableID
        /// The entry this one adds up into (the table's 合计 for a 类); -1 for a 合计.
        var parent: Int
        var isLeaf = true
        /// For economic codes: 301 and 303 are 人员经费, 302 公用经费.
        var isPersonnel = false
    }

    private(set) var entries: [Entry] = []
    private(set) var functionLeaves: [Int] = []
    private(set) var economicLeaves: [Int] = []
    let functionTotal: Int
    let economicTotal: Int
    let projectEntry: UInt16

    init() {
        func add(_ list: [(code: String, name: String)], table: TableID, into entries: inout [Entry]) -> Int {
            let total = entries.count
            entries.append(Entry(code: "", name: "合计", table: table, parent: -1, isLeaf: false))
            var indexOfCode: [String: Int] = [:]
            for (code, name) in list {
                let parentCode = code.count > 3 ? String(code.prefix(code.count - 2)) : ""
                let parent = parentCode.isEmpty ? total : indexOfCode[parentCode]!
                entries[parent].isLeaf = false
                indexOfCode[code] = entries.count
                entries.append(Entry(code: code, name: name, table: table, parent: parent, isPersonnel: !code.hasPrefix("302")))
            }
            return total
        }
        var entries: [Entry] = []
        functionTotal = add(Catalogue.function, table: .expenditure, into: &entries)
        economicTotal = add(Catalogue.economic, table: .basicEcon, into: &entries)
        projectEntry = UInt16(entries.count)
        entries.append(Entry(code: "", name: "专项业务经费", table: .projects, parent: -1))
        self.entries = entries
        functionLeaves = entries.indices.filter { entries[$0].isLeaf && entries[$0].table == .expenditure }
        economicLeaves = entries.indices.filter { entries[$0].isLeaf && entries[$0].table == .basicEcon }
    }

    // MARK: - documents

    func year(_ doc: UInt32) -> Int { Catalogue.firstYear + Int(doc) % Catalogue.years }
    func district(_ doc: UInt32) -> (name: String, marker: String) {
        Catalogue.districts[Int(doc) / Catalogue.years % Catalogue.districts.count]
    }
    func dept(_ doc: UInt32) -> String {
        let d = district(doc)
        let index = Int(doc) / (Catalogue.years * Catalogue.districts.count)
        let name = Catalogue.departments[index % Catalogue.departments.count]
        // Past the sixty departments, further units of the same kind (more data than the grid).
        let suffix = index < Catalogue.departments.count ? "" : "第\(index / Catalogue.departments.count + 1)分支机构"
        return "重庆市\(d.name)\(d.marker)\(name)\(suffix)"
    }
    func documentName(_ doc: UInt32) -> String {
        let index = Int(doc) / (Catalogue.years * Catalogue.districts.count)
        return "\(district(doc).name)-\(index + 1)-\(year(doc))"
    }

    struct Made {
        var records: [Generator.Record] = []
        var leafFigures: [(index: Int, parentLine: UInt32, parentEntry: UInt16)] = []
    }

    /// One document of about `target` line items.
    func document(_ doc: UInt32, target: Int, rng: inout SeededRandom) -> Made {
        var included = [Bool](repeating: false, count: entries.count)
        func choose(_ leaves: [Int], total: Int, rows budget: Int) {
            var pool = leaves
            var rows = 1
            included[total] = true
            var k = 0
            while k < pool.count, rows < budget || k == 0 {
                pool.swapAt(k, k + rng.below(pool.count - k))
                var e = pool[k]
                while e >= 0, !included[e] {
                    included[e] = true
                    rows += 1
                    e = entries[e].parent
                }
                k += 1
            }
        }
        choose(functionLeaves, total: functionTotal, rows: target * 3 / 4 / 3)
        choose(economicLeaves, total: economicTotal, rows: target / 4 / 3)

        // Leaves random; each parent the sum of its children (entries come after their parents).
        var first = [Int64](repeating: 0, count: entries.count)   // basic, or personnel
        var second = [Int64](repeating: 0, count: entries.count)  // project, or public
        for e in entries.indices where included[e] && entries[e].isLeaf {
            if entries[e].table == .expenditure {
                first[e] = Int64(rng.below(300_000))
                second[e] = rng.below(10) < 4 ? 0 : Int64(rng.below(500_000))
            } else if entries[e].isPersonnel {
                first[e] = Int64(rng.below(200_000))
            } else {
                second[e] = Int64(rng.below(50_000))
            }
        }
        for e in entries.indices.reversed() where included[e] && entries[e].parent >= 0 {
            first[entries[e].parent] += first[e]
            second[entries[e].parent] += second[e]
        }

        var made = Made()
        var lineOf = [UInt32](repeating: 0, count: entries.count)
        var line: UInt32 = 5
        var previousTable = TableID.expenditure
        for e in entries.indices where included[e] {
            let entry = entries[e]
            if entry.table != previousTable { line += 6 }  // the next table's title and header
            previousTable = entry.table
            lineOf[e] = line
            let columns: [ColumnID] = entry.table == .expenditure ? [.total, .basic, .project] : [.total, .personnel, .public]
            let values = [first[e] + second[e], first[e], second[e]]
            for (column, value) in zip(columns, values) {
                if entry.isLeaf, entry.table == .expenditure, column != .total {
                    made.leafFigures.append((made.records.count, lineOf[entry.parent], UInt16(entry.parent)))
                }
                made.records.append(Generator.Record(doc: doc, line: line, cents: value, entry: UInt16(e),
                                                     table: entry.table.rawValue, column: column.rawValue))
            }
            line += 1
        }
        return made
    }
}
