import Testing
@testable import TallyCore

/// A page that goes on with a table, untitled, belongs to the table whose header it repeats,
/// not to whichever table's title came last: side by side, the left table may run onto a
/// page of its own after the right one has ended.
struct UntitledPagesTests {
    static let expenditure = "2025年部门支出总表", fund = "2025年政府性基金预算支出表"

    @Test func theLeftTableGoesOnAfterTheRightOne() throws {
        let inOrder = try SheetPartsTests.items(SheetPartsTests.table(Self.expenditure, page: 1)
            + SheetPartsTests.table(nil, page: 2, class: "205") + SheetPartsTests.table(Self.fund, page: 3, class: "212", last: "项目支出"))
        #expect(inOrder.count == 36)
        let sideBySide = SheetPartsTests.table(Self.expenditure, page: 1)
            + SheetPartsTests.table(Self.fund, page: 1, x: 330, drop: 3, class: "212", last: "项目支出")
            + SheetPartsTests.table(nil, page: 2, class: "205")
        #expect(try SheetPartsTests.items(sideBySide) == inOrder)
    }

    /// A page going on under the open table's own header stays with it, though an earlier
    /// table has the same header (a 一般公共预算支出表 after a 部门支出总表).
    @Test func theOpenTableKeepsAPageWithItsHeader() throws {
        let words = SheetPartsTests.table(Self.expenditure, page: 1) + SheetPartsTests.table("2025年一般公共预算支出表", page: 2)
            + SheetPartsTests.table(nil, page: 3, class: "205")
        let items = try SheetPartsTests.items(words)
        #expect(items.filter { $0.hasPrefix("gpb_expenditure 205") }.count == 12)
        #expect(!items.contains { $0.hasPrefix("expenditure 205") })
    }
}
