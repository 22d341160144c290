import Testing
@testable import TallyCore

/// `.maxrows` (issue 14, item 6) in the session: a long table at the prompt shows its first
/// rows and how many more; without a screen (pipes, `-c`, `-f`, `.output`) every row.
struct MaxRowsTests {
    /// `count by code` over the sample data has 167 rows.
    static let rows = 167

    func session(screen: Int?) -> (Session, () -> String) {
        var out = ""
        let session = Session(out: { out += $0 }, err: { out += $0 })
        session.loadSampleData()
        if let screen { session.screenHeight = { screen } }
        return (session, { defer { out = "" }; return out })
    }

    @Test(arguments: [
        // (dot-commands first, format, screen height, rows shown or nil for all)
        ([String](), "table", 24, 20),
        ([], "markdown", 24, 19),
        ([], "table", 2, 3),
        ([".maxrows 10"], "table", 24, 10),
        ([".maxrows 10"], "markdown", 24, 10),
        ([".maxrows 500"], "table", 24, nil),
        ([".maxrows all"], "table", 24, nil),
        ([".maxrows 0"], "table", 24, nil),
        ([".maxrows off"], "table", 24, nil),
        ([".maxrows 10", ".maxrows auto"], "table", 30, 26),
        ([".maxrows 10"], "csv", 24, nil),
        ([".maxrows 10"], "tsv", 24, nil),
        ([".maxrows 10"], "json", 24, nil),
    ] as [([String], String, Int, Int?)])
    func showsWhatFits(_ commands: [String], _ mode: String, _ height: Int, _ shown: Int?) {
        let (s, output) = session(screen: height)
        for command in commands + [".mode \(mode)"] { s.run(command, origin: .commandLine) }
        _ = output()
        s.run("count by code", origin: .commandLine)
        let text = output()
        let headerLines = mode == "markdown" ? 2 : (mode == "json" ? 0 : 1)
        if let shown {
            #expect(text.split(separator: "\n").count == headerLines + shown + 1, "\(text)")
            #expect(text.hasSuffix("… \(Self.rows - shown) more rows (.maxrows all shows every row)\n"))
        } else {
            #expect(!text.contains("more row"))
            #expect(text.contains("50905"))
        }
    }

    @Test func withoutAScreenEveryRow() {
        let (s, output) = session(screen: nil)
        s.run(".maxrows 5", origin: .commandLine)
        s.run("count by code", origin: .commandLine)
        #expect(output().split(separator: "\n").count == Self.rows + 1)
    }

    @Test func oneMoreRowIsSaidInTheSingular() {
        let (s, output) = session(screen: 24)
        s.run(".maxrows \(Self.rows - 1)", origin: .commandLine)
        s.run("count by code", origin: .commandLine)
        #expect(output().hasSuffix("… 1 more row (.maxrows all shows every row)\n"))
    }

    @Test func aResultThatFitsIsWhole() {
        let (s, output) = session(screen: 24)
        s.run(".maxrows 5", origin: .commandLine)
        s.run("sum 2080* by doc", origin: .commandLine)  // 5 rows
        let text = output()
        #expect(text.split(separator: "\n").count == 6)
        #expect(!text.contains("more row"))
    }

    @Test(arguments: ["-1", "x", "5 6", "1.5", "99999999999999999999"])
    func refusesWhatIsNoRowCount(_ argument: String) {
        let (s, output) = session(screen: 24)
        s.run(".maxrows \(argument)", origin: .commandLine)
        #expect(output().contains("`.maxrows` takes a number of rows"))
        #expect(s.lastStatus == 2)
        #expect(s.maxRows == .screen)
    }

    @Test func dotCommandsListIt() {
        #expect(Session.dotCommands.contains { $0.name == ".maxrows" })
        #expect(HelpText.page(nil).contains(".maxrows"))
        #expect(HelpText.page(".maxrows").contains("… M more rows"))
        let completion = Completer(store: .empty).complete(".max", cursor: 4)
        #expect(completion.replacement == ".maxrows ")
    }
}
