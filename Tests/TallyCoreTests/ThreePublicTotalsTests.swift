import Testing
@testable import TallyCore

/// A 三公 table with 会议费, 培训费 and 机关运行经费 beside the 三公 and one 合计: the figures say
/// what it adds. 28.66 = 0.00 + 19.92 + 8.74 is the 三公 total; a 合计 that adds 会议费 and 培训费
/// too is the table's grand total.
struct ThreePublicTotalsTests {
    static func table(total: String) -> String {
        """
                         “三公”经费及会议费、培训费预算表
                                                                            单位：万元
                因公出国     公务用车购置及运行维护费              公务接待                     机关运行经
        合计                                                  会议费     培训费
                （境）费     小计      购置费     运行维护费       费                        费
        \(total)     0.00   19.92    0.00     19.92     8.74    0.20    0.80     65.70
        """
    }

    @Test(arguments: [("28.66", ColumnID.total), ("29.66", .grandTotal)])
    func theFiguresSayWhatTheTotalAdds(total: String, column: ColumnID) throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.table(total: total), path: "three.txt")
        let items = result.items.filter { $0.table == .threePublic }
        #expect(items.first { $0.amount == (try! Amount.parse(total, unit: .wan).get()) }?.column == column)
        #expect(items.filter { $0.column == .total || $0.column == .grandTotal }.count == 1)
        #expect(items.contains { $0.column == .meeting } && items.contains { $0.column == .training } && items.contains { $0.column == .runningCosts })
    }
}
