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

    /// A store this builder was made from and has not added to: `build` gives it back as it is.
    var frozen: LineItemStore?

    public init() {}

    public var count: Int { frozen?.count ?? amount.count }

    /// Years outside this range do not occur in budgets and do not fit the store's column.
    public static let years = 1900...2999

    public mutating func append(_ item: LineItem) {
        thaw()
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
        if let frozen { return frozen }
        let codes = CodeDictionary(Set(rawCodes.values))
        let remap = rawCodes.values.map { codes.id(of: $0) ?? 0 }
        var clustered = self
        clustered.clusterByDocument(codeOrder: remap)
        return clustered.frozenStore(codes: codes, remap: remap)
    }

    private func frozenStore(codes: CodeDictionary, remap: [UInt32]) -> LineItemStore {
        let code = rawCode.map { remap[Int($0)] }
        let documents = DocumentFacts(self)
        let budgetYear = documents.budgetYears(self)
        var labels = labels
        let label = documents.labels(self, budgetYear: budgetYear, into: &labels)
        let parent = ParentLinks(
            codes: codes, names: names, doc: doc, table: table, column: column, year: year, phase: phase, code: code,
            name: name).link()
        return LineItemStore(
            docs: docs, labels: labels, districts: districts, depts: depts, names: names, codes: codes, doc: doc,
            label: label, district: district, dept: dept, year: year, budgetYear: budgetYear, phase: phase,
            table: table, code: code, name: name, column: column, amount: amount, line: line, page: page,
            parent: parent)
    }
}
