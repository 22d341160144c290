import Foundation
import Testing
@testable import TallyCore

/// `.save FILE.tally` and reopening it: everything comes back equal; a damaged, cut short or
/// foreign file is refused with a clear message.
struct SnapshotTests {
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "tally-snapshot-\(getpid())-\(name)"
    }

    static func generatedStore(_ count: Int) throws -> LineItemStore {
        var bytes: [UInt8] = []
        try Generator.generate(.init(count: count, seed: 4, shuffle: true, corrupt: 2)) { bytes.append(contentsOf: $0) }
        var builder = StoreBuilder()
        builder.append(contentsOf: try LineItemFile.read(bytes, path: "gen.tsv"))
        return builder.build()
    }

    static func open(_ path: String) throws -> LineItemStore {
        let loaded = try InputFile.read(path: path)
        return try #require(loaded.store)
    }

    static func message(_ path: String) -> String {
        do {
            _ = try InputFile.read(path: path)
            return "loaded"
        } catch {
            return DiagnosticRenderer(color: false).render(error.diagnostics)
        }
    }

    @Test func roundTripKeepsEveryFieldAndAmount() throws {
        let store = try Self.generatedStore(5_000)
        let path = Self.temporaryPath("round.tally")
        defer { unlink(path) }
        try Snapshot.write(store, to: path)
        let reopened = try Self.open(path)
        #expect(reopened.count == store.count)
        #expect((0..<store.count).allSatisfy { store.item($0) == reopened.item($0) })
        #expect(Array(reopened.parent) == Array(store.parent))
        #expect(reopened.codes.codes == store.codes.codes)
        #expect(reopened.depts.values == store.depts.values)
    }

    /// A reopened store's columns are read where they lie in the file's mapping, not copied:
    /// the mapping lives as long as the store does, through the file being removed or saved
    /// over (a save writes a new file and renames it over the old, which stays mapped).
    @Test func columnsAreReadWhereTheyLieInTheFile() throws {
        let store = try Self.generatedStore(5_000)
        let path = Self.temporaryPath("inplace.tally")
        defer { unlink(path) }
        try Snapshot.write(store, to: path)
        let reopened = try Self.open(path)
        #expect(reopened.amount.liesInMapping && reopened.year.liesInMapping && reopened.table.liesInMapping)
        #expect(reopened.code.liesInMapping && reopened.parent.offsets.liesInMapping)
        #expect(!store.amount.liesInMapping)
        try Snapshot.write(reopened, to: path)
        unlink(path)
        #expect((0..<store.count).allSatisfy { store.item($0) == reopened.item($0) })
        #expect(Array(reopened.parent) == Array(store.parent))
    }

    @Test func sessionSavesAndReopensWithTheSameAnswers() throws {
        let path = Self.temporaryPath("session.tally")
        defer { unlink(path) }
        var first = ""
        let session = Session(format: .tsv, out: { first += $0 }, err: { first += $0 })
        session.loadSampleData()
        session.runScript(".save \(path)\nsum 2080* by doc, basic, project\naudit tree", origin: .commandLine)
        var second = ""
        let reopened = Session(format: .tsv, out: { second += $0 }, err: { second += $0 })
        #expect(reopened.load(path: path))
        reopened.runScript("sum 2080* by doc, basic, project\naudit tree", origin: .commandLine)
        #expect(first.hasPrefix("saved \(session.store.count) line items to \(path)\n"))
        #expect(first.split(separator: "\n").dropFirst() == second.split(separator: "\n")[...])
    }

    @Test func corruptTruncatedAndForeignFilesAreRefused() throws {
        let store = try Self.generatedStore(2_000)
        let path = Self.temporaryPath("bad.tally")
        defer { unlink(path) }
        try Snapshot.write(store, to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))

        var flipped = good
        flipped[good.count - 100] ^= 0x40  // inside the last column
        try flipped.write(to: URL(fileURLWithPath: path))
        #expect(Self.message(path).contains("is corrupt (checksum mismatch)"))

        var header = good
        header[20] ^= 1  // the row count
        try header.write(to: URL(fileURLWithPath: path))
        #expect(Self.message(path).contains("header is corrupt"))

        try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(Self.message(path).contains("truncated"))

        try good.prefix(20).write(to: URL(fileURLWithPath: path))
        #expect(Self.message(path).contains("truncated"))

        var version = good
        version[8] = 9
        try version.write(to: URL(fileURLWithPath: path))
        #expect(Self.message(path).contains("version 9"))

        try Data("dept\tyear\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.message(path).contains("not a tally snapshot"))
    }
}
