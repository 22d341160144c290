import Testing
@testable import TallyCore

/// Header groups and numbering rows, each on a small page of word boxes (points, as poppler
/// gives them) set the way a ruled-table exporter sets them: a group word centred over its
/// sub-columns overlaps only the middle one; the national 决算 template numbers rows (行次)
/// and columns (栏次).
struct HeaderGroupsTests {
    typealias Box = PageGeometryQuirkTests.Box

    /// Rows as `code name column/year/phase=figure …`.
    static func rows(_ table: RawTable) -> [String] {
        table.rows.map { row in
            let cells = row.cells.enumerated().filter { !$0.element.isEmpty }.map { i, text in
                let slot = table.slots![i]
                return "\(slot.column?.id ?? "?")/\(slot.year)/\(slot.phase?.id ?? "-")=\(text)"
            }
            return ([row.code, row.name] + cells).joined(separator: " ")
        }
    }

    struct GroupCase: Sendable, CustomTestStringConvertible {
        var groups: (String, String)
        /// The tags the two groups give their sub-columns: `year/phase`.
        var tags: (String, String)
        var testDescription: String { "\(groups.0) | \(groups.1)" }
    }

    /// A 一般公共预算财政拨款支出表 with two groups over 合计 | 基本支出 | 项目支出 each; the
    /// group words reach only 基本支出.
    static func twoGroups(_ a: String, _ b: String) -> [Box] {
        [
            ("一般公共预算财政拨款支出预算表", 300.9, 38.0, 240.0, 16.4), ("单位：万元", 670.9, 68.5, 50.0, 10.2),
            ("科目编码", 132.9, 97.7, 36.0, 9.2), ("科目名称", 222.9, 97.7, 36.0, 9.2),
            (a, 379.6, 88.7, 52.6, 9.2), (b, 589.6, 88.7, 52.6, 9.2),
            ("合计", 326.9, 106.7, 18.0, 9.2), ("基本支出", 387.9, 106.7, 36.0, 9.2), ("项目支出", 457.9, 106.7, 36.0, 9.2),
            ("合计", 536.9, 106.7, 18.0, 9.2), ("基本支出", 597.9, 106.7, 36.0, 9.2), ("项目支出", 667.9, 106.7, 36.0, 9.2),
            ("201", 123.9, 123.2, 12.5, 9.2), ("一般公共服务支出", 183.9, 123.2, 72.0, 9.2),
            ("500.00", 345.0, 123.2, 22.9, 9.2), ("400.00", 415.0, 123.2, 22.9, 9.2), ("100.00", 485.0, 123.2, 22.9, 9.2),
            ("510.30", 555.0, 123.2, 22.9, 9.2), ("398.20", 625.0, 123.2, 22.9, 9.2), ("112.10", 695.0, 123.2, 22.9, 9.2),
        ]
    }

    @Test(arguments: [
        GroupCase(groups: ("2024年预算数", "2025年预算数"), tags: ("2024/budget", "2025/budget")),
        GroupCase(groups: ("年初预算数", "决算数"), tags: ("0/budget", "0/final")),
        GroupCase(groups: ("调整预算数", "决算数"), tags: ("0/adjusted", "0/final")),
    ])
    func groupsReachEverySubColumn(_ c: GroupCase) throws {
        let table = try #require(PageGeometryQuirkTests.tables(Self.twoGroups(c.groups.0, c.groups.1)).first)
        let (a, b) = c.tags
        #expect(Self.rows(table) == [
            "201 一般公共服务支出 total/\(a)=500.00 basic/\(a)=400.00 project/\(a)=100.00 "
                + "total/\(b)=510.30 basic/\(b)=398.20 project/\(b)=112.10",
        ])
    }

    /// Groups whose sub-columns differ are not one set of columns repeated: the words stay on
    /// the columns they overlap (here the second group is over 合计 and 基本支出 only, its
    /// 项目支出 a column of the table's own).
    @Test func groupsOverDifferentColumnsDoNotSpread() throws {
        let header = Self.twoGroups("2024年预算数", "2025年预算数").filter { box in
            (88...110).contains(box.2) && !(box.0 == "项目支出" && box.1 > 600)
        }
        let words = header.map { PlacedWord(text: $0.0, left: $0.1, right: $0.1 + $0.3, top: $0.2, bottom: $0.2 + $0.4) }
        let grid = try #require(ColumnGrid(header: WordLines.group(words, page: 1, firstNumber: 1)))
        #expect(grid.slots(defaultYear: 0).map { "\($0.column?.id ?? "?")/\($0.year)" } == [
            "total/0", "basic/2024", "project/0", "total/0", "basic/2025",
        ])
    }

    /// A 三公 决算 table with a row over everything (财政拨款“三公”经费), the part names, and
    /// 预算数 | 决算数 under each: the vehicle 小计 is the vehicle figure in both phases, not a
    /// second total.
    static let threePublicWithTopRow: [Box] = [
        ("财政拨款“三公”经费支出决算表", 300.9, 38.0, 240.0, 16.4), ("单位：万元", 742.9, 68.5, 50.0, 10.2),
        ("财政拨款“三公”经费", 375.9, 88.7, 90.0, 9.2), ("公务用车购置及运行费", 437.9, 106.7, 90.0, 9.2),
        ("合计", 101.9, 115.7, 18.0, 9.2), ("因公出国（境）费", 198.9, 115.7, 72.0, 9.2), ("公务接待费", 708.4, 115.7, 45.0, 9.2),
        ("小计", 349.9, 124.7, 18.0, 9.2), ("公务用车购置费", 451.4, 124.7, 63.0, 9.2), ("公务用车运行费", 575.4, 124.7, 63.0, 9.2),
        ("预算数", 66.4, 142.7, 27.0, 9.2), ("决算数", 128.4, 142.7, 27.0, 9.2), ("预算数", 190.4, 142.7, 27.0, 9.2),
        ("决算数", 252.4, 142.7, 27.0, 9.2), ("预算数", 314.4, 142.7, 27.0, 9.2), ("决算数", 376.4, 142.7, 27.0, 9.2),
        ("预算数", 438.4, 142.7, 27.0, 9.2), ("决算数", 500.4, 142.7, 27.0, 9.2), ("预算数", 562.4, 142.7, 27.0, 9.2),
        ("决算数", 624.4, 142.7, 27.0, 9.2), ("预算数", 686.4, 142.7, 27.0, 9.2), ("决算数", 748.4, 142.7, 27.0, 9.2),
        ("25.60", 89.2, 159.2, 18.8, 9.2), ("21.37", 151.2, 159.2, 18.8, 9.2), ("8.00", 217.3, 159.2, 14.6, 9.2),
        ("6.52", 279.3, 159.2, 14.6, 9.2), ("12.40", 337.2, 159.2, 18.8, 9.2), ("11.05", 399.2, 159.2, 18.8, 9.2),
        ("5.00", 465.3, 159.2, 14.6, 9.2), ("4.88", 527.3, 159.2, 14.6, 9.2), ("7.40", 589.3, 159.2, 14.6, 9.2),
        ("6.17", 651.3, 159.2, 14.6, 9.2), ("5.20", 713.3, 159.2, 14.6, 9.2), ("3.80", 775.3, 159.2, 14.6, 9.2),
    ]

    /// The same table with 全年预算数 | 决算数 under each item: the item names (小计 above all)
    /// are narrower than their pairs and centred in the gap, the vehicle group narrower than
    /// its three items and overlapping only 购置费's pair, the top row only two columns.
    static let threePublicNarrowNames: [Box] = [
        ("财政拨款“三公”经费支出决算表", 325.3, 66.8, 191.3, 14.0), ("单位：万元", 713.44, 87.5, 47.5, 9.5),
        ("财政拨款“三公”经费", 384.12, 103.80, 73.64, 8.50), ("合计", 129.11, 127.24, 17.00, 8.50), ("全年预算数", 88.03, 150.68, 42.50, 8.50), ("24.83", 111.68, 166.30, 22.94, 8.50), ("公务用车购置及运行维护费", 426.61, 119.43, 102.00, 8.50), ("因公出国（境）费", 216.94, 127.24, 68.00, 8.50), ("决算数", 153.19, 150.68, 25.50, 8.50), ("20.53", 168.34, 166.30, 22.94, 8.50), ("全年预算数", 201.36, 150.68, 42.50, 8.50), ("1.89", 230.11, 166.30, 17.84, 8.50), ("小计", 355.78, 135.05, 17.00, 8.50), ("决算数", 266.53, 150.68, 25.50, 8.50), ("1.50", 286.77, 166.30, 17.84, 8.50), ("全年预算数", 314.69, 150.68, 42.50, 8.50), ("6.48", 343.44, 166.30, 17.84, 8.50), ("公务用车购置费", 447.86, 135.05, 59.50, 8.50), ("决算数", 379.86, 150.68, 25.50, 8.50), ("全年预算数", 428.03, 150.68, 42.50, 8.50), ("5.53", 400.11, 166.30, 17.84, 8.50), ("决算数", 493.19, 150.68, 25.50, 8.50), ("公务用车运行维护费", 552.69, 135.05, 76.50, 8.50), ("全年预算数", 541.36, 150.68, 42.50, 8.50), ("6.48", 570.11, 166.30, 17.84, 8.50), ("决算数", 606.53, 150.68, 25.50, 8.50), ("5.53", 626.77, 166.30, 17.84, 8.50), ("公务接待费", 683.03, 127.24, 42.50, 8.50), ("全年预算数", 654.69, 150.68, 42.50, 8.50), ("16.46", 678.34, 166.30, 22.94, 8.50), ("决算数", 719.86, 150.68, 25.50, 8.50), ("13.50", 735.01, 166.30, 22.94, 8.50),
    ]

    @Test func narrowItemNamesReachTheirPairsAndTheGroupItsItems() throws {
        let table = try #require(PageGeometryQuirkTests.tables(Self.threePublicNarrowNames).first { $0.title.table == .threePublic })
        let slots = try #require(table.slots)
        #expect(slots.map { "\($0.column?.id ?? "?")/\($0.phase?.id ?? "-")" } == [
            "total/adjusted", "total/final", "overseas/adjusted", "overseas/final", "vehicle/adjusted", "vehicle/final",
            "vehicle_purchase/adjusted", "vehicle_purchase/final", "vehicle_operation/adjusted", "vehicle_operation/final",
            "reception/adjusted", "reception/final",
        ])
    }

    @Test(arguments: [true, false])
    func subtotalUnderTopRowIsItsGroups(withTopRow: Bool) throws {
        let page = Self.threePublicWithTopRow.filter { withTopRow || !$0.0.hasPrefix("财政拨款“三公”经费") || $0.2 < 80 }
        let table = try #require(PageGeometryQuirkTests.tables(page).first { $0.title.table == .threePublic })
        let slots = try #require(table.slots)
        #expect(slots.map { "\($0.column?.id ?? "?")/\($0.phase?.id ?? "-")" } == [
            "total/budget", "total/final", "overseas/budget", "overseas/final", "vehicle/budget", "vehicle/final",
            "vehicle_purchase/budget", "vehicle_purchase/final", "vehicle_operation/budget", "vehicle_operation/final",
            "reception/budget", "reception/final",
        ])
    }

    /// The same in `-layout` text headed 全年预算数 | 决算数, the figures set apart from their
    /// headers: 合计 and 小计 stand between their pairs, over neither, and the row's figures are
    /// read in order, each phase keeping the identities on its own.
    @Test func narrowNamesBetweenTheirPairsInLayoutText() throws {
        let raw: [Substring] = [
            "                                        财政拨款“三公”经费支出决算表",
            "编制单位：上海市宝山区司法局                                                                                            单位：万元",
            "                                                 财政拨款“三公”经费",
            "                                                              公务用车购置及运行维护费",
            "      合计             因公出国（境）费                                                                      公务接待费",
            "                                            小计                  公务用车购置费       公务用车运行维护费",
            "全年预算数      决算数      全年预算数     决算数      全年预算数     决算数          全年预算数   决算数    全年预算数     决算数      全年预算数     决算数",
            "   24.83    20.53      1.89     1.50      6.48     5.53                         6.48     5.53     16.46     13.50",
        ]
        let table = try #require(GridTables.find(LayoutTextWords.lines([], raw: raw)).tables.first { $0.title.table == .threePublic })
        #expect(PageGeometryQuirkTests.rows(table) == [
            " 合计 total/adjusted=24.83 total/final=20.53 overseas/adjusted=1.89 overseas/final=1.50 vehicle/adjusted=6.48 vehicle/final=5.53 "
                + "vehicle_operation/adjusted=6.48 vehicle_operation/final=5.53 reception/adjusted=16.46 reception/final=13.50",
        ])
        #expect(table.unreadable.isEmpty && table.unplaced.isEmpty)
    }

    /// The same table in `pdftotext -layout` text, where a name is as wide as its characters
    /// and reaches only the 预算数 of its pair: each bare 决算数 is its left neighbour's
    /// partner, as the 合计 pair (whose name reached both) shows.
    @Test func phasePairsInLayoutText() throws {
        let raw: [Substring] = [
            "                                        财政拨款“三公”经费支出决算表",
            "单位：万元",
            "                                                             公务用车购置及运行费",
            "       合计             因公出国（境）费                                                                      公务接待费",
            "                                              小计              公务用车购置费            公务用车运行费",
            "",
            " 预算数        决算数       预算数      决算数      预算数        决算数       预算数       决算数      预算数      决算数      预算数      决算数",
            "    25.60     21.37     8.00     6.52     12.40      11.05      5.00     4.88     7.40     6.17     5.20      3.80",
        ]
        let tables = GridTables.find(LayoutTextWords.lines([], raw: raw)).tables
        let table = try #require(tables.first { $0.title.table == .threePublic })
        let slots = try #require(table.slots)
        #expect(slots.map { "\($0.column?.id ?? "?")/\($0.phase?.id ?? "-")" } == [
            "total/budget", "total/final", "overseas/budget", "overseas/final", "vehicle/budget", "vehicle/final",
            "vehicle_purchase/budget", "vehicle_purchase/final", "vehicle_operation/budget", "vehicle_operation/final",
            "reception/budget", "reception/final",
        ])
        #expect(table.unreadable.isEmpty && table.unplaced.isEmpty)
    }

    /// A two-sided 收入支出决算总表: 项目 | 行次 | 决算数 on each side, a 栏次 row under the
    /// header, each label with its row number.
    static func summary(columnNumbers: Bool) -> [Box] {
        let numbers: [Box] = [
            ("栏次", 186.9, 146.7, 18.0, 9.2), ("1", 373.9, 146.7, 4.2, 9.2),
            ("栏次", 506.9, 146.7, 18.0, 9.2), ("2", 693.9, 146.7, 4.2, 9.2),
        ]
        return [
            ("收入支出决算总表", 356.9, 60.0, 128.0, 16.4), ("单位：万元", 690.9, 90.5, 50.0, 10.2),
            ("收入", 251.9, 110.7, 18.0, 9.2), ("支出", 571.9, 110.7, 18.0, 9.2),
            ("项目", 186.9, 128.7, 18.0, 9.2), ("行次", 301.9, 128.7, 18.0, 9.2), ("决算数", 362.4, 128.7, 27.0, 9.2),
            ("项目", 506.9, 128.7, 18.0, 9.2), ("行次", 621.9, 128.7, 18.0, 9.2), ("决算数", 682.4, 128.7, 27.0, 9.2),
        ] + (columnNumbers ? numbers : []) + [
            ("一、一般公共预算财政拨款收入", 103.9, 163.2, 126.0, 9.2), ("1", 323.8, 163.2, 4.2, 9.2),
            ("3,794.07", 388.7, 163.2, 29.2, 9.2), ("一、一般公共服务支出", 423.9, 163.2, 90.0, 9.2), ("32", 639.6, 163.2, 8.3, 9.2),
            ("二、政府性基金预算财政拨款收入", 103.9, 179.2, 135.0, 9.2), ("2", 323.8, 179.2, 4.2, 9.2),
            ("二、外交支出", 423.9, 179.2, 54.0, 9.2), ("33", 639.6, 179.2, 8.3, 9.2), ("12.00", 710.0, 179.2, 20.0, 9.2),
        ]
    }

    @Test(arguments: [true, false])
    func rowAndColumnNumbersAreNotFigures(columnNumbers: Bool) throws {
        let table = try #require(PageGeometryQuirkTests.tables(Self.summary(columnNumbers: columnNumbers)).first)
        #expect(table.title.table == .summary)
        #expect(table.rows.map { $0.cells.filter { !$0.isEmpty } } == [
            ["一、一般公共预算财政拨款收入", "3,794.07", "一、一般公共服务支出"],
            ["二、政府性基金预算财政拨款收入", "二、外交支出", "12.00"],
        ])
        #expect(table.unreadable.isEmpty && table.unplaced.isEmpty)
    }
}
