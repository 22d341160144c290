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

    /// A first page's header with a word its pages going on lack (the table's number, or a
    /// word of the table set beside it): a page going on with the rest of it is still its.
    @Test func aFirstHeaderWithAWordMoreIsTheSameTables() throws {
        let number: [SheetPartsTests.Word] = [(1, 8, 55, 30, 9.2, "公开01表")]
        let inOrder = try SheetPartsTests.items(SheetPartsTests.table(Self.expenditure, page: 1) + number
            + SheetPartsTests.table(nil, page: 2, class: "205") + SheetPartsTests.table(Self.fund, page: 3, class: "212", last: "项目支出"))
        #expect(inOrder.count == 36)
        let sideBySide = SheetPartsTests.table(Self.expenditure, page: 1) + number
            + SheetPartsTests.table(Self.fund, page: 1, x: 330, drop: 3, class: "212", last: "项目支出")
            + SheetPartsTests.table(nil, page: 2, class: "205")
        #expect(try SheetPartsTests.items(sideBySide) == inOrder)
    }

    /// And the open table keeps a page going on under its header though an earlier table's
    /// first header has the same words and more (each first page names its table's number).
    @Test func theOpenTableKeepsAPageWithItsHeaderLessItsNumber() throws {
        let words = SheetPartsTests.table(Self.expenditure, page: 1) + [(1, 8, 55, 30, 9.2, "公开03表")]
            + SheetPartsTests.table("2025年一般公共预算支出表", page: 2) + [(2, 8, 55, 30, 9.2, "公开05表")]
            + SheetPartsTests.table(nil, page: 3, class: "205")
        let items = try SheetPartsTests.items(words)
        #expect(items.filter { $0.hasPrefix("gpb_expenditure 205") }.count == 12)
        #expect(!items.contains { $0.hasPrefix("expenditure 205") })
    }
}
