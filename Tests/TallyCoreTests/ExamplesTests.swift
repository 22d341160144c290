import Foundation
import Testing
@testable import TallyCore

/// Every script in examples/ runs on the built-in sample data without an error, and writes
/// exactly what its `.out` file beside it says (re-record with RECORD_SNAPSHOTS=1).
struct ExamplesTests {
    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("examples"))) ?? []
        return names.filter { $0.hasSuffix(".tq") }.sorted()
    }

    @Test func atLeastThreeScripts() {
        #expect(Self.scripts.count >= 3)
    }

    @Test(arguments: scripts)
    func scriptRuns(_ name: String) throws {
        let script = try Fixtures.read("examples/" + name)
        var out = ""
        var err = ""
        let session = Session(out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        session.runScript(script, origin: SourceOrigin(name: "examples/" + name))
        #expect(err == "")
        // A script whose checks are meant to fail says so: `# exits 1`.
        #expect(session.exitStatus == (script.contains("# exits 1") ? 1 : 0))
        let expectedPath = Fixtures.path("examples/" + name.replacingOccurrences(of: ".tq", with: ".out"))
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try out.write(toFile: expectedPath, atomically: false, encoding: .utf8)
        }
        #expect(out == (try String(contentsOfFile: expectedPath, encoding: .utf8)))
    }

    /// The built-in sample data is examples/sample-items.tsv compiled in.
    @Test func builtInSampleDataIsTheExampleFile() throws {
        #expect(SampleData.lineItemsTSV + "\n" == (try Fixtures.read("examples/sample-items.tsv")))
    }
}
