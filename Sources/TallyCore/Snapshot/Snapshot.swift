import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A saved store (`.save FILE.tally`, `tally FILE.tally`): the columns exactly as held in
/// memory, each a checksummed section, behind a versioned header, so reopening is a mapping
/// and a checking pass — no parsing, no dictionary building, no parent linking, and no copy:
/// the columns are read where they lie in the mapping (StoredColumn).
///
/// Layout (little-endian): magic `TALLYSNP`; UInt32 version; UInt32 byte-order mark
/// 0x01020304; UInt64 rows; UInt32 section count; UInt32 reserved; then per section
/// (kind, element size: UInt32; offset, byte length, checksum: UInt64); then a UInt64
/// checksum of everything before it. Sections start on 8-byte boundaries.
public enum Snapshot {
    public static let magic: [UInt8] = Array("TALLYSNP".utf8)
    /// 3: rows grouped by document, and the per-document fields held once per document.
    /// 4: the documents' import reports (the audit's evidence from their text) kept too.
    /// 5: no doc column (each document's row count instead), code, name and line in 16 bits
    /// where they fit, parents as 16-bit distances with a list of far ones (issue 17).
    public static let version: UInt32 = 5
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let fixedHeader = 32
    static let entrySize = 32

    /// What each section holds, in file order.
    enum Kind: UInt32, CaseIterable {
        case docs = 1, districts, depts, names, codes, labels
        /// `documentRows`: each document's row count (UInt32, by doc id); rows are grouped by document.
        /// `code`, `name`, `line`: 2- or 4-byte elements, as held (CompactColumn). `parent`: Int16
        /// distances, `farParentRows`/`farParents`: the rows whose parent is farther (ParentColumn).
        case documentRows = 10, district, dept, year, table, code, name, column, amount, line, parent, farParentRows, farParents
        case label = 30, budgetYear, phase, page
        /// The per-document fields, held once per document (by doc id) instead of per row.
        case labelByDocument = 40, districtByDocument, deptByDocument, budgetYearByDocument, pageByDocument
        /// The session's import reports, as JSON (SnapshotReports.swift).
        case reports = 50

        /// A per-document field's two forms: a file holds exactly one of each pair.
        static let pairs: [(byRow: Kind, byDocument: Kind)] = [
            (.label, .labelByDocument), (.district, .districtByDocument), (.dept, .deptByDocument),
            (.budgetYear, .budgetYearByDocument), (.page, .pageByDocument),
        ]
        static var sectionCount: Int { allCases.count - pairs.count }
    }

    // MARK: - writing

    /// `reports`: what the importer found in each document of the store, which the audit cites.
    public static func write(_ store: LineItemStore, reports: [ImportReport] = [], to path: String) throws(Diagnostic) {
        var sections: [(Kind, UInt32, [UInt8])] = []
        func text(_ kind: Kind, _ values: [String]) {
            var blob: [UInt8] = []
            append(UInt32(values.count), to: &blob)
            for v in values {
                append(UInt32(v.utf8.count), to: &blob)
                blob.append(contentsOf: v.utf8)
            }
            sections.append((kind, 1, blob))
        }
        func column<T>(_ kind: Kind, _ values: [T]) {
            let blob = values.withUnsafeBytes { Array($0) }
            sections.append((kind, UInt32(MemoryLayout<T>.stride), blob))
        }
        func column<T>(_ kind: Kind, _ values: StoredColumn<T>) {
            sections.append((kind, UInt32(MemoryLayout<T>.stride), values.withUnsafeBytes { Array($0) }))
        }
        func compact(_ kind: Kind, _ values: CompactColumn) {
            sections.append((kind, UInt32(values.elementSize), values.withUnsafeBytes { Array($0) }))
        }
        text(.docs, store.docs.values)
        text(.districts, store.districts.values)
        text(.depts, store.depts.values)
        text(.names, store.names.values)
        text(.codes, store.codes.codes)
        text(.labels, store.labels.values)
        func perDocument<T>(_ kind: Kind, _ byDocumentKind: Kind, _ values: DocumentColumn<T>) {
            if let byDocument = values.byDocument { column(byDocumentKind, byDocument) } else { column(kind, values.byRow) }
        }
        column(.documentRows, (0..<store.docs.count).map { UInt32(store.rows(ofDocument: $0).count) })
        perDocument(.district, .districtByDocument, store.district)
        perDocument(.dept, .deptByDocument, store.dept)
        column(.year, store.year)
        column(.table, store.table)
        compact(.code, store.code)
        compact(.name, store.name)
        column(.column, store.column)
        column(.amount, store.amount)
        compact(.line, store.line)
        column(.parent, store.parent.offsets)
        column(.farParentRows, store.parent.farRows)
        column(.farParents, store.parent.farParents)
        perDocument(.label, .labelByDocument, store.label)
        perDocument(.budgetYear, .budgetYearByDocument, store.budgetYear)
        column(.phase, store.phase)
        perDocument(.page, .pageByDocument, store.page)
        sections.append((.reports, 1, encode(reports)))

        var header: [UInt8] = magic
        append(version, to: &header)
        append(byteOrderMark, to: &header)
        append(UInt64(store.count), to: &header)
        append(UInt32(sections.count), to: &header)
        append(UInt32(0), to: &header)
        var offset = align(fixedHeader + sections.count * entrySize + 8)
        var offsets: [Int] = []
        for (kind, size, blob) in sections {
            append(kind.rawValue, to: &header)
            append(size, to: &header)
            append(UInt64(offset), to: &header)
            append(UInt64(blob.count), to: &header)
            append(blob.withUnsafeBytes { Checksum.of($0) }, to: &header)
            offsets.append(offset)
            offset = align(offset + blob.count)
        }
        append(header.withUnsafeBytes { Checksum.of($0) }, to: &header)

        // Written to a new file beside the target (never through a planted link) and renamed
        // over it only when complete, so a failed save leaves no half file.
        let file = try ReplacementFile(path: path)
        var position = 0
        func put(_ bytes: UnsafeRawBufferPointer) {
            file.write(bytes)
            position += bytes.count
        }
        func pad(to target: Int) {
            let zeros = [UInt8](repeating: 0, count: target - position)
            zeros.withUnsafeBytes(put)
        }
        header.withUnsafeBytes(put)
        for (i, section) in sections.enumerated() {
            pad(to: offsets[i])
            section.2.withUnsafeBytes(put)
        }
        try file.commit()
    }

    static func align(_ n: Int) -> Int { (n + 7) & ~7 }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
