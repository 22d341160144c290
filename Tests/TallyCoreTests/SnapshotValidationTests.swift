import Foundation
import Testing
@testable import TallyCore

/// Issue 13 §2: a snapshot is untrusted input. Each file below is crafted from a good one
/// with its checksums recomputed (as anyone can), and must be refused with
/// "not a usable tally snapshot: …" — never a trap, a huge allocation or an endless loop.
struct SnapshotValidationTests {
    /// A good snapshot of a small store, as bytes, with helpers to edit it and re-seal it.
    struct Crafted {
        var bytes: [UInt8]
        static let headerEnd = Snapshot.fixedHeader + Snapshot.Kind.sectionCount * Snapshot.entrySize

        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
        func u32(_ at: Int) -> UInt32 { UInt32(truncatingIfNeeded: u64(at) & 0xFFFF_FFFF) }
        mutating func put64(_ v: UInt64, at: Int) { for i in 0..<8 { bytes[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) } }
        mutating func put32(_ v: UInt32, at: Int) { for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(i))) } }
        mutating func put16(_ v: Int16, at: Int) { for i in 0..<2 { bytes[at + i] = UInt8(truncatingIfNeeded: v >> (8 * Int16(i))) } }

        /// The header entries, in file order.
        var entries: [Int] { (0..<Snapshot.Kind.sectionCount).map { Snapshot.fixedHeader + $0 * Snapshot.entrySize } }

        /// The header entry of a section (as written: a per-document field is in one of its forms).
        func entry(_ kind: Snapshot.Kind) -> Int {
            entries.first { u32($0) == kind.rawValue } ?? { Issue.record("no section \(kind)"); return 0 }()
        }
        func offset(_ kind: Snapshot.Kind) -> Int { Int(u64(entry(kind) + 8)) }

        /// Recomputes every section's checksum (where its bounds are sane) and then the header's.
        mutating func seal() {
            for e in entries {
                let offset = u64(e + 8), length = u64(e + 16)
                guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
                let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)])) }
                put64(sum, at: e + 24)
            }
            let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<Self.headerEnd])) }
            put64(sum, at: Self.headerEnd)
        }
    }

    static func good() throws -> Crafted {
        let session = Session(format: .tsv, out: { _ in }, err: { _ in })
        session.loadSampleData()
        let path = SnapshotTests.temporaryPath("good-\(UUID().uuidString).tally")
        defer { unlink(path) }
        try Snapshot.write(session.store, to: path)
        return Crafted(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// What loading the bytes says, or "loaded".
    static func outcome(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(Diagnostic) {
                _ = try Snapshot.read(buffer, path: "x.tally")
                return "loaded"
            } catch {
                return DiagnosticRenderer(color: false).render([error])
            }
        }
    }

    typealias Edit = @Sendable (inout Crafted) -> Void

    static let edits: [(name: String, edit: Edit, expected: String)] = [
        ("one byte of the row count flipped, checksum not recomputed", { c in c.bytes[23] ^= 0x01 }, "header is corrupt"),
        ("row count 2^61", { c in c.put64(1 << 61, at: 16); c.seal() }, "claims 2305843009213693952 rows"),
        ("row count UInt64.max", { c in c.put64(.max, at: 16); c.seal() }, "rows, more than"),
        ("row count one more than written", { c in c.put64(c.u64(16) + 1, at: 16); c.seal() }, "not to its"),
        ("section offset past the end", { c in c.put64(1 << 62, at: c.entry(.amount) + 8); c.seal() }, "runs past the end"),
        ("section offset UInt64.max", { c in c.put64(.max, at: c.entry(.docs) + 8); c.seal() }, "runs past the end"),
        ("section length UInt64.max", { c in c.put64(.max, at: c.entry(.parent) + 16); c.seal() }, "runs past the end"),
        ("element size 2^31", { c in c.put32(1 << 31, at: c.entry(.year) + 4); c.seal() }, "elements of"),
        ("text count 0xFFFFFFFF", { c in c.put32(.max, at: c.offset(.names)); c.seal() }, "claims 4294967295 values"),
        ("a section kind twice", { c in c.put32(Snapshot.Kind.documentRows.rawValue, at: c.entry(.deptByDocument)); c.seal() }, "appears twice"),
        ("unknown section kind", { c in c.put32(99, at: c.entry(.deptByDocument)); c.seal() }, "unknown section 99"),
        ("a code id past its dictionary", { c in c.put16(-1, at: c.offset(.code)); c.seal() }, "outside its dictionary"),
        ("codes of 3 bytes", { c in c.put32(3, at: c.entry(.code) + 4); c.seal() }, "elements of 3 bytes"),
        ("an unknown table id", { c in c.bytes[c.offset(.table)] = 200; c.seal() }, "outside its dictionary"),
        ("a year of 0", { c in c.bytes[c.offset(.year)] = 0; c.bytes[c.offset(.year) + 1] = 0; c.seal() }, "a year is outside"),
        ("every row's parent the next row", { c in
            let rows = Int(c.u64(16)), at = c.offset(.parent)
            for r in 0..<(rows - 1) { c.put16(1, at: at + 2 * r) }
            c.seal()
        }, "parent link is invalid"),
        ("a parent cycle of two rows", { c in
            let at = c.offset(.parent)
            c.put16(1, at: at)
            c.put16(-1, at: at + 2)
            c.seal()
        }, "parent link is invalid"),
        ("a parent past the last row", { c in c.put16(1, at: c.offset(.parent) + 2 * (Int(c.u64(16)) - 1)); c.seal() }, "parent link is invalid"),
        ("a row marked far that the far list lacks", { c in c.put16(.min, at: c.offset(.parent)); c.seal() }, "far parents"),
        ("a far list longer than the rows", { c in
            c.put64(c.u64(16) * 4 + 4, at: c.entry(.farParentRows) + 16)
            c.seal()
        }, "farParentRows"),
        ("a document's row count one more", { c in
            c.put32(c.u32(c.offset(.documentRows)) + 1, at: c.offset(.documentRows))
            c.seal()
        }, "row counts add up to"),
        ("a document's row count 0xFFFFFFFF", { c in c.put32(.max, at: c.offset(.documentRows)); c.seal() }, "add up to more than"),
        ("a row count for a document the dictionary lacks", { c in
            c.put64(c.u64(c.entry(.documentRows) + 16) - 4, at: c.entry(.documentRows) + 16)
            c.seal()
        }, "documents where the dictionary has"),
        ("a per-document field one document short", { c in
            c.put64(c.u64(c.entry(.deptByDocument) + 16) - 4, at: c.entry(.deptByDocument) + 16)
            c.seal()
        }, "documents need"),
        ("a per-document field also held per row", { c in
            c.put32(Snapshot.Kind.dept.rawValue, at: c.entry(.labelByDocument))
            c.seal()
        }, "both per row and per document, or neither"),
        ("a per-document dept id past its dictionary", { c in c.put32(1_000_000, at: c.offset(.deptByDocument)); c.seal() }, "outside its dictionary"),
        ("a parent of -7", { c in c.put16(-7, at: c.offset(.parent)); c.seal() }, "parent link is invalid"),
        ("a reports section that is not JSON", { c in c.bytes[c.offset(.reports)] = UInt8(ascii: "{"); c.seal() }, "import reports are malformed"),
        ("a reports section of elements of 4 bytes", { c in c.put32(4, at: c.entry(.reports) + 4); c.seal() }, "section reports is malformed"),
    ]

    @Test(arguments: edits.indices)
    func craftedFileIsRefused(index: Int) throws {
        var crafted = try Self.good()
        #expect(Self.outcome(crafted.bytes) == "loaded")
        Self.edits[index].edit(&crafted)
        let message = Self.outcome(crafted.bytes)
        #expect(message.contains("not a usable tally snapshot"), "\(Self.edits[index].name): \(message)")
        #expect(message.contains(Self.edits[index].expected), "\(Self.edits[index].name): \(message)")
    }

    /// Two depts of the same length, the second overwritten with the first: the dictionary
    /// then holds one value twice, which would give two ids one name.
    @Test func aDictionaryValueTwiceIsRefused() throws {
        let tsv = "dept\tyear\ttable\tcode\tcolumn\tamount\n甲部门\t2025\texpenditure\t208\ttotal\t1\n乙部门\t2025\texpenditure\t208\ttotal\t2\n"
        var builder = StoreBuilder()
        builder.append(contentsOf: try LineItemFile.read(Array(tsv.utf8), path: "two.tsv"))
        let path = SnapshotTests.temporaryPath("two-\(UUID().uuidString).tally")
        defer { unlink(path) }
        try Snapshot.write(builder.build(), to: path)
        var crafted = Crafted(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(Self.outcome(crafted.bytes) == "loaded")
        let at = crafted.offset(.depts) + 4
        let n = Int(crafted.u32(at))
        try #require(Int(crafted.u32(at + 4 + n)) == n)
        for i in 0..<n { crafted.bytes[at + 8 + n + i] = crafted.bytes[at + 4 + i] }
        crafted.seal()
        #expect(Self.outcome(crafted.bytes).contains("not a usable tally snapshot: a dictionary holds the same value twice"))
    }

    /// Every truncation of a good file is refused, none traps.
    @Test func everyTruncationIsRefused() throws {
        let crafted = try Self.good()
        for length in stride(from: 0, to: crafted.bytes.count, by: max(1, crafted.bytes.count / 97)) {
            let message = Self.outcome(Array(crafted.bytes.prefix(length)))
            #expect(message.contains("snapshot"), "\(length) bytes: \(message)")
        }
    }

    /// From the command line: the refusal is exit status 2 with the message.
    @Test func refusedAtTheCommandLineWithExitTwo() throws {
        var crafted = try Self.good()
        let at = crafted.offset(.parent)
        crafted.put16(1, at: at)  // row 0 under row 1, whose code is no shorter
        crafted.seal()
        let path = SnapshotTests.temporaryPath("selfparent-\(UUID().uuidString).tally")
        defer { unlink(path) }
        try Data(crafted.bytes).write(to: URL(fileURLWithPath: path))
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(!session.load(path: path))
        #expect(session.exitStatus == 2)
        #expect(err.contains("not a usable tally snapshot: row 0's parent link is invalid"))
    }
}
