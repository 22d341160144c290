import Testing
@testable import TallyCore

/// Each region's titles name its tables in their own words; the same table reads the same
/// whichever wording a document uses, and the wordings of neighbouring tables stay apart.
struct TitleWordingsTests {
    @Test(arguments: [
        ("2025年部门收支总体情况表", TableID.summary), ("部门收支情况表", .summary),
        ("2025年部门收入总体情况表", .income), ("公开表1 部门收入总体情况表", .income), ("部门收入情况表", .income), ("收入总体情况表", .income),
        ("2025年部门支出总体情况表", .expenditure), ("部门支出情况表", .expenditure),
        ("2025年财政拨款收支总体情况表", .fiscalSummary), ("一般公共预算支出情况表", .gpbExpenditure),
        ("一般公共预算基本支出情况表", .basicEcon), ("一般公共预算“三公”经费支出情况表", .threePublic),
        ("政府性基金预算支出情况表", .govFund), ("部门收入总表", .income), ("部门支出总表", .expenditure),
    ])
    func aWordingNamesItsTable(title: String, table: TableID) {
        #expect(TableTitle.recognise(title)?.table == table)
    }

    @Test(arguments: ["部门整体支出绩效目标情况表", "政府购买服务支出情况表", "非税收入情况表", "部门整体支出绩效自评情况表"])
    func aPartialWordingIsNoWholeTable(title: String) {
        #expect(![TableID.summary, .income, .expenditure].contains(TableTitle.recognise(title)?.table))
    }
}

/// A table's number run into the title (`表一2026年…`, `表12026年…`) is no part of the unit's
/// name: a document whose titles name no department has none, never `表一`.
struct TitleNumberTests {
    @Test(arguments: [
        ("表一2026年部门收入预算表", TableID.income, ""), ("表 1 2026年部门收入预算表", .income, ""), ("表12026年部门支出预算表", .expenditure, ""),
        ("表三 2026 年一般公共预算支出预算表", .gpbExpenditure, ""), ("某区财政局2026年部门收入预算表", .income, "某区财政局"),
    ])
    func theNumberIsNoUnit(title: String, table: TableID, unit: String) throws {
        let read = try #require(TableTitle.recognise(title))
        #expect(read.table == table && read.unit == unit && read.year == 2026)
    }
}

/// A contents entry is never a table's title, however its leader meets the page number: apart,
/// run into it, or with no number at all; a title that only has a dash or two stays a title.
struct ContentsLeaderTests {
    @Test(arguments: [
        "7、一般公共预算支出预算表（功能科目）………………………………………………………8",
        " 1、收支预算总表 ……………………………………………………………………………       5",
        "部门收支总表··································3", "部门支出总表..........12", "部门收入总表 . . . . . . 4",
        "一般公共预算“三公”经费支出表————————————————7", "政府性基金预算支出表……",
    ])
    func aContentsEntryIsNoTitle(line: String) {
        #expect(TableTitle.recognise(line) == nil, "\(line)")
        #expect(!TableTitle.isOtherTitle(line), "\(line)")
    }

    @Test(arguments: [("2025年——部门收支总表", TableID.summary), ("部门支出总表（2025-2026）", .expenditure)])
    func aTitleWithADashStaysATitle(line: String, table: TableID) {
        #expect(TableTitle.recognise(line)?.table == table)
    }

    /// A Jiangsu document whose contents entries run their leaders into the page numbers, and
    /// that leaves out its 公开08 (一般公共预算基本支出预算表): the entry for it is no table, so
    /// the table is named missing.
    @Test func aMissingTableIsNotHiddenByItsContentsEntry() throws {
        let text = try Fixtures.read("Tests/TallyCoreTests/Fixtures/contents-leader-missing-table-layout.txt")
        let result = try DocumentImporter.read(text, path: "contents-leader-missing-table-layout.txt")
        #expect(result.report.missing == [.basicEcon])
        // Nothing read off the contents page (lines 9–33): no table, no figure not placed.
        #expect(!result.report.tables.contains { $0.line < 34 })
        #expect(!result.report.unplaced.contains { ($0.origin?.firstLine ?? 0) < 34 })
    }
}
