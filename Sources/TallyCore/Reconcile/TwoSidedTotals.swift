/// A two-sided 总表 (收支总表, 财政拨款收支总表) read by its row names: both sides share each
/// printed line, so a row's side, and its place (grand total, this year, carried over, a
/// source of money), is told by what it is called. A name that could be either side (two
/// labels run together by a converter) is left out rather than guessed.
struct TwoSidedTotals {
    typealias Figure = (amount: Int64, row: Int)

    /// The line items of one printed label: its figure in each column.
    struct Row {
        var name: String
        var line: Int
        var first: Int
        /// 1 for `一、…`, 2 for `1.…` / `（一）…`, 0 unnumbered.
        var level: Int
        var figures: [ColumnID: Figure] = [:]
        var total: Figure? { figures[.total] }
    }

    typealias Fund = AuditVocabulary.Fund

    var incomeGrand: Row?
    var incomeThisYear: Row?
    /// The 上年结转 heading and the funds it lists under it.
    var carryover: Row?
    var carried: [(fund: Fund, row: Row)] = []
    var fundBalance: Row?
    /// This year's sources of money (一般公共预算拨款, 国有资本经营预算拨款, 事业收入 …).
    var sources: [(fund: Fund, row: Row)] = []
    var spendingGrand: Row?
    var spendingThisYear: Row?
    var carryForward: Row?
    /// Every spending-side row (the grand totals too), for its fund columns.
    var spendingRows: [Row] = []
    /// Labels that name both sides, or neither clearly.
    var ambiguous: [Row] = []

    /// `rows`: one document's line items of one such table, for one year.
    init(_ store: LineItemStore, rows: [Int]) {
        var byLabel: [Row] = []
        var index: [String: Int] = [:]
        var bare: [String: [Int: [Int]]] = [:]  // 合计 / 总计 → line → its items
        for r in rows {
            let name = store.names[store.name[r]].replacingAll(" ", with: "")
            let line = Int(store.line[r])
            guard let column = ColumnID(rawValue: store.column[r]) else { continue }
            if AuditVocabulary.bareTotals.contains(name) {
                bare[name, default: [:]][line, default: []].append(r)
                continue
            }
            let key = "\(line)\t\(name)"
            if index[key] == nil {
                index[key] = byLabel.count
                let (plain, level) = Self.unnumbered(name)
                byLabel.append(Row(name: plain, line: line, first: r, level: level))
            }
            if byLabel[index[key]!].figures[column] == nil { byLabel[index[key]!].figures[column] = (store.amount[r], r) }
        }
        // `合计 | x | 合计 | y` on one line, and the name on no other: the left is income's, the
        // right spending's. 总计 before 合计 (a 决算 prints 合计 for this year, 总计 for all).
        for name in ["总计", "合计"] {
            guard incomeGrand == nil, let lines = bare[name], lines.count == 1, let (line, items) = lines.first else { continue }
            let totals = items.filter { store.column[$0] == ColumnID.total.rawValue }
            guard totals.count == 2 else { continue }
            var income = Row(name: name, line: line, first: totals[0], level: 0)
            income.figures[.total] = (store.amount[totals[0]], totals[0])
            var spending = Row(name: name, line: line, first: totals[1], level: 0)
            for r in items where r != totals[0] {
                if let c = ColumnID(rawValue: store.column[r]), spending.figures[c] == nil { spending.figures[c] = (store.amount[r], r) }
            }
            incomeGrand = income
            spendingGrand = spending
            spendingRows.append(spending)
        }
        var carrying = false
        for row in byLabel.sorted(by: { ($0.line, $0.first) < ($1.line, $1.first) }) {
            switch Self.place(of: row.name) {
            case .ambiguous: ambiguous.append(row)
            case .incomeGrand:
                if incomeGrand == nil { incomeGrand = row }
                carrying = false
            case .incomeThisYear: if incomeThisYear == nil { incomeThisYear = row }
            case .carryover:
                if carryover == nil { carryover = row }
                carrying = true
            case .fundBalance: if fundBalance == nil { fundBalance = row }
            case .source(let fund):
                if carrying { carried.append((fund, row)) } else { sources.append((fund, row)) }
            case .spendingGrand:
                if spendingGrand == nil { spendingGrand = row }
                spendingRows.append(row)
            case .spendingThisYear:
                if spendingThisYear == nil { spendingThisYear = row }
                spendingRows.append(row)
            case .carryForward:
                if carryForward == nil { carryForward = row }
                spendingRows.append(row)
            case .spending: spendingRows.append(row)
            case .other: break
            }
        }
    }

    /// This year's sources that add up to its income: the top level where the table numbers
    /// them (`一、财政拨款` over `1.一般公共预算`), otherwise every one.
    var topSources: [(fund: Fund, row: Row)] {
        let top = sources.filter { $0.row.level == 1 }
        return top.isEmpty ? sources.filter { $0.row.level == 0 } : top
    }

    /// The most specific row of this year's sources naming a fund (1.一般公共预算 rather than 一、财政拨款).
    func source(_ fund: Fund) -> Row? {
        sources.filter { $0.fund == fund }.max { $0.row.level < $1.row.level }?.row
    }

    func carried(_ fund: Fund) -> Row? { carried.first { $0.fund == fund }?.row }

    // MARK: - names

    enum Place: Equatable {
        case incomeGrand, incomeThisYear, carryover, fundBalance, source(Fund)
        case spendingGrand, spendingThisYear, carryForward, spending
        case ambiguous, other
    }

    static func place(of name: String) -> Place {
        let v = AuditVocabulary.self
        func has(_ words: [String]) -> Bool { words.contains { name.contains($0) } }
        if has(v.fundBalance) { return .fundBalance }
        // 年初/年末财政拨款结转和结余 name 拨款 but their side by the year's end they are at.
        if has(v.carryForward) && !has(v.carryover) && !has(v.incomeGrandTotal) { return .carryForward }
        if has(v.carryover) && !has(v.carryForward) && !has(v.spendingWords) { return .carryover }
        let spendingSide = has(v.spendingWords) || has(v.carryForward)
        let incomeSide = has(v.incomeWords) || has(v.carryover) || has(v.incomeGrandTotal)
        // Two labels run together (`收入总计支出总计`, `一、…资金一、…支出`): no side.
        if spendingSide && incomeSide { return .ambiguous }
        if name.contains("、"), zip(name, name.dropFirst()).contains(where: { "一二三四五六七八九十".contains($0.0) && $0.1 == "、" }) {
            return .ambiguous
        }
        if spendingSide {
            if has(v.carryForward) { return .carryForward }
            if has(v.thisYearSpending) { return .spendingThisYear }
            if has(v.spendingGrandTotal) { return .spendingGrand }
            return .spending
        }
        if has(v.thisYearIncome) { return .incomeThisYear }
        if has(v.incomeGrandTotal) { return .incomeGrand }
        if has(v.carryover) { return .carryover }
        if let fund = v.fund(of: name) { return .source(fund) }
        return .other
    }

    /// `一、本年收入` → (`本年收入`, 1); `1.一般公共预算` and `（一）…` → level 2.
    static func unnumbered(_ name: String) -> (String, Int) {
        let chars = Array(name)
        if let f = chars.first, "（(".contains(f), let close = chars.firstIndex(where: { "）)".contains($0) }), close > 1, close <= 4 {
            return (String(chars[(close + 1)...]), 2)
        }
        var i = 0
        while i < chars.count, "一二三四五六七八九十".contains(chars[i]) { i += 1 }
        if i > 0, i <= 3, i < chars.count, "、.．".contains(chars[i]) { return (String(chars[(i + 1)...]), 1) }
        i = 0
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        if i > 0, i <= 2, i < chars.count, "、.．".contains(chars[i]) { return (String(chars[(i + 1)...]), 2) }
        return (name, 0)
    }
}
