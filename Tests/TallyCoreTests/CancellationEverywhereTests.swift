import Foundation
import Synchronization
import Testing
@testable import TallyCore

/// Issue 13 §7: Ctrl-C is asked wherever tally loops over rows, files or output — a long
/// load, a long `list`, grouping on many groups — not only in the scan. Each flag here turns
/// on after a number of questions, so it is on only once the long loop has begun; the old
/// code asked fewer times than that and ran to the end.
struct CancellationEverywhereTests {
    final class Asks: Sendable {
        let count = Atomic<Int>(0)
        let after: Int
        init(after: Int) { self.after = after }
        var cancellation: Cancellation { Cancellation { self.count.add(1, ordering: .relaxed).newValue > self.after } }
        var asked: Int { count.load(ordering: .relaxed) }
    }

    static let folder: String = {
        let f = NSTemporaryDirectory() + "tally-cancel-\(getpid())"
        try? FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true)
        return f
    }()

    /// A generated line-item TSV of `rows` rows; `backslash` sends it to the careful reader.
    static func file(rows: Int, careful: Bool) throws -> String {
        let path = folder + "/gen-\(rows)-\(careful).tsv"
        if FileManager.default.fileExists(atPath: path) { return path }
        var bytes: [UInt8] = []
        try Generator.generate(.init(count: rows, seed: 3)) { bytes.append(contentsOf: $0) }
        if careful { bytes.append(contentsOf: Array("d\t北碚\t某\\部门\t2025\texpenditure\t208\tx\ttotal\t1.00\t9\n".utf8)) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [false, true])
    func aLongLoadStops(careful: Bool) throws {
        let path = try Self.file(rows: 300_000, careful: careful)
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        let asks = Asks(after: 1)
        session.cancellation = asks.cancellation
        #expect(!session.load(path: path))
        #expect(err.contains("cancelled"), "\(err)")
        #expect(session.store.count == 0, "the store is left as it was")
        #expect(Cancellation.duringLoad.isCancelled() == false, "the load's flag is put back")
        session.cancellation = .never
        #expect(session.load(path: path), "\(err)")
    }

    @Test func aLongListStopsWhileItIsWritten() throws {
        var written = 0
        var err = ""
        // The old code asked twice (before and after the scan) and then wrote every row.
        let asks = Asks(after: 8)
        let quiet = Session(format: .table, out: { written += $0.utf8.count }, err: { err += $0 })
        quiet.add(try Self.items(200_000), from: "many")
        quiet.cancellation = asks.cancellation
        quiet.run("list", origin: .commandLine)
        #expect(err.contains("cancelled"), "\(err)")
        #expect(quiet.lastStatus == 2)
        #expect(asks.asked > 8)
    }

    @Test(arguments: ["count by name", "sum by name, doc", "count by line"])
    func groupingOnManyGroupsStops(statement: String) throws {
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        session.add(try Self.items(300_000), from: "many")
        // The scan asks once per 4,096 rows (~75 times here): the flag turns on after it, in
        // the ordering of 300,000 groups, the making of their rows or their output.
        let asks = Asks(after: 100)
        session.cancellation = asks.cancellation
        session.run(statement, origin: .commandLine)
        #expect(err.contains("cancelled"), "\(statement): \(err)")
        #expect(asks.asked > 100)
    }

    /// A long export stops too, and leaves no file behind.
    @Test func aLongExportStopsAndLeavesNoFile() throws {
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        session.add(try Self.items(100_000), from: "many")
        let asks = Asks(after: 6)
        session.cancellation = asks.cancellation
        let path = Self.folder + "/export-\(UUID().uuidString).tsv"
        session.run("export \(path)", origin: .commandLine)
        #expect(err.contains("cancelled"), "\(err)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Many distinct names (one per row), so grouping by name has as many groups as rows.
    static func items(_ n: Int) throws -> [LineItem] {
        (0..<n).map { i in
            LineItem(doc: "d\(i % 3)", district: "北碚", dept: "部门\(i % 17)", year: 2025, table: .expenditure,
                     code: "2080\(100 + i % 90)", name: "名称\(i)", column: .total, amount: Amount(fen: Int64(i)), line: i + 1)
        }
    }
}
