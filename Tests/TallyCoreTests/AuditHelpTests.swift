import Testing
@testable import TallyCore

/// `.help audit` lists every rule of the audit's table with a finding it gives, and each
/// finding is what the audit really reports (issue 14): a new rule without help fails here,
/// and so does an example the audit no longer prints.
struct AuditHelpTests {
    static let page = HelpText.page("audit").split(separator: "\n").map(String.init)

    @Test(arguments: AuditRules.all)
    func everyRuleIsListedWithAnExampleFinding(_ rule: String) throws {
        let at = try #require(Self.page.firstIndex { $0.hasPrefix("  \(rule) ") }, "`.help audit` does not list \(rule)")
        let example = try #require(Self.page.indices.contains(at + 1) ? Self.page[at + 1] : nil)
        let info = try #require(AuditRules.catalog.first { $0.name == rule })
        #expect(example.hasPrefix("   → "), "\(rule): no example line")
        #expect(example.contains("  \(info.example.severity.rawValue)  \(info.example.message)"))
        #expect(!info.checks.isEmpty && !info.example.message.isEmpty)
    }

    /// The seeds and the corpus texts, audited once, as tsv rows with each document's label.
    static let audited: [(label: String, row: [String: String])] = {
        let paths = SeedImportTests.names.map(AuditCorpusTests.seed) + AuditCorpusTests.stems.map(AuditCorpusTests.text)
        let session = Session(format: .tsv, out: { _ in }, err: { _ in })
        for path in paths { _ = session.load(path: path) }
        var labels: [String: String] = [:]
        if let table = try? session.evaluate("count by label, doc") {
            for row in table.rows {
                if case .text(let label) = row[0], case .text(let doc) = row[1] { labels[doc] = label }
            }
        }
        let rows = AuditCorpusTests.audit(paths).rows
        return rows.map { (labels[$0["doc"] ?? ""] ?? "", $0) }
    }()

    @Test(arguments: AuditRules.catalog.filter { !$0.example.label.isEmpty }.map(\.name))
    func theExampleIsWhatTheAuditReports(_ rule: String) throws {
        let e = try #require(AuditRules.catalog.first { $0.name == rule }).example
        let prefix = e.message.hasSuffix("…") ? String(e.message.dropLast()) : e.message
        let found = Self.audited.contains { label, row in
            label == e.label && row["rule"] == rule && row["severity"] == e.severity.rawValue
                && (e.message.hasSuffix("…") ? row["message"]?.hasPrefix(prefix) == true : row["message"] == prefix)
        }
        #expect(found, "\(rule): the audit of \(e.label) does not report “\(e.message)”")
    }

    /// A rule that finds nothing in any document tally reads shows one its tests make.
    @Test func madeUpExamplesAreWhatTheRuleReportsOnItsTestCase() throws {
        let made = AuditRules.catalog.filter { $0.example.label.isEmpty }.map(\.name)
        #expect(Set(made).isSubset(of: ["procurement", "narrative", "three_public"]))
        var wrong = AuditRulesTests.procurement
        wrong[0] = AuditRulesTests.named(.procurement, "合计", "101.00", line: 1)
        let procurement = try #require(AuditRules.catalog.first { $0.name == "procurement" }).example
        #expect(AuditRulesTests.run(wrong, ["procurement"]).map(\.message) == [procurement.message])
        if made.contains("narrative") {
            let tables = [Fixtures.item("", "100.00"), Fixtures.item("", "100.00", table: .income)]
            let text = [Fixtures.item("", "100.00", table: .narrative, name: "收入预算"), Fixtures.item("", "99.00", table: .narrative, name: "支出预算")]
            let narrative = try #require(AuditRules.catalog.first { $0.name == "narrative" }).example
            #expect(AuditRulesTests.run(tables + text, ["narrative"]).map(\.message) == [narrative.message])
        }
        if made.contains("three_public") {
            let table = [Fixtures.item("", "6.40", table: .threePublic), Fixtures.item("", "6.40", column: .vehicleOperation, table: .threePublic)]
            let basic = [Fixtures.item("30212", "0.70", table: .basicEcon, name: "因公出国（境）费用")]
            let example = try #require(AuditRules.catalog.first { $0.name == "three_public" }).example
            #expect(AuditRulesTests.run(table + basic, ["three_public"]).map(\.message) == [example.message])
        }
    }
}
