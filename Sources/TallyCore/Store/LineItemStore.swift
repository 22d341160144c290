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

    /// Each row's document, read from the documents' row ranges (no per-row column).
    public let doc: RowDocuments
    /// Fields with one value per document, held once per document (see DocumentColumn).
    public let label: DocumentColumn<UInt32>
    public let district: DocumentColumn<UInt32>
    public let dept: DocumentColumn<UInt32>
    public let budgetYear: DocumentColumn<Int16>
    /// The doc column itself, as a field of its documents: a filter on doc reads row ranges too.
    public let documentIDs: DocumentColumn<UInt32>
    public let year: StoredColumn<Int16>
    public let phase: StoredColumn<UInt8>
    public let table: StoredColumn<UInt8>
    /// Ids and line numbers in 16 bits where they fit (CompactColumn.swift).
    public let code: CompactColumn
    public let name: CompactColumn
    public let column: StoredColumn<UInt8>
    public let amount: StoredColumn<Int64>
    public let line: CompactColumn
    /// The PDF page; 0 throughout a text document, so held once per document there.
    public let page: DocumentColumn<UInt16>
    /// The row this row's figure is part of (same doc, table, column, year and phase): the row of
    /// its longest proper prefix code, or the 合计 row for a 类 row; -1 for none.
    public let parent: ParentColumn
    /// Each document's own phase, by doc id (§3): `final` for a 决算 (any final figure), else
    /// `budget`. A sum takes only these figures of a document unless told which phase.
    public let ownPhase: [UInt8]
    /// Where each document's rows are, by doc id: rows `documentStart[d]..<documentStart[d + 1]`
    /// (rows are grouped by document; see DocumentOrder.swift).
    public let documentStart: [Int]

    /// A store of rows grouped by document (`doc` never decreases), with per-row values for
    /// the per-document fields; they are held per document where each document's rows agree.
    init(
        docs: TextDictionary, labels: TextDictionary, districts: TextDictionary, depts: TextDictionary,
        names: TextDictionary, codes: CodeDictionary, doc: [UInt32], label: [UInt32], district: [UInt32],
        dept: [UInt32], year: [Int16], budgetYear: [Int16], phase: [UInt8], table: [UInt8], code: [UInt32],
        name: [UInt32], column: [UInt8], amount: [Int64], line: [UInt32], page: [UInt16], parent: [Int32]
    ) {
        let rows = RowDocuments(documentStart: Self.documentStarts(doc, documents: docs.count))
        self.init(
            docs: docs, labels: labels, districts: districts, depts: depts, names: names, codes: codes, doc: rows,
            label: DocumentColumn(label, documents: rows),
            district: DocumentColumn(district, documents: rows),
            dept: DocumentColumn(dept, documents: rows), year: StoredColumn(year),
            budgetYear: DocumentColumn(budgetYear, documents: rows), phase: StoredColumn(phase), table: StoredColumn(table),
            code: CompactColumn(code), name: CompactColumn(name), column: StoredColumn(column), amount: StoredColumn(amount),
            line: CompactColumn(line), page: DocumentColumn(page, documents: rows), parent: ParentColumn(parent))
    }

    init(
        docs: TextDictionary, labels: TextDictionary, districts: TextDictionary, depts: TextDictionary,
        names: TextDictionary, codes: CodeDictionary, doc: RowDocuments, label: DocumentColumn<UInt32>,
        district: DocumentColumn<UInt32>, dept: DocumentColumn<UInt32>, year: StoredColumn<Int16>, budgetYear: DocumentColumn<Int16>,
        phase: StoredColumn<UInt8>, table: StoredColumn<UInt8>, code: CompactColumn, name: CompactColumn, column: StoredColumn<UInt8>,
        amount: StoredColumn<Int64>,
        line: CompactColumn, page: DocumentColumn<UInt16>, parent: ParentColumn
    ) {
        self.docs = docs
        self.labels = labels
        self.districts = districts
        self.depts = depts
        self.names = names
        self.codes = codes
        self.doc = doc
        documentStart = doc.documentStart
        documentIDs = DocumentColumn(byDocument: (0..<UInt32(docs.count)).map { $0 }, documents: doc)
        self.label = label
        self.district = district
        self.dept = dept
        self.year = year
        self.budgetYear = budgetYear
        self.phase = phase
        self.table = table
        self.code = code
        self.name = name
        self.column = column
        self.amount = amount
        self.line = line
        self.page = page
        self.parent = parent
        var own = [UInt8](repeating: Phase.budget.rawValue, count: docs.count)
        let final = Phase.final.rawValue
        for d in 0..<doc.documents where phase[documentStart[d]..<documentStart[d + 1]].contains(final) { own[d] = final }
        ownPhase = own
    }

    /// The rows of one document.
    public func rows(ofDocument d: Int) -> Range<Int> { documentStart[d]..<documentStart[d + 1] }

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
