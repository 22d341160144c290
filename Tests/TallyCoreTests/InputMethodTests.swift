import Testing
@testable import TallyCore

/// §3: statements typed with a Chinese input method — full-width `，＝（）：；＞＜！～` and the
/// ideographic space outside quotes — give the same results as their ASCII forms.
struct InputMethodTests {
    /// (as a Chinese input method types it, as ASCII)
    static let statements: [(String, String)] = [
        ("sum 2080* where dept＝綦江 year＝2025 by 基本支出，项目支出", "sum 2080* where dept=綦江 year=2025 by 基本支出,项目支出"),
        ("sum 2080*　where　dept＝綦江　by　basic，project", "sum 2080* where dept=綦江 by basic,project"),
        ("count where （district＝北碚 or district＝綦江） and year＝2025", "count where (district=北碚 or district=綦江) and year=2025"),
        ("count where year＞＝2024 amount＜100", "count where year>=2024 amount<100"),
        ("count where year＞2023 amount＜＝5", "count where year>2023 amount<=5"),
        ("count where dept！＝綦江 by district", "count where dept!=綦江 by district"),
        ("count where dept＝＝\"重庆市綦江区社会保险事务中心\"", "count where dept==\"重庆市綦江区社会保险事务中心\""),
        ("list where name～\"^其他\" district＝北碚", "list where name~\"^其他\" district=北碚"),
        ("sum 2080*，2101* by code", "sum 2080*,2101* by code"),
        ("count where year＝2023，2025 by year", "count where year=2023,2025 by year"),
        ("sum 208 where dept＝万盛；count", "sum 208 where dept=万盛;count"),
        ("check sum 208 ＝＝ sum 208?? where dept＝万盛", "check sum 208 == sum 208?? where dept=万盛"),
        ("check （sum 301 + sum 302） / 2 ＜ sum 3*", "check (sum 301 + sum 302) / 2 < sum 3*"),
        ("let b ＝ sum where column＝basic；check b ＝＝ sum 2* by basic", "let b = sum where column=basic;check b == sum 2* by basic"),
        ("sum 2080101 where dept＝北碚 table＝gpb_expenditure by year as columns", "sum 2080101 where dept=北碚 table=gpb_expenditure by year as columns"),
        ("audit tree where dept＝万盛", "audit tree where dept=万盛"),
        ("explain sql sum 2080* where dept＝綦江 by basic，project", "explain sql sum 2080* where dept=綦江 by basic,project"),
        // errors too: the same message, the caret under what was typed
        ("sum where dept＝綦江 year＝20x5", "sum where dept=綦江 year=20x5"),
        ("sum * by column where dept＝万盛", "sum * by column where dept=万盛"),
    ]

    func run(_ script: String) -> (out: String, err: String, status: Int32) {
        var out = ""
        var err = ""
        let session = Session(out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        session.runScript(script, origin: .commandLine)
        return (out, err, session.exitStatus)
    }

    @Test(arguments: statements)
    func sameResultsAsASCII(_ typed: String, _ ascii: String) {
        let a = run(typed)
        let b = run(ascii)
        #expect(!b.out.isEmpty || !b.err.isEmpty, "the ASCII form gives nothing: \(ascii)")
        #expect(a.out == b.out)
        #expect(a.status == b.status)
        // The messages agree; only the source lines and carets under them differ.
        let messages = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("  |") } }
        #expect(messages(a.err) == messages(b.err), "\(a.err)")
    }

    @Test(arguments: statements)
    func parsesTheSame(_ typed: String, _ ascii: String) throws {
        for (t, a) in zip(StatementSplitter.split(typed), StatementSplitter.split(ascii)) {
            let left = Result { try Parser.parse(t.text).description }
            let right = Result { try Parser.parse(a.text).description }
            switch (left, right) {
            case (.success(let l), .success(let r)): #expect(l == r)
            case (.failure(let l as Diagnostic), .failure(let r as Diagnostic)):
                #expect(l.message == r.message)
                #expect(l.help == r.help)
            default: Issue.record("\(typed): \(left) but \(ascii): \(right)")
            }
        }
        #expect(StatementSplitter.split(typed).count == StatementSplitter.split(ascii).count)
    }

    /// Inside quotes, full-width punctuation is text: `name="（一般）"` looks for `（一般）`.
    @Test func quotedTextKeepsItsPunctuation() throws {
        guard case .query(let q) = try Parser.parse("count where name=\"（一般），～\"") else {
            Issue.record("not a query")
            return
        }
        guard case .condition(let c) = q.filter, case .values(let v) = c.operand else {
            Issue.record("not one condition")
            return
        }
        #expect(v[0].text == "（一般），～")
    }
}
