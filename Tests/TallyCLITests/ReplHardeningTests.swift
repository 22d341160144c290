import Foundation
import Testing

/// Issue 13 §5 and §8 at a real terminal: a history file that is a symbolic link is refused
/// once and never written through; escape sequences in the data reach the screen escaped;
/// TERM=dumb gets no colour.
@Suite(.serialized)
struct ReplHardeningTests {
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-replh-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/tally", withIntermediateDirectories: true)
        return folder
    }

    @Test func aHistoryFileThatIsALinkIsRefusedOnceAndNeverFollowed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let victim = folder + "/victim"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        chmod(victim, 0o644)
        try FileManager.default.createSymbolicLink(atPath: folder + "/tally/history", withDestinationPath: victim)

        let terminal = try Terminal(arguments: [], environment: ["TERM": "xterm", "XDG_STATE_HOME": folder])
        #expect(terminal.waitFor("tally> "), "\(terminal.all)")
        terminal.type("count\r")
        #expect(terminal.waitFor("1768"))
        terminal.type("count where year=2025\r")
        #expect(terminal.waitFor("tally> "))
        terminal.press("\u{04}")
        #expect(terminal.waitForExit() == 0)

        let said = terminal.all
        #expect(said.components(separatedBy: "history not kept").count == 2, "said once: \(said)")
        #expect(said.contains("symbolic link"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let mode = try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func termDumbGetsNoColour() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let terminal = try Terminal(arguments: [], environment: ["TERM": "dumb", "XDG_STATE_HOME": folder])
        #expect(terminal.waitFor("tally> "))
        terminal.type("check sum 208 == sum 208?? where dept=南岸\r")
        #expect(terminal.waitFor("12,811.48"))
        terminal.type("sum where dpt=x\r")
        #expect(terminal.waitFor("did you mean"))
        #expect(terminal.waitFor("tally> "))
        terminal.press("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.all.contains("\u{1B}[32m"), "PASS is not painted")
        #expect(!terminal.all.contains("\u{1B}[31m"), "errors are not painted")
    }

    /// A dept and a name holding ESC, OSC (ESC ] … BEL), CSI and a C1 control: `list`,
    /// `.depts` and an error about the file show them escaped; not one raw ESC or C1 reaches
    /// the terminal from the data.
    @Test func escapeSequencesInTheDataAreShownEscaped() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/evil.tsv"
        let dept = "某局\u{1B}]0;pwned\u{07}\u{1B}[2J"
        let name = "名\u{9B}31m称\r覆盖"
        try "dept\tyear\ttable\tcode\tname\tcolumn\tamount\n\(dept)\t2025\texpenditure\t208\t\(name)\ttotal\t1\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        let r = try TallyProcess.run([path, "-c", "list", "-c", ".depts", "-c", "count where dept~\"\u{1B}\"", "-c", "sum where dept=\"\u{1B}]x\""])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("某局\\e]0;pwned\\x07\\e[2J"))
        #expect(r.stdout.contains("名\\u{9b}31m称\\r覆盖"))
        #expect(!r.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" || $0 == "\r" })
        #expect(!r.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" })
    }
}
