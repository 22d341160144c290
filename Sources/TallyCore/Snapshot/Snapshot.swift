import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A saved store (`.save FILE.tally`, `tally FILE.tally`): the columns exactly as held in
/// memory, each a checksummed section, behind a versioned header, so reopening is a mapping,
/// a checksum pass and a copy — no parsing, no dictionary building, no parent linking.
///
/// Layout (little-endian): magic `TALLYSNP`; UInt32 version; UInt32 byte-order mark
/// 0x01020304; UInt64 rows; UInt32 section count; UInt32 reserved; then per section
/// (kind, element size: UInt32; offset, byte length, checksum: UInt64); then a UInt64
/// checksum of everything before it. Sections start on 8-byte boundaries.
public enum Snapshot {
    public static let magic: [UInt8] = Array("TALLYSNP".utf8)
    public static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let fixedHeader = 32
    static let entrySize = 32

    /// What each section holds, in file order.
    enum Kind: UInt32, CaseIterable {
        case docs = 1, districts, depts, names, codes
        case doc = 10, district, dept, year, table, code, name, column, amount, line, parent
    }

    // MARK: - writing

    public static func write(_ store: LineItemStore, to path: String) throws(Diagnostic) {
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
        text(.docs, store.docs.values)
        text(.districts, store.districts.values)
        text(.depts, store.depts.values)
        text(.names, store.names.values)
        text(.codes, store.codes.codes)
        column(.doc, store.doc)
        column(.district, store.district)
        column(.dept, store.dept)
        column(.year, store.year)
        column(.table, store.table)
        column(.code, store.code)
        column(.name, store.name)
        column(.column, store.column)
        column(.amount, store.amount)
        column(.line, store.line)
        column(.parent, store.parent)

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

        // Written beside the target and renamed over it, so a failed save leaves no half file.
        let temporary = path + ".partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .fileError("cannot write: \(String(cString: strerror(errno)))", file: path) }
        var ok = true
        var position = 0
        func put(_ bytes: UnsafeRawBufferPointer) {
            var done = 0
            while ok, done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                done += n
            }
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
        let failure = ok ? nil : String(cString: strerror(errno))
        if close(fd) != 0 || !ok || rename(temporary, path) != 0 {
            unlink(temporary)
            throw .fileError("cannot write: \(failure ?? String(cString: strerror(errno)))", file: path)
        }
    }

    static func align(_ n: Int) -> Int { (n + 7) & ~7 }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    // MARK: - reading

    public static func looksLikeSnapshot(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 }
    }

    /// Opens a snapshot: every section's checksum is checked (both cores) while its columns
    /// are copied out of the mapping.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(Diagnostic) -> LineItemStore {
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
            throw bad("it is version \(fileVersion); this tally reads version \(version)")
        }
        guard u32(12) == byteOrderMark else { throw bad("it was written on a machine of the other byte order") }
        let rows = Int(u64(16))
        let sectionCount = Int(u32(24))
        guard sectionCount == Kind.allCases.count else { throw bad("it has \(sectionCount) sections where \(Kind.allCases.count) are expected") }
        let headerEnd = fixedHeader + sectionCount * entrySize
        guard bytes.count >= headerEnd + 8 else { throw bad("the file is truncated inside its header") }
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<headerEnd])) == u64(headerEnd) else {
            throw bad("its header is corrupt (checksum mismatch)")
        }
        struct Section { var kind: Kind; var size: Int; var offset: Int; var length: Int; var checksum: UInt64 }
        var sections: [Kind: Section] = [:]
        for i in 0..<sectionCount {
            let at = fixedHeader + i * entrySize
            guard let kind = Kind(rawValue: u32(at)) else { throw bad("unknown section \(u32(at))") }
            let s = Section(kind: kind, size: Int(u32(at + 4)), offset: Int(u64(at + 8)), length: Int(u64(at + 16)), checksum: u64(at + 24))
            guard s.offset >= 0, s.length >= 0, s.offset <= bytes.count, s.length <= bytes.count - s.offset else {
                throw bad("the file is truncated (section \(kind) runs past its end)")
            }
            sections[kind] = s
        }
        guard sections.count == Kind.allCases.count else { throw bad("a section appears twice") }

        // Checksums, both cores.
        let ordered = Kind.allCases.map { sections[$0]! }
        let mismatch = UnsafeMutablePointer<Bool>.allocate(capacity: ordered.count)
        mismatch.initialize(repeating: false, count: ordered.count)
        defer { mismatch.deallocate() }
        struct Shared: @unchecked Sendable { let raw: UnsafeRawBufferPointer; let mismatch: UnsafeMutablePointer<Bool> }
        let shared = Shared(raw: raw, mismatch: mismatch)
        let largestFirst = ordered.indices.sorted { ordered[$0].length > ordered[$1].length }
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            // Largest sections alternate between the two lanes.
            for (rank, i) in largestFirst.enumerated() where rank % 2 == lane {
                let s = ordered[i]
                let slice = UnsafeRawBufferPointer(rebasing: shared.raw[s.offset..<(s.offset + s.length)])
                if Checksum.of(slice) != s.checksum { shared.mismatch[i] = true }
            }
        }
        if let i = ordered.indices.first(where: { mismatch[$0] }) {
            throw bad("section \(ordered[i].kind) is corrupt (checksum mismatch)")
        }

        func texts(_ kind: Kind) throws(Diagnostic) -> [String] {
            let s = sections[kind]!
            var at = s.offset
            let end = s.offset + s.length
            guard s.length >= 4 else { throw bad("section \(kind) is malformed") }
            let n = Int(u32(at))
            at += 4
            var out: [String] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                guard at + 4 <= end else { throw bad("section \(kind) is malformed") }
                let len = Int(u32(at))
                at += 4
                guard len <= end - at, let v = String(validating: UnsafeBufferPointer(rebasing: bytes[at..<(at + len)]), as: UTF8.self)
                else { throw bad("section \(kind) is malformed") }
                out.append(v)
                at += len
            }
            return out
        }
        func column<T>(_ kind: Kind, _: T.Type) throws(Diagnostic) -> [T] {
            let s = sections[kind]!
            guard s.size == MemoryLayout<T>.stride, s.length == rows * s.size else {
                throw bad("section \(kind) holds \(s.length) bytes where \(rows) rows need \(rows * MemoryLayout<T>.stride)")
            }
            return [T](unsafeUninitializedCapacity: rows) { buffer, count in
                if rows > 0 {
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress! + s.offset, byteCount: s.length)
                }
                count = rows
            }
        }

        let docs = try texts(.docs), districts = try texts(.districts), depts = try texts(.depts)
        let names = try texts(.names), codes = try texts(.codes)
        let doc = try column(.doc, UInt32.self), district = try column(.district, UInt32.self)
        let dept = try column(.dept, UInt32.self), year = try column(.year, Int16.self)
        let table = try column(.table, UInt8.self), code = try column(.code, UInt32.self)
        let name = try column(.name, UInt32.self), columnIDs = try column(.column, UInt8.self)
        let amount = try column(.amount, Int64.self), line = try column(.line, UInt32.self)
        let parent = try column(.parent, Int32.self)

        // Ids must point inside their dictionaries: a snapshot is trusted only that far.
        func inRange(_ ids: [UInt32], _ count: Int) -> Bool { ids.allSatisfy { Int($0) < count } }
        guard inRange(doc, docs.count), inRange(district, districts.count), inRange(dept, depts.count),
            inRange(name, names.count), inRange(code, codes.count),
            table.allSatisfy({ TableID(rawValue: $0) != nil }), columnIDs.allSatisfy({ ColumnID(rawValue: $0) != nil }),
            parent.allSatisfy({ $0 >= -1 && Int($0) < rows })
        else { throw bad("an id points outside its dictionary") }
        let codeDictionary = CodeDictionary(Set(codes))
        guard codeDictionary.codes == codes else { throw bad("its code dictionary is not sorted") }

        return LineItemStore(
            docs: TextDictionary(docs), districts: TextDictionary(districts), depts: TextDictionary(depts),
            names: TextDictionary(names), codes: codeDictionary, doc: doc, district: district, dept: dept, year: year,
            table: table, code: code, name: name, column: columnIDs, amount: amount, line: line, parent: parent)
    }
}
