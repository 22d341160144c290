/// Line items already in columns, as a fast loader produces them: each text field as a small
/// dictionary of its distinct values and a column of ids into it. `StoreBuilder` takes a batch
/// whole, remapping ids once per distinct value instead of hashing a string per row.
public struct ColumnBatch: Sendable {
    public var docs: [String] = []
    public var districts: [String] = []
    public var depts: [String] = []
    public var names: [String] = []
    public var codes: [String] = []

    public var doc: [UInt32] = []
    public var district: [UInt32] = []
    public var dept: [UInt32] = []
    public var name: [UInt32] = []
    public var code: [UInt32] = []
    public var year: [Int16] = []
    public var table: [UInt8] = []
    public var column: [UInt8] = []
    public var amount: [Int64] = []
    public var line: [UInt32] = []

    public init() {}

    public var count: Int { amount.count }
}

extension StoreBuilder {
    public mutating func append(_ batch: ColumnBatch) {
        append(batch.doc, values: batch.docs, to: \.docs, column: \.doc)
        append(batch.district, values: batch.districts, to: \.districts, column: \.district)
        append(batch.dept, values: batch.depts, to: \.depts, column: \.dept)
        append(batch.name, values: batch.names, to: \.names, column: \.name)
        append(batch.code, values: batch.codes, to: \.rawCodes, column: \.rawCode)
        year.append(contentsOf: batch.year)
        table.append(contentsOf: batch.table)
        column.append(contentsOf: batch.column)
        amount.append(contentsOf: batch.amount)
        line.append(contentsOf: batch.line)
    }

    private mutating func append(
        _ ids: [UInt32], values: [String], to dictionary: WritableKeyPath<StoreBuilder, TextDictionary>,
        column: WritableKeyPath<StoreBuilder, [UInt32]>
    ) {
        let remap = values.map { self[keyPath: dictionary].intern($0) }
        remap.withUnsafeBufferPointer { remap in
            self[keyPath: column].append(contentsOf: ids.lazy.map { remap[Int($0)] })
        }
    }
}

extension ColumnBatch {
    /// A whole store as one batch, to add a snapshot to a session that holds other data.
    public init(_ store: LineItemStore) {
        docs = store.docs.values
        districts = store.districts.values
        depts = store.depts.values
        names = store.names.values
        codes = store.codes.codes
        doc = store.doc
        district = store.district
        dept = store.dept
        name = store.name
        code = store.code
        year = store.year
        table = store.table
        column = store.column
        amount = store.amount
        line = store.line
    }
}

extension StoreBuilder {
    /// A builder holding exactly `store`'s rows (sharing its columns), so that more files can
    /// be added after a snapshot.
    public init(_ store: LineItemStore) {
        docs = store.docs
        districts = store.districts
        depts = store.depts
        names = store.names
        rawCodes = TextDictionary(store.codes.codes)
        doc = store.doc
        district = store.district
        dept = store.dept
        year = store.year
        table = store.table
        rawCode = store.code
        name = store.name
        column = store.column
        amount = store.amount
        line = store.line
    }
}
