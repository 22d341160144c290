import Testing
@testable import TallyCore

/// What Tab offers, by where the cursor stands (issue 4). The store is the built-in sample.
struct CompletionTests {
    static let store: LineItemStore = {
        let s = Session(out: { _ in }, err: { _ in })
        s.loadSampleData()
        return s.store
    }()

    func complete(_ line: String, files: [String] = []) -> Completion {
        var completer = Completer(store: Self.store, fileNames: { word in files.filter { $0.hasPrefix(word) } })
        completer.limit = 500
        return completer.complete(line, cursor: line.utf8.count)
    }

    /// (line typed, what Tab puts in place of the last word)
    @Test(arguments: [
        ("su", "sum "),
        ("AU", "audit "),
        ("sum 2080* where de", "dept"),
        ("sum 2080* where dept=綦", "重庆市綦江区社会保险事务中心 "),
        ("sum 2080* where dept=重庆市綦", "重庆市綦江区社会保险事务中心 "),
        ("sum where district=北", "北碚 "),
        ("sum 2080* where year=2025 by bas", "basic"),
        ("sum 2080* by 基本", "基本支出"),
        ("sum where table=gpb", "gpb_expenditure "),
        ("sum where table=income,three", "three_public "),
        ("sum where (column=pers", "personnel "),
        ("sum 2080* whe", "where "),
        ("sum 2080101", "2080101 "),
        ("audit tr", "tree "),
        ("audit tree where dist", "district"),
        (".lo", ".load "),
        (".mode cs", "csv"),
        (".unit 亿", "亿元"),
        (".timer o", "o"),
        (".help che", "check"),
        (".help .ti", ".timer"),
        (".maxrows a", "a"),
        // read as the lexer reads them: full-width operators, another statement before
        ("sum 2080* where dept＝綦", "重庆市綦江区社会保险事务中心 "),
        ("sum where （column＝pers", "personnel "),
        ("count; sum 2080* whe", "where "),
        ("count；sum where district=北", "北碚 "),
        ("sum where year=2023..2", "202"),
        // quoted text still open: completed and closed in its quote
        ("sum where dept=\"重庆市綦", "\"重庆市綦江区社会保险事务中心\" "),
        ("sum where dept='重庆市綦", "'重庆市綦江区社会保险事务中心' "),
    ])
    func replacesTheWord(_ line: String, _ expected: String) {
        let completion = complete(line)
        if expected == "o" {
            #expect(completion.replacement == nil)
            #expect(completion.candidates.map(\.text) == ["on", "off"])
        } else if expected == "a" {
            #expect(completion.replacement == nil)
            #expect(completion.candidates.map(\.text) == ["all", "auto"])
        } else {
            #expect(completion.replacement == expected, "\(completion.candidates.map(\.text))")
        }
    }

    @Test func codesOfferTheNextLevelWithTheirNames() {
        let completion = complete("sum 2080")
        let codes = completion.candidates.map(\.text)
        #expect(codes.contains("20801"))
        #expect(codes.contains("20805"))
        #expect(codes.allSatisfy { $0.count == 5 && $0.hasPrefix("2080") })
        #expect(completion.candidates.first { $0.text == "20805" }?.note.contains("养老") == true)
        #expect(completion.word == "2080")
        #expect(completion.wordStart == 4)
    }

    @Test func anExistingCodeComesFirstThenItsChildren() {
        let codes = complete("sum 20801").candidates.map(\.text)
        #expect(codes.first == "20801")
        #expect(codes.dropFirst().allSatisfy { $0.hasPrefix("20801") && $0.count == 7 })
        #expect(codes.count > 2)
    }

    @Test func firstWordIsAVerb() {
        #expect(complete("").candidates.map(\.text) == Completer.verbs)
        #expect(complete("c").candidates.map(\.text) == ["count", "check", "chart"])
    }

    @Test func fieldsAndColumnsAfterBy() {
        let texts = complete("sum 208 by ").candidates.map(\.text)
        #expect(texts.contains("dept") && texts.contains("year") && texts.contains("basic") && texts.contains("project"))
        #expect(!texts.contains("基本支出"), "Chinese aliases wait until the word is Chinese")
    }

    /// Nothing inside a comment, nor inside quotes after a field that has no text values.
    @Test func nothingInCommentsOrQuotedCodes() {
        #expect(complete("sum 208 # de").candidates.isEmpty)
        #expect(complete("sum where year=\"20").candidates.isEmpty)
    }

    /// What Tab inserts is what the lexer reads back as the value (issue 14: a `"` inside a
    /// value was written `\"`, which the lexer does not read).
    @Test func insertedValuesReadBackAsTheValue() throws {
        let tsv = "dept\tyear\ttable\tcode\tcolumn\tamount\nsay \"hi\" 局\t2025\texpenditure\t208\ttotal\t1\n某局（本级）\t2025\texpenditure\t208\ttotal\t2\n"
        let session = Session(out: { _ in }, err: { _ in })
        session.add(try LineItemFile.read(Array(tsv.utf8), path: "quotes.tsv"), from: "quotes.tsv")
        for (typed, value) in [("say", "say \"hi\" 局"), ("某局", "某局（本级）")] {
            let line = "count where dept=" + typed
            let replacement = try #require(Completer(store: session.store).complete(line, cursor: line.utf8.count).replacement)
            var out = ""
            let check = Session(out: { out += $0 }, err: { out += $0 })
            check.add(try LineItemFile.read(Array(tsv.utf8), path: "quotes.tsv"), from: "quotes.tsv")
            check.run("count where dept==" + replacement, origin: .commandLine)
            #expect(out == "count\n    1\n", "\(replacement) does not name `\(value)`: \(out)")
        }
        let values = ["重庆市某局（本级）", "say \"hi\" 局", "普通局"]
        for value in values {
            let literal = Lexer.literal(value)
            let statement = "count where dept==" + literal
            guard case .query(let q) = try Parser.parse(statement), case .condition(let c) = q.filter,
                  case .values(let v) = c.operand else {
                Issue.record("\(statement) does not parse to one condition")
                continue
            }
            #expect(v.map(\.text) == [value])
        }
    }

    @Test func nothingToOfferIsEmpty() {
        #expect(complete("sum where dept=没有这个部门").candidates.isEmpty)
        #expect(complete("sum where amount=1").candidates.isEmpty)
        #expect(complete("sum 9").candidates.isEmpty)
    }

    @Test func filesAfterLoadAndRead() {
        let files = ["examples/", "examples.md", "items.tsv"]
        #expect(complete(".load it", files: files).replacement == "items.tsv ")
        #expect(complete(".read exa", files: files).replacement == "examples")
        #expect(complete(".output s", files: files).replacement == "stdout")
    }

    @Test func realFileNames() {
        let names = FileNameCompletion.candidates("Package.sw")
        #expect(names == ["Package.swift"] || names.isEmpty, "run from the package root: \(names)")
        let folders = FileNameCompletion.candidates("/proc/sel")
        #expect(folders == ["/proc/self/"])
    }

    @Test func completesAtTheCursorNotTheEnd() {
        let line = "sum 2080* where de by basic"
        let cursor = "sum 2080* where de".utf8.count
        let completion = Completer(store: Self.store).complete(line, cursor: cursor)
        #expect(completion.replacement == "dept")
    }

    @Test func candidateListsAlignByDisplayWidth() {
        let candidates = [
            Completion.Candidate("20801", note: "人力资源和社会保障管理事务"),
            Completion.Candidate("20805", note: "行政事业单位养老支出"),
            Completion.Candidate("20806", note: "企业改革补助"),
            Completion.Candidate("20899", note: "其他社会保障和就业支出"),
        ]
        let list = CandidateList.render(candidates, width: 80)
        let lines = list.split(separator: "\n")
        #expect(lines.count == 2, "\(list)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines[0].hasPrefix("20801  人力资源和社会保障管理事务"))
        // the second column starts at the same screen column on both lines
        #expect(screenColumn(of: "20806", in: lines[0]) == screenColumn(of: "20899", in: lines[1]))
        #expect(screenColumn(of: "20806", in: lines[0]) == DisplayWidth.of("20801  人力资源和社会保障管理事务") + 2)
        #expect(CandidateList.render(candidates, width: 30).split(separator: "\n").count == 4)
    }

    private func screenColumn(of text: String, in line: Substring) -> Int? {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index...].hasPrefix(text) { return DisplayWidth.of(line[..<index]) }
            index = line.index(after: index)
        }
        return nil
    }
}
