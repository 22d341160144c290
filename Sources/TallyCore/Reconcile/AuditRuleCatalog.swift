/// The audit's rules in one table: the order they run in, what each checks, and a finding it
/// gives on a real document, as the audit prints it. `audit` accepts these names, completion
/// offers them, and `.help audit` is written from this table, so a rule cannot be added
/// without its help (HelpTests checks that every example is still what the audit reports).
struct AuditRuleInfo: Sendable {
    var name: String
    /// What the rule holds to what, in a line.
    var checks: String
    var example: Example

    /// A finding as `audit where label=…` prints it: its severity and message.
    struct Example: Sendable {
        /// The label of the document it is found in (with the seeds and the corpus loaded);
        /// empty when none of them has one: the example is then what the rule reports on its
        /// tests' case, and the help says so.
        var label: String
        var severity: Finding.Severity
        /// The message as printed; one ending in `…` is its beginning.
        var message: String
    }
}

extension AuditRules {
    static let catalog: [AuditRuleInfo] = [
        AuditRuleInfo(name: "tree", checks: "parent = sum of children, in every column", example: .init(
            label: "万盛2025", severity: .explained,
            message: "208 社会保障和就业支出 total 2025: printed 915.57, its 3 children add to 811.57; explained by 涉密: …")),
        AuditRuleInfo(name: "rows", checks: "total = basic + project (+ reserve), = personnel + public; 三公 parts", example: .init(
            label: "北碚2025", severity: .rounding,
            message: "208 社会保障和就业支出 2025: total 5,074.49 but basic + project = 5,074.50")),
        AuditRuleInfo(name: "tables", checks: "the same money across tables (summary, income, expenditure, basic_econ)", example: .init(
            label: "南岸2024", severity: .explained,
            message: "expenditure 合计 13,707.28 but gpb_expenditure 合计 13,448.28; explained by 其他资金: …")),
        AuditRuleInfo(name: "names", checks: "one code, one name", example: .init(
            label: "綦江2025", severity: .label,
            message: "20801 is named “人力资源和社会保障管理事务” (gpb_expenditure) and “人力资源和社会管理事务” (expenditure)")),
        AuditRuleInfo(name: "three_public", checks: "the 三公 table against 30217, 30231, 30212, 31013 of the basic table", example: .init(
            label: "", severity: .material,
            message: "三公 overseas 0.00 is less than basic_econ 30212 因公出国（境）费用 0.70")),
        AuditRuleInfo(name: "fiscal", checks: "the 总表 balance; 收入总计 = 本年 + 上年结转; their funds = their tables", example: .init(
            label: "南岸2024", severity: .explained,
            message: "fiscal_summary 一般公共预算资金 11,281.71 but summary 一般公共预算资金 13,448.28; explained by 上年结转: …")),
        AuditRuleInfo(name: "complete", checks: "required tables, empty tables' statements, codes to 项/款, template text", example: .init(
            label: "北碚2025", severity: .explained,
            message: "gov_fund (重庆市北碚区人力资源和社会保障局政府性基金预算支出表) is published empty; explained by 空表说明: …")),
        AuditRuleInfo(name: "performance", checks: "the text's 绩效目标 money and the performance tables' projects against 项目支出", example: .init(
            label: "人民检察院2019", severity: .insufficient,
            message: "the text speaks of performance targets of 0 projects (“十四、预算绩效目标设置情况说明2019年本部门共0个项目实行绩效目标管理”)…")),
        AuditRuleInfo(name: "procurement", checks: "政府采购 合计 = 货物 + 工程 + 服务", example: .init(
            label: "", severity: .material,
            message: "procurement 合计 total 101.00 but 货物 + 服务 100.00")),
        AuditRuleInfo(name: "narrative", checks: "the text's figures = the tables; its 比上年增加/减少, 增长/下降 %, 持平 = the year before", example: .init(
            label: "北碚2025", severity: .insufficient,
            message: "cannot check the text's 一般公共预算财政拨款支出 basic 3,002.51 比2024年减少30.04万元: no 2024 gpb_expenditure 合计 basic is loaded …")),
        AuditRuleInfo(name: "execution", checks: "each 决算 against its 预算: beyond its own threshold (else 10%) with no reason given", example: .init(
            label: "区委社会工作部2024决算", severity: .explained,
            message: "gpb_expenditure 2013950 事业运行: 决算 11.31 is 36.03% below its 全年预算 17.68 (threshold 10.00%)…")),
        AuditRuleInfo(name: "extraction", checks: "figures the importer repaired or could not place", example: .init(
            label: "綦江2025", severity: .label,
            message: "shifted table, read back into place: income (line 148): figures sat one cell left of their headers …")),
    ]

    /// The rule names, in the order they run.
    static let all = catalog.map(\.name)

    /// The rules with their examples, as `.help audit` lists them.
    static var helpLines: String {
        let width = (all.map(\.count).max() ?? 0) + 2
        return catalog.map { rule in
            let name = rule.name + String(repeating: " ", count: width - rule.name.count)
            let e = rule.example
            let from = e.label.isEmpty ? "(made up: no seed or corpus document has one)" : e.label
            return "\(name)\(rule.checks)\n → \(from)  \(e.severity.rawValue)  \(e.message)"
        }.joined(separator: "\n")
    }
}
