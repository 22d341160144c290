/// Which stage of the budget cycle a figure belongs to (§2): the 预算 as passed, the budget
/// as adjusted during the year, or the 决算 (what was actually spent).
public enum Phase: UInt8, NamedID, Comparable, Codable {
    case budget, adjusted, final

    public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }

    /// A document is final accounts (决算) when any of its figures is a 决算数: the 预算数 and
    /// 调整预算数 columns printed beside them stay budget figures, so one final figure decides.
    /// The store's labels and the audit's rules both tell a 决算 by this, not by its titles.
    static func marksFinalAccount(_ raw: UInt8) -> Bool { raw == Phase.final.rawValue }

    public var id: String {
        switch self {
        case .budget: "budget"
        case .adjusted: "adjusted"
        case .final: "final"
        }
    }

    /// The Chinese names users call it by; also the column headings that say a figure's phase.
    public var aliases: [String] {
        switch self {
        case .budget: ["预算", "预算数", "年初预算数"]
        case .adjusted: ["调整预算", "调整预算数", "全年预算数"]
        case .final: ["决算", "决算数"]
        }
    }
}
