import Testing
@testable import TallyCore

struct LineItemFileTests {
    static let header = "dept\tyear\ttable\tcode\tcolumn\tamount"

    func read(_ text: String) throws(DiagnosticList) -> [LineItem] {
        try LineItemFile.read(Array(text.utf8), path: "data/items.tsv")
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.diagnostics.map { DiagnosticRenderer().render($0).split(separator: "\n")[0].description }
        }
    }

    @Test func derivesDocDistrictAndLine() throws {
        let items = try read(Self.header + "\n重庆市綦江区社会保险事务中心\t2025\texpenditure\t2080101\ttotal\t2,053.20\n")
        #expect(items.count == 1)
        #expect(items[0].doc == "items")
        #expect(items[0].district == "綦江")
        #expect(items[0].line == 2)
        #expect(items[0].amount == Amount(fen: 2_053_200_000))
        #expect(items[0].level == 3)
    }

    @Test func readsCSVWithQuotesAndChineseAliases() throws {
        let text = "doc,dept,year,table,code,name,column,amount,line\n"
            + "x,\"重庆市万盛经济技术开发区社会保险事务中心\",2025,部门支出总表,208,\"社会保障和就业支出, \"\"全部\"\"\",基本支出,\"1,009.29\",17\n"
        let items = try read(text)
        #expect(items[0].district == "万盛")
        #expect(items[0].table == .expenditure)
        #expect(items[0].column == .basic)
        #expect(items[0].name == "社会保障和就业支出, \"全部\"")
        #expect(items[0].amount == Amount(fen: 1_009_290_000))
        #expect(items[0].line == 17)
    }

    @Test(arguments: [
        ("d\t2025\texpenditure\t208\ttotal\t12,3x", "data/items.tsv:2: error: bad amount `12,3x`: not a decimal number"),
        ("d\t20x5\texpenditure\t208\ttotal\t1", "data/items.tsv:2: error: bad year `20x5`"),
        ("d\t2025\texpenditure\t208\ttotal", "data/items.tsv:2: error: 5 cells where the header has 6"),
        ("d\t2025\texpenditur\t208\ttotal\t1", "data/items.tsv:2: error: unknown table `expenditur`"),
        ("d\t2025\texpenditure\t208\tbasc\t1", "data/items.tsv:2: error: unknown column `basc`"),
        ("d\t2025\texpenditure\t208\ttotal\t99999999999999", "data/items.tsv:2: error: bad amount `99999999999999`: too large: amounts must stay within ±92,233,720,368,547,758.07 元"),
        ("\t2025\texpenditure\t208\ttotal\t1", "data/items.tsv:2: error: empty dept"),
    ])
    func badRowsFailWithFileAndLine(_ row: String, _ expected: String) {
        #expect(problems(Self.header + "\n" + row + "\n") == [expected])
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array((Self.header + "\nd\t2025\texpenditure\t208\ttotal\t1\n").utf8)
        bytes += [0xE7, 0xB6, 0x41] + Array("\t2025\texpenditure\t208\ttotal\t1\n".utf8)
        #expect(throws: DiagnosticList.self) { try LineItemFile.read(bytes, path: "x.tsv") }
        do {
            _ = try LineItemFile.read(bytes, path: "x.tsv")
        } catch {
            #expect(error.diagnostics.first?.origin == SourceOrigin(name: "x.tsv", firstLine: 3))
        }
    }

    @Test func headerProblems() {
        #expect(problems("dept\tyear\ttable\tcode\tcolumn\tamount\tdpt\n") == [
            "data/items.tsv:1: error: unknown field `dpt` in the header"
        ])
        #expect(problems("dept\tyear\ttable\tcode\tamount\n") == ["data/items.tsv:1: error: the header lacks `column`"])
        #expect(problems("") == [
            "data/items.tsv: error: the file is empty; a line-item file starts with a header such as `dept\tyear\ttable\tcode\tcolumn\tamount`"
        ])
    }

    @Test func aFailedLoadLeavesTheStoreAsItWas() {
        var errors = ""
        let session = Session(out: { _ in }, err: { errors += $0 })
        session.add(Fixtures.tree, from: "tree")
        let before = session.store.count
        let path = "/tmp/tally-test-bad-\(UInt32.random(in: 0...UInt32.max)).tsv"
        defer { unlink(path) }
        let text = Self.header + "\nd\t2025\texpenditure\t208\ttotal\t1\nd\t2025\texpenditure\t208\ttotal\tbad\n"
        #expect(FileManagerShim.write(text, to: path))
        #expect(session.load(path: path) == false)
        #expect(session.store.count == before)
        #expect(errors.contains("bad amount `bad`"))
        #expect(session.exitStatus == 2)
    }
}

import Foundation
enum FileManagerShim {
    static func write(_ text: String, to path: String) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}
