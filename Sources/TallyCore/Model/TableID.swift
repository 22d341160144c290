/// Which published table a figure comes from (§2), with the Chinese names users call it by.
public enum TableID: UInt8, NamedID, Comparable, Codable {
    case summary, fiscalSummary, income, expenditure, gpbExpenditure, basicEcon, basicGovEcon
    case projectEcon, projectGovEcon, threePublic, govFund, soeCapital, procurement, projects, narrative

    public static func < (a: TableID, b: TableID) -> Bool { a.rawValue < b.rawValue }

    public var id: String {
        switch self {
        case .summary: "summary"
        case .fiscalSummary: "fiscal_summary"
        case .income: "income"
        case .expenditure: "expenditure"
        case .gpbExpenditure: "gpb_expenditure"
        case .basicEcon: "basic_econ"
        case .basicGovEcon: "basic_gov_econ"
        case .projectEcon: "project_econ"
        case .projectGovEcon: "project_gov_econ"
        case .threePublic: "three_public"
        case .govFund: "gov_fund"
        case .soeCapital: "soe_capital"
        case .procurement: "procurement"
        case .projects: "projects"
        case .narrative: "narrative"
        }
    }

    public var aliases: [String] {
        switch self {
        case .summary: ["部门收支总表"]
        case .fiscalSummary: ["财政拨款收支总表"]
        case .income: ["部门收入总表"]
        case .expenditure: ["部门支出总表"]
        case .gpbExpenditure: ["一般公共预算财政拨款支出预算表", "一般公共预算支出表"]
        case .basicEcon: ["基本支出预算表", "一般公共预算财政拨款基本支出预算表"]
        case .basicGovEcon: ["基本支出政府经济分类预算表"]
        case .projectEcon: ["项目支出预算表"]
        case .projectGovEcon: ["项目支出政府经济分类预算表"]
        case .threePublic: ["三公经费支出表", "“三公”经费支出表"]
        case .govFund: ["政府性基金预算支出表"]
        case .soeCapital: ["国有资本经营预算支出表"]
        case .procurement: ["采购预算明细表", "政府采购预算明细表"]
        case .projects: ["项目绩效目标表"]
        case .narrative: ["情况说明"]
        }
    }
}
