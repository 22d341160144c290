import Foundation
import Testing
@testable import TallyCore

/// Small hand-made line items and paths to shared fixtures.
enum Fixtures {
    static func item(
        _ code: String, _ amount: String, column: ColumnID = .total, table: TableID = .expenditure, year: Int = 2025,
        doc: String = "d1", dept: String = "重庆市北碚区人力资源和社会保障局", name: String = "", line: Int = 1
    ) -> LineItem {
        LineItem(
            doc: doc, district: DistrictName.of(dept: dept), dept: dept, year: year, table: table, code: code,
            name: name.isEmpty ? (code.isEmpty ? "合计" : "科目\(code)") : name, column: column,
            amount: parsedAmount(amount), line: line)
    }

    /// A tiny expenditure tree: 合计 = 208 + 210; 208 = 20801 + 20805; 20801 = 2080101 + 2080199;
    /// total = basic + project where both are printed.
    static let tree: [LineItem] = [
        item("", "100.00", line: 1),
        item("208", "90.00", line: 2),
        item("20801", "60.00", line: 3),
        item("2080101", "50.00", line: 4),
        item("2080199", "10.00", line: 5),
        item("20805", "30.00", line: 6),
        item("210", "10.00", line: 7),
        item("21011", "10.00", line: 8),
        item("208", "40.00", column: .basic, line: 2),
        item("20801", "40.00", column: .basic, line: 3),
        item("208", "50.00", column: .project, line: 2),
        item("20801", "20.00", column: .project, line: 3),
        item("20805", "30.00", column: .project, line: 6),
    ]

    static func parsedAmount(_ text: String) -> Amount {
        switch Amount.parse(text) {
        case .success(let a): return a
        case .failure(let e):
            Issue.record("fixture amount \(text): \(e)")
            return Amount(fen: 0)
        }
    }

    static func store(_ items: [LineItem]) -> LineItemStore {
        var builder = StoreBuilder()
        builder.append(contentsOf: items)
        return builder.build()
    }

    /// The repository's top folder, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// The seed documents beside the checkout (CI has ../shared there too).
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
