import Testing
@testable import TallyCore

/// A 政府采购 table counts what it buys (数量 40 computers, 人数) beside what it costs: a
/// count is no money, so no line item is read from it, and the text columns around it
/// (采购品目, 计量单位) stay part of the row's name.
struct CountColumnsTests {
    typealias Box = PageGeometryQuirkTests.Box

    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        /// Header cells left to right from x = 40, each 80 wide; the figures' columns last.
        var header: [String]
        /// A row's cells under them ("" for an empty cell).
        var rows: [[String]]
    }

    static let cases: [Case] = [
        Case(testDescription: "数量 between 采购品目 and 合计",
             header: ["采购项目", "品目编码", "采购品目", "数量", "合计", "一般公共预算"],
             rows: [["合计", "", "", "", "86.00", "86.00"], ["办公设备采购", "A02010105", "台式计算机", "40", "24.00", "24.00"],
                    ["信息化运维", "C16070000", "运行维护服务", "1", "62.00", "62.00"]]),
        Case(testDescription: "计量单位 and a decimal 数量",
             header: ["采购项目", "采购品目", "计量单位", "数量", "金额", "财政拨款"],
             rows: [["合计", "", "", "", "130.50", "130.50"], ["车辆购置", "轿车", "辆", "2", "30.50", "30.50"],
                    ["物业服务", "物业管理服务", "平方米", "1,200.5", "100.00", "100.00"]]),
        Case(testDescription: "人数 before the money",
             header: ["项目", "人数", "合计", "一般公共预算"],
             rows: [["合计", "", "48.00", "48.00"], ["培训", "120", "48.00", "48.00"]]),
    ]

    static func page(_ c: Case) -> [Box] {
        var boxes: [Box] = [("2025年政府采购预算表", 200, 40, 160, 16), ("单位：万元", 480, 64, 50, 9)]
        let width = 80.0
        for (i, h) in c.header.enumerated() {
            let w = Double(h.count) * 9
            boxes.append((h, 40 + Double(i) * width + (width - w) / 2, 84, w, 9))
        }
        let firstMoney = c.header.count - 2
        for (r, row) in c.rows.enumerated() {
            for (i, cell) in row.enumerated() where !cell.isEmpty {
                let w = Double(cell.count) * (cell.first!.isASCII ? 4.5 : 9)
                // Money and counts right-aligned in their cells, text left-aligned.
                let numeric = cell.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
                let x = numeric && i >= firstMoney - 1 ? 40 + Double(i + 1) * width - 3 - w : 40 + Double(i) * width + 3
                boxes.append((cell, x, 104 + Double(r) * 18, w, 9))
            }
        }
        return boxes
    }

    @Test(arguments: cases)
    func aCountIsNoMoney(_ c: Case) throws {
        let items = try TwoSidedFiguresOffTheirLabelsTests.items(Self.page(c)).filter { $0.table == .procurement }
        let money = c.rows.flatMap { $0.suffix(2) }.filter { !$0.isEmpty }
        #expect(items.count == money.count, "\(items.map { "\($0.name) \($0.column.id) \($0.amount)" })")
        let counts = Set(c.rows.map { $0[c.header.count - 3] }.filter { !$0.isEmpty })
        for item in items {
            #expect(!counts.contains("\(item.amount)"), "\(item.name): a count read as \(item.column.id)")
        }
        // Each row's name is its text cells run together, the count's cell not among them.
        let names = Set(items.map(\.name))
        for row in c.rows.dropFirst() {
            let name = row.prefix(c.header.count - 2).filter { cell in !counts.contains(cell) }.joined()
            #expect(names.contains(name), "\(names) lacks \(name)")
        }
    }
}
