/// Which document each row is of, without a column of doc ids: rows are grouped by document
/// (DocumentOrder.swift), so a row's document is the one whose row range holds it. A scan over
/// rows in order keeps a `DocumentCursor` (one comparison a row); reading a single row searches
/// the few documents that start inside the row's block of 256 rows. That costs 4 bytes per 256
/// rows instead of 4 bytes per row.
public struct RowDocuments: RandomAccessCollection, Sendable {
    /// Document `d`'s rows are `documentStart[d]..<documentStart[d + 1]`; one entry more than documents.
    public let documentStart: [Int]
    /// For block `b` (rows `b << blockShift` on), the document of its first row.
    private let blockDocument: [UInt32]
    static let blockShift = 8

    /// `documentStart` must start at 0 and never decrease (the reader checks a snapshot's).
    init(documentStart: [Int]) {
        self.documentStart = documentStart.isEmpty ? [0] : documentStart
        let rows = self.documentStart.last!
        let blocks = (rows + (1 << Self.blockShift) - 1) >> Self.blockShift
        var first = [UInt32](repeating: 0, count: blocks)
        var d = 0
        for b in 0..<blocks {
            let row = b << Self.blockShift
            while self.documentStart[d + 1] <= row { d += 1 }
            first[b] = UInt32(d)
        }
        blockDocument = first
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { documentStart[documentStart.count - 1] }

    /// How many documents (some may have no rows).
    public var documents: Int { documentStart.count - 1 }

    /// The row's document: the last document starting at or before it (an empty document
    /// starts where the next one does, so it is never the last such).
    @inline(__always)
    public subscript(row: Int) -> UInt32 {
        let b = row >> Self.blockShift
        var lo = Int(blockDocument[b])
        var hi = b + 1 < blockDocument.count ? Int(blockDocument[b + 1]) : documents - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if documentStart[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return UInt32(lo)
    }

    /// Every row's doc id, as a column held per row would give it (a builder's or a batch's).
    public var values: [UInt32] {
        var out = [UInt32](repeating: 0, count: count)
        for d in 0..<documents where documentStart[d] < documentStart[d + 1] {
            for row in documentStart[d]..<documentStart[d + 1] { out[row] = UInt32(d) }
        }
        return out
    }

    public var heldBytes: Int { blockDocument.count * 4 + documentStart.count * MemoryLayout<Int>.stride }
}

/// A row's document for a scan that meets rows in increasing order: the current document's
/// range is asked first, so a scan pays a search only when it crosses into another document.
struct DocumentCursor {
    let documents: RowDocuments
    private var document = 0
    private var lower = 0
    private var upper = 0

    init(_ documents: RowDocuments) { self.documents = documents }

    @inline(__always)
    mutating func document(of row: Int) -> Int {
        if row >= lower && row < upper { return document }
        document = Int(documents[row])
        lower = documents.documentStart[document]
        upper = documents.documentStart[document + 1]
        return document
    }
}
