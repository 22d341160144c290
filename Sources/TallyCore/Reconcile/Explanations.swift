/// What a document says, or prints, that accounts for a difference the rules find: a
/// classified item it leaves out (涉密项目依法不予公开), money carried over from last year
/// (上年结转) that one table counts and another shows apart, money other than 一般公共预算
/// beside it (其他资金, 事业收入), a fund the department does not have. Each explainer gives
/// the text it cites and its line, or nothing; a finding nothing accounts for stays material.
extension AuditRules {
    /// Gaps this close to a figure are that figure (the rounding of one printed figure).
    static let matchTolerance: Int64 = 10_000

    static func matches(_ gap: Int64, _ figure: Int64) -> Bool {
        guard figure != 0 else { return false }
        let a = gap.magnitude, b = figure.magnitude
        return (a >= b ? a - b : b - a) <= UInt64(matchTolerance)
    }

    func remarks(_ doc: String) -> [Remark] { report(of: doc)?.remarks ?? [] }

    /// A parent larger than its children, where the document says it leaves classified items
    /// out: the note under this table if it has one, else such a sentence anywhere in it.
    mutating func classifiedItem(_ doc: Document, table: TableID) -> [Explanation] {
        let said = remarks(doc.name).filter { r in AuditVocabulary.classified.contains { r.text.contains($0) } }
        guard !said.isEmpty else { return [] }
        var chosen = said[0]
        if let span = lines(of: doc.id, table) {
            let end = nextTableStart(doc.id, after: span.first)
            if let own = said.first(where: { $0.line > span.first && $0.line < end }) { chosen = own }
        }
        let phrase = AuditVocabulary.classified.first { chosen.text.contains($0) } ?? ""
        return [Explanation(reason: "涉密", text: DocumentRemarks.excerpt(chosen.text, around: phrase), line: chosen.line)]
    }

    /// Money carried over from last year equal to the gap: a 上年结转 row of either 总表 (or a
    /// fund under it), the income table's 上年结转 column, and a sentence of the text stating it.
    mutating func carryover(_ doc: Document, gap: Int64) -> [Explanation] {
        var found: [Explanation] = []
        for table in [TableID.fiscalSummary, .summary] {
            guard found.isEmpty, let totals = totals(doc.id, table, year: doc.year) else { continue }
            // A fund under the heading names the money more closely than the heading does.
            let heading = totals.carryover
            for row in totals.carried.map(\.row) + [heading].compactMap({ $0 }) {
                guard let f = row.total, Self.matches(gap, f.amount) else { continue }
                let under = row.first == heading?.first ? "" : "\(heading?.name ?? "上年结转") › "
                found.append(Explanation(reason: "上年结转", text: "\(table.id) \(under)\(row.name) \(Amount(fen: f.amount).display(in: .wan))",
                                         line: row.line))
                break
            }
        }
        if found.isEmpty, let f = figure(doc.id, .income, "", .carryover, year: doc.year), Self.matches(gap, f.0) {
            found.append(Explanation(reason: "上年结转", text: "income 合计 上年结转 \(Amount(fen: f.0).display(in: .wan))", line: Int(store.line[f.1])))
        }
        // The text, when it states the amount: cited beside the table, or alone.
        for remark in remarks(doc.name) {
            for phrase in AuditVocabulary.carryover {
                guard let stated = Self.amount(after: phrase, in: remark.text), Self.matches(gap, stated.fen) else { continue }
                found.append(Explanation(reason: "上年结转", text: DocumentRemarks.excerpt(remark.text, around: phrase), line: remark.line))
                return found
            }
        }
        return found
    }

    /// Money other than 一般公共预算 equal to the gap: the income table's columns of money
    /// that is not 财政拨款 (one, or all together), the summary's rows of it; with
    /// `andFunds`, 政府性基金 and 国有资本经营 money too.
    /// `carriedElsewhere`: carried-over money that is not 财政拨款 (the summary's 上年结转 less the
    /// fiscal one's, and its line), which with the other sources' money may make up the gap.
    mutating func otherFunds(_ doc: Document, gap: Int64, andFunds: Bool = false, carriedElsewhere: (Int64, Int)? = nil) -> [Explanation] {
        var columns = AuditVocabulary.nonFiscalColumns
        if andFunds { columns += [.govFund, .soeCapital] }
        var parts: [(String, Int64, Int)] = []
        for c in columns {
            if let f = figure(doc.id, .income, "", c, year: doc.year), f.0 != 0 { parts.append(("income 合计 \(c.id)", f.0, Int(store.line[f.1]))) }
        }
        if let totals = totals(doc.id, .summary, year: doc.year) {
            for (fund, row) in totals.topSources where fund == .nonFiscal || (andFunds && (fund == .govFund || fund == .soeCapital)) {
                if let f = row.total, f.amount != 0 { parts.append(("summary \(row.name)", f.amount, row.line)) }
            }
        }
        if let one = parts.first(where: { Self.matches(gap, $0.1) }) {
            return [Explanation(reason: "其他资金", text: "\(one.0) \(Amount(fen: one.1).display(in: .wan))", line: one.2)]
        }
        // Several columns of the income table together.
        let incomeParts = parts.filter { $0.0.hasPrefix("income") }
        if incomeParts.count > 1, let sum = Self.sum(incomeParts.map(\.1)), Self.matches(gap, sum) {
            let text = incomeParts.map { "\($0.0.dropFirst("income 合计 ".count)) \(Amount(fen: $0.1).display(in: .wan))" }.joined(separator: " + ")
            return [Explanation(reason: "其他资金", text: "income 合计 " + text, line: incomeParts[0].2)]
        }
        // The other funds with the income table's carry-over: spending from 上年结转 is in the
        // expenditure table and not in the general public budget's (`gov_fund + carryover`).
        // (Only with other funds beside it, and only a gap of more spending than the budget's.)
        if andFunds, gap > 0, !incomeParts.isEmpty, let carry = figure(doc.id, .income, "", .carryover, year: doc.year), carry.0 != 0,
            let sum = Self.sum(incomeParts.map(\.1) + [carry.0]), Self.matches(gap, sum)
        {
            let text = (incomeParts.map { "\($0.0.dropFirst("income 合计 ".count)) \(Amount(fen: $0.1).display(in: .wan))" }
                + ["carryover \(Amount(fen: carry.0).display(in: .wan))"]).joined(separator: " + ")
            return [Explanation(reason: "其他资金", text: "income 合计 " + text, line: Int(store.line[carry.1]))]
        }
        // The carry-over that is not 财政拨款 alone (the summary's 年初结转和结余 beyond the
        // fiscal summary's), where no other money comes in this year.
        if let (carried, line) = carriedElsewhere, incomeParts.isEmpty, Self.matches(gap, carried), (gap > 0) == (carried > 0) {
            return [Explanation(reason: "上年结转", text: "上年结转 not 财政拨款 \(Amount(fen: carried).display(in: .wan))", line: line)]
        }
        // This year's other money and the carry-over that is not 财政拨款, together.
        if let (carried, line) = carriedElsewhere, !incomeParts.isEmpty, let sum = Self.sum(incomeParts.map(\.1) + [carried]), Self.matches(gap, sum) {
            let text = incomeParts.map { "\($0.0.dropFirst("income 合计 ".count)) \(Amount(fen: $0.1).display(in: .wan))" }.joined(separator: " + ")
            return [Explanation(reason: "其他资金", text: "income 合计 \(text) + 上年结转 not 财政拨款 \(Amount(fen: carried).display(in: .wan))",
                                line: incomeParts[0].2 > 0 ? incomeParts[0].2 : line)]
        }
        return []
    }

    /// A sentence saying the department has none of the money `table` is for (本部门无政府性基金预算…).
    func statedAbsent(_ doc: String, table: TableID) -> Explanation? {
        guard let names = AuditVocabulary.tableFund.first(where: { $0.0 == table })?.1 else { return nil }
        for remark in remarks(doc) {
            // The fund and the word saying there is none of it in one clause.
            guard let name = names.first(where: { name in
                let clause = DocumentRemarks.clause(remark.text, around: name)
                return AuditVocabulary.absent.contains { clause.contains($0) }
            }) else { continue }
            return Explanation(reason: "无此项资金", text: DocumentRemarks.excerpt(remark.text, around: name), line: remark.line)
        }
        return nil
    }

    /// The amount in 万元 a sentence states right after `phrase` (`上年结转2166.57万元`).
    static func amount(after phrase: String, in text: String) -> Amount? {
        guard let r = text.firstRange(of: phrase) else { return nil }
        let chars = Array(text)
        let position = text.distance(from: text.startIndex, to: r.upperBound)
        return NarrativeFigures.figure(after: position, in: chars)?.0
    }
}
