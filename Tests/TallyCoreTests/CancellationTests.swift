import Foundation
import Testing
@testable import TallyCore

/// Ctrl-C during a large scan: the engine asks the flag every few thousand rows, on both cores,
/// and stops with `cancelled` instead of finishing the scan.
struct CancellationTests {
    /// 1.5 million line items, enough for the two-core paths.
    static let store: LineItemStore = {
        let n = 1_500_000
        var batch = ColumnBatch()
        batch.docs = (0..<100).map { "doc\($0)" }
        batch.districts = ["綦江", "北碚"]
        batch.depts = (0..<50).map { "重庆市綦江区部门\($0)" }
        batch.names = ["行政运行"]
        batch.codes = ["208", "20801", "2080101"]
        batch.doc = (0..<n).map { UInt32($0 % 100) }
        batch.district = (0..<n).map { UInt32($0 % 2) }
        batch.dept = (0..<n).map { UInt32($0 % 50) }
        batch.name = [UInt32](repeating: 0, count: n)
        batch.code = (0..<n).map { UInt32($0 % 3) }
        batch.year = (0..<n).map { Int16(2018 + $0 % 8) }
        batch.table = [UInt8](repeating: TableID.expenditure.rawValue, count: n)
        batch.column = [UInt8](repeating: ColumnID.total.rawValue, count: n)
        batch.amount = (0..<n).map { Int64($0 % 1000) * 10_000 }
        batch.line = (0..<n).map { UInt32($0 + 2) }
        var builder = StoreBuilder()
        builder.append(batch)
        return builder.build()
    }()

    /// Says "cancelled" from the `after`-th question on, and counts the questions.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var asked = 0
        let after: Int
        init(after: Int) { self.after = after }
        var questions: Int { lock.withLock { asked } }
        var cancellation: Cancellation {
            Cancellation { [self] in lock.withLock { asked += 1; return asked >= after } }
        }
    }

    static func run(_ text: String, _ flag: Flag) throws(Diagnostic) -> ResultTable {
        guard case .query(let query) = try Parser.parse(text) else { throw Diagnostic(.error, "not a query") }
        let plan = try Planner.plan(query, source: text, store: store)
        return try Executor.run(plan, on: store, cancel: flag.cancellation)
    }

    @Test(arguments: ["count by dept", "sum * by line", "sum 208* by year"])
    func largeScanStopsWhenCancelled(_ query: String) throws {
        let flag = Flag(after: 3)
        #expect(throws: Diagnostic.self) { try Self.run(query, flag) }
        do {
            _ = try Self.run(query, Flag(after: 3))
        } catch {
            #expect(error.message == "cancelled")
        }
        // Asked every few thousand rows, so it stopped long before 1.5 million rows: the flag
        // was asked far fewer times than a full scan would ask it (~370).
        #expect(flag.questions < 100)
    }

    @Test func uncancelledScanAnswers() throws {
        let result = try Self.run("count by dept", Flag(after: .max))
        #expect(result.rows.count == 50)
    }
}
