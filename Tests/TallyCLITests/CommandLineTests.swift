import Foundation
import Testing

/// The command-line contract of §4, checked on the built binary.
@Suite(.serialized)
struct CommandLineTests {
    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: TallyProcess.binary.path),
                "build tally first: swift build (make test does)")
    }

    @Test func canonicalQueryOnBuiltInSampleData() throws {
        let r = try TallyProcess.run(["-c", "sum 2080* where dept=綦江 year=2025 by basic,project"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "   basic    project\n3,020.97  12,226.43\n")
    }

    @Test func tsvIsExactWithAHeaderOfColumnIDs() throws {
        let r = try TallyProcess.run(["--format", "tsv", "-c", "sum 2080* where dept=綦江 year=2025 by basic,project"])
        #expect(r.stdout == "basic\tproject\n3020.97\t12226.43\n")
    }

    @Test func jsonParses() throws {
        let r = try TallyProcess.run(["--format", "json", "-c", "sum 2080* where year=2025 by dept, basic, project"])
        #expect(r.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect((rows?.count ?? 0) >= 2)
        #expect(rows?.first?.keys.sorted() == ["basic", "dept", "project"])
    }

    @Test func misspeltFieldExits2AndSuggests() throws {
        let r = try TallyProcess.run(["-c", "sum 2080* where dpt=綦江"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            error: unknown field `dpt`
              | sum 2080* where dpt=綦江
              |                 ^^^
            help: did you mean `dept`?

            """)
    }

    @Test(arguments: [
        ("sum 2080* by basic,projet", "unknown field or column id `projet`"),
        ("sum where column=basc", "unknown column id `basc`"),
        ("sum where (dept=綦江", "this `(` is never closed"),
        ("sum 208,,209", "expected a code pattern after `,`"),
        ("sum where year=20x5", "year must be a whole number, not `20x5`"),
        ("sum where dept=綦江)", "expected the end of the statement, found `)`"),
    ])
    func errorsExit2WithACaret(_ query: String, _ message: String) throws {
        let r = try TallyProcess.run(["-c", query])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: " + message))
        #expect(r.stderr.contains("^"))
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func caretLinesUpAfterChineseText() throws {
        let r = try TallyProcess.run(["-c", "sum where dept=綦江 yaer=2025"])
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        // "sum where dept=綦江 " is 20 cells wide: 綦江 takes four.
        #expect(lines[2] == "  | " + String(repeating: " ", count: 20) + "^^^^")
    }

    @Test func statementsFromANonTerminalStdin() throws {
        let r = try TallyProcess.run(["--format", "csv"], stdin: "sum 2080101 where dept=綦江 year=2025\n.mode tsv\ncount where dept=綦江 and code=2080101\n")
        #expect(r.status == 0)
        #expect(r.stdout == "total\n2053.20\ncount\n6\n")
        #expect(r.stderr == "")
    }

    @Test func scriptFileWithCommentsAndErrorsKeepsGoingAndExits2() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-script-\(UUID().uuidString).tq")
        try "# totals\nsum where dept=綦江 year=2025;\nsum where nosuch=1\ncount by table\n".write(to: dir, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TallyProcess.run(["--format", "tsv", "-f", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(dir.path):3:11: error: unknown field `nosuch`"))
        #expect(r.stdout.hasPrefix("total\n"))
        #expect(r.stdout.contains("table\tcount\n"))
    }

    @Test func commandsRunInTheOrderGiven() throws {
        let r = try TallyProcess.run(["-c", ".mode csv", "-c", "count where year=1999"])
        #expect(r.stdout == "count\n0\n")
    }

    @Test func emptyStartsWithNothingLoaded() throws {
        let r = try TallyProcess.run(["--empty", "--format", "tsv", "-c", "count"])
        #expect(r.stdout == "count\n0\n")
    }

    @Test func aBadLineItemFileExits2WithFileAndLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).tsv").path
        try "dept\tyear\ttable\tcode\tcolumn\tamount\nx\t2025\texpenditure\t208\ttotal\t1.0.0\n".write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try TallyProcess.run(["--empty", path, "-c", "count"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):2: error: bad amount `1.0.0`"))
    }

    @Test func missingFileAndUnknownOption() throws {
        let r = try TallyProcess.run(["/nonexistent/items.tsv", "-c", "count"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/items.tsv: error: cannot read: No such file or directory"))
        #expect(r.stdout == "", "no answer from data that did not load")
        #expect(r.stderr.contains("no statement was run"))
        let o = try TallyProcess.run(["--bogus"])
        #expect(o.status == 2)
        #expect(o.stderr.contains("Unknown option '--bogus'"))
    }

    @Test func helpExits0() throws {
        let r = try TallyProcess.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }
}
