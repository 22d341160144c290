/// Which column of a table a figure is in (§2), with the header texts that name it.
public enum ColumnID: UInt8, NamedID, Comparable, Codable {
    case total, basic, project, personnel, `public`, carryover, gpb, govFund, soeCapital, specialAccount
    case business, superior, affiliated, operating, other, overseas, vehicle, vehiclePurchase
    case vehicleOperation, reception
    // Added later; appended so that stored ids (snapshots) keep their meaning.
    case reserve, superiorExp, operatingExp, affiliatedExp, meeting, training, grandTotal, runningCosts

    public static func < (a: ColumnID, b: ColumnID) -> Bool { a.rawValue < b.rawValue }

    public var id: String {
        switch self {
        case .total: "total"
        case .basic: "basic"
        case .project: "project"
        case .personnel: "personnel"
        case .public: "public"
        case .carryover: "carryover"
        case .gpb: "gpb"
        case .govFund: "gov_fund"
        case .soeCapital: "soe_capital"
        case .specialAccount: "special_account"
        case .business: "business"
        case .superior: "superior"
        case .affiliated: "affiliated"
        case .operating: "operating"
        case .other: "other"
        case .overseas: "overseas"
        case .vehicle: "vehicle"
        case .vehiclePurchase: "vehicle_purchase"
        case .vehicleOperation: "vehicle_operation"
        case .reception: "reception"
        case .reserve: "reserve"
        case .superiorExp: "superior_exp"
        case .operatingExp: "operating_exp"
        case .affiliatedExp: "affiliated_exp"
        case .meeting: "meeting"
        case .training: "training"
        case .grandTotal: "grand_total"
        case .runningCosts: "running_costs"
        }
    }

    public var aliases: [String] {
        switch self {
        case .total: ["合计", "总计", "小计", "预算数"]
        case .basic: ["基本支出"]
        case .project: ["项目支出"]
        case .personnel: ["人员经费"]
        case .public: ["公用经费", "日常公用经费"]
        case .carryover: ["上年结转"]
        case .gpb: ["一般公共预算", "一般公共预算拨款", "一般公共预算拨款收入"]
        case .govFund: ["政府性基金", "政府性基金预算拨款", "政府性基金预算拨款收入"]
        case .soeCapital: ["国有资本经营", "国有资本经营预算", "国有资本经营预算拨款收入"]
        case .specialAccount: ["财政专户管理资金"]
        case .business: ["事业收入"]
        case .superior: ["上级补助收入"]
        case .affiliated: ["附属单位上缴收入"]
        case .operating: ["事业单位经营收入"]
        case .other: ["其他收入"]
        case .overseas: ["因公出国（境）费", "因公出国(境)费"]
        case .vehicle: ["公务用车购置及运行费"]
        case .vehiclePurchase: ["公务用车购置费"]
        case .vehicleOperation: ["公务用车运行维护费", "公务用车运行费"]
        case .reception: ["公务接待费"]
        case .reserve: ["单位预留机动经费"]
        case .superiorExp: ["上缴上级支出"]
        case .operatingExp: ["经营支出"]
        case .affiliatedExp: ["对附属单位补助支出"]
        case .meeting: ["会议费"]
        case .training: ["培训费"]
        case .grandTotal: ["总合计"]
        case .runningCosts: ["机关运行经费"]
        }
    }
}
