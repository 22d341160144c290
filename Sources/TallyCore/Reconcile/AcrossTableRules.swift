/// The 表间 rules: the same money in the tables of one document (tables), one code one
/// name (names), and the 三公 table against the basic table's codes (three_public).
extension AuditRules {
    // MARK: - 表间

    mutating func tables() {
        for doc in documents() where !stopping() {
            let y = doc.year
            let income = figure(doc.id, .income, "", .total, year: y)
            let spending = figure(doc.id, .expenditure, "", .total, year: y)
            // A budget spends what it takes in; final accounts (决算) keep what was not spent
            // in their balances, so there income and expenditure differ by right.
            let final = doc.final
            if !final {
                compare(doc, rule: "tables", spending, "expenditure 合计", income, "income 合计", table: .expenditure,
                        missing: income == nil ? "no income table" : "no expenditure table")
            }
            let gpbBasic = figure(doc.id, .gpbExpenditure, "", .basic, year: y)
            // A 决算 basic table prints no 合计, only 人员经费合计 and 公用经费合计.
            var basicEcon = figure(doc.id, .basicEcon, "", .total, year: y)
            var basicFigures = 1
            if basicEcon == nil, let p = figure(doc.id, .basicEcon, "", .personnel, year: y), let q = figure(doc.id, .basicEcon, "", .public, year: y),
                case let (sum, false) = p.0.addingReportingOverflow(q.0)
            {
                basicEcon = (sum, p.1)
                basicFigures = 2
            }
            let spendingBasic = figure(doc.id, .expenditure, "", .basic, year: y)
            if gpbBasic == nil, spendingBasic != nil, basicEcon != nil {
                // A gpb table in one 金额 column: the expenditure table's basic spending holds
                // the basic table, with any money other than 一般公共预算 on top.
                compare(doc, rule: "tables", spendingBasic, "expenditure 合计 basic", basicEcon, "basic_econ 合计", table: .expenditure,
                        column: .basic, figures: basicFigures, missing: "", explain: { $0.otherFunds(doc, gap: $1, andFunds: true) })
            } else {
                let why = !hasTable(doc.id, .gpbExpenditure) ? "no gpb_expenditure table"
                    : gpbBasic == nil ? "the gpb_expenditure table prints no 基本支出 合计" : "no basic_econ table"
                compare(doc, rule: "tables", gpbBasic, "gpb_expenditure 合计 basic", basicEcon, "basic_econ 合计", table: .gpbExpenditure,
                        column: .basic, figures: basicFigures, missing: why)
            }
            // gpb ⊂ expenditure: where all money is general public budget they are equal code
            // by code; otherwise their totals differ by the money that is not.
            let incomeGPB = figure(doc.id, .income, "", .gpb, year: y)
            let allGPB = income != nil && incomeGPB?.0 == income?.0
            if allGPB {
                for row in rows(of: doc.id, .gpbExpenditure, year: y) where store.code[row] != store.codes.id(of: "") ?? UInt32.max {
                    let code = store.codes[store.code[row]]
                    guard let col = column(row), let other = figure(doc.id, .expenditure, code, col, year: y) else { continue }
                    let gap = store.amount[row] &- other.0
                    if gap != 0 {
                        findings.append(Finding(
                            doc: doc.name, rule: "tables", severity: Finding.severity(gap: gap, figures: 1), table: .gpbExpenditure,
                            code: code, column: col, expected: Amount(fen: other.0), actual: Amount(fen: store.amount[row]),
                            lines: [Int(store.line[row]), Int(store.line[other.1])],
                            message: "\(label(row)) \(col.id): gpb_expenditure \(Amount(fen: store.amount[row]).display(in: .wan)) but expenditure \(Amount(fen: other.0).display(in: .wan)) (all funds are 一般公共预算, so they should agree)"))
                    }
                }
            } else if income != nil, let gpbTotal = figure(doc.id, .gpbExpenditure, "", .total, year: y) {
                compare(doc, rule: "tables", spending, "expenditure 合计", gpbTotal, "gpb_expenditure 合计", table: .expenditure,
                        missing: "no expenditure table", explain: { $0.otherFunds(doc, gap: $1, andFunds: true) })
            }
            if !final { incomeAgainstExpenditure(doc) }
            // The summary's income sources against the income table's 合计: a table whose total
            // folds in the carry-over while another shows it apart shows up here, explained.
            if hasTable(doc.id, .income), let summary = totals(doc.id, .summary, year: y) {
                for (column, fund, label) in [(ColumnID.gpb, TwoSidedTotals.Fund.gpb, "一般公共预算拨款"), (.govFund, .govFund, "政府性基金"),
                                              (.soeCapital, .soeCapital, "国有资本经营")] {
                    guard let stated = summary.source(fund)?.total else { continue }
                    let printed = figure(doc.id, .income, "", column, year: y) ?? (0, stated.row)
                    compare(doc, rule: "tables", printed, "income 合计 \(column.id)", (stated.amount, stated.row), "summary \(label)",
                            table: .income, column: column, missing: "", explain: { $0.carryover(doc, gap: $1) })
                }
                // Only where the income table has a 上年结转 column: a 收入决算表 prints this
                // year's income alone, and its blank is no 0.
                if let carried = summary.carryover?.total, rows(of: doc.id, .income, year: y).contains(where: { column($0) == .carryover }) {
                    let printed = figure(doc.id, .income, "", .carryover, year: y) ?? (0, carried.row)
                    compare(doc, rule: "tables", printed, "income 合计 carryover", (carried.amount, carried.row), "summary 上年结转",
                            table: .income, column: .carryover, missing: "", explain: { rules, _ in
                                // The income table's 合计 is the summary's 收入总计: it holds the
                                // carry-over within its sources' columns instead.
                                guard let whole = summary.incomeGrand?.total, whole.amount == income?.0 else { return [] }
                                return [Explanation(reason: "上年结转",
                                                    text: "summary \(summary.carryover?.name ?? "上年结转") \(Amount(fen: carried.amount).display(in: .wan)), within income 合计 \(Amount(fen: whole.amount).display(in: .wan))",
                                                    line: summary.carryover?.line ?? 0)]
                            })
                }
            }
            // 部门 vs 政府 economic classes. The 政府 table may print its one column as 基本支出.
            if hasTable(doc.id, .basicGovEcon) && hasTable(doc.id, .basicEcon) {
                for (dept, gov) in [("301", "501"), ("302", "502"), ("303", "509"), ("310", "503")] {
                    let a = figure(doc.id, .basicEcon, dept, .total, year: y)
                    let b = figure(doc.id, .basicGovEcon, gov, .total, year: y) ?? figure(doc.id, .basicGovEcon, gov, .basic, year: y)
                    guard a != nil || b != nil else { continue }
                    // A class printed in one table only is a difference of its whole amount.
                    let row = a?.1 ?? b?.1 ?? 0
                    compare(doc, rule: "tables", a ?? (0, row), "basic_econ \(dept)", b ?? (0, row), "basic_gov_econ \(gov)",
                            table: .basicEcon, code: dept, missing: "")
                }
            }
        }
    }

    /// The income and expenditure tables by function code: the same code, the same money.
    private mutating func incomeAgainstExpenditure(_ doc: Document) {
        let empty = store.codes.id(of: "")
        let total = ColumnID.total.rawValue
        var incomeByCode: [UInt32: Int] = [:]
        for row in rows(of: doc.id, .income, year: doc.year) where store.column[row] == total && store.code[row] != empty {
            if incomeByCode[store.code[row]] == nil { incomeByCode[store.code[row]] = row }
        }
        guard !incomeByCode.isEmpty else { return }
        var seen = Set<UInt32>()
        for row in rows(of: doc.id, .expenditure, year: doc.year) where store.column[row] == total && store.code[row] != empty {
            guard seen.insert(store.code[row]).inserted, let other = incomeByCode[store.code[row]] else { continue }
            compare(doc, rule: "tables", (store.amount[row], row), "expenditure \(label(row))", (store.amount[other], other),
                    "income", table: .expenditure, code: store.codes[store.code[row]], missing: "")
        }
    }

    // MARK: - one code, one name

    mutating func names() {
        struct Key: Hashable { var doc: UInt32; var code: UInt32 }
        // The first name id of each (doc, code), packed in one integer key: most codes have one
        // name, so only those printed under a second name id are looked at as text.
        var first: [UInt64: (name: UInt32, row: Int)] = [:]
        var second: [UInt64: [(name: UInt32, row: Int)]] = [:]
        let empty = store.codes.id(of: "")
        let projects = TableID.projects.rawValue
        scope.forEach { row in
            guard store.code[row] != empty, store.table[row] != projects else { return }
            let key = UInt64(store.doc[row]) << 32 | UInt64(store.code[row])
            let name = store.name[row]
            guard let known = first[key] else {
                first[key] = (name, row)
                return
            }
            guard known.name != name else { return }
            var namings = second[key] ?? [known]
            if !namings.contains(where: { $0.name == name }) {
                namings.append((name, row))
                second[key] = namings
            }
        }
        var seen: [Key: [String: (TableID, Int)]] = [:]
        for (packed, namings) in second {
            let key = Key(doc: UInt32(packed >> 32), code: UInt32(truncatingIfNeeded: packed))
            for naming in namings {
                guard let t = table(naming.row) else { continue }
                let name = store.names[naming.name].replacingAll(" ", with: "")
                if seen[key, default: [:]][name] == nil || seen[key]![name]!.1 > naming.row { seen[key, default: [:]][name] = (t, naming.row) }
            }
        }
        for (key, names) in seen.sorted(by: { ($0.key.doc, $0.key.code) < ($1.key.doc, $1.key.code) }) where names.count > 1 {
            let listed = names.sorted { $0.value.1 < $1.value.1 }
            let lines = listed.map { Int(store.line[$0.value.1]) }
            findings.append(Finding(
                doc: store.docs[key.doc], rule: "names", severity: .label, table: listed.first?.value.0, code: store.codes[key.code],
                column: nil, expected: nil, actual: nil, lines: lines,
                message: "\(store.codes[key.code]) is named " + listed.map { "“\($0.key)” (\($0.value.0.id))" }.joined(separator: " and ")))
        }
    }

    // MARK: - 三公 against the basic table

    mutating func threePublic() {
        for doc in documents() where !stopping() {
            let y = doc.year
            // A 三公 table published empty (本表无数据) says every part is 0.
            let empty = publishedEmpty(doc.name, .threePublic)
            guard hasTable(doc.id, .threePublic) || empty else {
                findings.append(Finding(doc: doc.name, rule: "three_public", severity: .insufficient, table: .threePublic, code: "",
                                        column: nil, expected: nil, actual: nil, lines: [], message: "no 三公 table to check"))
                continue
            }
            guard hasTable(doc.id, .basicEcon) else {
                findings.append(Finding(doc: doc.name, rule: "three_public", severity: .insufficient, table: .basicEcon, code: "",
                                        column: nil, expected: nil, actual: nil, lines: [], message: "no basic_econ table to hold the 三公 table to"))
                continue
            }
            for (code, col, what, word) in AuditVocabulary.threePublicCodes {
                guard let basic = figure(doc.id, .basicEcon, code, .total, year: y) else { continue }
                // A department's own numbering (30212 机关事业单位退休人员活动费) is another item.
                guard store.names[store.name[basic.1]].contains(word) else { continue }
                let table = figure(doc.id, .threePublic, "", col, year: y)
                let printed = table?.0 ?? 0
                // The 三公 table covers project spending too: it may exceed the basic table, not fall short.
                guard printed < basic.0 else { continue }
                let gap = printed &- basic.0
                findings.append(Finding(
                    doc: doc.name, rule: "three_public", severity: Finding.severity(gap: gap, figures: 1), table: .threePublic, code: code,
                    column: col, expected: Amount(fen: basic.0), actual: Amount(fen: printed),
                    lines: [table.map { Int(store.line[$0.1]) }, Int(store.line[basic.1])].compactMap { $0 },
                    message: "三公 \(col.id) \(Amount(fen: printed).display(in: .wan)) is less than basic_econ \(code) \(what) \(Amount(fen: basic.0).display(in: .wan))"))
            }
        }
    }
}
