import Foundation
import Testing

/// Issue 14 (items 5 and 6) at a real (pseudo-)terminal: a long result shows what fits and
/// says how many rows more; a statement continued with `\` is kept in history as it ran.
@Suite(.serialized)
struct ReplLongResultsTests {
    /// `count by code` over the sample data: 167 rows, the 合计's empty code first (297),
    /// `2080108` the 16th, `2080109` the 17th, `50905` the last.
    static let long = "count by code"
    static let rows = 167

    func state() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-rows-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aLongResultShowsWhatFitsTheTerminalAndHowManyMore() throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 20 lines: the header, 16 rows, "… more rows", the statement above and the prompt below.
        let terminal = try Terminal(arguments: [], environment: ["TERM": "xterm", "XDG_STATE_HOME": folder], lines: 20)
        #expect(terminal.waitFor("tally> "))
        terminal.type(Self.long + "\r")
        #expect(terminal.waitFor("2080108"), "\(terminal.recent)")
        #expect(terminal.waitFor("… \(Self.rows - 16) more rows (.maxrows all shows every row)"), "\(terminal.recent)")
        #expect(terminal.waitFor("tally> "))
        #expect(!terminal.all.contains("2080109"), "a 17th row was shown")

        terminal.type(".maxrows\r")
        #expect(terminal.waitFor("maxrows: auto (what fits the terminal: 16 rows)"), "\(terminal.recent)")
        terminal.type(".maxrows 5\r")
        #expect(terminal.waitFor("tally> "))
        terminal.type(Self.long + "\r")
        #expect(terminal.waitFor("… \(Self.rows - 5) more rows"), "\(terminal.recent)")

        // markdown is cut too (its `|---|` line counted); csv is not.
        terminal.type(".maxrows auto\r")
        terminal.type(".mode markdown\r")
        terminal.type(Self.long + "\r")
        #expect(terminal.waitFor("… \(Self.rows - 15) more rows"), "\(terminal.recent)")
        terminal.type(".mode csv\r")
        terminal.type(Self.long + "\r")
        #expect(terminal.waitFor("50905,1"), "csv at the prompt gets every row: \(terminal.recent)")

        // `.maxrows all` shows every row; so does a file named with `.output`.
        terminal.type(".mode table\r")
        terminal.type(".maxrows all\r")
        terminal.type(Self.long + "\r")
        #expect(terminal.waitFor("50905"), "\(terminal.recent)")
        #expect(terminal.waitFor("tally> "))
        // Cut three times: by the screen, by `.maxrows 5`, and markdown by the screen.
        #expect(terminal.all.components(separatedBy: "more row").count - 1 == 3, "\(terminal.all)")
        let file = folder + "/rows.txt"
        terminal.type(".maxrows 5\r.output \(file)\r\(Self.long)\r.output stdout\r")
        terminal.type("count\r")
        #expect(terminal.waitFor(" 1768"), "\(terminal.recent)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.split(separator: "\n").count == Self.rows + 1, "a file gets every row")
        #expect(!written.contains("more row"))
        terminal.press("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    /// `-c` at a terminal, and statements piped in, get every row whatever `.maxrows` says.
    @Test func commandsAndPipesGetEveryRow() throws {
        let terminal = try Terminal(arguments: ["-c", ".maxrows 5", "-c", Self.long], environment: ["TERM": "xterm"], lines: 20)
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.all.contains("50905"), "\(terminal.all)")
        #expect(!terminal.all.contains("more row"))

        let piped = try TallyProcess.run([], stdin: ".maxrows 5\n\(Self.long)\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.split(separator: "\n").count == Self.rows + 1)
        #expect(!piped.stdout.contains("more row"))
    }

    /// A statement continued with `\` is kept as the statement that ran, and Up in the next
    /// session runs it again; one held open by a parenthesis is one entry too.
    @Test func aContinuedStatementIsKeptAsItRan() throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["TERM": "xterm", "XDG_STATE_HOME": folder]
        let first = try Terminal(arguments: [], environment: environment)
        #expect(first.waitFor("tally> "))
        first.type("sum 2080* where dept=綦江 \\\r")
        #expect(first.waitFor("...> "), "no continuation prompt: \(first.recent)")
        first.type("year=2025 by basic,project\r")
        #expect(first.waitFor("12,226.43"), "\(first.recent)")
        #expect(first.waitFor("tally> "))
        first.type("count where (dept=綦江\r")
        #expect(first.waitFor("...> "))
        first.type("or dept=万盛)\r")
        #expect(first.waitFor("690"), "\(first.recent)")
        #expect(first.waitFor("tally> "))
        first.press("\u{04}")
        #expect(first.waitForExit() == 0)

        let saved = try String(contentsOfFile: folder + "/tally/history", encoding: .utf8)
        #expect(saved == "sum 2080* where dept=綦江 year=2025 by basic,project\ncount where (dept=綦江\\nor dept=万盛)\n")

        let second = try Terminal(arguments: [], environment: environment)
        #expect(second.waitFor("tally> "))
        second.press("\u{1b}[A\u{1b}[A\r")
        #expect(second.waitFor("12,226.43"), "Up did not recall the continued statement: \(second.recent)")
        #expect(!second.all.contains("error"), "\(second.all)")
        #expect(second.waitFor("tally> "))
        second.press("\u{04}")
        #expect(second.waitForExit() == 0)
    }
}
