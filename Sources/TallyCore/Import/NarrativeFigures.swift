/// The figures the explanatory text states (§2 `narrative`): 收入预算 and 支出预算 totals, the
/// general-public-budget appropriation with its 基本支出 and 项目支出, the 三公 total and parts,
/// 机关运行经费 and the 政府采购 total. Each becomes a line item named for what it is, so
/// the audit can hold the text to the tables.
enum NarrativeFigures {
    struct Statement {
        var keywords: [String]
        var name: String
        var column: ColumnID
        /// Look for it only after this earlier statement's figure (项目支出 after 基本支出).
        var after: String?
        /// What the text must be about where it stands: `其中基本支出` is the general-public-budget
        /// appropriation's where that was named last (`一般公共预算财政拨款支出 … 。其中：基本支出`),
        /// not where the whole budget was named after it (`…，支出预算 5478.83 万元，其中基本支出`).
        var subject: (name: String, notAfter: String)?
    }

    static let statements: [Statement] = [
        Statement(keywords: ["收入预算："], name: "收入预算", column: .total),
        Statement(keywords: ["支出预算："], name: "支出预算", column: .total),
        Statement(keywords: ["一般公共预算财政拨款收入"], name: "一般公共预算财政拨款收入", column: .total),
        Statement(keywords: ["一般公共预算财政拨款支出"], name: "一般公共预算财政拨款支出", column: .total),
        Statement(keywords: ["其中：基本支出", "其中基本支出"], name: "一般公共预算财政拨款支出", column: .basic,
                  subject: ("一般公共预算", "支出预算")),
        Statement(keywords: ["项目支出"], name: "一般公共预算财政拨款支出", column: .project, after: "其中：基本支出"),
        Statement(keywords: ["“三公”经费预算", "\"三公\"经费预算", "三公经费预算", "“三公”经费"], name: "三公经费", column: .total),
        Statement(keywords: ["因公出国（境）费用", "因公出国（境）费", "因公出国(境)费"], name: "三公经费", column: .overseas),
        Statement(keywords: ["公务接待费"], name: "三公经费", column: .reception),
        Statement(keywords: ["公务用车购置费"], name: "三公经费", column: .vehiclePurchase),
        Statement(keywords: ["公务用车运行维护费", "公务用车运行费"], name: "三公经费", column: .vehicleOperation),
        Statement(keywords: ["机关运行经费"], name: "机关运行经费", column: .total),
        Statement(keywords: ["政府采购预算总额"], name: "政府采购", column: .total),
    ]

    /// `lines` is the narrative: the text before the first table.
    static func find(_ lines: [SourceLine], context: TableContext) -> [LineItem] { read(lines, context: context).items }

    /// The figures, and the year-on-year statement that follows each where there is one
    /// (比上年增加 X 万元, 增长 Y%, 与上年持平: ChangeStatements).
    static func read(_ lines: [SourceLine], context: TableContext) -> (items: [LineItem], changes: [ChangeStatement]) {
        // Wrapped lines break phrases (`一\n般公共预算拨款`): join them without spaces, and
        // remember where each line starts.
        var text: [Character] = []
        var starts: [(offset: Int, line: Int)] = []
        for line in lines where !line.text.isEmpty {
            starts.append((text.count, line.number))
            text += line.text.filter { $0 != " " && $0 != "\u{3000}" }
        }
        func lineAt(_ offset: Int) -> Int {
            var best = starts.first?.line ?? 0
            for s in starts where s.offset <= offset { best = s.line }
            return best
        }

        var items: [LineItem] = []
        var changes: [ChangeStatement] = []
        var found: [String: Int] = [:]
        for statement in statements {
            let from = statement.after.flatMap { found[$0] } ?? 0
            if statement.after != nil && found[statement.after ?? ""] == nil { continue }
            var hit: (Amount, Int)?
            for keyword in statement.keywords {
                var start = from
                while hit == nil, let at = index(of: Array(keyword), in: text, from: start) {
                    start = at + 1
                    if let subject = statement.subject, !isAbout(subject.name, notAfter: subject.notAfter, before: at, in: text) { continue }
                    hit = figure(after: at + keyword.count, in: text)
                    if hit != nil { found[statement.keywords[0]] = at + keyword.count }
                }
                if hit != nil { break }
            }
            guard let (amount, offset) = hit else { continue }
            items.append(context.item(.narrative, code: "", name: statement.name, column: statement.column,
                                      amount: amount, line: lineAt(offset)))
            if let c = ChangeStatements.read(after: end(ofFigureAt: offset, in: text), in: text) {
                let line = lineAt(c.offset)
                changes.append(ChangeStatement(
                    name: statement.name, column: statement.column, stated: amount, change: c.change, flat: c.flat,
                    percent: c.percent, year: c.year, against: c.against, phrase: c.phrase, line: line,
                    page: line >= 0 && line < context.pageOfLine.count ? context.pageOfLine[line] : 0))
            }
        }
        return (items, changes)
    }

    /// Whether `name` is what the text was last about before `position` (in the few sentences
    /// before it): named there, with no clause after it naming `other` instead
    /// (`一般公共预算财政拨款支出预算` names one subject; `…拨款，支出预算` two).
    static func isAbout(_ name: String, notAfter other: String, before position: Int, in text: [Character]) -> Bool {
        let window = text[max(0, position - 300)..<position]
        // Inside brackets a word is an aside (`支出预算 5478.83 万元（含一般公共预算 5226.64 万元）`).
        func inBrackets(_ i: Int) -> Bool {
            let open = window[..<i].lastIndex { $0 == "（" || $0 == "(" }
            let close = window[..<i].lastIndex { $0 == "）" || $0 == ")" }
            guard let open else { return false }
            return close.map { $0 < open } ?? true
        }
        func last(_ word: String) -> Int? {
            let w = Array(word)
            return window.indices.reversed().first { i in i + w.count <= position && text[i..<(i + w.count)].elementsEqual(w) && !inBrackets(i) }
        }
        guard let at = last(name) else { return false }
        guard let later = last(other), later > at else { return true }
        return !text[at..<later].contains { "，。；".contains($0) }
    }

    /// Just past a figure that starts at `start`: its digits and its 万元, if printed.
    static func end(ofFigureAt start: Int, in text: [Character]) -> Int {
        var j = start
        while j < text.count, text[j].isASCII && (text[j].isNumber || text[j] == "," || text[j] == ".") { j += 1 }
        if j + 1 < text.count, text[j] == "万", text[j + 1] == "元" { j += 2 }
        return j
    }

    /// The first amount in the clause after a keyword: `N万元`, or `为0` (stated without a
    /// unit). Years (`2025年`) are passed over; a comparison (比上年 …), the end of the clause
    /// or any other number first means the keyword states no figure here.
    static func figure(after position: Int, in text: [Character]) -> (Amount, Int)? {
        var i = position
        while i < text.count, "。：:，,".contains(text[i]) { i += 1 }
        let end = min(text.count, i + 60)
        while i < end {
            let c = text[i]
            if "。；，、比".contains(c) { return nil }
            if c.isASCII && c.isNumber {
                var j = i
                while j < text.count, text[j].isASCII && (text[j].isNumber || text[j] == "," || text[j] == ".") { j += 1 }
                let number = String(text[i..<j])
                let next = j < text.count ? text[j] : "。"
                if "年月日".contains(next) {
                    i = j
                    continue
                }
                if next == "万", j + 1 < text.count, text[j + 1] == "元" {
                    return (try? Amount.parse(number, unit: .wan).get()).map { ($0, i) }
                }
                if number == "0" { return (Amount(fen: 0), i) }
                return nil
            }
            i += 1
        }
        return nil
    }

    static func index(of needle: [Character], in text: [Character], from: Int) -> Int? {
        guard !needle.isEmpty, text.count >= needle.count, from <= text.count - needle.count else { return nil }
        for i in from...(text.count - needle.count) where text[i] == needle[0] {
            if text[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
