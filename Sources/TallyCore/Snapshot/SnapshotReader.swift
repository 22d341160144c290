import Dispatch

/// Reading a snapshot. A `.tally` file is untrusted input like any other: anyone can edit
/// one and recompute its checksums. So nothing read from it is converted, allocated or
/// followed before it is checked — the header's checksum first, then every count, offset and
/// length against the file's real size, then every id against its dictionary and every
/// parent link against the store's invariant (a parent's code is a proper prefix of its
/// row's, so links form a forest: no cycle, no row its own parent). Any failure is
/// "not a usable tally snapshot: …", never a trap, a huge allocation or a loop.
extension Snapshot {
    public static func looksLikeSnapshot(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 }
    }

    /// What a snapshot holds: the store, and the import reports of its documents.
    public struct Contents: Sendable {
        public var store: LineItemStore
        public var reports: [ImportReport]
    }

    /// The store alone of a snapshot (see `open`).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, mapping: MappedFile? = nil) throws(Diagnostic) -> LineItemStore {
        try open(bytes, path: path, mapping: mapping).store
    }

    /// Opens a snapshot: every section's checksum is checked (both cores), then every column's
    /// values. Given the file's `mapping`, the columns are read where they lie in it, and the
    /// pages the checks brought in are handed back (the page cache keeps them; a query brings
    /// in what it touches); without one, they are copied out of `bytes`.
    public static func open(_ bytes: UnsafeBufferPointer<UInt8>, path: String, mapping: MappedFile? = nil) throws(Diagnostic) -> Contents {
        func bad(_ what: String) -> Diagnostic {
            .fileError("not a usable tally snapshot: \(what)", file: path,
                       help: "save it again with `.save FILE.tally`, or load the line-item file it was made from")
        }
        guard looksLikeSnapshot(bytes) else { throw bad("it does not start with the TALLYSNP header") }
        let raw = UnsafeRawBufferPointer(bytes)
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        guard bytes.count >= fixedHeader else { throw bad("the file is truncated (\(bytes.count) bytes)") }
        let fileVersion = u32(8)
        guard fileVersion == version else {
            let lacking = fileVersion < 3 ? "labels, phases and pages"
                : fileVersion < 4 ? "its documents' import reports" : "the compact column layout"
            throw bad(fileVersion < version
                ? "it was saved by an earlier tally (version \(fileVersion), without \(lacking)); this tally reads version \(version)"
                : "it is version \(fileVersion); this tally reads version \(version)")
        }
        guard u32(12) == byteOrderMark else { throw bad("it was written on a machine of the other byte order") }
        // Compared as the UInt32 it is, so no product below can overflow.
        let sectionCount = u32(24)
        guard sectionCount == UInt32(Kind.sectionCount) else {
            throw bad("it has \(sectionCount) sections where \(Kind.sectionCount) are expected")
        }
        let headerEnd = fixedHeader + Kind.sectionCount * entrySize
        guard bytes.count >= headerEnd + 8 else { throw bad("the file is truncated inside its header") }
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<headerEnd])) == u64(headerEnd) else {
            throw bad("its header is corrupt (checksum mismatch)")
        }

        // Every amount is 8 bytes, so a file holds fewer rows than bytes/8; ids and far parent
        // links are 32-bit, so never more than Int32.max.
        let rowField = u64(16)
        guard rowField <= UInt64(bytes.count / 8), rowField <= UInt64(Int32.max) else {
            throw bad("its header claims \(rowField) rows, more than a file of \(bytes.count) bytes can hold")
        }
        let rows = Int(rowField)

        struct Section { var kind: Kind; var size: Int; var offset: Int; var length: Int; var checksum: UInt64 }
        var sections: [Kind: Section] = [:]
        for i in 0..<Kind.sectionCount {
            let at = fixedHeader + i * entrySize
            guard let kind = Kind(rawValue: u32(at)) else { throw bad("unknown section \(u32(at))") }
            let size = u32(at + 4), offset = u64(at + 8), length = u64(at + 16)
            let fileSize = UInt64(bytes.count)
            guard offset <= fileSize, length <= fileSize - offset else {
                throw bad("section \(kind) runs past the end of the file (the file is truncated or damaged)")
            }
            guard size <= 8 else { throw bad("section \(kind) has elements of \(size) bytes") }
            guard sections[kind] == nil else { throw bad("section \(kind) appears twice") }
            sections[kind] = Section(kind: kind, size: Int(size), offset: Int(offset), length: Int(length), checksum: u64(at + 24))
        }
        for (byRow, byDocument) in Kind.pairs where (sections[byRow] == nil) == (sections[byDocument] == nil) {
            throw bad("it holds \(byRow) both per row and per document, or neither")
        }
        // Every section present: n distinct kinds, and one of each pair.
        let ordered = Kind.allCases.compactMap { sections[$0] }

        if let i = checkSections(ordered.map { ($0.offset, $0.length, $0.checksum) }, raw) {
            throw bad("section \(ordered[i].kind) is corrupt (checksum mismatch)")
        }

        func texts(_ kind: Kind) throws(Diagnostic) -> [String] {
            let s = sections[kind]!
            guard s.size == 1, s.length >= 4 else { throw bad("section \(kind) is malformed") }
            var at = s.offset
            let end = s.offset + s.length
            let n = Int(u32(at))
            at += 4
            // Each value takes at least its 4-byte length: a count beyond that is a lie.
            guard n <= (end - at) / 4 else { throw bad("section \(kind) claims \(n) values in \(s.length) bytes") }
            var out: [String] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                guard end - at >= 4 else { throw bad("section \(kind) is malformed") }
                let len = Int(u32(at))
                at += 4
                guard len <= end - at, let v = String(validating: UnsafeBufferPointer(rebasing: bytes[at..<(at + len)]), as: UTF8.self)
                else { throw bad("section \(kind) is malformed") }
                out.append(v)
                at += len
            }
            return out
        }
        func column<T: BitwiseCopyable>(_ kind: Kind, _: T.Type) throws(Diagnostic) -> StoredColumn<T> {
            let s = sections[kind]!
            let need = rows * MemoryLayout<T>.stride  // rows ≤ Int32.max: no overflow
            guard s.size == MemoryLayout<T>.stride, s.length == need else {
                throw bad("section \(kind) holds \(s.length) bytes where \(rows) rows need \(need)")
            }
            let start = raw.baseAddress! + s.offset
            if let mapping, Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 {
                return StoredColumn(mapped: start, count: rows, owner: mapping)
            }
            return StoredColumn([T](unsafeUninitializedCapacity: rows) { buffer, count in
                if rows > 0 {
                    HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
                    copyOnBothCores(to: UnsafeMutableRawPointer(buffer.baseAddress!), from: start, bytes: s.length)
                }
                count = rows
            })
        }

        let docs = try texts(.docs), districts = try texts(.districts), depts = try texts(.depts)
        let names = try texts(.names), codes = try texts(.codes), labels = try texts(.labels)
        /// A column of 2- or 4-byte values, as it was held.
        func compactColumn(_ kind: Kind) throws(Diagnostic) -> CompactColumn {
            switch sections[kind]!.size {
            case 2: return CompactColumn(narrow: try column(kind, UInt16.self))
            case 4: return CompactColumn(wide: try column(kind, UInt32.self))
            default: throw bad("section \(kind) has elements of \(sections[kind]!.size) bytes")
            }
        }
        /// A list of at most `limit` 4-byte values.
        func list(_ kind: Kind, atMost limit: Int) throws(Diagnostic) -> [Int32] {
            let s = sections[kind]!
            guard s.size == 4, s.length % 4 == 0, s.length / 4 <= limit else {
                throw bad("section \(kind) holds \(s.length) bytes of \(s.size)-byte elements where at most \(limit) are expected")
            }
            let n = s.length / 4
            return [Int32](unsafeUninitializedCapacity: n) { buffer, count in
                if n > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress! + s.offset, byteCount: s.length) }
                count = n
            }
        }
        func documentColumn<T: FixedWidthInteger & Sendable & BitwiseCopyable>(_ kind: Kind, _ byDocumentKind: Kind, _: T.Type, doc: RowDocuments, documents: Int) throws(Diagnostic)
            -> DocumentColumn<T>
        {
            // (Rare: a line-item file whose document's rows disagree on the field. Copied.)
            guard let s = sections[byDocumentKind] else { return DocumentColumn(byRow: try column(kind, T.self).array, documents: doc) }
            let need = documents * MemoryLayout<T>.stride  // documents ≤ the file's size: no overflow
            guard s.size == MemoryLayout<T>.stride, s.length == need else {
                throw bad("section \(byDocumentKind) holds \(s.length) bytes where \(documents) documents need \(need)")
            }
            let values = [T](unsafeUninitializedCapacity: documents) { buffer, count in
                if documents > 0 {
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress! + s.offset, byteCount: s.length)
                }
                count = documents
            }
            return DocumentColumn(byDocument: values, documents: doc)
        }

        // Rows are grouped by document, in doc id order: each document's row count gives its
        // range, and they must add up to the rows (checked first: everything else reads them).
        let documentRows = try list(.documentRows, atMost: docs.count)
        guard documentRows.count == docs.count else {
            throw bad("section documentRows holds \(documentRows.count) documents where the dictionary has \(docs.count)")
        }
        var starts = [0]
        starts.reserveCapacity(documentRows.count + 1)
        for n in documentRows {
            // Each step stays within the rows, so the sum cannot overflow.
            let next = starts.last! + Int(UInt32(bitPattern: n))
            guard next <= rows else { throw bad("its documents' row counts add up to more than its \(rows) rows") }
            starts.append(next)
        }
        let documentStart = starts
        guard documentStart.last! == rows else {
            throw bad("its documents' row counts add up to \(documentStart.last!), not to its \(rows) rows")
        }
        let doc = RowDocuments(documentStart: documentStart)
        let district = try documentColumn(.district, .districtByDocument, UInt32.self, doc: doc, documents: docs.count)
        let dept = try documentColumn(.dept, .deptByDocument, UInt32.self, doc: doc, documents: docs.count)
        let year = try column(.year, Int16.self)
        let table = try column(.table, UInt8.self), code = try compactColumn(.code)
        let name = try compactColumn(.name), columnIDs = try column(.column, UInt8.self)
        let amount = try column(.amount, Int64.self), line = try compactColumn(.line)
        guard let parent = ParentColumn(offsets: try column(.parent, Int16.self), farRows: try list(.farParentRows, atMost: rows),
                                        farParents: try list(.farParents, atMost: rows))
        else { throw bad("its list of far parents does not match the rows marked far") }
        let label = try documentColumn(.label, .labelByDocument, UInt32.self, doc: doc, documents: docs.count)
        let budgetYear = try documentColumn(.budgetYear, .budgetYearByDocument, Int16.self, doc: doc, documents: docs.count)
        let phase = try column(.phase, UInt8.self)
        let page = try documentColumn(.page, .pageByDocument, UInt16.self, doc: doc, documents: docs.count)

        let dictionaries = (TextDictionary(docs), TextDictionary(districts), TextDictionary(depts), TextDictionary(names))
        let labelDictionary = TextDictionary(labels)
        guard dictionaries.0.count == docs.count, dictionaries.1.count == districts.count,
            dictionaries.2.count == depts.count, dictionaries.3.count == names.count, labelDictionary.count == labels.count
        else { throw bad("a dictionary holds the same value twice") }
        let codeDictionary = CodeDictionary(Set(codes))
        guard codeDictionary.codes == codes else { throw bad("its code dictionary is not sorted or holds a code twice") }

        let codeLengths = codes.map(\.utf8.count)
        // The column checks read only, each its own column: both cores share them.
        let checks: [(failure: String, passes: @Sendable () -> Bool)] = [
            ("an id points outside its dictionary", { inRange(district, districts.count) && inRange(dept, depts.count) }),
            ("an id points outside its dictionary", { name.allBelow(names.count) }),
            ("an id points outside its dictionary", { code.allBelow(codes.count) && inRange(label, labels.count) }),
            ("an id points outside its dictionary", {
                known(phase, Phase.allCases.map(\.rawValue)) && known(table, TableID.allCases.map(\.rawValue))
                    && known(columnIDs, ColumnID.allCases.map(\.rawValue))
            }),
            ("a year is outside 1900–2999", {
                // A document without rows has no budget year to check.
                year.allSatisfy(isYear) && (budgetYear.byDocument.map { years in
                    years.indices.allSatisfy { documentStart[$0] == documentStart[$0 + 1] || isYear(years[$0]) }
                } ?? budgetYear.byRow.allSatisfy(isYear))
            }),
            ("a parent link is invalid (out of range, itself, another document's, or not a shorter code)", {
                brokenParentLink(parent, code: code, codeLengths: codeLengths, doc: doc) == nil
            }),
        ]
        if let failed = firstFailure(checks.map(\.passes)) {
            if failed == checks.count - 1, let row = brokenParentLink(parent, code: code, codeLengths: codeLengths, doc: doc) {
                throw bad("row \(row)'s parent link is invalid (out of range, itself, another document's, or not a shorter code)")
            }
            throw bad(checks[failed].failure)
        }

        let reportSection = sections[.reports]!
        guard reportSection.size == 1 else { throw bad("section reports is malformed") }
        let reports: [ImportReport]
        switch decodeReports(UnsafeRawBufferPointer(rebasing: raw[reportSection.offset..<(reportSection.offset + reportSection.length)])) {
        case .success(let decoded): reports = decoded
        case .failure(let failure): throw bad(failure.what)
        }

        let store = LineItemStore(
            docs: dictionaries.0, labels: labelDictionary, districts: dictionaries.1, depts: dictionaries.2,
            names: dictionaries.3, codes: codeDictionary, doc: doc, label: label, district: district, dept: dept,
            year: year, budgetYear: budgetYear, phase: phase, table: table, code: code, name: name, column: columnIDs,
            amount: amount, line: line, page: page, parent: parent)
        mapping?.returnResidentPages()
        return Contents(store: store, reports: reports)
    }

    /// The first check (by index) that fails, the checks shared between the two cores.
    private static func firstFailure(_ checks: [@Sendable () -> Bool]) -> Int? {
        let failed = UnsafeMutablePointer<Bool>.allocate(capacity: checks.count)
        failed.initialize(repeating: false, count: checks.count)
        defer { failed.deallocate() }
        struct Shared: @unchecked Sendable { let failed: UnsafeMutablePointer<Bool> }
        let shared = Shared(failed: failed)
        DispatchQueue.concurrentPerform(iterations: checks.count) { i in
            if !checks[i]() { shared.failed[i] = true }
        }
        return checks.indices.first { failed[$0] }
    }

    static func inRange(_ ids: [UInt32], _ count: Int) -> Bool { ids.allSatisfy { Int($0) < count } }
    static func inRange(_ ids: DocumentColumn<UInt32>, _ count: Int) -> Bool { inRange(ids.byDocument ?? ids.byRow, count) }
    static func isYear(_ y: Int16) -> Bool { StoreBuilder.years.contains(Int(y)) }

    /// Whether every byte is one of the vocabulary's raw ids (a table look-up, not an enum
    /// initializer per row).
    static func known(_ bytes: StoredColumn<UInt8>, _ raw: [UInt8]) -> Bool {
        var valid = [Bool](repeating: false, count: 256)
        for r in raw { valid[Int(r)] = true }
        return bytes.allSatisfy { valid[Int($0)] }
    }

    /// A large column's copy split between the two cores: the copy is mostly the kernel
    /// handing out fresh pages, which both cores can do at once.
    static func copyOnBothCores(to target: UnsafeMutableRawPointer, from source: UnsafeRawPointer, bytes: Int) {
        struct Copy: @unchecked Sendable { let target: UnsafeMutableRawPointer; let source: UnsafeRawPointer }
        let copy = Copy(target: target, source: source)
        let lanes = bytes >= 1 << 22 ? 2 : 1
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let start = (bytes * lane / lanes) & ~4095, end = lane == lanes - 1 ? bytes : (bytes * (lane + 1) / lanes) & ~4095
            (copy.target + start).copyMemory(from: copy.source + start, byteCount: end - start)
        }
    }

    /// The first section (by index) whose checksum does not match; both cores, largest first.
    private static func checkSections(_ sections: [(offset: Int, length: Int, checksum: UInt64)], _ raw: UnsafeRawBufferPointer) -> Int? {
        let mismatch = UnsafeMutablePointer<Bool>.allocate(capacity: sections.count)
        mismatch.initialize(repeating: false, count: sections.count)
        defer { mismatch.deallocate() }
        struct Shared: @unchecked Sendable { let raw: UnsafeRawBufferPointer; let mismatch: UnsafeMutablePointer<Bool> }
        let shared = Shared(raw: raw, mismatch: mismatch)
        let largestFirst = sections.indices.sorted { sections[$0].length > sections[$1].length }
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for (rank, i) in largestFirst.enumerated() where rank % 2 == lane {
                let s = sections[i]
                let slice = UnsafeRawBufferPointer(rebasing: shared.raw[s.offset..<(s.offset + s.length)])
                if Checksum.of(slice) != s.checksum { shared.mismatch[i] = true }
            }
        }
        return sections.indices.first { mismatch[$0] }
    }

    /// A parent link is -1 or a row of the same document whose code is strictly shorter (the
    /// 合计 row's empty code is shorter than every 类 code). Strictly shorter codes along every
    /// link rule out cycles, self-parents included, without walking a chain. It checks its own
    /// bounds: it runs beside the check that code ids are in range, not after it.
    static func brokenParentLink(_ parent: ParentColumn, code: CompactColumn, codeLengths: [Int], doc: RowDocuments) -> Int? {
        let rows = parent.count
        guard code.count == rows, doc.count == rows else { return 0 }
        let start = doc.documentStart
        for d in 0..<doc.documents where start[d] < start[d + 1] {
            let document = start[d]..<start[d + 1]
            for row in document {
                let p = Int(parent[row])
                if p == -1 { continue }
                guard document.contains(p) else { return row }
                let parentCode = Int(code[p]), rowCode = Int(code[row])
                guard parentCode < codeLengths.count, rowCode < codeLengths.count, codeLengths[parentCode] < codeLengths[rowCode]
                else { return row }
            }
        }
        return nil
    }
}
