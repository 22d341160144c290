/// The `fiscal` rule: the two 总表. Each balances (收入总计 = 支出总计), each grand total is
/// this year's money plus what is carried (收入总计 = 本年收入 + 上年结转, 支出总计 = 本年支出 +
/// 结转下年), this year's income is the sum of its sources; the 财政拨款收支总表's
/// 一般公共预算, 政府性基金 and 国有资本经营 money equals the totals of the gpb_expenditure,
/// gov_fund and soe_capital tables; and its 一般公共预算 income equals the summary's, unless one
/// of them counts the carry-over and the other does not (explained by the 上年结转 it prints).
extension AuditRules {
    mutating func fiscal() {
        for doc in documents() where !stopping() {
            let summary = totals(doc.id, .summary, year: doc.year)
            if let summary { balances(doc, summary, .summary) }
            guard let fiscal = totals(doc.id, .fiscalSummary, year: doc.year) else {
                findings.append(Finding(doc: doc.name, rule: "fiscal", severity: .insufficient, table: .fiscalSummary, code: "", column: nil,
                                        expected: nil, actual: nil, lines: [],
                                        message: "no 财政拨款收支总表 (fiscal_summary) figures to check"))
                continue
            }
            balances(doc, fiscal, .fiscalSummary)
            // All the department's money against its 财政拨款: the rest is money from elsewhere.
            // The carry-over too may hold money that is not 财政拨款: the summary's 上年结转
            // beyond the fiscal one's.
            if let all = summary?.incomeGrand, let whole = all.total, let own = fiscal.incomeGrand?.total {
                let carriedAll = summary?.carryover?.total, carriedFiscal = fiscal.carryover?.total
                let carriedElsewhere = carriedAll.flatMap { a -> (Int64, Int)? in
                    let (d, o) = a.amount.subtractingReportingOverflow(carriedFiscal?.amount ?? 0)
                    return o || d == 0 ? nil : (d, summary?.carryover?.line ?? 0)
                }
                compare(doc, rule: "fiscal", fig(whole), "summary \(all.name)", fig(own), "fiscal_summary \(fiscal.incomeGrand!.name)",
                        table: .summary, missing: "", explain: { $0.otherFunds(doc, gap: $1, carriedElsewhere: carriedElsewhere) })
            }
            fundColumns(doc, fiscal)
            generalBudgetIncome(doc, fiscal)
        }
    }

    private func fig(_ f: TwoSidedTotals.Figure?) -> (Int64, Int)? { f.map { ($0.amount, $0.row) } }

    /// One 总表 against itself: both sides, and each side's grand total against its parts.
    private mutating func balances(_ doc: Document, _ t: TwoSidedTotals, _ table: TableID) {
        let name = table == .summary ? "summary" : "fiscal_summary"
        guard let incomeGrand = t.incomeGrand?.total, let spendingGrand = t.spendingGrand?.total else {
            let unclear = t.ambiguous.prefix(3).map { "“\($0.name)”" }.joined(separator: ", ")
            findings.append(Finding(
                doc: doc.name, rule: "fiscal", severity: .insufficient, table: table, code: "", column: .total, expected: nil, actual: nil,
                lines: t.ambiguous.isEmpty ? lines(of: doc.id, table).map { [$0.first] } ?? [] : t.ambiguous.prefix(3).map(\.line),
                message: "\(name): cannot tell its 收入总计 and 支出总计 rows apart" + (unclear.isEmpty ? "" : " (labels that name both sides: \(unclear))")))
            return
        }
        compare(doc, rule: "fiscal", fig(incomeGrand), "\(name) \(t.incomeGrand!.name)", fig(spendingGrand), "\(t.spendingGrand!.name)",
                table: table, missing: "")

        // This year's income: printed, else the sum of its sources.
        let sources = t.topSources.compactMap { $0.row.total }
        var thisYear = t.incomeThisYear?.total.map { ($0.amount, $0.row) }
        if let printed = thisYear, !sources.isEmpty, let sum = Self.sum(sources.map(\.amount)) {
            compare(doc, rule: "fiscal", printed, "\(name) \(t.incomeThisYear!.name)", (sum, sources[0].row),
                    "its sources (\(t.topSources.map(\.row.name).joined(separator: " + ")))", table: table, figures: sources.count, missing: "")
        }
        if thisYear == nil, !sources.isEmpty, let sum = Self.sum(sources.map(\.amount)) { thisYear = (sum, sources[0].row) }
        // What is carried in: the 上年结转 row, else the funds under it, else nothing.
        let parts = t.carried.compactMap { $0.row.total }
        if let heading = t.carryover?.total, !parts.isEmpty, let sum = Self.sum(parts.map(\.amount)) {
            compare(doc, rule: "fiscal", fig(heading), "\(name) \(t.carryover!.name)", (sum, parts[0].row),
                    "the funds under it", table: table, column: .carryover, figures: parts.count, missing: "")
        }
        guard let carried = t.carryover?.total?.amount ?? Self.sum(parts.map(\.amount)) else { return }
        let fundBalance = t.fundBalance?.total?.amount ?? 0
        if let thisYear {
            let (sum, o1) = thisYear.0.addingReportingOverflow(carried)
            let (whole, o2) = sum.addingReportingOverflow(fundBalance)
            if !o1 && !o2 {
                let addends = ["本年收入"] + (carried != 0 ? ["上年结转"] : []) + (fundBalance != 0 ? ["事业基金"] : [])
                compare(doc, rule: "fiscal", fig(incomeGrand), "\(name) \(t.incomeGrand!.name)", (whole, thisYear.1),
                        addends.joined(separator: " + "), table: table, figures: addends.count + 1, missing: "")
            }
        } else {
            findings.append(Finding(doc: doc.name, rule: "fiscal", severity: .insufficient, table: table, code: "", column: .total,
                                    expected: nil, actual: nil, lines: [t.incomeGrand!.line],
                                    message: "\(name): prints no 本年收入 nor its sources, so 收入总计 = 本年收入 + 上年结转 cannot be checked"))
        }
        // The spending side: 支出总计 = 本年支出 + 结转下年, where 本年支出 is printed.
        if let spent = t.spendingThisYear?.total {
            let forward = t.carryForward?.total?.amount ?? 0
            let (sum, overflow) = spent.amount.addingReportingOverflow(forward)
            if !overflow {
                compare(doc, rule: "fiscal", fig(spendingGrand), "\(name) \(t.spendingGrand!.name)", (sum, spent.row),
                        forward != 0 ? "本年支出 + 结转下年" : "本年支出", table: table, figures: forward != 0 ? 3 : 2, missing: "")
            }
        }
        // 财政拨款收支总表 rows: total = 一般公共预算 + 政府性基金 + 国有资本经营.
        guard table == .fiscalSummary else { return }
        for row in t.spendingRows {
            let funds = [ColumnID.gpb, .govFund, .soeCapital].compactMap { row.figures[$0] }
            guard let total = row.total, !funds.isEmpty else { continue }
            guard let sum = Self.sum(funds.map(\.amount)) else { continue }
            compare(doc, rule: "fiscal", fig(total), "fiscal_summary \(row.name) total", (sum, funds[0].row),
                    "一般公共预算 + 政府性基金 + 国有资本经营", table: table, figures: funds.count, missing: "")
        }
    }

    /// The 财政拨款收支总表's money of each fund against that fund's own table.
    private mutating func fundColumns(_ doc: Document, _ t: TwoSidedTotals) {
        let split = t.spendingRows.contains { r in [ColumnID.gpb, .govFund, .soeCapital].contains { r.figures[$0] != nil } }
        let anchor = t.spendingThisYear?.total ?? t.spendingGrand?.total ?? t.incomeGrand?.total
        for (fund, column, table, what) in [(TwoSidedTotals.Fund.gpb, ColumnID.gpb, TableID.gpbExpenditure, "一般公共预算"),
                                            (.govFund, .govFund, .govFund, "政府性基金"), (.soeCapital, .soeCapital, .soeCapital, "国有资本经营")] {
            // The spending side's column where the table splits its spending by fund, else
            // the income side's rows of that fund (this year's and carried).
            var stated: (Int64, Int)?
            if split {
                stated = fig(t.spendingThisYear?.figures[column] ?? t.spendingGrand?.figures[column]) ?? anchor.map { (0, $0.row) }
            } else if let own = t.source(fund)?.total {
                // Income of the year and carried in is the year's spending where nothing is carried on.
                guard (t.carryForward?.total?.amount ?? 0) == 0 else {
                    findings.append(Finding(
                        doc: doc.name, rule: "fiscal", severity: .insufficient, table: .fiscalSummary, code: "", column: column,
                        expected: nil, actual: nil, lines: [t.carryForward!.line],
                        message: "fiscal_summary carries money on (\(t.carryForward!.name)) without saying which fund's, so its \(what) spending cannot be told"))
                    continue
                }
                guard case let (sum, false) = own.amount.addingReportingOverflow(t.carried(fund)?.total?.amount ?? 0) else { continue }
                stated = (sum, own.row)
            } else if let carried = t.carried(fund) {
                findings.append(Finding(
                    doc: doc.name, rule: "fiscal", severity: .insufficient, table: .fiscalSummary, code: "", column: column,
                    expected: nil, actual: nil, lines: [carried.line],
                    message: "fiscal_summary prints \(what) carried in (\(carried.name)) but not this year's, so its \(what) money cannot be told"))
                continue
            } else {
                stated = anchor.map { (0, $0.row) }
            }
            guard let stated else { continue }
            var printed = figure(doc.id, table, "", .total, year: doc.year)
            if printed == nil, publishedEmpty(doc.name, table) { printed = (0, stated.1) }
            if printed == nil && stated.0 == 0 { continue }
            compare(doc, rule: "fiscal", stated, "fiscal_summary \(what)", printed, "\(table.id) 合计", table: .fiscalSummary, column: column,
                    missing: "the document has no \(table.id) table", explain: { $0.carryover(doc, gap: $1) })
        }
    }

    /// The general-budget income of the 财政拨款收支总表 against the summary's (or the income
    /// table's): where one counts the carry-over and the other does not, the difference is it.
    private mutating func generalBudgetIncome(_ doc: Document, _ t: TwoSidedTotals) {
        guard let own = t.source(.gpb)?.total else { return }
        if let summary = totals(doc.id, .summary, year: doc.year), let row = summary.source(.gpb), let other = row.total {
            compare(doc, rule: "fiscal", fig(own), "fiscal_summary \(t.source(.gpb)!.name)", fig(other), "summary \(row.name)",
                    table: .fiscalSummary, column: .gpb, missing: "", explain: { $0.carryover(doc, gap: $1) })
        } else if let other = figure(doc.id, .income, "", .gpb, year: doc.year) {
            compare(doc, rule: "fiscal", fig(own), "fiscal_summary \(t.source(.gpb)!.name)", other, "income 合计 gpb",
                    table: .fiscalSummary, column: .gpb, missing: "", explain: { $0.carryover(doc, gap: $1) })
        }
    }
}
