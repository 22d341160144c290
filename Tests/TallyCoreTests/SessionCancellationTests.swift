import Synchronization
import Testing
@testable import TallyCore

/// Ctrl-C during a query, as the REPL meets it: the scan asks the flag every few thousand rows
/// and stops (issue 4 §5). The flag here turns on once the scan has begun.
struct SessionCancellationTests {
    static let store: LineItemStore = {
        var builder = StoreBuilder()
        for i in 0..<60_000 {
            builder.append(Fixtures.item("2080\(100 + i % 90)", "\(i % 1000).00", dept: "部门\(i % 50)"))
        }
        return builder.build()
    }()

    final class Asks: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test func aLongQueryStopsWhenCancelled() throws {
        let asks = Asks()
        // Yes from the third question on: past planning, inside the scan.
        let cancel = Cancellation { asks.count.add(1, ordering: .relaxed).newValue > 2 }
        let statement = try Parser.parse("sum 2080* by dept")
        guard case .query(let query) = statement else {
            Issue.record("not a query: \(statement)")
            return
        }
        let plan = try Planner.plan(query, source: "sum 2080* by dept", store: Self.store)
        #expect(throws: Diagnostic.self) { try Executor.run(plan, on: Self.store, cancel: cancel) }
        #expect(asks.count.load(ordering: .relaxed) > 2)
        let done = try Executor.run(plan, on: Self.store, cancel: .never)
        #expect(done.rows.count == 50)
    }

    @Test func cancelledIsReportedAndTheSessionGoesOn() {
        var errors = ""
        var output = ""
        let session = Session(out: { output += $0 }, err: { errors += $0 })
        session.add(Self.storeItems, from: "big")
        session.cancellation = Cancellation { true }
        session.run("sum 2080* by dept", origin: .commandLine)
        #expect(errors.contains("cancelled"))
        session.cancellation = .never
        session.run("count", origin: .commandLine)
        #expect(output.contains("60,000") || output.contains("60000"))
    }

    @Test func anAuditStopsWhenCancelled() {
        var errors = ""
        var output = ""
        let session = Session(out: { output += $0 }, err: { errors += $0 })
        session.loadSampleData()
        session.cancellation = Cancellation { true }
        session.run("audit", origin: .commandLine)
        #expect(errors.contains("cancelled"))
        #expect(output == "", "no partial audit is printed as if it were whole")
        session.cancellation = .never
        session.run("audit tree", origin: .commandLine)
        #expect(output.contains("004_867d4fd29c913767"))
    }

    static var storeItems: [LineItem] { (0..<store.count).map { store.item($0) } }
}
