/// Recognises a table by its title (§2's keywords) and reads the department and year it
/// names: `重庆市綦江区社会保险事务中心部门支出总表`, `2024年南岸区…一般公共预算“三公”经费支出表`.
struct TableTitle {
    var table: TableID
    var text: String
    var year: Int?
    /// The text before the table's name: usually the budget unit.
    var unit: String

    /// Ordered: the first rule whose keywords all occur wins, so 财政拨款收支总表 is not read
    /// as 收支总表, nor 基本支出 (政府经济分类) as the 部门 one.
    static let rules: [(TableID, [String], marker: String)] = [
        (.fiscalSummary, ["财政拨款收支"], "财政拨款收支"),
        (.summary, ["收支总表"], "部门收支"),
        (.summary, ["收支预算总表"], "部门收支"),
        (.income, ["收入总表"], "部门收入"),
        (.income, ["收入预算总表"], "部门收入"),
        (.expenditure, ["支出总表"], "部门支出"),
        (.expenditure, ["支出预算总表"], "部门支出"),
        (.threePublic, ["三公"], "一般公共预算"),
        (.basicGovEcon, ["基本支出", "政府预算支出经济分类"], "一般公共预算"),
        (.basicGovEcon, ["基本支出", "政府经济分类"], "一般公共预算"),
        (.basicEcon, ["基本支出预算表"], "一般公共预算"),
        (.basicEcon, ["基本支出", "经济分类"], "一般公共预算"),
        (.projectGovEcon, ["项目支出预算表", "政府预算支出经济分类"], "一般公共预算"),
        (.projectEcon, ["项目支出预算表"], "一般公共预算"),
        (.govFund, ["政府性基金", "支出"], "政府性基金"),
        (.soeCapital, ["国有资本经营", "支出"], "国有资本经营"),
        (.procurement, ["采购预算"], "政府采购"),
        (.gpbExpenditure, ["一般公共预算", "支出", "表"], "一般公共预算"),
    ]

    /// A title of a table tally does not read (绩效目标表, 目录 …): it ends the table before it.
    static func isOtherTitle(_ line: String) -> Bool {
        let text = line.replacingAll(" ", with: "")
        guard text.count >= 4, text.count <= 90, !text.contains("。"), !text.contains("，") else { return false }
        if text.contains("绩效目标表") || text.hasSuffix("目录）") || text.hasSuffix("（目录）") { return true }
        return text.hasSuffix("表") && recognise(line) == nil && !text.hasPrefix("附表")
    }

    /// Nil when the line is not a table title (too long, a sentence, or no known name).
    static func recognise(_ line: String) -> TableTitle? {
        var text = line.replacingAll(" ", with: "")
        guard text.count >= 6, text.count <= 90, !text.contains("。"), !text.contains("，"),
            !text.hasPrefix("附表"), !text.hasPrefix("备注"), !text.hasPrefix("说明")
        else { return nil }
        // A title names a table; a narrative line that mentions one goes on after it.
        guard let tableEnd = text.lastIndex(of: "表") else { return nil }
        let after = text[text.index(after: tableEnd)...]
        guard after.isEmpty || after.hasPrefix("（") || after.hasPrefix("(") else { return nil }
        if text.contains("绩效目标表") || text.contains("目录") { return nil }
        for (table, keywords, marker) in rules where keywords.allSatisfy({ text.contains($0) }) {
            var year: Int?
            if let found = text.firstMatch(of: /(20\d\d)年/) {
                year = Int(found.output.1)
                text.removeSubrange(found.range)
            }
            var unit = ""
            if let m = text.firstRange(of: marker) { unit = String(text[..<m.lowerBound]) }
            if unit.hasSuffix("部门") { unit.removeLast(2) }
            return TableTitle(table: table, text: line, year: year, unit: unit)
        }
        return nil
    }
}
