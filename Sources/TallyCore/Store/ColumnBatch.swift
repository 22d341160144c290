/// Line items already in columns, as a fast loader produces them: each text field as a small
/// dictionary of its distinct values and a column of ids into it. `StoreBuilder` takes a batch
/// whole, remapping ids once per distinct value instead of hashing a string per row.
public struct ColumnBatch: Sendable {
    public var docs: [String] = []
    public var labels: [String] = []
    public var districts: [String] = []
    public var depts: [String] = []
    public var names: [String] = []
    public var codes: [String] = []

    public var doc: [UInt32] = []
    /// Optional columns (label, budgetYear, phase, page): empty when the input has none.
    public var label: [UInt32] = []
    public var district: [UInt32] = []
    public var dept: [UInt32] = []
    public var name: [UInt32] = []
    public var code: [UInt32] = []
    public var year: [Int16] = []
    public var budgetYear: [Int16] = []
    public var phase: [UInt8] = []
    public var table: [UInt8] = []
    public var column: [UInt8] = []
    public var amount: [Int64] = []
    public var line: [UInt32] = []
    public var page: [UInt16] = []

    public init() {}

    public var count: Int { amount.count }
}

extension StoreBuilder {
    public mutating func append(_ batch: ColumnBatch) {
        thaw()
        append(batch.doc, values: batch.docs, to: \.docs, column: \.doc)
        if batch.label.isEmpty {
            let none = labels.intern("")
            label.append(contentsOf: repeatElement(none, count: batch.count))
        } else {
            append(batch.label, values: batch.labels, to: \.labels, column: \.label)
        }
        append(batch.district, values: batch.districts, to: \.districts, column: \.district)
        append(batch.dept, values: batch.depts, to: \.depts, column: \.dept)
        append(batch.name, values: batch.names, to: \.names, column: \.name)
        append(batch.code, values: batch.codes, to: \.rawCodes, column: \.rawCode)
        Self.append(batch.year, to: &year)
        Self.append(batch.table, to: &table)
        Self.append(batch.column, to: &column)
        Self.append(batch.amount, to: &amount)
        Self.append(batch.line, to: &line)
        Self.append(batch.budgetYear.isEmpty ? Array(repeating: 0, count: batch.count) : batch.budgetYear, to: &budgetYear)
        Self.append(batch.phase.isEmpty ? Array(repeating: 0, count: batch.count) : batch.phase, to: &phase)
        Self.append(batch.page.isEmpty ? Array(repeating: 0, count: batch.count) : batch.page, to: &page)
    }

    /// A builder's first batch is taken as it is (its arrays shared, not copied).
    private static func append<T>(_ values: [T], to column: inout [T]) {
        if column.isEmpty { column = values } else { column.append(contentsOf: values) }
    }

    private mutating func append(
        _ ids: [UInt32], values: [String], to dictionary: WritableKeyPath<StoreBuilder, TextDictionary>,
        column: WritableKeyPath<StoreBuilder, [UInt32]>
    ) {
        let remap = values.map { self[keyPath: dictionary].intern($0) }
        // A dictionary new to the builder keeps its ids: the column is taken as it is.
        if remap.indices.allSatisfy({ remap[$0] == UInt32($0) }) {
            Self.append(ids, to: &self[keyPath: column])
            return
        }
        let mapped = [UInt32](unsafeUninitializedCapacity: ids.count) { out, count in
            remap.withUnsafeBufferPointer { remap in
                ids.withUnsafeBufferPointer { ids in
                    for i in ids.indices { out[i] = remap[Int(ids[i])] }
                }
            }
            count = ids.count
        }
        Self.append(mapped, to: &self[keyPath: column])
    }
}

extension ColumnBatch {
    /// A whole store as one batch, to add a snapshot to a session that holds other data.
    public init(_ store: LineItemStore) {
        docs = store.docs.values
        labels = store.labels.values
        districts = store.districts.values
        depts = store.depts.values
        names = store.names.values
        codes = store.codes.codes
        doc = store.doc.values
        label = store.label.rowValues
        district = store.district.rowValues
        dept = store.dept.rowValues
        name = store.name.values
        code = store.code.values
        year = store.year.array
        table = store.table.array
        column = store.column.array
        amount = store.amount.array
        line = store.line.values
        budgetYear = store.budgetYear.rowValues
        phase = store.phase.array
        page = store.page.rowValues
    }
}

extension StoreBuilder {
    /// A builder holding exactly `store`'s rows, so that more files can be added after a
    /// snapshot or a load. It keeps the store itself, not per-row copies of its per-document
    /// fields, until a row is added (`thaw`).
    public init(_ store: LineItemStore) {
        docs = store.docs
        labels = store.labels
        districts = store.districts
        depts = store.depts
        names = store.names
        rawCodes = TextDictionary(store.codes.codes)
        frozen = store
    }

    /// The frozen store's rows as the builder's own columns (sharing the arrays it can), before
    /// more rows are added.
    mutating func thaw() {
        guard let store = frozen else { return }
        frozen = nil
        doc = store.doc.values
        label = store.label.rowValues
        district = store.district.rowValues
        dept = store.dept.rowValues
        year = store.year.array
        budgetYear = store.budgetYear.rowValues
        phase = store.phase.array
        page = store.page.rowValues
        table = store.table.array
        rawCode = store.code.values
        name = store.name.values
        column = store.column.array
        amount = store.amount.array
        line = store.line.values
    }
}
