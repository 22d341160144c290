/// The words the audit reads in a document, in one place: the row names of the two-sided
/// 总表, the funds, the phrases that account for a difference (a classified item, a
/// carry-over, an absent fund), template text, and the 政府采购 categories. A region's
/// wording is added here, never in a rule.
enum AuditVocabulary {
    // MARK: - the two-sided 总表 (收支总表, 财政拨款收支总表), read by their row names

    /// The income side's grand total (本年收入 + 上年结转 …), and the spending side's.
    static let incomeGrandTotal = ["收入总计", "收入合计", "收入总数"]
    static let spendingGrandTotal = ["支出总计", "支出合计", "支出总数"]
    /// A total row printed without its side (`合计 | 6,995.08 | 合计 | 6,995.08`).
    static let bareTotals = ["合计", "总计"]
    /// This year's income and spending (the grand total less what is carried).
    static let thisYearIncome = ["本年收入", "当年收入"]
    static let thisYearSpending = ["本年支出", "当年支出"]
    /// Money carried in from last year (income side) and on to next year (spending side).
    static let carryover = ["上年结转", "年初结转", "年初财政拨款结转"]
    static let carryForward = ["结转下年", "年末结转", "年末财政拨款结转"]
    /// 用事业基金弥补收支差额: a third addend of the income grand total.
    static let fundBalance = ["事业基金"]
    /// A row naming one of these is of the income side, one naming 支出 of the spending side.
    static let incomeWords = ["收入", "资金", "拨款"]
    static let spendingWords = ["支出"]

    /// Which money a row or a column is: the three 财政拨款 funds, 财政拨款 unsplit, and money
    /// from elsewhere (事业收入, 其他资金 …).
    enum Fund: Sendable, CaseIterable {
        case gpb, govFund, soeCapital, fiscal, nonFiscal
    }

    static let fundNames: [(Fund, [String])] = [
        (.gpb, ["一般公共预算", "公共财政"]),
        (.govFund, ["政府性基金"]),
        (.soeCapital, ["国有资本经营"]),
        (.nonFiscal, ["财政专户", "事业收入", "事业单位经营", "经营收入", "上级补助", "附属单位", "其他收入", "其他资金", "单位资金"]),
        (.fiscal, ["财政拨款"]),
    ]

    /// The income table's columns of money that is not 财政拨款.
    static let nonFiscalColumns: [ColumnID] = [.specialAccount, .business, .superior, .affiliated, .operating, .other]

    static func fund(of name: String) -> Fund? {
        fundNames.first { $0.1.contains { name.contains($0) } }?.0
    }

    // MARK: - what accounts for a difference

    /// A classified item left out of the tables (说明：涉密项目依法不予公开).
    static let classified = ["涉密", "不予公开"]
    /// Words that, beside a fund's name, say the document has none of it.
    static let absent = ["无", "没有", "为0", "为零", "0万元", "未安排", "不涉及"]

    /// The fund an empty table is for: its statement should name it, not another.
    static let tableFund: [(TableID, [String])] = [
        (.govFund, ["政府性基金"]),
        (.soeCapital, ["国有资本经营"]),
        (.threePublic, ["三公"]),
    ]

    // MARK: - 三公 in the basic table

    /// The basic table's codes of the 三公 items, the 三公 column each is in, its name, and
    /// the word its printed name must hold to be that item.
    static let threePublicCodes: [(code: String, column: ColumnID, name: String, word: String)] = [
        ("30217", .reception, "公务接待费", "接待"),
        ("30231", .vehicleOperation, "公务用车运行维护费", "公务用车"),
        ("30212", .overseas, "因公出国（境）费用", "出国"),
        ("31013", .vehiclePurchase, "公务用车购置", "公务用车"),
    ]

    // MARK: - template text left in

    /// Placeholders and instructions of the template that a finished disclosure does not print.
    /// `XX` counts only away from other Latin letters and digits.
    static let templateText = ["XX", "ＸＸ", "××", "待填写", "请填写", "{单位}", "{部门}", "仍保留该表格式"]

    // MARK: - 政府采购

    /// The categories of a 政府采购 table: a row named just so (`一、货物A`, `货物类`, `服务`).
    static let procurementCategories = ["货物", "工程", "服务"]
}
