import Foundation
import Testing

/// The REPL in a real (pseudo-)terminal: Chinese typed, Tab, Ctrl-C, Ctrl-D, Up in a new
/// session, the history file's mode (issue 4's "must show").
@Suite(.serialized)
struct ReplTerminalTests {
    static let canonical = "sum 2080* where dept=綦江 year=2025 by basic,project"

    /// A full environment, and one as bare as `env -i` leaves it (no LANG, TERM or HOME):
    /// only the history folder is named, so the test does not write to the real one.
    static let environments: [(String, [String: String])] = [
        ("terminal", ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"]),
        ("env -i", [:]),
    ]

    func state() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-repl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: environments.map(\.0))
    func typingTabCtrlCCtrlDAndUpInTheNextSession(_ name: String) throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = Self.environments.first { $0.0 == name }!.1
        environment["XDG_STATE_HOME"] = folder

        let first = try Terminal(arguments: [], environment: environment)
        #expect(first.waitFor("tally> "), "no prompt: \(first.all)")

        // Chinese typed at the prompt reaches the query whole, even without a UTF-8 locale.
        first.type(Self.canonical + "\r")
        #expect(first.waitFor("12,226.43"), "canonical query: \(first.recent)")
        #expect(first.waitFor("tally> "))

        // Tab completes the field name: without it, `de=…` would be an unknown field.
        first.type("sum 2080* where de\t")
        #expect(first.waitFor("pt"), "Tab did not complete `dept`: \(first.recent)")
        first.type("=綦江 year=2025 by basic,project\r")
        #expect(first.waitFor("3,020.97"), "completed query: \(first.recent)")
        #expect(!first.all.contains("unknown field"))
        #expect(first.waitFor("tally> "))

        // Ctrl-C on a half-typed line clears it; the REPL stays.
        first.type("count where dept=不存在")
        #expect(first.waitFor("不存在"), "no echo: \(first.recent)")
        first.press("\u{03}")
        #expect(first.waitFor("tally> "), "no new prompt after Ctrl-C: \(first.recent)")
        first.type("count\r")
        #expect(first.waitFor("1768"), "the line after Ctrl-C: \(first.recent)")
        #expect(first.exitStatus == nil)

        // Ctrl-D on an empty line leaves, with status 0.
        #expect(first.waitFor("tally> "))
        first.press("\u{04}")
        #expect(first.waitForExit() == 0)

        let history = folder + "/tally/history"
        let mode = try FileManager.default.attributesOfItem(atPath: history)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved == Self.canonical + "\nsum 2080* where dept=綦江 year=2025 by basic,project\ncount\n")

        // A new session: Up recalls the last statement, Up again the one before.
        let second = try Terminal(arguments: [], environment: environment)
        #expect(second.waitFor("tally> "))
        second.press("\u{1b}[A\u{1b}[A\r")
        #expect(second.waitFor("12,226.43"), "Up did not recall the query: \(second.recent)")
        #expect(second.waitFor("tally> "))
        second.press("\u{04}")
        #expect(second.waitForExit() == 0)
    }

    /// Issue 13: a Ctrl-C typed while keys were still arriving was swallowed about once in
    /// twenty: the terminal drops unread keys on Ctrl-C, so the key the reader had been told
    /// of was gone, and its read waited, Ctrl-C held back, for the next key, which then went
    /// to the old line. Each of many Ctrl-Cs must give a fresh prompt on an empty line.
    @Test(arguments: environments.map(\.0))
    func everyCtrlCWhileKeysArriveGivesAFreshPromptOnAnEmptyLine(_ name: String) throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = Self.environments.first { $0.0 == name }!.1
        environment["XDG_STATE_HOME"] = folder
        let terminal = try Terminal(arguments: [], environment: environment)
        try #require(terminal.waitFor("tally> "), "no prompt: \(terminal.all)")
        for round in 1...200 {
            terminal.press("count where dept=x\(round)")
            terminal.type("\u{03}")
            try #require(terminal.waitFor("\r\ntally> ", seconds: 5), "round \(round): no new prompt after Ctrl-C: \(terminal.recent)")
            if round % 40 == 0 {
                terminal.type("count\r")
                try #require(terminal.waitFor("1768"), "round \(round): the line after Ctrl-C was not empty: \(terminal.recent)")
                try #require(terminal.waitFor("tally> "))
            }
        }
        terminal.press("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func severalCandidatesAreListedByTally() throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let terminal = try Terminal(arguments: [], environment: ["TERM": "xterm", "XDG_STATE_HOME": folder])
        #expect(terminal.waitFor("tally> "))
        terminal.type("sum 2080\t")
        #expect(terminal.waitFor("20805  行政事业单位养老支出"), "no candidate list: \(terminal.recent)")
        #expect(terminal.waitFor("tally> sum 2080"), "the line is not drawn again under the list")
        terminal.press("\u{03}")
        #expect(terminal.waitFor("tally> "))
        terminal.press("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aStatementContinuesWhileAParenthesisIsOpen() throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let terminal = try Terminal(arguments: [], environment: ["TERM": "xterm", "XDG_STATE_HOME": folder])
        #expect(terminal.waitFor("tally> "))
        terminal.type("sum 2080* where (dept=綦江\r")
        #expect(terminal.waitFor("...> "), "no continuation prompt: \(terminal.recent)")
        terminal.type("and year=2025) by basic,project\r")
        #expect(terminal.waitFor("12,226.43"), "\(terminal.recent)")
        terminal.type(".quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test(arguments: [false, true])
    func passIsGreenOnATerminalUnlessNoColor(_ noColor: Bool) throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = ["TERM": "xterm", "XDG_STATE_HOME": folder]
        if noColor { environment["NO_COLOR"] = "1" }
        let terminal = try Terminal(arguments: [], environment: environment)
        #expect(terminal.waitFor("tally> "))
        terminal.type("check sum 208 == sum 208?? where dept=南岸\r")
        #expect(terminal.waitFor("12,811.48"))
        #expect(terminal.all.contains("\u{1B}[32mPASS") == !noColor)
        terminal.type("sum where dpt=x\r")
        #expect(terminal.waitFor("did you mean"))
        #expect(terminal.all.contains("\u{1B}[31m") == !noColor, "errors are red only without NO_COLOR")
        #expect(terminal.waitFor("tally> "))
        terminal.press("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func noHistoryWhenStdinIsNotATerminal() throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try TallyProcess.run([], stdin: "count\n", environment: ["XDG_STATE_HOME": folder])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1768"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/tally/history"))
    }

    /// A terminal that goes away (its window closed) ends the REPL, even where SIGHUP is
    /// ignored (`nohup`): a read error is the end of input, never taken for a Ctrl-C and
    /// asked again for ever.
    @Test func aHungUpTerminalEndsTheSession() throws {
        let folder = try state()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = signal(SIGHUP, SIG_IGN)  // inherited by the child, as under nohup
        defer { signal(SIGHUP, previous) }
        let terminal = try Terminal(arguments: [], environment: ["TERM": "xterm", "XDG_STATE_HOME": folder])
        #expect(terminal.waitFor("tally> "), "no prompt: \(terminal.all)")
        #expect(terminal.hangUpAndWait() != nil, "tally kept running after its terminal went away")
    }
}
