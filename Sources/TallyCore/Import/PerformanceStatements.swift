/// What a document's text says of its projects' performance targets (绩效目标): how many
/// projects carry them and how much money they cover, by fund where it says so —
/// `2025年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款3,992.57万元。`,
/// `本单位编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元。` Read at import from the
/// whole text (many documents state it after their tables), judged by the `performance`
/// rule against 项目支出 (Reconcile/PerformanceRule.swift).
public struct PerformanceStatement: Sendable, Equatable, Codable {
    /// Which projects the sentence speaks of.
    public enum Scope: String, Sendable, Equatable, Codable {
        /// Every project (项目支出均实行了绩效目标管理, 所有项目): its money is all of 项目支出.
        case every
        /// Those reported with targets (编报绩效目标的项目共N个), which need not be all: at most 项目支出.
        case reported
        /// Some of them (重点项目): at most 项目支出.
        case part
    }

    /// Which money a figure is: a named fund, or the projects' money as a whole (项目预算资金).
    public enum Fund: String, Sendable, Equatable, Codable {
        case whole = "项目资金"
        case gpb = "一般公共预算"
        case govFund = "政府性基金"
        case soeCapital = "国有资本经营"
        /// 财政拨款 not named by fund: all three funds, not the department's other money.
        case fiscal = "财政拨款"
    }

    public struct Figure: Sendable, Equatable, Codable {
        public var fund: Fund
        public var amount: Amount
        public var line: Int
        public var page = 0
    }

    /// One of the parts a `其中：…` sentence after the statement lists (中介机构服务费418.80万元).
    public struct Part: Sendable, Equatable, Codable {
        public var name: String
        public var amount: Amount
        public var line: Int
    }

    public var scope: Scope
    /// The number of projects it states (共N个), if it states one.
    public var count: Int?
    /// Its figures; none where the sentence states no money (or tally cannot read it).
    public var figures: [Figure]
    /// The parts the next sentence lists (其中：…), where it lists nothing but parts.
    public var parts: [Part] = []
    /// The sentence names the department's whole spending (部门整体) beside its projects.
    public var wholeDepartment = false
    /// The sentence as printed (without blanks), shortened.
    public var text: String
    public var line: Int
    /// The PDF page of `line` (0 for text input).
    public var page: Int = 0
}

enum PerformanceStatements {
    static let trigger = "绩效目标"
    /// Words saying the sentence covers every project.
    static let everyProject = ["均实行", "均已实行", "均纳入", "均编制", "均设置", "所有项目", "全部项目", "全面实行"]
    /// Words saying it covers some of them only.
    static let someProjects = ["重点项目", "重点专项", "部分项目"]
    static let funds: [(PerformanceStatement.Fund, [String])] = [
        (.gpb, ["一般公共预算"]), (.govFund, ["政府性基金"]), (.soeCapital, ["国有资本经营"]),
    ]
    /// Money not named by fund, tried when no fund is named (财政拨款 alone is the funds together).
    static let wholeMoney: [(String, PerformanceStatement.Fund)] = [
        ("项目预算资金", .whole), ("预算资金", .whole), ("预算金额", .whole), ("项目资金", .whole), ("资金总额", .whole),
        ("财政拨款", .fiscal), ("资金", .whole),
    ]
    /// How far a sentence may reach, in characters (a statement is one or two sentences).
    static let reach = 200
    /// At most this many per document: they are evidence, not a copy of the text.
    static let limit = 50

    /// `lines`: the document's lines (only those of running text are read: table rows, whose
    /// cells also speak of 绩效目标, are the performance tables' own).
    static func find(_ lines: [SourceLine], pageOfLine: [Int] = []) -> [PerformanceStatement] {
        let text = lines.filter { $0.cells.count <= 2 }.map { (number: $0.number, text: DocumentRemarks.squeezed($0.text)) }.filter { !$0.text.isEmpty }
        var found: [PerformanceStatement] = []
        var seen: Set<String> = []
        var next = text.first?.text ?? ""
        for i in text.indices {
            let own = next
            next = i + 1 < text.count ? text[i + 1].text : ""
            // The phrase may run over the line's end (`绩效目` / `标管理`).
            guard DocumentRemarks.startsWithin(own, own + next, [trigger]) else { continue }
            // A heading (绩效目标设置情况) and its sentence read the same clause: kept once.
            for statement in read(text, at: i) {
                let key = statement.figures.isEmpty ? "\(statement.count ?? -1) \(statement.text.suffix(20))"
                    : statement.figures.map { "\($0.line) \($0.amount.fen)" }.joined(separator: ",")
                guard seen.insert(key).inserted else { continue }
                var s = statement
                func page(_ line: Int) -> Int { line > 0 && line < pageOfLine.count ? pageOfLine[line] : 0 }
                s.page = page(s.line)
                for f in s.figures.indices { s.figures[f].page = page(s.figures[f].line) }
                found.append(s)
                if found.count >= limit { break }
            }
            if found.count >= limit { break }
        }
        // Words without money (a heading, a sentence before the figures) matter only where
        // no sentence states any.
        return found.contains { !$0.figures.isEmpty } ? found.filter { !$0.figures.isEmpty } : found
    }

    /// The statements whose 绩效目标 starts on text line `at`, read in a window of lines around it.
    static func read(_ lines: [(number: Int, text: String)], at: Int) -> [PerformanceStatement] {
        let from = max(0, at - 3), to = min(lines.count, at + 5)
        var chars: [Character] = []
        var starts: [(offset: Int, line: Int)] = []
        var ownRange = 0..<0
        for k in from..<to {
            if k == at { ownRange = chars.count..<(chars.count + lines[k].text.count) }
            starts.append((chars.count, lines[k].number))
            chars += lines[k].text
        }
        func lineAt(_ offset: Int) -> Int {
            var best = starts.first?.line ?? 0
            for s in starts where s.offset <= offset { best = s.line }
            return best
        }
        let needle = Array(trigger)
        var out: [PerformanceStatement] = []
        var search = ownRange.lowerBound
        while let p = NarrativeFigures.index(of: needle, in: chars, from: search), ownRange.contains(p) {
            search = p + 1
            let after = p + needle.count
            // A table's title (…绩效目标表) or a pointer to it names no figure.
            if after < chars.count, chars[after] == "表" { continue }
            let end = clauseEnd(chars, from: after)
            var start = sentenceStart(chars, before: p)
            // What is quoted and counted: the clause, after the sentence's last ：or ；.
            var own = p
            while own > start, !"；;：:".contains(chars[own - 1]) { own -= 1 }
            // `其中，项目支出…` continues the sentence before it.
            if chars[start..<min(chars.count, start + 2)].elementsEqual("其中") { start = sentenceStart(chars, before: max(0, start - 1)) }
            let figures = self.figures(chars, from: after, to: end).map {
                PerformanceStatement.Figure(fund: $0.fund, amount: $0.amount, line: lineAt($0.offset))
            }
            let sentence = String(chars[start..<end])
            let scope: PerformanceStatement.Scope = someProjects.contains { sentence.contains($0) } ? .part
                : everyProject.contains { sentence.contains($0) } ? .every : .reported
            var statement = PerformanceStatement(
                scope: scope, count: count(in: Array(chars[own..<end])), figures: figures,
                text: String(String(chars[own..<end]).prefix(120)), line: figures.first?.line ?? lineAt(p))
            statement.wholeDepartment = sentence.contains("整体")
            if !figures.isEmpty {
                statement.parts = parts(chars, after: end).map { .init(name: $0.name, amount: $0.amount, line: lineAt($0.offset)) }
            }
            out.append(statement)
        }
        return out
    }

    /// Where the clause that starts at `from` ends: its 。 or ；, or as far as a sentence may reach.
    static func clauseEnd(_ chars: [Character], from: Int) -> Int {
        var j = from
        let limit = min(chars.count, from + reach)
        while j < limit, !"。；;".contains(chars[j]) { j += 1 }
        return j
    }

    /// Where the sentence holding `before` starts: after the 。 before it.
    static func sentenceStart(_ chars: [Character], before: Int) -> Int {
        var j = min(before, chars.count)
        let limit = max(0, before - reach)
        while j > limit, chars[j - 1] != "。" { j -= 1 }
        return j
    }

    /// The money the clause states: each fund it names with its figure, else its money as a whole.
    static func figures(_ chars: [Character], from: Int, to: Int) -> [(fund: PerformanceStatement.Fund, amount: Amount, offset: Int)] {
        var found: [(fund: PerformanceStatement.Fund, amount: Amount, offset: Int)] = []
        for (fund, words) in funds {
            for word in words {
                guard let k = NarrativeFigures.index(of: Array(word), in: chars, from: from), k < to,
                      let (amount, offset) = figure(after: k + word.count, in: chars), offset < to else { continue }
                found.append((fund, amount, offset))
                break
            }
        }
        if !found.isEmpty { return found.sorted { $0.offset < $1.offset } }
        for (word, fund) in wholeMoney {
            guard let k = NarrativeFigures.index(of: Array(word), in: chars, from: from), k < to,
                  let (amount, offset) = figure(after: k + word.count, in: chars), offset < to else { continue }
            return [(fund, amount, offset)]
        }
        return []
    }

    /// The parts a sentence right after the statement lists: `其中：A 418.80万元，B 10.00万元。`
    /// Nothing unless every clause of it is a name and a figure, and it ends within the text read.
    static func parts(_ chars: [Character], after end: Int) -> [(name: String, amount: Amount, offset: Int)] {
        guard end < chars.count, chars[end] == "。", end + 3 < chars.count, chars[(end + 1)...(end + 2)].elementsEqual("其中") else { return [] }
        var i = end + 3
        while i < chars.count, "：:，,".contains(chars[i]) { i += 1 }
        guard let close = (i..<min(chars.count, i + reach)).first(where: { chars[$0] == "。" }) else { return [] }
        // A 其中 that speaks of 绩效目标 again is a statement of its own.
        guard NarrativeFigures.index(of: Array(trigger), in: Array(chars[i..<close]), from: 0) == nil else { return [] }
        var found: [(name: String, amount: Amount, offset: Int)] = []
        var start = i
        for j in i...close where j == close || "，、；,;".contains(chars[j]) {
            defer { start = j + 1 }
            guard j > start else { continue }
            guard let (amount, offset) = figure(after: start, in: chars), offset < j, offset > start else { return [] }
            found.append((String(chars[start..<offset]), amount, offset))
        }
        return found
    }

    /// The first amount in the clause after `position`: in 万元 as the narrative states its
    /// figures (NarrativeFigures.figure), else in 元 or 亿元.
    static func figure(after position: Int, in text: [Character]) -> (Amount, Int)? {
        if let hit = NarrativeFigures.figure(after: position, in: text) { return hit }
        var i = position
        while i < text.count, "。：:，,".contains(text[i]) { i += 1 }
        let end = min(text.count, i + 60)
        while i < end {
            if "。；，、比".contains(text[i]) { return nil }
            guard text[i].isASCII, text[i].isNumber else { i += 1; continue }
            var j = i
            while j < text.count, text[j].isASCII && (text[j].isNumber || text[j] == "," || text[j] == ".") { j += 1 }
            let next = j < text.count ? text[j] : "。"
            if "年月日".contains(next) { i = j; continue }
            let unit: DisplayUnit? = next == "元" ? .yuan : (next == "亿" && j + 1 < text.count && text[j + 1] == "元" ? .yi : nil)
            guard let unit else { return nil }
            return (try? Amount.parse(String(text[i..<j]), unit: unit).get()).map { ($0, i) }
        }
        return nil
    }

    /// The number of projects a sentence states (`共12个`, `项目4个`), if any.
    static func count(in chars: [Character]) -> Int? {
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j < chars.count, chars[j] == "个" { return Int(String(chars[i..<j])) }
            i = j
        }
        return nil
    }
}
