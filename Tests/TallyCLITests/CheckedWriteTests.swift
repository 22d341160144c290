import Foundation
import Testing
import TallyCore

/// Issue 13 §4 and §5: every write is checked (a full disk or a closed stream is exit 2 with
/// a message), a file is replaced only by a complete new one, and nothing is written through
/// a link planted beside it. Each case runs the built binary under a shell that makes the
/// failure happen: `/dev/full`, `>&-`, or `ulimit -f` (a file-size limit, with SIGXFSZ
/// ignored so the write fails with EFBIG instead of killing tally).
@Suite(.serialized)
struct CheckedWriteTests {
    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
        var folder: String
        func file(_ name: String) -> String? { try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + name) }
        /// Whatever is in the folder besides `keep`: a leftover temporary would show here.
        func others(than keep: Set<String>) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !keep.contains($0) }
        }
    }

    /// Runs `script` in a fresh folder with `$T` the tally binary; `setup` prepares the folder first.
    static func shell(_ script: String, setup: (String) throws -> Void = { _ in }) throws -> Run {
        let folder = NSTemporaryDirectory() + "tally-writes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try setup(folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "T=\"$1\"; cd \"$2\" && " + script, "sh", TallyProcess.binary.path, folder]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                   status: process.terminationStatus, folder: folder)
    }

    static let limit = "trap '' XFSZ; ulimit -f 16; exec "

    @Test func resultsToAFullDiskExitTwo() throws {
        let r = try Self.shell("$T -c list > /dev/full")
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write results to standard output: No space left on device"))
    }

    @Test func resultsToAClosedStandardOutputExitTwo() throws {
        let r = try Self.shell("$T -c count >&-")
        #expect(r.status == 2)
        #expect(r.stderr.contains("standard output is closed"))
    }

    /// With descriptor 1 closed, the export's file would be descriptor 1: tally's own
    /// "exported …" line and any result must not land in it.
    @Test func aClosedStandardOutputNeverWritesIntoAnExport() throws {
        let r = try Self.shell("$T -c 'export items.tsv' -c count >&-")
        let exported = try #require(r.file("items.tsv"))
        #expect(exported.hasPrefix(Field.exported.map(\.rawValue).joined(separator: "\t") + "\n"))
        #expect(!exported.contains("exported"))
        #expect(!exported.contains("count\n"))
        #expect(r.status == 2)
    }

    @Test func exportOnAFullDiskFailsAndKeepsTheOldFile() throws {
        let r = try Self.shell(Self.limit + "$T -c 'export items.tsv'") { folder in
            try "old\n".write(toFile: folder + "/items.tsv", atomically: false, encoding: .utf8)
        }
        #expect(r.status == 2)
        #expect(!r.stdout.contains("exported"))
        #expect(r.stderr.contains("cannot write `items.tsv`: File too large; nothing was exported"))
        #expect(r.file("items.tsv") == "old\n")
        #expect(r.others(than: ["items.tsv"]) == [])
    }

    @Test func outputToAFullDiskFailsAndLeavesNoFile() throws {
        let r = try Self.shell(Self.limit + "$T -c '.output out.txt' -c list -c count")
        #expect(r.status == 2)
        #expect(r.stderr.contains("out.txt: error: cannot write: File too large"))
        #expect(!r.exists("out.txt"))
        #expect(r.stdout.contains("count"))  // back on the screen after the failure
        #expect(r.others(than: []) == [])
    }

    @Test func outputIsPutInPlaceWhenComplete() throws {
        let r = try Self.shell("$T -c '.output out.txt' -c count -c '.output stdout' -c 'count where year=2025'")
        #expect(r.status == 0)
        #expect(r.file("out.txt") == "count\n 1768\n")
        #expect(r.stdout.hasPrefix("count\n"))
        #expect(r.others(than: ["out.txt"]) == [])
    }

    @Test func saveOnAFullDiskFails() throws {
        let r = try Self.shell(Self.limit + "$T -c '.save t.tally'")
        #expect(r.status == 2)
        #expect(r.stderr.contains("t.tally: error: cannot write: File too large"))
        #expect(r.others(than: []) == [])
    }

    /// §5: a link planted where the old code put its temporary (`t.tally.partial`) is not
    /// written through; the victim keeps its bytes and the snapshot is complete.
    @Test func saveDoesNotWriteThroughAPlantedLink() throws {
        let r = try Self.shell("$T -c '.save t.tally' && $T t.tally -c count") { folder in
            try "victim\n".write(toFile: folder + "/victim", atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: folder + "/t.tally.partial", withDestinationPath: folder + "/victim")
        }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.file("victim") == "victim\n")
        #expect(r.stdout.hasSuffix("count\n 1768\n"))
    }

    /// An export over a symbolic link would replace the link, or write through it: refused.
    @Test func exportOverALinkIsRefused() throws {
        let r = try Self.shell("$T -c 'export items.tsv'") { folder in
            try "victim\n".write(toFile: folder + "/victim", atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: folder + "/items.tsv", withDestinationPath: folder + "/victim")
        }
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a regular file"))
        #expect(r.file("victim") == "victim\n")
    }
}
