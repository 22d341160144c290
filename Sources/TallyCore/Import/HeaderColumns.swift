/// Maps a column header as printed to a column id (§2). Headers come wrapped and split
/// (`一般公共 预算拨款 收入`), so matching is by keywords with spaces removed, most specific first.
enum HeaderColumns {
    static let keywords: [(String, ColumnID)] = [
        ("上年结转", .carryover),
        ("财政专户", .specialAccount),
        ("事业单位经营", .operating),
        ("上级补助", .superior),
        ("附属单位", .affiliated),
        ("其他收入", .other),
        ("事业收入", .business),
        ("一般公共预算", .gpb),
        ("政府性基金", .govFund),
        ("国有资本经营", .soeCapital),
        ("因公出国", .overseas),
        ("公务用车购置及运行", .vehicle),
        ("公务用车购置费", .vehiclePurchase),
        ("公务用车运行", .vehicleOperation),
        ("公务接待", .reception),
        ("人员经费", .personnel),
        ("公用经费", .public),
        ("基本支出", .basic),
        ("项目支出", .project),
    ]

    static let totals = ["合计", "总计", "小计", "预算数", "金额", "本年预算", "预算金额"]

    /// The column a header names; nil for one tally has no id for (say 用事业基金弥补收支差额).
    static func column(for header: String) -> ColumnID? {
        let text = header.replacingAll(" ", with: "")
        if text.isEmpty { return nil }
        if text.contains("用事业基金") || text.contains("结转下年") { return nil }
        for (keyword, column) in keywords where text.contains(keyword) { return column }
        let withoutYear = text.replacing(/20\d\d\s*年/, with: "")
        if totals.contains(where: { withoutYear.contains($0) }) { return .total }
        return nil
    }

    static func isTotal(_ header: String) -> Bool {
        let text = header.replacingAll(" ", with: "")
        return totals.contains(where: { text.contains($0) }) && column(for: text) == .total
    }

    static func years(in header: String) -> [Int] {
        header.replacingAll(" ", with: "").matches(of: /(20\d\d)年/).compactMap { Int($0.output.1) }
    }

    static func year(in header: String) -> Int? {
        header.replacingAll(" ", with: "").firstMatch(of: /(20\d\d)年/).flatMap { Int($0.output.1) }
    }
}
