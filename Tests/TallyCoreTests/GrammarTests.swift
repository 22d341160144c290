import Testing
@testable import TallyCore

/// grammar.md is the grammar: every example in its `tq` blocks parses, and where a `⇒` line
/// follows, printing the tree back gives that canonical text.
struct GrammarTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var source: String
        var canonical: String?
        var testDescription: String { source }
    }

    static let examples: [Example] = {
        guard let text = try? Fixtures.read("grammar.md") else { return [] }
        var out: [Example] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```tq"
                continue
            }
            guard inBlock, !line.isEmpty else { continue }
            if line.hasPrefix("⇒ ") {
                out[out.count - 1].canonical = String(line.dropFirst(2))
            } else {
                out.append(Example(source: String(line)))
            }
        }
        return out
    }()

    @Test func grammarHasExamples() {
        #expect(Self.examples.count >= 25)
    }

    @Test(arguments: examples)
    func exampleParses(_ example: Example) throws {
        let statement = try Parser.parse(example.source)
        #expect(statement.description == (example.canonical ?? example.source))
    }

    /// In order, in one session, so a name given by `let` is there for the check after it.
    @Test func examplesRunOnTheSampleData() throws {
        let session = Session(out: { _ in }, err: { _ in })
        session.loadSampleData()
        for example in Self.examples {
            session.runScript(example.source, origin: .commandLine)
            #expect(session.exitStatus != 2, "\(example.source)")
        }
    }

    /// Every rule named in grammar.md has a parse function of that name, and back.
    @Test func rulesMatchParseFunctions() throws {
        let grammar = try Fixtures.read("grammar.md")
        let parser = try Fixtures.read("Sources/TallyCore/Parser/Parser.swift") + Fixtures.read("Sources/TallyCore/Parser/ExpressionParser.swift")
            + Fixtures.read("Sources/TallyCore/Parser/PresentationParser.swift")
        for rule in ["statement", "query", "verb", "target", "or_expr", "and_expr", "not_expr", "primary", "condition", "operand", "value", "groups", "check", "let", "audit", "expr", "term", "factor", "chart", "explain", "export"] {
            #expect(grammar.contains("\n\(rule) "), "grammar.md lacks rule \(rule)")
            let function = "parse" + rule.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(parser.contains("func \(function)("), "Parser.swift lacks \(function)")
            #expect(parser.contains("// \(rule) ="), "Parser.swift does not quote rule \(rule)")
        }
    }
}
