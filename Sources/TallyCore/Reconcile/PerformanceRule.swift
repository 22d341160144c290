/// The `performance` rule: the projects' performance targets (绩效目标) against 项目支出.
/// What the text states (PerformanceStatements): money of every project equals 项目支出 (of
/// the gpb_expenditure table where it names 一般公共预算 money only, else of the expenditure
/// table), money of the projects reported with targets or of some of them (重点项目) is at
/// most that. What the performance tables print (table `projects`): their projects add to at
/// most 项目支出, at most what the text states for all projects with targets, and to it where
/// the text counts as many projects as the tables print. A 决算's 项目支出 is what was spent,
/// not the budget its targets were set for: a difference there cannot be judged. A document
/// that speaks of targets without a figure, or has 项目支出 and says nothing, is insufficient.
extension AuditRules {
    mutating func performance() {
        let budgets = projectBudgets()
        for doc in documents() where !stopping() {
            let said = report(of: doc.name)?.performance ?? []
            let stated = said.filter { !$0.figures.isEmpty }
            let projects = budgets[doc.id] ?? []
            let every = figure(doc.id, .expenditure, "", .project, year: doc.year)
            let general = figure(doc.id, .gpbExpenditure, "", .project, year: doc.year)
            if stated.isEmpty && projects.isEmpty {
                nothingToHold(doc, said.first { $0.count != nil } ?? said.first, every ?? general)
                continue
            }
            for s in stated { statement(doc, s, every: every, general: general) }
            if !projects.isEmpty { tables(doc, projects, stated, every: every, general: general) }
        }
    }

    /// The performance tables' projects by document: each project once (a project printed on
    /// two pages, or in two tables, is one project), with its first figure.
    private func projectBudgets() -> [UInt32: [(amount: Int64, row: Int)]] {
        var out: [UInt32: [(amount: Int64, row: Int)]] = [:]
        var seen: Set<[UInt32]> = []
        let projects = TableID.projects.rawValue
        scope.forEach { row in
            guard store.table[row] == projects else { return }
            let doc = store.doc[row]
            guard seen.insert([doc, store.code[row], store.name[row]]).inserted else { return }
            out[doc, default: []].append((store.amount[row], row))
        }
        return out
    }

    private mutating func nothingToHold(_ doc: Document, _ mention: PerformanceStatement?, _ projects: (Int64, Int)?) {
        if let mention {
            let counted = mention.count.map { " of \($0) project\($0 == 1 ? "" : "s")" } ?? ""
            findings.append(Finding(doc: doc.name, rule: "performance", severity: .insufficient, table: .narrative, code: "", column: .project,
                                    expected: nil, actual: nil, lines: [mention.line],
                                    message: "the text speaks of performance targets\(counted) (“\(mention.text)”) but states no money tally can hold to 项目支出"))
        } else if let projects, projects.0 != 0 {
            // Line items loaded without their document (a TSV, a snapshot) carry no text.
            let why = report(of: doc.name) == nil ? "its line items come without the document's text, and no performance table (项目绩效目标表) is among them"
                : "the document states none and no performance table (项目绩效目标表) was read"
            findings.append(Finding(doc: doc.name, rule: "performance", severity: .insufficient, table: .expenditure, code: "", column: .project,
                                    expected: nil, actual: nil, lines: [Int(store.line[projects.1])],
                                    message: "项目支出 \(Amount(fen: projects.0).display(in: .wan)) cannot be held to performance targets: \(why)"))
        }
    }

    /// What a statement's money is held to: the gpb_expenditure table's 项目支出 where it names
    /// 一般公共预算 money only, else the expenditure table's (all of the department's money).
    private func reference(_ s: PerformanceStatement, every: (Int64, Int)?, general: (Int64, Int)?) -> (figure: (Int64, Int)?, what: String, table: TableID) {
        let onlyGeneral = s.figures.contains { $0.fund == .gpb } && !s.figures.contains { $0.fund != .gpb && $0.amount.fen != 0 }
        return onlyGeneral ? (general, "gpb_expenditure 合计 project", .gpbExpenditure) : (every, "expenditure 合计 project", .expenditure)
    }

    private mutating func statement(_ doc: Document, _ s: PerformanceStatement, every: (Int64, Int)?, general: (Int64, Int)?) {
        guard let total = Self.sum(s.figures.map(\.amount.fen)) else { return }
        let (ref, refWhat, table) = reference(s, every: every, general: general)
        let funds = s.figures.map(\.fund.rawValue).joined(separator: " + ")
        let whose = s.scope == .every ? "every project" : s.scope == .part ? "some of the projects"
            : "the \(s.count.map { "\($0) " } ?? "")projects with targets"
        judge(doc, stated: total, line: s.line, "the text's 绩效目标 \(funds) of \(whose)", ref, refWhat, table: table,
              atMost: s.scope != .every, figures: s.figures.count + 1, named: !s.figures.contains { $0.fund == .whole }, quoting: s)
        parts(doc, s, total)
        // A statement naming several funds: its 一般公共预算 part against the gpb_expenditure table too.
        if table == .expenditure, s.figures.count > 1, let part = s.figures.first(where: { $0.fund == .gpb }), let general {
            judge(doc, stated: part.amount.fen, line: part.line, "the text's 绩效目标 一般公共预算 of \(whose)", general,
                  "gpb_expenditure 合计 project", table: .gpbExpenditure, atMost: s.scope != .every, figures: 2, named: true, quoting: s)
        }
    }

    /// A stated figure against 项目支出: equal (`atMost` false) or no larger. A budget's
    /// difference is rounding or material (explained by money other than the funds named,
    /// where it is that); a 决算's cannot be judged.
    private mutating func judge(_ doc: Document, stated: Int64, line: Int, _ what: String, _ ref: (Int64, Int)?, _ refWhat: String,
                                table: TableID, atMost: Bool, figures: Int, named: Bool, quoting s: PerformanceStatement) {
        guard let ref else {
            findings.append(Finding(doc: doc.name, rule: "performance", severity: .insufficient, table: table, code: "", column: .project,
                                    expected: nil, actual: Amount(fen: stated), lines: [line],
                                    message: "cannot hold \(what) \(Amount(fen: stated).display(in: .wan)) to 项目支出: the document has no \(refWhat) figure"))
            return
        }
        let (gap, overflow) = stated.subtractingReportingOverflow(ref.0)
        guard overflow || gap > 0 || (gap < 0 && !atMost) else { return }
        let refLine = Int(store.line[ref.1])
        var severity = overflow ? .material : Finding.severity(gap: gap, figures: figures)
        let relation = atMost ? "is more than" : "but"
        var message = "\(what) \(Amount(fen: stated).display(in: .wan)) \(relation) \(refWhat) \(Amount(fen: ref.0).display(in: .wan))"
        if doc.final && severity == .material {
            severity = .insufficient
            message += ": a 决算's 项目支出 is what was spent, not the budget its targets were set for"
        }
        var finding = Finding(doc: doc.name, rule: "performance", severity: severity, table: table, code: "", column: .project,
                              expected: Amount(fen: ref.0), actual: Amount(fen: stated), lines: line == refLine ? [line] : [line, refLine],
                              message: message)
        // Less than all of 项目支出, where the rest is money other than the funds the text names.
        if finding.severity == .material, !atMost, named, gap < 0 { finding = finding.explained(by: otherFunds(doc, gap: gap)) }
        // The money of the department's whole spending (部门整体支出和项目支出均实行…), not of its projects.
        if finding.severity == .material, !atMost, s.wholeDepartment, let whole = figure(doc.id, table, "", .total, year: doc.year),
           case let (off, false) = stated.subtractingReportingOverflow(whole.0), Finding.severity(gap: off, figures: figures) == .rounding {
            finding = finding.explained(by: [Explanation(reason: "整体支出", text: s.text, line: s.line)])
            finding.message += " (the stated money is the \(table.id) 合计 total \(Amount(fen: whole.0).display(in: .wan)))"
        }
        findings.append(finding)
    }

    /// The parts a `其中：…` sentence lists add to at most the statement's money, and to it
    /// where they are as many as the projects it counts.
    private mutating func parts(_ doc: Document, _ s: PerformanceStatement, _ total: Int64) {
        guard !s.parts.isEmpty, let sum = Self.sum(s.parts.map(\.amount.fen)) else { return }
        let (gap, overflow) = sum.subtractingReportingOverflow(total)
        let all = s.count == s.parts.count
        guard !overflow, gap > 0 || (all && gap != 0) else { return }
        let n = s.parts.count
        let lines = [s.parts[0].line] + (s.parts[0].line == s.line ? [] : [s.line])
        findings.append(Finding(
            doc: doc.name, rule: "performance", severity: Finding.severity(gap: gap, figures: n + 1), table: .narrative, code: "", column: .project,
            expected: Amount(fen: total), actual: Amount(fen: sum), lines: lines,
            message: "the text's \(n) part\(n == 1 ? "" : "s") of its 绩效目标 money (其中：\(s.parts.map(\.name).prefix(3).joined(separator: "、"))\(n > 3 ? "…" : "")) add to \(Amount(fen: sum).display(in: .wan)), \(gap > 0 ? "more than" : "but") its total \(Amount(fen: total).display(in: .wan))"))
    }

    /// The performance tables' projects added up: at most 项目支出, at most the text's money of
    /// all projects with targets, and equal to it where the text counts as many projects.
    private mutating func tables(_ doc: Document, _ projects: [(amount: Int64, row: Int)], _ stated: [PerformanceStatement],
                                 every: (Int64, Int)?, general: (Int64, Int)?) {
        guard let sum = Self.sum(projects.map(\.amount)) else { return }
        let first = Int(store.line[projects[0].row])
        let n = projects.count
        let what = "the performance tables' \(n) project\(n == 1 ? "" : "s") add to"
        guard let ref = every ?? general else {
            findings.append(Finding(doc: doc.name, rule: "performance", severity: .insufficient, table: .projects, code: "", column: .total,
                                    expected: nil, actual: Amount(fen: sum), lines: [first],
                                    message: "\(what) \(Amount(fen: sum).display(in: .wan)), but the document prints no 项目支出 to hold them to"))
            return
        }
        let refWhat = every != nil ? "expenditure 合计 project" : "gpb_expenditure 合计 project"
        let (gap, overflow) = sum.subtractingReportingOverflow(ref.0)
        if overflow || gap > 0 {
            var severity = overflow ? .material : Finding.severity(gap: gap, figures: n + 1)
            var message = "\(what) \(Amount(fen: sum).display(in: .wan)), more than \(refWhat) \(Amount(fen: ref.0).display(in: .wan))"
            if doc.final && severity == .material {
                severity = .insufficient
                message += ": a 决算's 项目支出 is what was spent, not the budgets of its targets"
            }
            let refLine = Int(store.line[ref.1])
            findings.append(Finding(doc: doc.name, rule: "performance", severity: severity, table: .projects, code: "", column: .total,
                                    expected: Amount(fen: ref.0), actual: Amount(fen: sum), lines: first == refLine ? [first] : [first, refLine],
                                    message: message))
        }
        // The text's money of all the projects with targets, where it is all the money they may print.
        for s in stated where s.scope != .part {
            guard let total = Self.sum(s.figures.map(\.amount.fen)) else { continue }
            let sameCount = s.count == n
            // A statement naming some funds leaves out projects of other money the tables may
            // print, unless there is none: its money is all of 项目支出, or all of it is 一般公共预算.
            let whole = s.figures.contains { $0.fund == .whole } || every?.0 == total
                || (every.map { e in general.map { $0.0 == e.0 } ?? false } ?? true)
            let (gap, overflow) = sum.subtractingReportingOverflow(total)
            guard !overflow, sameCount ? gap != 0 : (whole && gap > 0) else { continue }
            let counted = s.count.map { " (\($0) projects)" } ?? ""
            findings.append(Finding(
                doc: doc.name, rule: "performance", severity: Finding.severity(gap: gap, figures: n + 1), table: .projects, code: "", column: .total,
                expected: Amount(fen: total), actual: Amount(fen: sum), lines: first == s.line ? [first] : [first, s.line],
                message: "\(what) \(Amount(fen: sum).display(in: .wan)), \(sameCount ? "but" : "more than") the text's 绩效目标 money\(counted) \(Amount(fen: total).display(in: .wan))"))
        }
    }
}
