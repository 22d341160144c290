import Testing
@testable import TallyCore

struct StoreTests {
    let store = Fixtures.store(Fixtures.tree)

    @Test func textIsDictionaryEncoded() {
        var builder = StoreBuilder()
        builder.append(Fixtures.item("208", "1", dept: "甲"))
        builder.append(Fixtures.item("208", "1", dept: "乙"))
        builder.append(Fixtures.item("208", "1", dept: "甲"))
        let store = builder.build()
        #expect(store.depts.values == ["甲", "乙"])
        #expect(Array(store.dept) == [0, 1, 0])
        #expect(store.dept.byDocument == nil)  // one document, two departments: held per row
    }

    @Test func codeDictionaryIsSortedAndEmptyCodeFirst() {
        #expect(store.codes.codes == ["", "208", "20801", "2080101", "2080199", "20805", "210", "21011"])
        #expect(store.codes.levels == [0, 1, 2, 3, 3, 2, 1, 2])
    }

    @Test(arguments: [
        ("208", 1..<6), ("2080", 2..<6), ("20801", 2..<5), ("2080101", 3..<4), ("21", 6..<8), ("", 0..<8),
        ("3", 8..<8), ("1", 0..<0), ("20802", 5..<5),
    ])
    func prefixIsAnIDRange(_ prefix: String, _ expected: Range<Int>) {
        let range = store.codes.ids(withPrefix: prefix)
        #expect(range.count == expected.count)
        if !expected.isEmpty { #expect(range == expected) }
        for id in 0..<store.codes.count {
            #expect(range.contains(id) == store.codes.codes[id].hasPrefix(prefix) || prefix.isEmpty)
        }
    }

    @Test func parentLinksFollowCodesWithinTheSameColumn() {
        func parentCode(_ row: Int) -> String? {
            let p = store.parent[row]
            return p < 0 ? nil : store.codes[store.code[Int(p)]] + "/" + (ColumnID(rawValue: store.column[Int(p)])?.id ?? "")
        }
        #expect(parentCode(0) == nil)  // 合计
        #expect(parentCode(1) == "/total")  // 208 under 合计
        #expect(parentCode(2) == "208/total")
        #expect(parentCode(3) == "20801/total")
        #expect(parentCode(5) == "208/total")
        #expect(parentCode(7) == "210/total")
        #expect(parentCode(9) == "208/basic")  // 20801 basic under 208 basic, not 208 total
        #expect(parentCode(8) == nil)  // the basic column has no 合计 row
    }

    @Test func parentsNeverCrossDocumentsTablesOrYears() throws {
        let store = Fixtures.store([
            Fixtures.item("208", "1", doc: "a"),
            Fixtures.item("20801", "1", doc: "b"),
            Fixtures.item("20801", "1", table: .gpbExpenditure, doc: "a"),
            Fixtures.item("20801", "1", year: 2024, doc: "a"),
            Fixtures.item("20801", "1", doc: "a"),
        ])
        // Rows are grouped by document (a's four, then b's one): only a's 20801 of the same
        // table and year lies under a's 208.
        func row(_ doc: String, _ code: String, _ table: TableID, _ year: Int16) -> Int? {
            (0..<store.count).first {
                store.docs.values[Int(store.doc[$0])] == doc && store.codes[store.code[$0]] == code
                    && store.table[$0] == table.rawValue && store.year[$0] == year
            }
        }
        let top = try #require(row("a", "208", .expenditure, 2025))
        let child = try #require(row("a", "20801", .expenditure, 2025))
        #expect(store.parent[child] == Int32(top))
        #expect((0..<store.count).filter { store.parent[$0] >= 0 } == [child])
    }

    /// A group's 类 rows hang under its empty-code row named 合计/总计 where there are several;
    /// two alike leave them with none. The per-document packed tables and the dictionary
    /// fallback (for stores too large to pack) link every row the same.
    @Test func groupTotalsAndBothLinkingPathsAgree() throws {
        var items = [
            Fixtures.item("", "3", doc: "a", name: "小计"), Fixtures.item("", "3", doc: "a", name: "合计"),
            Fixtures.item("208", "3", doc: "a"), Fixtures.item("20801", "3", doc: "a"),
            Fixtures.item("", "5", doc: "b", name: "小计"), Fixtures.item("", "5", doc: "b", name: "其他"),
            Fixtures.item("208", "5", doc: "b"), Fixtures.item("2080101", "5", doc: "b"),
        ]
        var bytes: [UInt8] = []
        try Generator.generate(.init(count: 20_000, seed: 3, shuffle: true)) { bytes.append(contentsOf: $0) }
        items += try LineItemFile.read(bytes, path: "gen.tsv")
        let store = Fixtures.store(items)
        func links(packing: Bool) -> [Int32] {
            ParentLinks(codes: store.codes, names: store.names, doc: store.doc.values, table: store.table.array,
                        column: store.column.array, year: store.year.array, phase: store.phase.array, code: store.code.values,
                        name: store.name.values, packing: packing).link()
        }
        let packed = links(packing: true)
        #expect(packed == links(packing: false))
        #expect(packed == Array(store.parent))
        func row(_ doc: String, _ code: String, name: String? = nil) throws -> Int {
            try #require((0..<store.count).first {
                store.docs.values[Int(store.doc[$0])] == doc && store.codes[store.code[$0]] == code
                    && (name == nil || store.names.values[Int(store.name[$0])] == name)
            })
        }
        #expect(packed[try row("a", "208")] == Int32(try row("a", "", name: "合计")))
        #expect(packed[try row("a", "20801")] == Int32(try row("a", "208")))
        #expect(packed[try row("b", "208")] == -1)  // 小计 and 其他: neither is the total
        #expect(packed[try row("b", "2080101")] == Int32(try row("b", "208")))
        #expect(packed.filter { $0 >= 0 }.count > 10_000)
    }

    @Test func sumsAreExactAndTopmost() throws {
        let session = Session(out: { _ in }, err: { _ in })
        session.add(Fixtures.tree, from: "tree")
        func total(_ q: String) throws -> ResultTable.Cell { try session.evaluate(q).rows[0].last! }
        #expect(try total("sum") == .amount(Amount(fen: 100_000_000)))
        #expect(try total("sum 2*") == .amount(Amount(fen: 100_000_000)))
        #expect(try total("sum 2080*") == .amount(Amount(fen: 90_000_000)))
        #expect(try total("sum 208????") == .amount(Amount(fen: 60_000_000)))
        #expect(try total("sum 2080101,20801") == .amount(Amount(fen: 60_000_000)))
        #expect(try total("count 208*") == .number(10))
    }

    @Test func aMatchedRowUnderAnUnmatchedParentStillCounts() throws {
        // 2080101 matches, its parent 20801 does not (amount filter): it is added.
        let session = Session(out: { _ in }, err: { _ in })
        session.add(Fixtures.tree, from: "tree")
        let r = try session.evaluate("sum 2080* where amount<55")
        // 2080101 (50) + 2080199 (10) would double count under 20801 (60, excluded by amount),
        // so the topmost matches are 2080101, 2080199 and 20805 (30).
        #expect(r.rows[0].last == .amount(Amount(fen: 90_000_000)))
    }
}
