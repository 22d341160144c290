import Foundation
import Testing
import TallyCore
@testable import TallyTerminal

/// The REPL's history file (issue 4, issue 7 §4): owner-only, appended, bounded.
struct HistoryFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-history-\(UUID().uuidString)").path

    @Test func createdOwnerOnlyInAnOwnerOnlyFolder() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = HistoryFile(path: folder + "/state/tally/history")
        #expect(file.append("sum 2080* where dept=綦江"))
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder + "/state/tally")[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(file.load() == ["sum 2080* where dept=綦江"])
    }

    @Test func twoSessionsAtOnceKeepEachOthersLines() {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history"
        let first = HistoryFile(path: path), second = HistoryFile(path: path)
        let earlier = first.load()
        first.append("count")
        second.append("sum 208")
        first.append("list 2080101")
        #expect(earlier.isEmpty)
        #expect(HistoryFile(path: path).load() == ["count", "sum 208", "list 2080101"])
    }

    @Test func multiLineStatementsAndBackslashesSurvive() {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = HistoryFile(path: folder + "/history")
        let statements = ["sum 208 where (dept=綦江\nor dept=北碚)", #"sum where name~"\d+""#, "count \\"]
        for s in statements { file.append(s) }
        #expect(file.load() == statements)
    }

    @Test func boundedToTheNewestStatements() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = HistoryFile(path: folder + "/history", limit: 5)
        for i in 1...12 { file.append("count where year=\(2000 + i)") }
        #expect(file.load() == (8...12).map { "count where year=\(2000 + $0)" })
        let lines = try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5, "the file itself was cut back")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"], "/x/state/tally/history"),
        (["HOME": "/home/u"], "/home/u/.local/state/tally/history"),
        (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/tally/history"),
    ])
    func followsXDG(_ environment: [String: String], _ expected: String) {
        #expect(HistoryFile.defaultPath(environment: environment) == expected)
    }
}
