/// Every loaded line item, held column by column: text as dictionary ids, amounts as
/// Int64 fen, codes as ids into a sorted dictionary, and for each row the row it adds up
/// into (its parent), so the no-double-counting rule is a pointer walk.
///
/// A store is immutable; `StoreBuilder` makes one.
public struct LineItemStore: Sendable {
    public let docs: TextDictionary
    public let labels: TextDictionary
    public let districts: TextDictionary
    public let depts: TextDictionary
    public let names: TextDictionary
    public let codes: CodeDictionary

    public let doc: [UInt32]
    public let label: [UInt32]
    public let district: [UInt32]
    public let dept: [UInt32]
    public let year: [Int16]
    public let budgetYear: [Int16]
    public let phase: [UInt8]
    public let table: [UInt8]
    public let code: [UInt32]
    public let name: [UInt32]
    public let column: [UInt8]
    public let amount: [Int64]
    public let line: [UInt32]
    public let page: [UInt16]
    /// The row this row's figure is part of (same doc, table, column, year and phase): the row of
    /// its longest proper prefix code, or the 合计 row for a 类 row; -1 for none.
    public let parent: [Int32]
    /// Each document's own phase, by doc id (§3): `final` for a 决算 (any final figure), else
    /// `budget`. A sum takes only these figures of a document unless told which phase.
    public let ownPhase: [UInt8]

    init(
        docs: TextDictionary, labels: TextDictionary, districts: TextDictionary, depts: TextDictionary,
        names: TextDictionary, codes: CodeDictionary, doc: [UInt32], label: [UInt32], district: [UInt32],
        dept: [UInt32], year: [Int16], budgetYear: [Int16], phase: [UInt8], table: [UInt8], code: [UInt32],
        name: [UInt32], column: [UInt8], amount: [Int64], line: [UInt32], page: [UInt16], parent: [Int32]
    ) {
        self.docs = docs
        self.labels = labels
        self.label = label
        self.budgetYear = budgetYear
        self.phase = phase
        self.page = page
        self.districts = districts
        self.depts = depts
        self.names = names
        self.codes = codes
        self.doc = doc
        self.district = district
        self.dept = dept
        self.year = year
        self.table = table
        self.code = code
        self.name = name
        self.column = column
        self.amount = amount
        self.line = line
        self.parent = parent
        var own = [UInt8](repeating: Phase.budget.rawValue, count: docs.count)
        let final = Phase.final.rawValue
        for row in phase.indices where phase[row] == final { own[Int(doc[row])] = final }
        ownPhase = own
    }

    public static let empty = StoreBuilder().build()

    public var count: Int { amount.count }

    public func item(_ row: Int) -> LineItem {
        LineItem(
            doc: docs[doc[row]], label: labels[label[row]], district: districts[district[row]], dept: depts[dept[row]],
            year: Int(year[row]), budgetYear: Int(budgetYear[row]), phase: Phase(rawValue: phase[row]) ?? .budget,
            table: TableID(rawValue: table[row]) ?? .expenditure, code: codes[code[row]], name: names[name[row]],
            column: ColumnID(rawValue: column[row]) ?? .total, amount: Amount(fen: amount[row]), line: Int(line[row]),
            page: Int(page[row])
        )
    }

    public func level(_ row: Int) -> Int { Int(codes.levels[Int(code[row])]) }

    /// The tables present, with how many line items each holds.
    public func tableCounts() -> [(TableID, Int)] {
        var counts = [Int](repeating: 0, count: TableID.allCases.count)
        for t in table { counts[Int(t)] += 1 }
        return TableID.allCases.compactMap { counts[Int($0.rawValue)] > 0 ? ($0, counts[Int($0.rawValue)]) : nil }
    }
}
