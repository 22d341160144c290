import Foundation
import Testing
@testable import TallyCore

/// Issue 13 §3: `~` runs in time linear in the text, answers as Swift's `Regex` does on the
/// syntax both share, refuses what would need backtracking, and stops at Ctrl-C.
struct RegularExpressionTests {
    static let patterns = [
        "^其他", "支出$", "^(北碚|綦江)$", "a+b", "(a+)+$", "x+y", ".*y", "^$", "a|", "(|a)b", "[0-9]{3}",
        "20[0-9]{1,2}$", "^2080?1", "[^a-c]+", "a{2,}", "a{0,2}b", "\\d+\\.\\d", "\\w+", "\\s", "[\\d-]+", "a.c",
        "(ab)*c", "(a*)*b", "((a|b)*c)+", "\\bfoo\\b", "\\Bo", "a{3}", "[a-]", "\\[x\\]", "a*?b", "(?:ab)+",
        "(?<year>20\\d\\d)", "^$|x", "社会保障(和|与)就业", "[一-龥]{2}局$", "x{2,3}?", "\\$",
    ]
    static let texts = [
        "", "a", "aaab", "aaaaaab", "xxy", "其他支出", "北碚", "北碚区", "綦江", "y", "abc", "ababc",
        "2080101", "20801", "2025", "12.5", "foo bar", "foobar", "x{,2}", "a{,2}", "[x]", "社会保障和就业支出",
        "人力资源局", "$", "\n", "a\nb", "bb", "ccc", "aab", "xx", "xxxx",
    ]

    /// Texts short enough that Swift's backtracking Regex answers them quickly too.
    /// (`a{,2}` and `[]a]` are left out: RE2, which `explain sql` hands patterns to, reads
    /// them as a literal and as a class holding `]`, and so does tally; Swift differs.)
    @Test func whereRE2AndSwiftDifferTallyFollowsRE2() throws {
        #expect(try RegularExpression("a{,2}").matches(in: "a{,2}"))
        #expect(try !RegularExpression("a{,2}").matches(in: "aa"))
        #expect(try RegularExpression("[]a]").matches(in: "]"))
    }

    /// The same answer as Swift's Regex, pattern by pattern, text by text.
    @Test(arguments: patterns)
    func answersAsSwiftRegexDoes(pattern: String) throws {
        let ours = try RegularExpression(pattern)
        let theirs = try Regex(pattern)
        for text in Self.texts {
            #expect(try ours.matches(in: text) == text.contains(theirs), "\(pattern) on \(text.debugDescription)")
        }
    }

    /// Random short patterns over a tiny alphabet, differential against Swift's Regex.
    @Test func randomPatternsAgreeWithSwiftRegex() throws {
        var random = SeededRandom(seed: 13)
        let atoms = ["a", "b", ".", "[ab]", "[^a]", "(a|b)", "(ab)", "()", "^", "$"]
        let quantifiers = ["", "", "*", "+", "?", "{2}", "{0,2}", "{1,}"]
        var compared = 0
        for _ in 0..<400 {
            var pattern = ""
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let atom = atoms[Int(random.next() % UInt64(atoms.count))]
                let q = atom == "^" || atom == "$" ? "" : quantifiers[Int(random.next() % UInt64(quantifiers.count))]
                pattern += atom + q
                if random.next() % 5 == 0 { pattern += "|" }
            }
            let theirs = try Regex(pattern)
            let ours = try RegularExpression(pattern)
            for _ in 0..<8 {
                let text = String((0..<Int(random.next() % 7)).map { _ in random.next() % 2 == 0 ? "a" : "b" })
                #expect(try ours.matches(in: text) == text.contains(theirs), "\(pattern) on \(text)")
                compared += 1
            }
        }
        #expect(compared == 3_200)
    }

    static let refused: [(pattern: String, message: String)] = [
        ("(a)\\1", "backreferences"), ("a(?=b)", "lookaround"), ("(?<!a)b", "lookaround"), ("(?i)a", "options"),
        ("*a", "nothing to repeat"), ("a**", "nothing to repeat"), ("a++", "possessive"), ("(a", "never closed"),
        ("a)", "without a `(`"), ("[a", "never closed"), ("[z-a]", "runs backwards"), ("a{5,2}", "runs backwards"),
        ("a{1001}", "above 1000"), ("\\", "lone"), ("\\q", "unknown escape"), ("(((a{1000}){1000}))", "too large"),
    ]

    @Test(arguments: refused)
    func refusedWithAReason(pattern: String, message: String) {
        do throws(RegularExpression.SyntaxError) {
            _ = try RegularExpression(pattern)
            Issue.record("`\(pattern)` was accepted")
        } catch {
            #expect(error.description.contains(message), "\(pattern): \(error)")
        }
    }

    /// The reproduction: a one-row file whose name defeats backtracking. Old code ran past 20 s
    /// at 23 characters; 50,000 characters must answer at once.
    @Test(arguments: ["(a+)+$", "x+y", ".*y", "(a|a)*b", "(.*)*z"])
    func hostileNameAnswersFast(pattern: String) throws {
        let name = String(repeating: "a", count: 50_000) + "b"
        let tsv = "dept\tyear\ttable\tcode\tname\tcolumn\tamount\n某局\t2025\texpenditure\t208\t\(name)\ttotal\t1\n"
        let path = NSTemporaryDirectory() + "tally-regex-\(UUID().uuidString).tsv"
        try Data(tsv.utf8).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        #expect(session.load(path: path))
        let started = ContinuousClock.now
        session.run("count where name~\"\(pattern)\"", origin: .commandLine)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(10), "\(pattern) took \(elapsed)")
        #expect(session.exitStatus == 0, "\(err)")
        #expect(out.hasPrefix("count\n"))
    }

    /// Ctrl-C is asked inside a match, not only between rows.
    @Test func cancellationIsAskedInsideOneLongMatch() throws {
        let expression = try RegularExpression("(a+)+$")
        let asked = Counter()
        let cancel = Cancellation { asked.increment() > 2 }
        let text = String(repeating: "a", count: 200_000) + "b"
        #expect(throws: Diagnostic.self) { try expression.matches(in: text, cancel: cancel) }
        #expect(asked.value >= 3)
    }
}

/// A counter the cancellation closures can share.
final class Counter: @unchecked Sendable {
    private var count = 0
    func increment() -> Int { count += 1; return count }
    var value: Int { count }
}
