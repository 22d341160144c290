import Testing
@testable import TallyCore

/// check, let and every audit rule, on small hand-made documents where the rule must fire
/// and where it must not.
struct ReconcileTests {
    typealias I = Fixtures

    /// Runs statements over `items`; returns what was written and the exit status.
    static func run(_ items: [LineItem], _ script: String, format: OutputFormat = .tsv) -> (out: String, status: Int32) {
        var out = ""
        let session = Session(format: format, out: { out += $0 }, err: { out += $0 })
        session.add(items, from: "test")
        session.runScript(script, origin: .commandLine)
        return (out, session.exitStatus)
    }

    static func findings(_ items: [LineItem], _ rules: String = "") -> [[String]] {
        let (out, _) = run(items, "audit \(rules)")
        return out.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    // MARK: check

    @Test func checkComparesAndExitsOneOnFailure() {
        let (pass, ok) = Self.run(I.tree, "check sum 208 == sum 208??")
        #expect(ok == 0)
        #expect(pass.contains("PASS"))
        let (fail, bad) = Self.run(I.tree, "check sum 208 == sum 2080*,210")
        #expect(bad == 1)
        #expect(fail == "check\tleft\tright\tdiff\tresult\ncheck sum 208 == sum 2080*,210\t90.00\t100.00\t-10.00\tFAIL\n")
    }

    @Test func checkWithinToleranceAndLabel() {
        let (out, status) = Self.run(I.tree, "check sum 208 == 90.005 within 0.01 as \"close enough\"")
        #expect(status == 0)
        #expect(out.contains("close enough\t90.00\t90.005\t-0.005\tPASS"))
    }

    @Test func groupedChecksJoinOnKeysAndNameOnlyFailures() {
        let items = I.tree + [I.item("208", "91.00", doc: "d2"), I.item("20801", "90.00", doc: "d2")]
        let (out, status) = Self.run(items, "check sum 208 by doc == sum 208?? by doc")
        #expect(status == 1)
        #expect(out == "check\tdoc\tleft\tright\tdiff\tresult\ncheck sum 208 by doc == sum 208?? by doc\td2\t91.00\t90.00\t1.00\tFAIL\n")
        let (missing, _) = Self.run(items, "check sum 208 by doc == sum 20805 by doc")
        #expect(missing.contains("d2\t91.00\t\t\tFAIL (only on the left)"))
    }

    @Test func sharedScopeAppliesToEverySide() {
        let items = I.tree + [I.item("208", "1000.00", dept: "重庆市綦江区社会保险事务中心"),
                              I.item("20801", "1000.00", dept: "重庆市綦江区社会保险事务中心")]
        let (out, status) = Self.run(items, "check sum 208 == sum 208?? where dept=北碚")
        #expect(status == 0, "\(out)")
    }

    @Test func arithmeticLetAndCounts() {
        let (out, status) = Self.run(I.tree, """
            let parts = sum 2080101 + sum 2080199
            check parts == sum 20801
            check sum 20801 * 2 == 120
            check sum 20801 / 4 == 15
            check count 208* > 7
            check (sum 2080101 - sum 2080199) == 40
            """)
        #expect(status == 0, "\(out)")
        #expect(out.components(separatedBy: "PASS").count == 6)
    }

    @Test func checkErrors() {
        #expect(Self.run(I.tree, "check sum 208 / 0 == 1").out.contains("error: division by zero"))
        #expect(Self.run(I.tree, "check nothing == 1").out.contains("error: no result is named `nothing`"))
        #expect(Self.run(I.tree, "check sum 208 = 1").out.contains("a check compares with `==`"))
        #expect(Self.run(I.tree, "check count 208 == sum 208").out.contains("cannot compare a count with an amount"))
        #expect(Self.run(I.tree, "check sum 208 by doc == sum 208 by year").out.contains("grouped differently"))
        #expect(Self.run(I.tree, "check sum 208 by basic,project == 1").out.contains("one amount per group"))
        #expect(Self.run(I.tree, "check sum 208 == 1").status == 1)
        #expect(Self.run(I.tree, "check sum 208 == x").status == 2)
    }

    // MARK: audit rules

    @Test func treeRuleFiresOnAGapAndClassesRounding() {
        #expect(Self.findings(I.tree, "tree").isEmpty)
        var items = I.tree
        items[2] = I.item("20801", "60.01", line: 3)  // a cent: rounding
        items[5] = I.item("20805", "31.00", line: 6)  // 208's children now add to 91.01: material
        let found = Self.findings(items, "tree")
        #expect(found.contains { $0[2] == "tree" && $0[5] == "20801" && $0[3] == "rounding" && $0[9] == "0.01" })
        #expect(found.contains { $0[2] == "tree" && $0[5] == "208" && $0[3] == "material" && $0[7] == "91.01" && $0[8] == "90.00" })
        #expect(Self.run(items, "audit tree").status == 1)
    }

    @Test func rowsRuleFiresWhenTotalIsNotBasicPlusProject() {
        #expect(Self.findings(I.tree, "rows").isEmpty)  // 208: 90 = 40 + 50
        let items = I.tree + [I.item("210", "4.00", column: .basic, line: 7)]  // 210: 10 ≠ 4
        let found = Self.findings(items, "rows")
        #expect(found.count == 1)
        #expect(found.first?[5] == "210" && found.first?[3] == "material" && found.first?[7] == "4.00" && found.first?[8] == "10.00")
    }

    @Test func namesRuleFiresOnOneCodeTwoNames() {
        let items = [I.item("20801", "1", name: "人力资源和社会保障管理事务"),
                     I.item("20801", "1", table: .income, name: "人力资源和社会管理事务")]
        let found = Self.findings(items, "names")
        #expect(found.count == 1 && found[0][3] == "label")
        #expect(Self.findings([items[0], I.item("20801", "1", table: .income, name: "人力资源和社会保障管理事务")], "names").isEmpty)
    }

    @Test func threePublicRuleFiresWhenTheTableFallsShortOfTheBasicTable() {
        let basic = [I.item("30217", "3.22", table: .basicEcon, name: "公务接待费"),
                     I.item("30231", "7.00", table: .basicEcon, name: "公务用车运行维护费")]
        let good = basic + [I.item("", "10.22", table: .threePublic), I.item("", "3.22", column: .reception, table: .threePublic),
                            I.item("", "7.00", column: .vehicleOperation, table: .threePublic)]
        #expect(Self.findings(good, "three_public").isEmpty)
        let short = basic + [I.item("", "3.00", column: .reception, table: .threePublic)]
        let found = Self.findings(short, "three_public")
        #expect(found.contains { $0[5] == "30217" && $0[3] == "material" })
        #expect(found.contains { $0[5] == "30231" && $0[3] == "material" && $0[8] == "0.00" })
        #expect(Self.findings(basic, "three_public").first?[3] == "insufficient")
    }

    @Test func narrativeRuleHoldsTheTextToTheTables() {
        let tables = [I.item("", "100.00"), I.item("", "100.00", table: .income)]
        let text = [I.item("", "100.00", table: .narrative, name: "收入预算"), I.item("", "99.00", table: .narrative, name: "支出预算")]
        let found = Self.findings(tables + text, "narrative")
        #expect(found.count == 1)
        #expect(found.first?[7] == "100.00" && found.first?[8] == "99.00" && found.first?[3] == "material")
    }

    static let message = ReconcileOutput.findingColumns.firstIndex(of: "message")!

    @Test func tablesRuleComparesTotalsAndSaysWhenATableIsMissing() {
        let found = Self.findings([I.item("", "100.00")], "tables")
        #expect(found.contains { $0[3] == "insufficient" && $0[Self.message].contains("no income table") })
        let agree = [I.item("", "100.00"), I.item("", "100.00", table: .income)]
        #expect(!Self.findings(agree, "tables").contains { $0[Self.message].contains("income 合计") && $0[3] == "material" })
        let disagree = [I.item("", "100.00"), I.item("", "90.00", table: .income)]
        #expect(Self.findings(disagree, "tables").contains { $0[3] == "material" && $0[7] == "90.00" && $0[8] == "100.00" })
    }

    @Test func auditWhereNarrowsToTheChosenDocuments() {
        var items = I.tree
        items.append(I.item("210", "4.00", column: .basic, doc: "other", line: 7))
        items.append(I.item("210", "10.00", doc: "other", line: 7))
        #expect(Self.findings(items, "rows where doc=other").count == 1)
        #expect(Self.findings(items, "rows where doc=d1").isEmpty)
    }

    @Test func unknownRuleIsAnErrorWithASuggestion() {
        let (out, status) = Self.run(I.tree, "audit tre")
        #expect(status == 2)
        #expect(out.contains("unknown audit rule `tre`") && out.contains("did you mean `tree`?"))
    }
}

/// An audit over many documents summarises the ones with findings and counts the clean ones.
struct AuditManyDocumentsTests {
    @Test func cleanDocumentsAreCountedNotListed() {
        var items: [LineItem] = []
        for d in 0..<12 {
            items.append(Fixtures.item("208", "10.00", doc: "clean\(d)"))
            items.append(Fixtures.item("20801", "10.00", doc: "clean\(d)"))
        }
        items.append(Fixtures.item("208", "10.00", doc: "broken"))
        items.append(Fixtures.item("20801", "7.00", doc: "broken"))
        var out = ""
        let session = Session(out: { out += $0 }, err: { out += $0 })
        session.add(items, from: "many")
        session.run("audit tree", origin: .commandLine)
        // The summary (the broken document only), the clean ones as one line, then its material finding.
        #expect(out.hasPrefix("FAIL  13 documents audited: 1 with material findings\n"))
        #expect(out.contains("PASS  12 other documents: no findings\nFAIL  broken"))
        #expect(out.contains("): 1 material\n"))
        #expect(!out.contains("clean3"))
    }
}
