import Foundation
import Testing
@testable import TallyCore

/// Random and mutated statements: every one ends in a result or a diagnostic that points
/// into the statement — never a trap, a hang or a wrap. Seeded, so a failure repeats.
struct HostileInputTests {
    static let vocabulary = [
        "sum", "count", "avg", "min", "max", "list", "top", "10", "where", "by", "and", "or", "not", "(", ")", ",", "..",
        "=", "==", "!=", "<", "<=", ">", ">=", "~", "dept", "year", "code", "amount", "table", "column", "name", "level",
        "line", "doc", "district", "2080*", "208????", "*", "?", "綦江", "北碚", "2025", "2023..2025", "basic", "project",
        "基本支出", "expenditure", "\"", "'", "\"^其他\"", "-5", "1e9", "99999999999999999999", ";", "#", "check", "let", "audit",
        "within", "as", "+", "-", "/", "tree", "rows", "x", "\u{0}", "\u{301}", "👍🏽", "\u{3000}", "\t", "\n", "..5", "0.0000001",
        ".mode", ".help", ".timer",
    ]

    static func session() -> (Session, () -> String) {
        var out = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { out += $0 })
        session.add(Fixtures.tree, from: "tree")
        return (session, { out })
    }

    /// Runs one statement and checks what it did: output, or an error whose caret is in range.
    /// The status is this statement's own (`lastStatus`), not one made sticky by an earlier one.
    static func runChecked(_ session: Session, _ output: () -> String, _ statement: String) {
        do {
            let parsed = try Parser.parse(statement)
            _ = parsed.description
        } catch {
            if let range = error.range {
                #expect(range.start >= 0 && range.end <= statement.utf8.count, "\(statement.debugDescription) \(range)")
            }
            #expect(!error.message.isEmpty)
        }
        let before = output().utf8.count
        session.runScript(statement, origin: .commandLine)
        let said = String(decoding: output().utf8.dropFirst(before), as: UTF8.self)
        if session.lastStatus == 2 {
            #expect(said.contains("error"), "status 2 without an error message: \(statement.debugDescription)")
        } else {
            #expect(!said.contains("error:"), "an error message, yet status \(session.lastStatus): \(statement.debugDescription)")
        }
    }

    @Test func randomTokenStreams() {
        var generator = SeededGenerator(seed: 2026)
        let (session, output) = Self.session()
        for _ in 0..<1500 {
            let count = Int.random(in: 1...12, using: &generator)
            let words = (0..<count).map { _ in Self.vocabulary.randomElement(using: &generator) ?? "" }
            let separator = Bool.random(using: &generator) ? " " : ""
            Self.runChecked(session, output, words.joined(separator: separator))
        }
    }

    @Test func randomUnicode() {
        var generator = SeededGenerator(seed: 7)
        let (session, output) = Self.session()
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x300...0x36F, 0x4E00...0x9FFF, 0xFF00...0xFFEF, 0x1F300...0x1F6FF, 0x200B...0x200F]
        for _ in 0..<500 {
            var text = "sum where name="
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                let range = ranges.randomElement(using: &generator) ?? ranges[0]
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { text.unicodeScalars.append(scalar) }
            }
            Self.runChecked(session, output, text)
        }
    }

    static let valid = [
        "sum 2080* where dept=綦江 year=2025 by basic,project", "count where (a=1 or b=2) and not c=3 by table",
        "top 3 208???? where year=2023..2025 by code", "list where name~\"^其他\" amount>100",
        "check sum 208 == sum 208?? where dept=北碚 within 0.02 as \"x\"", "audit tree rows where dept=北碚",
    ]

    @Test func mutatedValidStatements() {
        var generator = SeededGenerator(seed: 99)
        let (session, output) = Self.session()
        for statement in Self.valid {
            let tokens = Lexer.tokens(statement).filter { $0.kind != .end }.map(\.text)
            for _ in 0..<150 {
                var t = tokens
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: if !t.isEmpty { t.remove(at: Int.random(in: 0..<t.count, using: &generator)) }
                case 1: if !t.isEmpty { let i = Int.random(in: 0..<t.count, using: &generator); t.insert(t[i], at: i) }
                default:
                    if t.count > 1 {
                        let i = Int.random(in: 0..<t.count, using: &generator)
                        let j = Int.random(in: 0..<t.count, using: &generator)
                        t.swapAt(i, j)
                    }
                }
                Self.runChecked(session, output, t.joined(separator: " "))
            }
        }
    }

    @Test func deepNestingLongValuesAndLongStatements() {
        let (session, output) = Self.session()
        let deep = "count where " + String(repeating: "(", count: 20_000) + "year=2025" + String(repeating: ")", count: 20_000)
        session.runScript(deep, origin: .commandLine)
        #expect(output().contains("nested more than 64 deep"))
        let long = "count where name=" + String(repeating: "綦", count: 400_000)
        session.runScript(long, origin: .commandLine)
        #expect(output().contains("statement longer than"))
        let notDeep = "check " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + " == 1"
        session.runScript(notDeep, origin: .commandLine)
        #expect(session.lastStatus == 2)
    }

    /// A chain of additions is a tree as deep as it is long: past the bound it is refused with
    /// a caret, before anything walks it (9,900 terms used to overflow the stack).
    @Test(arguments: [
        "check " + String(repeating: "sum 208 + ", count: 9_900) + "1 == 1",
        "show " + String(repeating: "1 + ", count: 20_000) + "1",
        "let x = " + String(repeating: "2 * ", count: 5_000) + "1",
        "sum 208 by dept, x = " + String(repeating: "total + ", count: 5_000) + "1",
    ])
    func longArithmeticChainsAreRefused(_ statement: String) {
        let (session, output) = Self.session()
        session.runScript(statement, origin: .commandLine)
        #expect(output().contains("more than \(Parser.maxOperations) operations in one statement"), "\(output().prefix(300))")
        #expect(session.lastStatus == 2)
        let fine = "show " + String(repeating: "1 + ", count: Parser.maxOperations) + "1"
        #expect((try? Parser.parse(fine)) != nil)
    }

    @Test func tooManyPatternsOrValuesAreRefused() {
        let (session, output) = Self.session()
        let patterns = "sum " + (0..<1_500).map { "2080\($0)" }.joined(separator: ",")
        session.runScript(patterns, origin: .commandLine)
        #expect(output().contains("more than 1000 code patterns"))
        let values = "count where year=" + (0..<1_500).map(String.init).joined(separator: ",")
        session.runScript(values, origin: .commandLine)
        #expect(output().contains("more than 1000 values in one list"))
        let fine = "count where year=" + (0..<999).map(String.init).joined(separator: ",")
        #expect((try? Parser.parse(fine)) != nil)
    }

    /// The audit adds children and parts too: past Int64 that is a finding, never a wrapped sum.
    @Test func auditSumsPastInt64AreFindingsNotWraps() throws {
        let tsv = """
            doc\tdept\tyear\ttable\tcode\tcolumn\tamount\tline
            d\t甲\t2025\texpenditure\t208\ttotal\t1.00\t4
            d\t甲\t2025\texpenditure\t20801\ttotal\t1.00\t5
            d\t甲\t2025\texpenditure\t20801\tbasic\t9000000000000.00\t5
            d\t甲\t2025\texpenditure\t20801\tproject\t9000000000000.00\t5
            d\t甲\t2025\texpenditure\t20802\ttotal\t9000000000000.00\t6
            d\t甲\t2025\texpenditure\t20803\ttotal\t9000000000000.00\t7

            """
        var out = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { out += $0 })
        session.add(try LineItemFile.read(Array(tsv.utf8), path: "overflow.tsv"), from: "overflow.tsv")
        session.run("audit tree rows", origin: .commandLine)
        #expect(out.contains("its children add past what tally can hold"), "\(out)")
        #expect(out.contains("too far apart for tally to hold the difference"), "\(out)")
        #expect(session.exitStatus == 1)
    }

    @Test func sumsPastInt64AreAnError() {
        let huge = "9223372036854.775807"  // Int64.max fen, in 万元
        var out = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { out += $0 })
        session.add([Fixtures.item("208", huge, line: 1), Fixtures.item("209", huge, line: 2)], from: "huge")
        session.runScript("sum 2*", origin: .commandLine)
        #expect(out.contains("error: the sum overflows the amount range"))
        #expect(session.exitStatus == 2)
        out = ""
        session.runScript("check sum 208 + sum 209 == 1", origin: .commandLine)
        #expect(out.contains("overflows"))
    }

    @Test func outputRefusesWhatIsNotARegularFile() {
        let (session, output) = Self.session()
        session.runScript(".output /dev/null", origin: .commandLine)
        #expect(output().contains("cannot write `/dev/null`"))
        #expect(session.lastStatus == 2)
        session.runScript(".output /tmp", origin: .commandLine)
        #expect(output().contains("cannot write `/tmp`"))
        #expect(session.lastStatus == 2)
    }
}
