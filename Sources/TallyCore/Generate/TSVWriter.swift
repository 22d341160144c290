/// Writes generated records as line-item TSV through a reused megabyte buffer: the text of
/// each document, code and column is made once, and amounts are formatted by hand.
struct TSVWriter {
    let shape: Shape
    /// `doc\tdistrict\tdept\tyear\t` for each document.
    private let documentPrefix: [[UInt8]]
    /// `table\tcode\tname\t` for each entry.
    private let entryText: [[UInt8]]
    private let columnText: [[UInt8]]

    init(shape: Shape, documents: Int) {
        self.shape = shape
        documentPrefix = (0..<UInt32(max(documents, 1))).map { doc in
            Array("\(shape.documentName(doc))\t\(shape.district(doc).name)\t\(shape.dept(doc))\t\(shape.year(doc))\t".utf8)
        }
        entryText = shape.entries.map { Array("\($0.table.id)\t\($0.code)\t\($0.name)\t".utf8) }
        columnText = ColumnID.allCases.map { Array("\($0.id)\t".utf8) }
    }

    func write(_ records: [Generator.Record], to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        let capacity = 1 << 20
        var buffer = [UInt8]()
        buffer.reserveCapacity(capacity)
        buffer.append(contentsOf: Generator.header.utf8)
        for r in records {
            buffer.append(contentsOf: documentPrefix[Int(r.doc)])
            buffer.append(contentsOf: entryText[Int(r.entry)])
            buffer.append(contentsOf: columnText[Int(r.column)])
            appendCents(r.cents, to: &buffer)
            buffer.append(UInt8(ascii: "\t"))
            appendNumber(UInt64(r.line), to: &buffer)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count > capacity - 4096 {
                buffer.withUnsafeBufferPointer(sink)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { buffer.withUnsafeBufferPointer(sink) }
    }

    /// Hundredths as a decimal with two places: 202103 → `2021.03`.
    private func appendCents(_ cents: Int64, to buffer: inout [UInt8]) {
        if cents < 0 { buffer.append(UInt8(ascii: "-")) }
        let m = cents.magnitude
        appendNumber(m / 100, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(ascii: "0") + UInt8(m / 10 % 10))
        buffer.append(UInt8(ascii: "0") + UInt8(m % 10))
    }

    private func appendNumber(_ value: UInt64, to buffer: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            buffer.append(contentsOf: d[(20 - count)...])
        }
    }
}
