import Foundation
import Testing
@testable import TallyCore

/// Behaviour tests kept as golden files: each case is a line `>>> STATEMENT` followed by
/// exactly what tally writes for it — results and diagnostics in the order written, carets
/// included. All cases of a file run in one session over the built-in sample data, so a
/// `.mode` line carries on. Re-record with RECORD_SNAPSHOTS=1 swift test.
struct GoldenTests {
    static let folder = "Tests/TallyCoreTests/Golden"

    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder))) ?? []
        return names.filter { $0.hasSuffix(".golden") }.sorted()
    }

    struct Case {
        var statement: String
        var expected: String
    }

    static func parse(_ text: String) -> [Case] {
        var cases: [Case] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(">>> ") {
                cases.append(Case(statement: String(line.dropFirst(4)), expected: ""))
            } else if !cases.isEmpty {
                cases[cases.count - 1].expected += line + "\n"
            }
        }
        for i in cases.indices {
            while cases[i].expected.hasSuffix("\n\n") { cases[i].expected.removeLast() }
            if cases[i].expected == "\n" { cases[i].expected = "" }
        }
        return cases
    }

    /// Runs every statement and returns what each wrote.
    static func run(_ cases: [Case]) -> [String] {
        var buffer = ""
        let session = Session(out: { buffer += $0 }, err: { buffer += $0 })
        session.loadSampleData()
        return cases.map { c in
            buffer = ""
            session.runScript(c.statement, origin: .commandLine)
            return buffer
        }
    }

    @Test func thereAreGoldenFiles() {
        #expect(Self.files.count >= 2)
    }

    @Test(arguments: files)
    func golden(_ file: String) throws {
        let path = Fixtures.path(Self.folder + "/" + file)
        let cases = Self.parse(try String(contentsOfFile: path, encoding: .utf8))
        #expect(!cases.isEmpty)
        let actual = Self.run(cases)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let text = zip(cases, actual).map { ">>> \($0.statement)\n\($1)" }.joined(separator: "\n")
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return
        }
        for (c, output) in zip(cases, actual) {
            #expect(output == c.expected, "\(file): \(c.statement)")
        }
    }
}
