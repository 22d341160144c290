import Foundation
import Testing
@testable import TallyCore

/// Issue 17 item 4: the store holds code, name and line in 16 bits where every value fits,
/// parents as 16-bit distances, and no doc column. Each narrow form must fall back, exactly,
/// where its values do not fit — never wrap — answer the same, and survive a snapshot.
struct CompactColumnsTests {
    @Test(arguments: [
        ([], true), ([0, 1, 65_535], true), ([65_536], false), ([7, UInt32.max, 0], false), ([65_535, 65_536], false),
    ] as [([UInt32], Bool)])
    func aColumnIsNarrowExactlyWhenEveryValueFits(_ values: [UInt32], _ narrow: Bool) {
        let column = CompactColumn(values)
        #expect(column.isNarrow == narrow)
        #expect(Array(column) == values)
        #expect(column.values == values)
        #expect(column.heldBytes == values.count * (narrow ? 2 : 4))
    }

    @Test(arguments: [
        [-1, 0, 0, 1, -1], [-1] + Array(repeating: 0, count: 40_000) + [0],
        // A parent at each edge of the 16-bit reach, and one just past each, before and after.
        {
            var p = [Int32](repeating: -1, count: 32_771)
            p[0] = 32_767; p[1] = 32_769; p[32_768] = 1; p[32_769] = 1; p[32_770] = 3
            return p
        }(),
    ] as [[Int32]])
    func parentDistancesAreExactNearAndFar(_ parents: [Int32]) {
        let column = ParentColumn(parents)
        #expect(Array(column) == parents)
        let rebuilt = ParentColumn(offsets: column.offsets, farRows: column.farRows, farParents: column.farParents)
        #expect(rebuilt.map(Array.init) == parents)
    }

    @Test func farParentListsThatDisagreeAreRefused() {
        let column = ParentColumn([-1] + Array(repeating: 0, count: 40_000))
        #expect(!column.farRows.isEmpty)
        #expect(ParentColumn(offsets: column.offsets, farRows: [], farParents: []) == nil)
        #expect(ParentColumn(offsets: column.offsets, farRows: column.farRows.reversed(), farParents: column.farParents) == nil)
        #expect(ParentColumn(offsets: column.offsets, farRows: column.farRows, farParents: []) == nil)
        #expect(ParentColumn(offsets: column.offsets, farRows: [1_000_000], farParents: [0]) == nil)
    }

    /// The row's document, read from the row ranges, for documents of every size (some empty).
    @Test(arguments: [[0], [1], [3, 0, 0, 2], [300, 1, 0, 256, 1000, 0], Array(repeating: 1, count: 700)])
    func aRowsDocumentComesFromTheRanges(_ sizes: [Int]) {
        var start = [0]
        for n in sizes { start.append(start.last! + n) }
        let documents = RowDocuments(documentStart: start)
        let expected = sizes.enumerated().flatMap { d, n in Array(repeating: UInt32(d), count: n) }
        #expect(Array(documents) == expected)
        #expect(documents.values == expected)
        var cursor = DocumentCursor(documents)
        #expect((0..<expected.count).map { UInt32(cursor.document(of: $0)) } == expected)
    }

    // MARK: - stores past each narrow width

    /// A store whose every row has its own name and code (past 65,535 of each), or its own
    /// line, or whose first row is the parent of a row 40,000 rows on.
    enum Shape: String, CaseIterable { case names, codes, lines, farParent }

    static func items(_ shape: Shape) -> [LineItem] {
        let n = 70_000
        switch shape {
        case .names:
            return (0..<n).map { Fixtures.item("208", "1", name: "项目\($0)", line: $0 % 1000 + 1) }
        case .codes:
            return (0..<n).map { Fixtures.item(String(2_000_000 + $0), "1", line: $0 % 1000 + 1) }
        case .lines:
            return (0..<n).map { Fixtures.item("208", "1", doc: "d\($0 % 2)", line: 10 + $0) }
        case .farParent:
            // 201's child 20101 comes after 40,000 rows of another table.
            return [Fixtures.item("201", "100")]
                + (0..<40_000).map { Fixtures.item("208", "1", table: .gpbExpenditure, line: 2 + $0) }
                + [Fixtures.item("20101", "100", line: 40_002), Fixtures.item("20102", "0", line: 40_003)]
        }
    }

    /// Questions whose answers are worked out from the items themselves.
    static func questions(_ shape: Shape, _ items: [LineItem]) -> [(query: String, expected: ResultTable.Cell)] {
        func count(_ keep: (LineItem) -> Bool) -> ResultTable.Cell { .number(Int64(items.filter(keep).count)) }
        func sum(_ keep: (LineItem) -> Bool) -> ResultTable.Cell {
            .amount(Amount(fen: items.filter { keep($0) && $0.table == .expenditure && $0.column == .total }.reduce(0) { $0 + $1.amount.fen }))
        }
        switch shape {
        case .names:
            return [("count where name=项目69999", count { $0.name == "项目69999" }),
                    ("count where name=项目65536", count { $0.name == "项目65536" })]
        case .codes:
            return [("sum 2069999", sum { $0.code == "2069999" }), ("sum 2065536", sum { $0.code == "2065536" }),
                    ("count where code=2000000", count { $0.code == "2000000" })]
        case .lines:
            return [("count where line=65546", count { $0.line == 65_546 }), ("count where line>65540", count { $0.line > 65_540 }),
                    ("sum where line=70009", sum { $0.line == 70_009 })]
        case .farParent:
            // Topmost only: 201 holds its children, so they are not added again.
            return [("sum 201*", sum { $0.code == "201" }), ("sum 2010?", sum { $0.code.hasPrefix("2010") })]
        }
    }

    static func check(_ session: Session, _ shape: Shape, _ items: [LineItem]) throws {
        for (query, expected) in questions(shape, items) {
            #expect(try session.evaluate(query).rows[0].last == expected, "\(query)")
        }
    }

    @Test(arguments: Shape.allCases)
    func aStorePastTheNarrowWidthKeepsEveryValueAndAnswers(_ shape: Shape) throws {
        let items = Self.items(shape)
        let store = Fixtures.store(items)
        switch shape {
        case .names: #expect(!store.name.isNarrow && store.code.isNarrow)
        case .codes: #expect(!store.code.isNarrow)
        case .lines: #expect(!store.line.isNarrow && store.code.isNarrow)
        case .farParent:
            #expect(store.line.isNarrow && store.parent.farRows.count == 2)
            #expect(store.parent[40_001] == 0 && store.parent[40_002] == 0)
        }
        // The fields the narrow columns hold, row for row (compared as one Bool: a 70,000-row diff is no help).
        func fields(_ items: [LineItem]) -> [String] { items.map { "\($0.doc) \($0.line) \($0.code) \($0.name) \($0.amount.fen)" }.sorted() }
        let same = fields((0..<store.count).map(store.item)) == fields(items)
        #expect(same)

        let session = Session(out: { _ in }, err: { _ in })
        session.add(items, from: shape.rawValue)
        try Self.check(session, shape, items)

        // The snapshot keeps the width and every value, and answers the same.
        let path = SnapshotTests.temporaryPath("compact-\(shape.rawValue)-\(UUID().uuidString).tally")
        defer { unlink(path) }
        try Snapshot.write(session.store, to: path)
        let reopened = try SnapshotTests.open(path)
        #expect(reopened.code.isNarrow == session.store.code.isNarrow && reopened.name.isNarrow == session.store.name.isNarrow)
        #expect(reopened.line.isNarrow == session.store.line.isNarrow)
        let kept = Array(reopened.parent) == Array(session.store.parent) && Array(reopened.doc) == Array(session.store.doc)
            && (0..<reopened.count).allSatisfy { reopened.item($0) == session.store.item($0) }
        #expect(kept)
        let again = Session(out: { _ in }, err: { _ in })
        #expect(again.load(path: path))
        try Self.check(again, shape, items)
    }
}
