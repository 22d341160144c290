import Foundation
import Testing
@testable import TallyCore

/// Issue 13 §8: diagnostics and sizes are bounded, and the messages say what is meant.
struct BoundsTests {
    static func run(_ script: String, sample: Bool = true) -> (out: String, err: String, status: Int32) {
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        if sample { session.loadSampleData() }
        session.runScript(script, origin: .commandLine)
        return (out, err, session.exitStatus)
    }

    /// A header of 100,000 unknown fields gives 20 errors and one note, not 100,000 errors.
    @Test func headerProblemsAreCappedPerFile() throws {
        let header = "dept\tyear\ttable\tcode\tcolumn\tamount\t" + (0..<100_000).map { "x\($0)" }.joined(separator: "\t")
        do throws(DiagnosticList) {
            _ = try LineItemFile.read(Array((header + "\n").utf8), path: "wide.tsv")
            Issue.record("a header of unknown fields was accepted")
        } catch {
            #expect(error.diagnostics.count == LineItemFile.maxReported + 1)
            #expect(error.diagnostics.last?.message == "99980 more problems in the header not shown")
        }
    }

    @Test func genRefusesWhatItCannotHold() {
        #expect(throws: Generator.Failure.tooMany(limit: Generator.maxCount)) {
            try Generator.generate(.init(count: 1_000_000_000_000_000_000)) { _ in Issue.record("wrote rows") }
        }
    }

    static let messages: [(statement: String, expected: String)] = [
        ("check sum 208 == sum 208?? within -5", "error: a tolerance is a distance and cannot be negative"),
        ("check sum 99999 by year as columns == 0", "`year as columns` spreads the amounts over a column per year"),
        ("check sum 208 by year as columns == 0", "help: group by year instead: `by year`"),
    ]

    @Test(arguments: messages)
    func checkMessages(statement: String, expected: String) {
        let r = Self.run(statement)
        #expect(r.status == 2)
        #expect(r.err.contains(expected), "\(r.err)")
        #expect(!r.err.contains("gives -1"))
    }

    @Test func aPositiveToleranceStillWorks() {
        let r = Self.run("check sum 208 == sum 208?? within 200")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("PASS"))
    }

    /// A device is refused before a byte is read: `/dev/zero` used to be read up to the 2 GB limit.
    @Test(arguments: [".load /dev/zero", ".read /dev/zero", ".load /dev/full"])
    func devicesAreRefusedAtOnce(_ command: String) {
        let started = ContinuousClock.now
        let r = Self.run(command, sample: false)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(r.status == 2)
        #expect(r.err.contains("is a device, not a file"), "\(r.err)")
    }
}
