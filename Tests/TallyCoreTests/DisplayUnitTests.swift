import Testing
@testable import TallyCore

/// Display units (issue 8 §3): any unit but 万元 is stated in the output, and csv, tsv and
/// json stay exact to the fen.
struct DisplayUnitTests {
    func run(_ query: String, _ format: OutputFormat, _ unit: String) -> String {
        var out = "", err = ""
        let session = Session(format: format, out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        session.run(".unit \(unit)", origin: .commandLine)
        session.run(query, origin: .commandLine)
        #expect(err == "")
        return out
    }

    static let canonical = "sum 2080* where dept=綦江 year=2025 by basic,project"

    @Test(arguments: [
        (OutputFormat.table, "元", "   basic (元)    project (元)\n30,209,700.00  122,264,300.00\n"),
        (.table, "万元", "   basic    project\n3,020.97  12,226.43\n"),
        (.table, "亿元", "basic (亿元)  project (亿元)\n        0.30            1.22\n"),
        (.table, "千元", "basic (千元)  project (千元)\n   30,209.70      122,264.30\n"),
        (.tsv, "qian", "basic\tproject\tunit\n30209.70\t122264.30\t千元\n"),
        (.tsv, "元", "basic\tproject\tunit\n30209700.00\t122264300.00\t元\n"),
        (.tsv, "万元", "basic\tproject\n3020.97\t12226.43\n"),
        (.csv, "yi", "basic,project,unit\n0.302097,1.222643,亿元\n"),
        (.json, "元", "[\n  {\"basic\": 30209700.00, \"project\": 122264300.00, \"unit\": \"元\"}\n]\n"),
    ])
    func statedAndExact(_ format: OutputFormat, _ unit: String, _ expected: String) {
        #expect(run(Self.canonical, format, unit) == expected)
    }

    @Test func aFenIsNeverLostInAnyUnit() {
        var out = ""
        let tsv = Session(format: .tsv, out: { out += $0 }, err: { _ in })
        tsv.add([Fixtures.item("208", "384.6733")], from: "fen")
        tsv.run(".unit 亿元", origin: .commandLine)
        tsv.run("sum 208", origin: .commandLine)
        #expect(out == "total\tunit\n0.03846733\t亿元\n")
    }

    @Test func countsHaveNoUnit() {
        #expect(run("count where table=narrative", .tsv, "元") == "count\n52\n")
    }
}
