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
        // A missing grammar.md gives no examples, and `grammarHasExamples` fails on that.
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
            // A status per statement: the session's own exit status stays 2 after one error.
            session.runScript(example.source, origin: .commandLine)
            #expect(session.lastStatus != 2, "\(example.source)")
        }
    }

    /// Every rule named in grammar.md has a parse function of that name, and back.
    @Test func rulesMatchParseFunctions() throws {
        let grammar = try Fixtures.read("grammar.md")
        let parser = try Self.parserSources()
        for rule in Self.parsedRules {
            #expect(grammar.contains("\n\(rule) "), "grammar.md lacks rule \(rule)")
            let function = "parse" + rule.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(parser.contains("func \(function)("), "Parser.swift lacks \(function)")
            #expect(parser.contains("// \(rule) ="), "Parser.swift does not quote rule \(rule)")
        }
    }

    static let parsedRules = ["statement", "query", "verb", "target", "or_expr", "and_expr", "not_expr", "primary", "condition",
                              "operand", "value", "groups", "order_keys", "check", "let", "audit", "expr", "term", "factor", "chart", "explain", "export",
                              "computed", "column_expr", "column_term", "column_factor", "having", "empty_test", "show"]

    static func parserSources() throws -> String {
        try ["Parser.swift", "ExpressionParser.swift", "PresentationParser.swift", "ResultClauseParser.swift"]
            .map { try Fixtures.read("Sources/TallyCore/Parser/" + $0) }.joined(separator: "\n")
    }

    /// `name = … ;` rules by name, whitespace folded and `(* … *)` remarks dropped. A rule
    /// runs on over the following lines until one ends in `;`.
    static func rules(in lines: [Substring], prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        var current: String?
        for raw in lines {
            var line = raw.trimmingCharacters(in: " ")
            if !prefix.isEmpty {
                guard line.hasPrefix(prefix) else { current = nil; continue }
                line = String(line.dropFirst(prefix.count))
            }
            if let eq = line.range(of: " = "), current == nil,
                line[..<eq.lowerBound].trimmingCharacters(in: " ").allSatisfy({ $0.isLetter || $0 == "_" }) {
                let name = line[..<eq.lowerBound].trimmingCharacters(in: " ")
                out[name] = String(line[eq.upperBound...])
                current = name
            } else if let name = current {
                out[name]! += " " + line
            }
            if let name = current, let end = out[name]!.range(of: ";") {
                out[name] = String(out[name]![..<end.upperBound])
                current = nil
            }
        }
        return out.mapValues { text in
            var t = text
            while let open = t.range(of: "(*"), let close = t.range(of: "*)", range: open.upperBound..<t.endIndex) {
                t.removeSubrange(open.lowerBound..<close.upperBound)
            }
            return t.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
    }

    static func grammarRules() throws -> [String: String] {
        let text = try Fixtures.read("grammar.md")
        var lines: [Substring] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```ebnf"
                continue
            }
            if inBlock { lines.append(line) }
        }
        return rules(in: lines, prefix: "")
    }

    /// Issue 13 §9: the rule a parse function quotes is the rule grammar.md states, word for
    /// word (whitespace and remarks aside), so the two cannot drift apart unnoticed.
    @Test(arguments: parsedRules)
    func ruleCommentsAreTheGrammarsText(rule: String) throws {
        let grammar = try Self.grammarRules()
        let quoted = Self.rules(in: try Self.parserSources().split(separator: "\n"), prefix: "// ")
        let stated = try #require(grammar[rule], "grammar.md lacks \(rule)")
        let comment = try #require(quoted[rule], "the parser does not quote \(rule)")
        #expect(comment == stated, "\(rule): the parser says `\(comment)`, grammar.md says `\(stated)`")
    }

    /// Any rule the parser quotes, not only the listed ones, is the grammar's.
    @Test func everyQuotedRuleIsInTheGrammar() throws {
        let grammar = try Self.grammarRules()
        let quoted = Self.rules(in: try Self.parserSources().split(separator: "\n"), prefix: "// ")
        #expect(quoted.count >= Self.parsedRules.count)
        for (rule, text) in quoted {
            #expect(grammar[rule] == text, "\(rule): the parser says `\(text)`, grammar.md says `\(grammar[rule] ?? "nothing")`")
        }
    }
}
