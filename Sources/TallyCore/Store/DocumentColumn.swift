/// A field that has one value per document — its label, district, department, budget year —
/// held once per document and read for a row through the row's document, so it costs nothing
/// per row. A line-item file may give one document's rows different values; that field is then
/// held per row, as given. The doc column itself uses the same type (`documentIDs`), so a filter
/// or a grouping asks one question: is this field per document, and if so, which documents match?
public struct DocumentColumn<Value: FixedWidthInteger & Sendable>: RandomAccessCollection, Sendable {
    /// By doc id, when every document's rows agree; nil when the values are held per row.
    public let byDocument: [Value]?
    /// By row, when some document's rows disagree; empty otherwise.
    public let byRow: [Value]
    /// Each row's document (the store's own, shared, not copied).
    private let doc: RowDocuments

    /// Per document where every document's rows (`start[d]..<start[d + 1]`) agree, else per row.
    init(_ values: [Value], documents doc: RowDocuments) {
        self.doc = doc
        let start = doc.documentStart
        var first = [Value](repeating: 0, count: Swift.max(start.count - 1, 0))
        var agree = values.count == doc.count
        if agree {
            values.withUnsafeBufferPointer { v in
                for d in first.indices where start[d] < start[d + 1] {
                    let value = v[start[d]]
                    first[d] = value
                    for row in (start[d] + 1)..<start[d + 1] where v[row] != value {
                        agree = false
                        return
                    }
                }
            }
        }
        byDocument = agree ? first : nil
        byRow = agree ? [] : values
    }

    /// Held per document, as a snapshot stores it.
    init(byDocument: [Value], documents doc: RowDocuments) {
        self.byDocument = byDocument
        byRow = []
        self.doc = doc
    }

    /// Held per row.
    init(byRow: [Value], documents doc: RowDocuments) {
        byDocument = nil
        self.byRow = byRow
        self.doc = doc
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { doc.count }

    @inline(__always)
    public subscript(row: Int) -> Value {
        if let byDocument { return byDocument[Int(doc[row])] }
        return byRow[row]
    }

    /// Every row's value, as a column held per row would give it.
    public var rowValues: [Value] {
        guard let byDocument else { return byRow }
        var out = [Value](repeating: 0, count: doc.count)
        let start = doc.documentStart
        for d in byDocument.indices where start[d] < start[d + 1] {
            for row in start[d]..<start[d + 1] { out[row] = byDocument[d] }
        }
        return out
    }

    /// Bytes held for this field (the doc column it reads through is counted once, as `doc`).
    public var heldBytes: Int { ((byDocument?.count ?? 0) + byRow.count) * MemoryLayout<Value>.stride }
}

extension LineItemStore {
    /// Rows `start[d]..<start[d + 1]` are document `d`'s, for a doc column grouped by document.
    static func documentStarts(_ doc: [UInt32], documents: Int) -> [Int] {
        var start = [Int](repeating: 0, count: documents + 1)
        for d in doc { start[Int(d) + 1] += 1 }
        for d in 0..<documents { start[d + 1] += start[d] }
        return start
    }
}
