import Testing
@testable import TallyCore

/// Codes printed with dots between 类, 款 and 项 (`201.01.01`): the same rows as plain
/// codes, in `-layout` text (and so a PDF's words) and in tab-separated text alike.
struct DottedCodesTests {
    static let rows: [(String, String, String, String)] = [
        ("201", "一般公共服务支出", "1,261.00", "1,230.00"), ("201.01", "人大事务", "961.00", "930.00"),
        ("201.01.01", "行政运行", "661.00", "630.00"), ("201.01.02", "一般行政管理事务", "300.00", "300.00"),
        ("201.03", "政府办公厅（室）及相关机构事务", "300.00", "300.00"), ("201.03.01", "行政运行", "300.00", "300.00"),
        ("201.06", "财政事务", "0.00", "0.00"), ("201.06.01", "行政运行", "0.00", "0.00"),
    ]

    /// `-layout` text gives each glyph one character cell, CJK or not.
    static func layout(_ code: (String) -> String) -> String {
        func line(_ code: String, _ name: String, _ total: String, _ gpb: String) -> String {
            code.rightPadded(12) + name.rightPadded(40) + total.leftPadded(12) + gpb.leftPadded(22)
        }
        return "\u{0C}                         2025年部门收入总表\n" + "单位：万元".leftPadded(86) + "\n"
            + ([line("科目编码", "科目名称", "合计", "一般公共预算拨款收入"), line("", "合计", "1,261.00", "1,230.00")]
                + rows.map { c, name, total, gpb in line(code(c), name, total, gpb) }).joined(separator: "\n") + "\n"
    }

    static func tabbed(_ code: (String) -> String) -> String {
        "# 2025年部门收入总表\n单位：万元\n科目编码\t科目名称\t合计\t一般公共预算拨款收入\n\t合计\t1,261.00\t1,230.00\n" +
            rows.map { c, name, total, gpb in "\(code(c))\t\(name)\t\(total)\t\(gpb)" }.joined(separator: "\n") + "\n"
    }

    static func income(_ text: String) throws -> [String] {
        try DocumentImporter.read(text, path: "dotted.txt").items.filter { $0.table == .income }
            .map { "\($0.code.isEmpty ? "TOTAL" : $0.code) \($0.column.id) \($0.amount.fen)" }.sorted()
    }

    static func plain(_ code: String) -> String { code.replacingAll(".", with: "") }

    @Test func dottedCodesInLayoutText() throws {
        let dotted = try Self.income(Self.layout { $0 })
        #expect(dotted.count == 18, "\(dotted)")
        #expect(dotted == (try Self.income(Self.layout(Self.plain))))
        #expect(dotted.contains("2010101 total 661000000"))
    }

    @Test func dottedCodesInTabbedText() throws {
        let dotted = try Self.income(Self.tabbed { $0 })
        #expect(dotted.contains("2010101 total 661000000") && dotted.contains("20101 total 961000000"), "\(dotted)")
        #expect(dotted == (try Self.income(Self.tabbed(Self.plain))))
    }

    struct CodeCase: Sendable { let text: String; let beforeName: Bool; let code: String? }
    static let cases: [CodeCase] = [
        .init(text: "201.01.01", beforeName: false, code: "2010101"), .init(text: "201.01", beforeName: true, code: "20101"),
        // Without a name after it, `201.01` is a figure.
        .init(text: "201.01", beforeName: false, code: nil), .init(text: "1,201.01", beforeName: true, code: nil),
        .init(text: "201.1.01", beforeName: true, code: nil), .init(text: "2010101", beforeName: true, code: nil),
    ]

    @Test(arguments: cases)
    func whatIsADottedCode(_ c: CodeCase) {
        #expect(DocumentText.dottedCode(c.text, beforeName: c.beforeName) == c.code, "\(c.text)")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func rightPadded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
