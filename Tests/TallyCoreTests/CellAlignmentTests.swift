import Testing
@testable import TallyCore

/// A 三公 table's one row of figures, set left, centred or right in its cells: as many figures
/// as columns, so each is the column of its place (§1: as printed), however far its edge
/// stands from its header's. Left-aligned, the 合计 figure stood left of every header and the
/// rest moved one column over.
struct CellAlignmentTests {
    static let header = """
    \u{0C}                   2025年一般公共预算“三公”经费支出表                        单位:万元

                因公出国（境）               公务用车购置及运行费
           合计                                                 公务接待费
                   费             小计     公务用车购置费   公务用车运行费

    """

    static let rows = [
        "left": "6.37        0.00      5.24         0.00       5.24      1.13",
        "centre": "      6.37       0.00      5.24         0.00           5.24        1.13",
        "right": "           6.37       0.00      5.24          0.00          5.24        1.13",
    ]

    @Test(arguments: ["left", "centre", "right"])
    func eachFigureIsItsPlacesColumn(alignment: String) throws {
        let result = try DocumentImporter.read(Self.header + Self.rows[alignment]! + "\n", path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }.map { "\($0.column.id) \($0.amount)" }.sorted()
        let expected = [("overseas", "0.00"), ("reception", "1.13"), ("total", "6.37"), ("vehicle", "5.24"),
                        ("vehicle_operation", "5.24"), ("vehicle_purchase", "0.00")]
        #expect(items == expected.map { "\($0) \(try! Amount.parse($1, unit: .wan).get())" }.sorted())
        #expect(result.report.unplaced.isEmpty)
    }
}
