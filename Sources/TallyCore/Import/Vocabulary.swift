/// The words disclosures use for their tables, columns, units and empty tables (§1, §2), in
/// one place. Every layout reads through these lists; a region's wording is added here,
/// never in a reader.
enum Vocabulary {
    /// A title rule: every `all` keyword occurs and no `none` keyword does. `table` nil is a
    /// table tally does not read (it ends the table before it).
    struct TitleRule {
        var table: TableID?
        var all: [String]
        var none: [String] = []
        /// Where the budget unit's name ends in the title (`…局部门支出总表`).
        var marker: String = ""
    }

    /// Ordered: the first rule that matches wins. 三公 and the fund tables come first since
    /// their titles also name 收入支出 or 支出决算; 财政拨款收支 before 收支总表; the 基本支出 tables
    /// before the function table whose keywords they contain.
    static let titleRules: [TitleRule] = [
        TitleRule(table: .threePublic, all: ["三公"], marker: "一般公共预算"),
        TitleRule(table: nil, all: ["机关运行经费"]),
        TitleRule(table: .govFund, all: ["政府性基金", "支出"], marker: "政府性基金"),
        TitleRule(table: .soeCapital, all: ["国有资本经营", "支出"], marker: "国有资本经营"),
        TitleRule(table: .fiscalSummary, all: ["财政拨款收支"], marker: "财政拨款收支"),
        TitleRule(table: .fiscalSummary, all: ["财政拨款收入支出"], marker: "财政拨款收入支出"),
        TitleRule(table: .summary, all: ["收支总表"], marker: "部门收支"),
        TitleRule(table: .summary, all: ["收支预算总表"], marker: "部门收支"),
        TitleRule(table: .summary, all: ["收入支出决算总表"], marker: "收入支出"),
        // 情况表 wordings (部门收支总体情况表, 部门收入总体情况表, 部门收入情况表).
        TitleRule(table: .summary, all: ["收支", "情况表"], none: ["财政拨款", "一般公共预算", "政府性基金", "国有资本"] + notTheWholeUnits,
                  marker: "部门收支"),
        TitleRule(table: .income, all: ["收入", "情况表"], none: ["财政拨款", "一般公共预算", "政府性基金", "国有资本", "支出"] + notTheWholeUnits,
                  marker: "部门收入"),
        TitleRule(table: .income, all: ["收入总表"], marker: "部门收入"),
        TitleRule(table: .income, all: ["收入预算总表"], marker: "部门收入"),
        TitleRule(table: .income, all: ["收入决算表"], marker: "收入决算"),
        // A 财政拨款 copy of the 一般公共预算 tables (江苏 公开05/06): no table id of its own.
        TitleRule(table: nil, all: ["财政拨款", "支出预算表"], none: ["一般公共预算", "收支", "项目支出"]),
        // 按政府预算（支出）经济分类, 政府经济分类: the 5xx classification, not the 3xx.
        TitleRule(table: .basicGovEcon, all: ["基本支出", "政府", "经济分类"], none: ["政府性基金"], marker: "一般公共预算"),
        TitleRule(table: .basicEcon, all: ["基本支出预算表"], marker: "一般公共预算"),
        TitleRule(table: .basicEcon, all: ["基本支出决算表"], marker: "一般公共预算"),
        TitleRule(table: .basicEcon, all: ["基本支出", "经济分类"], marker: "一般公共预算"),
        // The national template's 一般公共预算（财政拨款）基本支出表 and its 情况表/明细表.
        TitleRule(table: .basicEcon, all: ["一般公共预算", "基本支出"], none: ["项目支出", "收支", "总表"], marker: "一般公共预算"),
        TitleRule(table: .projectGovEcon, all: ["项目支出预算表", "政府", "经济分类"], none: ["政府性基金"], marker: "一般公共预算"),
        TitleRule(table: .projectEcon, all: ["项目支出预算表"], marker: "一般公共预算"),
        // Other 项目支出 tables list projects (项目名称 | 金额), no table id of their own: read as
        // the function table they would add its money twice.
        TitleRule(table: nil, all: ["项目支出"], none: ["基本支出", "收支", "总表"]),
        TitleRule(table: .procurement, all: ["采购预算"], marker: "政府采购"),
        TitleRule(table: .procurement, all: ["政府采购", "支出"], marker: "政府采购"),
        TitleRule(table: .gpbExpenditure, all: ["一般公共预算", "支出", "表"], marker: "一般公共预算"),
        TitleRule(table: .expenditure, all: ["支出总表"], marker: "部门支出"),
        TitleRule(table: .expenditure, all: ["支出预算总表"], marker: "部门支出"),
        TitleRule(table: .expenditure, all: ["支出决算表"], marker: "支出决算"),
        // 部门收入预算表, 单位支出预算表: the whole unit's income and spending, named without 总.
        TitleRule(table: .income, all: ["收入预算表"], none: ["财政拨款", "一般公共预算", "政府性基金", "国有资本"], marker: "收入预算表"),
        TitleRule(table: .expenditure, all: ["支出预算表"], none: ["财政拨款", "一般公共预算", "政府性基金", "国有资本", "基本支出", "项目支出", "采购"],
                  marker: "支出预算表"),
        TitleRule(table: .expenditure, all: ["支出", "情况表"],
                  none: ["财政拨款", "一般公共预算", "政府性基金", "国有资本", "基本支出", "项目支出", "采购", "收入"] + notTheWholeUnits,
                  marker: "部门支出"),
    ]

    /// 情况表 that are not the unit's whole income or spending: performance targets (绩效目标,
    /// 自评), bought services, non-tax revenue.
    static let notTheWholeUnits = ["绩效", "自评", "购买服务", "非税", "采购"]

    /// What is printed before a table's title: its number in the document (`附表1：`, `附件2`,
    /// `表3`), or 续表 on a page it goes on to. A title that is only a number (`表一`) is a
    /// marker of the pdf-text layout, not matched here (these need words after them).
    nonisolated(unsafe) static let titlePrefixes: [Regex<Substring>] = [
        /(?:附表|附件)[0-9一二三四五六七八九十]*[-－—]?[0-9]*[：:、.．]?/,
        /表[0-9一二三四五六七八九十]+[-－—]?[0-9]*[：:、.．]/,
        // A number run into the year after it (`表一2026年…`, `表12026年…`: 表1, 2026年).
        /(?:附表|表)[0-9一二三四五六七八九十]{1,3}(?=20[0-9]{2}年)/,
        /(?:（续表?）|\(续表?\)|续表[：:]?)/,
    ]

    /// A table's number printed alone on a line (`公开01表`, `表3`, `附表2-1`), above its title or
    /// beside the unit under it: no title of its own.
    nonisolated(unsafe) static let tableNumberAlone =
        /(?:公开|附表|附件|表)?[0-9一二三四五六七八九十]+(?:[-－—][0-9]+)?表?/

    /// Whether a line (its words joined, blanks taken out) is a table's number alone.
    static func isTableNumber(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 12, text.contains(utf8: "表") else { return false }
        return text.replacingAll(" ", with: "").wholeMatch(of: tableNumberAlone) != nil
    }

    /// What is printed after a title: its number (`表3`, `（表3）`, `公开03表` is a title's own
    /// end and stays), a page (`第1页`, `共2页`), or 续.
    nonisolated(unsafe) static let titleSuffixes: [Regex<Substring>] = [
        /[（(]?表[0-9一二三四五六七八九十]+[-－—]?[0-9]*[）)]?$/,
        /[（(]?第[0-9]+页[，,]?(?:共[0-9]+页)?[）)]?$/,
        /[（(]?共[0-9]+页[）)]?$/,
        /(?:（续表?）|\(续表?\)|续表|续)$/,
    ]

    /// A line that only says the table goes on from the page before (`续表`, `（续）`, `续表2`):
    /// neither a header line nor a row.
    static func isContinuationMark(_ text: String) -> Bool {
        // (Runs on every line of every table: the regex only where 续 is.)
        guard text.contains(utf8: "续") else { return false }
        return text.replacingAll(" ", with: "").wholeMatch(of: continuationMark) != nil
    }

    nonisolated(unsafe) static let continuationMark = /(?:续表?|（续表?）|\(续表?\))[0-9一二三四五六七八九十]*[：:]?/

    /// The tables every disclosure prints (财预〔2016〕143号), an empty one with its statement.
    static let requiredTables: [TableID] = [
        .summary, .income, .expenditure, .fiscalSummary, .gpbExpenditure, .basicEcon, .threePublic, .govFund,
    ]

    /// A title that holds one of these is a final account (决算), not a budget.
    static let finalAccountWords = ["决算"]

    /// Header keywords → column, most specific first: `公务用车购置及运行费` before `购置费`,
    /// `事业单位经营` before `事业收入`, 结转下年 (no column) before 上年结转.
    static let columnKeywords: [(String, ColumnID?)] = [
        ("用事业基金", nil),
        ("结转下年", nil),
        ("上年结转", .carryover),
        ("年初结转", .carryover),
        ("财政专户", .specialAccount),
        ("事业单位经营支出", .operatingExp),
        ("事业单位经营", .operating),
        ("经营收入", .operating),
        ("上缴上级", .superiorExp),
        ("对附属单位", .affiliatedExp),
        ("经营支出", .operatingExp),
        ("上级补助", .superior),
        ("附属单位", .affiliated),
        ("其他收入", .other),
        ("事业收入", .business),
        ("一般公共预算", .gpb),
        ("政府性基金", .govFund),
        ("国有资本经营", .soeCapital),
        ("财政拨款", .gpb),
        ("单位预留机动", .reserve),
        ("预留机动", .reserve),
        ("机关运行经费", .runningCosts),
        ("因公出国", .overseas),
        ("公务用车购置及运行", .vehicle),
        ("公务用车购置费", .vehiclePurchase),
        ("公务用车运行", .vehicleOperation),
        ("购置费", .vehiclePurchase),
        ("运行维护费", .vehicleOperation),
        ("运行费", .vehicleOperation),
        ("公务接待", .reception),
        ("会议费", .meeting),
        ("培训费", .training),
        ("人员经费", .personnel),
        ("公用经费", .public),
        ("基本支出", .basic),
        ("项目支出", .project),
    ]

    /// Header words for a total column (after the keywords above have not matched).
    static let totalWords = ["合计", "总计", "小计", "预算数", "决算数", "年初预算数", "调整预算数", "全年预算数", "金额", "本年预算", "预算金额"]

    /// Header words that say which phase a column's figures are (§2), longest first so that
    /// 调整预算数 is not read as 预算数. A budget's own 预算数 columns are simply `budget`.
    static let phaseHeaders: [(String, Phase)] = [
        ("调整预算数", .adjusted), ("全年预算数", .adjusted), ("调整预算", .adjusted),
        ("年初预算数", .budget), ("预算数", .budget), ("决算数", .final), ("执行数", .final),
    ]

    static func phase(inHeader text: String) -> Phase? {
        phaseHeaders.first { text.contains(utf8: $0.0) }?.1
    }

    /// Header words of the label columns (code and name), never of a figure column. A 行次
    /// column numbers the rows (1, 2, …) and a 数量 column counts things (a 政府采购 table's
    /// computers): their numbers are not money.
    static let labelHeaderWords = countHeaderWords + [
        rowNumberHeader, "项目", "科目", "名称", "编码", "类", "款", "项", "收入", "支出", "功能分类", "经济分类", "支出用途", "单位名称",
        "品目", "计量单位", "规格", "年度",
    ]

    /// A header that begins so names a part of the column before it (其中：专项收入, wrapped or
    /// not): a column of figures, never a label column, whatever word its name ends in.
    static let partOfMarker = "其中"

    /// Whether a name begins with an item's number (`1.`, `2、`, `（1）`, `(2)`, `一、`) or with
    /// 其中: the first line of a name, never the wrapped end of the one above.
    static func startsItem(_ text: String) -> Bool {
        if text.hasPrefix(partOfMarker) { return true }
        let scalars = Array(text.unicodeScalars.prefix(6))
        guard let first = scalars.first else { return false }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        if first == "（" || first == "(" {
            let digits = scalars.dropFirst().prefix { isDigit($0) || numerals.contains($0) }
            let close = scalars.dropFirst(1 + digits.count).first
            return !digits.isEmpty && (close == "）" || close == ")")
        }
        let digits = scalars.prefix { isDigit($0) }
        if !digits.isEmpty, let mark = scalars.dropFirst(digits.count).first { return [".", "．", "、"].contains(mark) }
        let count = scalars.prefix { numerals.contains($0) }.count
        return count > 0 && scalars.dropFirst(count).first == "、"
    }

    /// The header of a column that numbers the rows.
    static let rowNumberHeader = "行次"

    /// Headers of columns that count things, not money (数量, 人数): their numbers are no figures.
    static let countHeaderWords = ["数量", "人数", "台数", "个数", "编制数", "车辆数"]

    /// Headers of columns that give a change or a rate between two others (增减额, 增减%,
    /// 比上年增长): derived figures, no amount of money of their own.
    static let changeHeaderWords = ["增减", "增长", "增幅", "减少", "变动", "比上年", "较上年", "同比", "%", "％", "百分比"]

    /// Whether figures under `header` count things or give a change: read, never money.
    static func isNoAmountHeader(_ header: String) -> Bool {
        (countHeaderWords + changeHeaderWords).contains { header.contains(utf8: $0) }
    }

    /// Row labels of a table of money whose figures are no amount: counts (公务用车保有量（辆）,
    /// 国内公务接待批次) and changes (增减额, 比上年增减).
    static let noAmountRowWords = countHeaderWords + ["（辆）", "（个）", "（人）", "（台）", "（人次）", "(辆)", "(个)", "批次", "人次", "保有量",
                                                      "增减", "增长", "减少额", "变动"]

    /// The first cell of a header row that numbers the columns (栏次 | 1 | 2 | 3), printed
    /// under their names by the national 决算 template.
    static let columnNumberRowLabel = "栏次"

    /// The header cells over split code columns.
    static let codePartHeaders: Set<String> = ["类", "款", "项"]

    /// Label header words that also end a figure column's name wrapped over lines.
    static let wrappedNameTails: Set<String> = ["收入", "支出"]

    /// Words that make a row label a total, of the table or of a part (人员经费合计).
    static let partTotalWords = ["合计", "总计", "小计"]
    /// Row labels of a table's total row.
    static let totalRowLabels = ["合计", "总计", "收入总计", "支出总计", "本年收入合计", "本年支出合计"]

    /// `单位：万元`, `金额单位：元`, `单位:万元`.
    static let unitMarkers = ["单位：", "单位:"]
    static let units: [(String, DisplayUnit)] = [("万元", .wan), ("亿元", .yi), ("千元", .qian), ("元", .yuan)]
    /// Multiples a unit word is made of (百万元, 十万元): a unit stated in one tally does not
    /// read is reported, never read as the default.
    static let unitMultiples: Set<Character> = ["十", "百", "千", "万", "亿"]

    /// Statements printed in a table published empty.
    static let emptyStatements = ["无数据", "此表为空", "本表为空", "本表无", "无该项", "空表", "没有", "无此项"]

    /// Line prefixes that name the budget unit: `编制部门：上海市普陀区财政局`.
    static let unitNamePrefixes = [
        "部门全称：", "单位名称：", "部门名称：", "编制部门：", "编制单位：", "预算主管部门：", "预算单位：", "主管部门：", "部门：", "单位：",
    ]

    /// Prefixes a cover uses for the unit's name, the unit's own before its department's.
    static let coverNamePrefixes = ["预算单位：", "单位名称：", "部门名称：", "编制单位：", "编制部门：", "预算主管部门：", "主管部门："]

    /// Notes under a table: they end its rows.
    static let notePrefixes = ["注：", "注:", "备注", "说明：", "说明:"]

    /// The units a table may state, for a message: `元, 千元, 万元, 亿元`.
    static var readableUnits: String { DisplayUnit.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The unit a line states, or the unit word it states that tally does not read. A marker
    /// followed by no unit word (`编制单位：X局`) states nothing.
    static func unitStatement(in text: String) -> UnitStatement? {
        // Every marker holds 位, blanks or not: most lines are rows, and skip the search.
        guard text.contains(utf8: "位") else { return nil }
        let t = text.replacingAll(" ", with: "").replacingAll("\u{3000}", with: "")
        var unknown: String?
        for marker in unitMarkers {
            for r in t.ranges(of: marker) {
                var rest = t[r.upperBound...]
                if rest.hasPrefix("人民币") { rest = rest.dropFirst(3) }
                for (word, unit) in units where rest.hasPrefix(word) { return .known(unit) }
                let multiples = rest.prefix { unitMultiples.contains($0) }
                if !multiples.isEmpty, rest.dropFirst(multiples.count).first == "元" { unknown = unknown ?? multiples + "元" }
            }
        }
        return unknown.map { .unknown($0) }
    }

    /// Phrases that state every table's unit in a document's notes: `金额单位均为元`,
    /// `单位为万元`, `以万元为单位`.
    static let documentUnitMarkers = ["单位均为", "单位均是", "单位为", "单位是", "单位统一为"]

    /// The unit a sentence states for the whole document, or nil.
    static func documentUnitStatement(in text: String) -> UnitStatement? {
        guard text.contains(utf8: "位") else { return nil }
        let t = text.replacingAll(" ", with: "").replacingAll("\u{3000}", with: "")
        func unit(after rest: Substring) -> UnitStatement? {
            var rest = rest
            if rest.hasPrefix("人民币") { rest = rest.dropFirst(3) }
            for (word, unit) in units where rest.hasPrefix(word) { return .known(unit) }
            let multiples = rest.prefix { unitMultiples.contains($0) }
            if !multiples.isEmpty, rest.dropFirst(multiples.count).first == "元" { return .unknown(multiples + "元") }
            return nil
        }
        for marker in documentUnitMarkers {
            for r in t.ranges(of: marker) { if let stated = unit(after: t[r.upperBound...]) { return stated } }
        }
        // 以万元为单位: the unit between 以 and 为单位.
        for r in t.ranges(of: "为单位") {
            guard let open = t[..<r.lowerBound].lastIndex(of: "以") else { continue }
            if let stated = unit(after: t[t.index(after: open)..<r.lowerBound]), t.distance(from: open, to: r.lowerBound) <= 5 {
                return stated
            }
        }
        return nil
    }

    static func isEmptyStatement(_ text: String) -> Bool {
        let t = text.replacingAll(" ", with: "")
        return emptyStatements.contains { t.contains(utf8: $0) }
            && (t.contains(utf8: "表") || t.contains(utf8: "数据") || t.contains(utf8: "项目") || t.contains(utf8: "支出"))
    }

    /// The characters of a contents entry's leader, the run from a title to its page number
    /// (`收支预算总表 ………… 5`, `收支预算总表··········5`); an ellipsis counts for three dots.
    static let leaderCharacters: [Character: Int] = ["…": 3, "⋯": 3, ".": 1, "．": 1, "·": 1, "‧": 1, "•": 1, "-": 1, "－": 1, "—": 1, "_": 1]

    /// Whether the line holds a leader of six dots or more: a contents entry, never a table's
    /// own title, whatever follows the leader (a page number apart or run into it, or nothing).
    static func hasContentsLeader(_ text: String) -> Bool {
        var run = 0
        for c in text {
            if let weight = leaderCharacters[c] {
                run += weight
                if run >= 6 { return true }
            } else if c != " " {
                run = 0
            }
        }
        return false
    }

    static func isNote(_ text: String) -> Bool {
        let t = text.replacingAll(" ", with: "")
        return notePrefixes.contains { t.hasPrefix($0) }
    }

    /// The unit named after a prefix such as 编制部门：, or nil.
    static func unitName(in text: String) -> String? {
        guard text.contains(utf8: "：") else { return nil }  // every prefix ends with one
        let t = text.replacingAll(" ", with: "").replacingAll("\u{3000}", with: "")
        for prefix in unitNamePrefixes {
            guard let r = t.firstRange(of: prefix), r.lowerBound == t.startIndex || prefix.count >= 4 else { continue }
            var name = String(t[r.upperBound...])
            // The unit statement often shares the line: `编制部门：X局 单位：元`.
            for marker in unitMarkers { if let m = name.firstRange(of: marker) { name = String(name[..<m.lowerBound]) } }
            if prefix == "单位：", Vocabulary.units.contains(where: { name.hasPrefix($0.0) }) { continue }
            // `编制部门：X局（单位：元）`: the bracket and 金额 of the unit statement are not the name's.
            while let last = name.last, "（(【[".contains(last) { name.removeLast() }
            if name.hasSuffix("金额") { name.removeLast(2) }
            if !name.isEmpty, name.count <= 40 { return name }
        }
        return nil
    }
}

/// What a unit line (单位：…) says.
enum UnitStatement: Hashable {
    case known(DisplayUnit)
    /// A unit word tally has no unit for (百万元): the table's figures cannot be read exactly.
    case unknown(String)
}
