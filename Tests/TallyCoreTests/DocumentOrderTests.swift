import Foundation
import Testing
@testable import TallyCore

/// Issue 17 §2 and §4: the store keeps each document's rows together whatever order the input
/// came in — in the document's own order where its rows came together, in printed-row order
/// (line, then code) where the input broke them up; fields with one value per document are held once
/// per document; and every answer is the one the rows give in any order.
struct DocumentOrderTests {
    static func session(_ bytes: [UInt8]) throws -> Session {
        let session = Session(format: .tsv, out: { _ in }, err: { _ in })
        session.add(try LineItemFile.read(bytes, path: "gen.tsv"), from: "gen.tsv")
        return session
    }

    static func generated(shuffle: Bool) throws -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try Generator.generate(.init(count: 30_000, seed: 5, shuffle: shuffle, corrupt: 4)) { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test func shuffledRowsAreGroupedByDocumentInPrintedRowOrder() throws {
        let items = Fixtures.tree.map { item -> LineItem in
            var item = item
            item.doc = "a"
            return item
        }
        var mixed: [LineItem] = []
        for (i, item) in items.enumerated() {
            var other = item
            other.doc = "b"
            other.line = 100 + i
            mixed += i.isMultiple(of: 2) ? [other, item] : [item, other]
        }
        let store = Fixtures.store(mixed)
        #expect(store.docs.values == ["b", "a"])  // ids in order of first appearance
        #expect(store.documentStart == [0, items.count, 2 * items.count])
        #expect(store.rows(ofDocument: 0).map { store.line[$0] } == (0..<items.count).map { UInt32(100 + $0) })
        // a's rows came apart (b's between them), so they are put in printed-row order: by line,
        // then by code; within one printed row, columns in the order they came.
        // (The fixture's codes are ASCII digits, one table and year, so String order is byte order.)
        let printed = items.indices.sorted { (items[$0].line, items[$0].code, $0) < (items[$1].line, items[$1].code, $1) }
        #expect(store.rows(ofDocument: 1).map { "\(store.line[$0]) \(store.codes[store.code[$0]]) \(store.column[$0])" }
            == printed.map { "\(items[$0].line) \(items[$0].code) \(items[$0].column.rawValue)" })
        // Parents were linked after the reordering: each within its own document.
        for row in 0..<store.count where store.parent[row] >= 0 {
            #expect(store.doc[Int(store.parent[row])] == store.doc[row])
        }
        #expect(store.topmost(store.rows(matching: .all)).count == 2 * 3)  // 合计 of each column, twice
    }

    /// Printed-row order holds whether the keys pack into one word (the usual case) or not (a
    /// line number past 2^24 makes every key two words).
    @Test(arguments: [false, true])
    func printedRowOrderHoldsWithKeysPackedOrNot(farLine: Bool) throws {
        var bytes: [UInt8] = []
        try Generator.generate(.init(count: 20_000, seed: 4, shuffle: true)) { bytes.append(contentsOf: $0) }
        var items = try LineItemFile.read(bytes, path: "gen.tsv")
        if farLine { items[7].line = 1 << 24 + 5 }
        let store = Fixtures.store(items)
        #expect(store.count == items.count)
        for d in 0..<store.docs.count {
            let rows = Array(store.rows(ofDocument: d))
            for (a, b) in zip(rows, rows.dropFirst()) {
                let ka = (store.line[a], store.code[a], store.table[a], store.phase[a], store.year[a])
                let kb = (store.line[b], store.code[b], store.table[b], store.phase[b], store.year[b])
                #expect(ka <= kb, "document \(store.docs.values[d]): rows \(a), \(b)")
            }
        }
    }

    @Test func perDocumentFieldsAreHeldOncePerDocument() throws {
        let store = try Self.session(Self.generated(shuffle: true)).store
        #expect(store.label.byDocument?.count == store.docs.count)
        #expect(store.district.byDocument != nil && store.dept.byDocument != nil && store.budgetYear.byDocument != nil)
        #expect(store.district.heldBytes == store.docs.count * 4)
    }

    @Test func aDocumentWhoseRowsDisagreeKeepsItsValuesPerRow() throws {
        let store = Fixtures.store([
            Fixtures.item("208", "1", doc: "x", dept: "重庆市北碚区财政局"),
            Fixtures.item("210", "2", doc: "x", dept: "重庆市綦江区财政局"),
            Fixtures.item("208", "3", doc: "y", dept: "重庆市綦江区财政局"),
        ])
        #expect(store.district.byDocument == nil)
        #expect(store.district.map { store.districts[$0] } == ["北碚", "綦江", "綦江"])
        let text = "sum * where district=綦江"
        guard case .query(let query) = try Parser.parse(text) else { Issue.record("not a query"); return }
        let plan = try Planner.plan(query, source: text, store: store)
        #expect(store.rows(matching: plan.filter).rows == [1, 2])
    }

    /// The same queries over the same rows, once in document order and once shuffled: every
    /// answer equal (the shuffled store is put in document order at load).
    @Test(arguments: [
        "sum 2080??? where district=綦江 by year, total,basic,project",
        "sum 208?? where district=綦江 by dept, year, total, basic, project",
        "sum 208 where dept=卫生 by district, year",
        "count by table", "count where budget_year=2024 by label", "sum * where doc=万州-1 by year",
        "top 5 208 where year=2025 by dept", "sum 2080101 by year", "audit tree", "audit rows",
    ])
    func answersDoNotDependOnInputOrder(_ query: String) throws {
        func answer(_ bytes: [UInt8]) throws -> String {
            var out = ""
            let session = Session(format: .tsv, out: { out += $0 }, err: { out += $0 })
            session.add(try LineItemFile.read(bytes, path: "gen.tsv"), from: "gen.tsv")
            session.runScript(query, origin: .commandLine)
            return out
        }
        let ordered = try answer(Self.generated(shuffle: false)), shuffled = try answer(Self.generated(shuffle: true))
        #expect(ordered.split(separator: "\n").count > 1, "\(query) answers nothing: the test would prove nothing\n\(ordered)")
        #expect(ordered == shuffled, "\(query)")
    }

    @Test func aFilterOnDocumentsReadsTheirRangesExactly() throws {
        let store = try Self.session(Self.generated(shuffle: true)).store
        for d in stride(from: 0, to: store.docs.count, by: 7) {
            let wanted = Set([d, (d * 13 + 5) % store.docs.count])
            let set = store.documents { wanted.contains($0) }
            let expected = (0..<store.count).filter { wanted.contains(Int(store.doc[$0])) }
            #expect(set.rows == expected)
        }
    }

    @Test func snapshotKeepsPerDocumentFieldsAndRowRanges() throws {
        let store = try Self.session(Self.generated(shuffle: true)).store
        let path = SnapshotTests.temporaryPath("order-\(UUID().uuidString).tally")
        defer { unlink(path) }
        try Snapshot.write(store, to: path)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let reopened = try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in try Snapshot.read(buffer, path: path) }
        #expect(reopened.documentStart == store.documentStart)
        #expect(reopened.district.byDocument == store.district.byDocument)
        #expect(reopened.budgetYear.byDocument == store.budgetYear.byDocument)
        #expect(Array(reopened.label) == Array(store.label))
    }
}
