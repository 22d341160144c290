/// What a 决算's text says of how its budget was carried out (预算执行): sentences such as
/// `一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。
/// 决算数小于预算数的主要原因：…` for the whole appropriation, for the 三公 经费, and for each
/// 类/款/项 it names (`1、一般公共服务支出（类）财政事务（款）行政运行（项）。…年初预算为…`), and a
/// threshold the document sets itself for the differences it explains (差异超过10%的…). Read at
/// import (the audit has no text), judged by the `execution` rule (Reconcile/ExecutionRule.swift).
public struct ExecutionText: Sendable, Equatable, Codable {
    public var statements: [ExecutionStatement] = []
    /// The threshold the document states, if it states one.
    public var threshold: StatedThreshold?
    /// The PDF page of each line cited above (empty for text input).
    public var pages: [Int: Int] = [:]
}

public struct ExecutionStatement: Sendable, Equatable, Codable {
    /// What the sentence is about.
    public enum Subject: Sendable, Equatable, Codable {
        /// 一般公共预算财政拨款支出 as a whole, or its 基本支出 or 项目支出.
        case generalBudget(ColumnID)
        /// The “三公” 经费.
        case threePublic
        /// One part of the 三公 (因公出国（境）费, 公务用车购置及运行维护费, 公务接待费 …), by its column.
        case threePublicPart(ColumnID)
        /// A 类, 款 or 项, by the names the text gives (类 first).
        case function([String])
        /// Something else the text names (its words in `named`).
        case other
    }

    public struct Figure: Sendable, Equatable, Codable {
        public var amount: Amount
        public var line: Int
    }

    /// The completion rate the text states (完成年初预算的98.20%).
    public struct Rate: Sendable, Equatable, Codable {
        /// The digits as printed, without the point (`98.20` → 9820), and how many decimals.
        public var digits: Int64
        public var decimals: Int
        /// Which budget it names: 年初 (`budget`), 全年/调整 (`adjusted`), or just 预算 (nil).
        public var base: Phase?
        public var text: String
        public var line: Int
    }

    /// The reason the text gives for the difference, or its saying there is none.
    public struct Reason: Sendable, Equatable, Codable {
        public enum Direction: Sendable, Equatable, Codable { case below, above, level }
        /// nil where the sentence gives a reason without saying which way (主要原因：…).
        public var direction: Direction?
        public var text: String
        public var line: Int
    }

    public var subject: Subject
    /// The subject as the text names it (for messages).
    public var named: String
    /// 年初预算 (or an unqualified 预算), and 全年预算 / 调整预算.
    public var budget: Figure?
    public var adjusted: Figure?
    /// 支出决算.
    public var final: Figure
    public var rate: Rate?
    public var reason: Reason?
}

/// A threshold the document states for the differences between 决算 and 预算 it explains.
public struct StatedThreshold: Sendable, Equatable, Codable {
    /// In hundredths of a percent (10% → 1000).
    public var basisPoints: Int64
    public var text: String
    public var line: Int
}

enum ExecutionStatements {
    /// How far after a statement its reason may start, in characters.
    static let reasonReach = 300
    /// How far back its 类/款/项 heading may be.
    static let headingReach = 200

    static func find(_ lines: [SourceLine], pageOfLine: [Int] = []) -> ExecutionText {
        let reader = Reader(lines)
        var found = ExecutionText()
        found.statements = reader.statements()
        found.threshold = reader.threshold()
        var cited: Set<Int> = []
        for s in found.statements {
            for line in [s.budget?.line, s.adjusted?.line, s.final.line, s.rate?.line, s.reason?.line].compactMap({ $0 }) { cited.insert(line) }
        }
        if let t = found.threshold { cited.insert(t.line) }
        for line in cited where line > 0 && line < pageOfLine.count && pageOfLine[line] > 0 { found.pages[line] = pageOfLine[line] }
        return found
    }

    /// The 三公 part a clause names, by the part columns' printed names (each without its last
    /// 费, so that 公务用车购置及运行维护费 is 公务用车购置及运行费's column), most specific first.
    static func threePublicPart(in clause: String) -> (ColumnID, String)? {
        guard let (column, stem, name) = threePublicStems.first(where: { clause.contains($0.1) }) else { return nil }
        // A clause naming two parts (“三公”经费（因公出国（境）费、…和公务接待费）) is the total's.
        let rest = clause.replacingAll(stem, with: "")
        return threePublicStems.contains { rest.contains($0.1) } ? nil : (column, name)
    }

    static let threePublicStems: [(ColumnID, String, String)] = {
        let parts: [ColumnID] = [.overseas, .vehicle, .vehiclePurchase, .vehicleOperation, .reception]
        let stems = parts.flatMap { column in
            column.aliases.map { alias in (column, alias.hasSuffix("费") ? String(alias.dropLast()) : alias, column.aliases[0]) }
        }
        return stems.sorted { $0.1.count > $1.1.count }
    }()

    /// The text run together without blanks (lines wrap mid-word), with each line's start.
    struct Reader {
        var text: [Character] = []
        var starts: [(offset: Int, line: Int)] = []

        init(_ lines: [SourceLine]) {
            // A figure a PDF sets a little above its sentence comes out as a line of its own
            // before it (`1560.05` / `…年初预算为 万元，…`): put it back where the gap is.
            var loose: String?
            for (number, said) in Self.inReadingOrder(lines) {
                var squeezed = said
                let line = (number: number, text: said)
                if Self.isFigure(squeezed) {
                    loose = squeezed
                    continue
                }
                if let figure = loose {
                    loose = nil
                    if let gap = squeezed.firstRange(of: "为万") {
                        squeezed.insert(contentsOf: figure, at: squeezed.index(after: gap.lowerBound))
                    } else {
                        starts.append((text.count, line.number - 1))
                        text += figure
                    }
                }
                starts.append((text.count, line.number))
                text += squeezed
            }
        }

        /// The lines without blanks, with two slips of a PDF's reading order undone: a line
        /// ending `…预算为` printed after the line holding its `258.50万元，…`, and a line ending
        /// `。年初预算为62.29` printed before the words that precede it (`在职人员…费 万元，…`).
        static func inReadingOrder(_ lines: [SourceLine]) -> [(Int, String)] {
            var out = lines.map { ($0.number, DocumentRemarks.squeezed($0.text)) }.filter { !$0.1.isEmpty }
            var i = 1
            while i < out.count {
                let (previous, this) = (out[i - 1].1, out[i].1)
                if this.hasSuffix("为"), let first = previous.first, first.isASCII, first.isNumber,
                   let unit = previous.firstRange(of: "万元"), isFigure(String(previous[..<unit.lowerBound])) {
                    out.swapAt(i - 1, i)
                } else if let figureStart = trailingFigure(previous), previous[..<figureStart].hasSuffix("为"),
                          let unit = this.firstRange(of: "万元"), unit.lowerBound > this.startIndex,
                          !this[..<unit.lowerBound].contains(where: { $0.isASCII && $0.isNumber }) {
                    out[i - 1].1 = String(this[..<unit.lowerBound]) + previous
                    out[i].1 = String(this[unit.lowerBound...])
                }
                i += 1
            }
            return out
        }

        /// Where a figure ending the line starts, if it ends with one.
        static func trailingFigure(_ s: String) -> String.Index? {
            var start = s.endIndex
            while start > s.startIndex, s[s.index(before: start)].isASCII,
                  s[s.index(before: start)].isNumber || s[s.index(before: start)] == "." || s[s.index(before: start)] == "," {
                start = s.index(before: start)
            }
            return start < s.endIndex && s[start].isNumber ? start : nil
        }

        static func isFigure(_ s: String) -> Bool {
            s.first?.isASCII == true && s.first?.isNumber == true && s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        }

        func lineAt(_ offset: Int) -> Int {
            var low = 0, high = starts.count
            while low < high {
                let mid = (low + high) / 2
                if starts[mid].offset <= offset { low = mid + 1 } else { high = mid }
            }
            return low > 0 ? starts[low - 1].line : (starts.first?.line ?? 0)
        }

        func has(_ word: String, at i: Int) -> Bool {
            var j = i
            for c in word {
                guard j < text.count, text[j] == c else { return false }
                j += 1
            }
            return true
        }

        func hasBefore(_ word: String, at i: Int) -> Bool { i >= word.count && has(word, at: i - word.count) }

        func string(_ from: Int, _ to: Int) -> String { from < to ? String(text[max(0, from)..<min(to, text.count)]) : "" }

        /// `N万元` (or `N元`) at `i`, after an optional 为/是/：; its amount and where it ends.
        func amount(at start: Int) -> (Amount, end: Int)? {
            var i = start
            if i < text.count, "为是：:".contains(text[i]) { i += 1 }
            var j = i
            while j < text.count, text[j].isASCII && (text[j].isNumber || text[j] == "," || text[j] == ".") { j += 1 }
            guard j > i, text[i].isNumber else { return nil }
            let number = String(text[i..<j])
            if has("万元", at: j), case .success(let a) = Amount.parse(number, unit: .wan) { return (a, j + 2) }
            if has("元", at: j), case .success(let a) = Amount.parse(number, unit: .yuan) { return (a, j + 1) }
            return nil
        }

        /// A budget figure whose `预算` starts at `i`: which budget, its amount, where it ends.
        func budgetFigure(at i: Int) -> (Phase, Amount, end: Int)? {
            guard has("预算", at: i) else { return nil }
            var j = i + 2
            if has("数", at: j) { j += 1 }
            guard let (a, end) = amount(at: j) else { return nil }
            let adjusted = hasBefore("全年", at: i) || hasBefore("调整", at: i) || hasBefore("调整后", at: i) || hasBefore("调整后的", at: i)
                || hasBefore("变动后", at: i)
            return (adjusted ? .adjusted : .budget, a, end)
        }

        /// A 决算 figure whose `决算` starts at `i` (支出决算为, 决算数为, 决算支出为).
        func finalFigure(at i: Int) -> (Amount, end: Int)? {
            guard has("决算", at: i) else { return nil }
            var j = i + 2
            for word in ["数", "支出", "金额"] where has(word, at: j) { j += word.count }
            return amount(at: j)
        }

        /// `，完成年初预算的98.20%` right after a statement.
        func rate(at start: Int) -> (ExecutionStatement.Rate, end: Int)? {
            var i = start
            while i < text.count, "，,".contains(text[i]) { i += 1 }
            guard let verb = ["完成", "为", "占"].first(where: { has($0, at: i) }) else { return nil }
            i += verb.count
            if has("了", at: i) { i += 1 }
            var base: Phase?
            if has("年初", at: i) { base = .budget; i += 2 } else if has("全年", at: i) || has("调整", at: i) { base = .adjusted; i += 2 }
            if has("后", at: i) { i += 1 }
            guard has("预算", at: i) else { return nil }
            i += 2
            if has("数", at: i) { i += 1 }
            if has("的", at: i) { i += 1 }
            let from = i
            var digits: Int64 = 0, decimals = 0, point = false
            while i < text.count, text[i].isASCII, text[i].isNumber || (text[i] == "." && !point) {
                if text[i] == "." { point = true } else {
                    let (d, overflow) = digits.multipliedReportingOverflow(by: 10)
                    guard !overflow, decimals < 6 else { return nil }
                    digits = d + Int64(text[i].wholeNumberValue ?? 0)
                    if point { decimals += 1 }
                }
                i += 1
            }
            guard i > from, i < text.count, "%％".contains(text[i]) else { return nil }
            var said = string(start, i + 1)
            while let first = said.first, "，,".contains(first) { said.removeFirst() }
            let rate = ExecutionStatement.Rate(digits: digits, decimals: decimals, base: base, text: said, line: lineAt(from))
            return (rate, i + 1)
        }

        /// Every statement of a budget and its 决算, in text order.
        func statements() -> [ExecutionStatement] {
            var found: [(statement: ExecutionStatement, start: Int, end: Int)] = []
            var pending: [(Phase, Amount, at: Int)] = []
            var lastEnd = 0
            var i = 0
            while i < text.count {
                let c = text[i]
                if c == "。" || c == "；" { pending = []; i += 1; continue }
                if c == "预", let (phase, a, end) = budgetFigure(at: i) {
                    pending.append((phase, a, i))
                    i = end
                    continue
                }
                if c == "决", let (a, end) = finalFigure(at: i) {
                    defer { pending = [] }
                    var statement = ExecutionStatement(subject: .other, named: "", final: .init(amount: a, line: lineAt(i)))
                    guard let first = pending.first else {
                        // A 三公 part states its 决算 and rate alone (其中：因公出国（境）费决算为0.00万元，
                        // 完成预算的0%；…): its budget is the 三公 table's 预算数.
                        // So does the 三公 total (“三公”经费支出决算数2.92万元，完成预算的90.68%).
                        let start = clauseStart(before: i, after: lastEnd)
                        let clause = string(start, i)
                        if let (column, named) = ExecutionStatements.threePublicPart(in: clause) {
                            statement.subject = .threePublicPart(column)
                            statement.named = named
                        } else if clause.contains("三公") {
                            statement.subject = .threePublic
                            statement.named = "“三公”经费"
                        } else {
                            i = end
                            continue
                        }
                        var stop = end
                        if let (rate, after) = rate(at: end) {
                            statement.rate = rate
                            stop = after
                        }
                        found.append((statement, start, stop))
                        lastEnd = stop
                        i = stop
                        continue
                    }
                    for (phase, amount, at) in pending {
                        let figure = ExecutionStatement.Figure(amount: amount, line: lineAt(at))
                        if phase == .adjusted { statement.adjusted = statement.adjusted ?? figure } else { statement.budget = statement.budget ?? figure }
                    }
                    var stop = end
                    if let (rate, after) = rate(at: end) {
                        statement.rate = rate
                        stop = after
                    }
                    // The subject: the clause before the first budget figure, else a 类/款/项 heading.
                    let start = subject(of: &statement, before: first.at - (hasBefore("年初", at: first.at) || hasBefore("全年", at: first.at) ? 2 : 0),
                                        after: lastEnd)
                    found.append((statement, start, stop))
                    lastEnd = stop
                    i = stop
                    continue
                }
                i += 1
            }
            // Each reason lies between its statement and the next one.
            for k in found.indices {
                let limit = min(k + 1 < found.count ? found[k + 1].start : text.count, found[k].end + ExecutionStatements.reasonReach)
                found[k].statement.reason = reason(from: found[k].end, to: limit)
            }
            return found.map(\.statement)
        }

        static let clauseStops: Set<Character> = ["。", "；", "：", "，", ":", ";", ","]

        /// Fills in the subject of a statement whose first budget figure is at `at`; returns where its words start.
        func subject(of statement: inout ExecutionStatement, before at: Int, after bound: Int) -> Int {
            let s = clauseStart(before: at, after: bound)
            let clause = string(s, at)
            if let (column, named) = ExecutionStatements.threePublicPart(in: clause) {
                statement.subject = .threePublicPart(column)
                statement.named = named
                return s
            }
            if clause.contains("三公") {
                statement.subject = .threePublic
                statement.named = "“三公”经费"
                return s
            }
            if clause.contains("一般公共预算") || clause.hasSuffix("财政拨款支出") {
                let column: ColumnID = clause.hasSuffix("基本支出") ? .basic : clause.hasSuffix("项目支出") ? .project : .total
                statement.subject = .generalBudget(column)
                statement.named = "一般公共预算财政拨款支出" + (column == .basic ? " 基本支出" : column == .project ? " 项目支出" : "")
                return s
            }
            if let (names, start) = heading(before: at, after: max(bound, at - ExecutionStatements.headingReach)) {
                statement.subject = .function(names)
                statement.named = names.last ?? ""
                return start
            }
            statement.named = clause
            return s
        }

        /// Where the clause ending at `at` starts (after a comma, colon or full stop), not before `bound`.
        func clauseStart(before at: Int, after bound: Int) -> Int {
            var s = at
            while s > bound, !Self.clauseStops.contains(text[s - 1]) { s -= 1 }
            return s
        }

        /// The last `X（类）Y（款）Z（项）` before `at`: its names and where it starts.
        func heading(before at: Int, after bound: Int) -> ([String], Int)? {
            let markers = [["（类）", "(类)"], ["（款）", "(款)"], ["（项）", "(项)"]]
            var k = at - 1
            while k >= bound, !markers[0].contains(where: { has($0, at: k) }) { k -= 1 }
            guard k >= bound else { return nil }
            var start = k
            let stops: Set<Character> = ["。", "；", "：", "，", "、", "）", ")", " "]
            while start > bound, !stops.contains(text[start - 1]), !(text[start - 1].isASCII && text[start - 1].isNumber) { start -= 1 }
            var names = [string(start, k)]
            var i = k + 3
            for level in markers.dropFirst() {
                var j = i
                while j < min(at, i + 40), !level.contains(where: { has($0, at: j) }) { j += 1 }
                guard j < min(at, i + 40) else { break }
                names.append(string(i, j))
                i = j + 3
            }
            guard names.allSatisfy({ !$0.isEmpty }) else { return nil }
            return (names, start)
        }

        /// The reason given between `from` and `to`: `决算数小于（全年）预算数的主要原因：…`,
        /// `决算数与预算数基本持平`, or a bare `主要原因：…` in the next sentence.
        func reason(from: Int, to limit: Int) -> ExecutionStatement.Reason? {
            var i = from
            var sentence = 0
            while i < limit {
                if text[i] == "。" { sentence += 1 }
                // A new section (`八、`, `（二）`) is about something else.
                if i > from, "一二三四五六七八九十".contains(text[i]), i + 1 < text.count, text[i + 1] == "、" || text[i + 1] == "）" { return nil }
                if has("决算", at: i), let found = comparison(at: i, limit: limit) { return found }
                if sentence <= 1, has("主要原因", at: i) || has("原因：", at: i) || has("原因是", at: i) {
                    // Not the reason for a change on last year (与上年相比…，主要原因是…).
                    var s = i
                    while s > from, text[s - 1] != "。" { s -= 1 }
                    let said = string(s, i)
                    if !said.contains("上年"), !said.contains("相比") {
                        return .init(direction: nil, text: sentenceText(from: i), line: lineAt(i))
                    }
                }
                i += 1
            }
            return nil
        }

        static let below = ["小于", "低于", "少于"]
        static let above = ["大于", "高于", "多于", "超过", "超出"]
        static let level = ["持平", "相等", "一致", "相符", "相同"]

        /// `决算数小于预算数…原因`, `决算数与全年预算数持平` at `i`.
        func comparison(at start: Int, limit: Int) -> ExecutionStatement.Reason? {
            var i = start + 2
            for word in ["数", "支出"] where has(word, at: i) { i += word.count }
            var direction: ExecutionStatement.Reason.Direction
            if let w = Self.below.first(where: { has($0, at: i) }) { direction = .below; i += w.count }
            else if let w = Self.above.first(where: { has($0, at: i) }) { direction = .above; i += w.count }
            else if has("与", at: i) || has("和", at: i) || has("较", at: i) { direction = .level; i += 1 }
            else { return nil }
            // The budget it is held to, within a few characters.
            var k = i
            while k < min(limit, i + 6), !has("预算", at: k) { k += 1 }
            guard has("预算", at: k) else { return nil }
            let rest = sentenceText(from: k)
            if direction == .level {
                let clause = String(rest.prefix(16))
                guard Self.level.contains(where: { clause.contains($0) }) else {
                    // 决算数与预算数相比减少…：a direction stated after the budget.
                    if Self.below.contains(where: { clause.contains($0) }) || clause.contains("减少") { direction = .below }
                    else if Self.above.contains(where: { clause.contains($0) }) || clause.contains("增加") { direction = .above }
                    else { return nil }
                    guard rest.contains("原因") || rest.contains("主要是") || rest.contains("由于") else { return nil }
                    return .init(direction: direction, text: sentenceText(from: start), line: lineAt(start))
                }
                return .init(direction: .level, text: sentenceText(from: start), line: lineAt(start))
            }
            guard rest.contains("原因") || rest.contains("主要是") || rest.contains("由于") else { return nil }
            return .init(direction: direction, text: sentenceText(from: start), line: lineAt(start))
        }

        /// From `i` to the end of its sentence (at most 100 characters).
        func sentenceText(from i: Int) -> String {
            var j = i
            while j < text.count, j < i + 100, text[j] != "。" { j += 1 }
            return string(i, j < text.count && text[j] == "。" ? j + 1 : j)
        }

        static let differenceWords = ["差异", "差额", "偏差", "偏离", "变动", "增减", "相差", "差距"]
        static let beyondWords = ["超过", "大于", "高于", "达到", "超出", "在"]

        /// `决算数与预算数差异超过10%的…` (a difference named beside 预算, then a share).
        func threshold() -> StatedThreshold? {
            var i = 0
            while i < text.count {
                defer { i += 1 }
                guard text[i] == "%" || text[i] == "％" else { continue }
                var n = i
                while n > 0, text[n - 1].isASCII, text[n - 1].isNumber || text[n - 1] == "." { n -= 1 }
                guard n < i else { continue }
                let before = string(max(0, n - 40), n)
                let sentenceStart = before.lastIndex(where: { "。；".contains($0) }).map { before.index(after: $0) } ?? before.startIndex
                let words = String(before[sentenceStart...])
                let after = string(i + 1, i + 4)
                guard words.contains("预算"), !words.contains("上年"), Self.differenceWords.contains(where: { words.contains($0) }),
                      Self.beyondWords.contains(where: { words.hasSuffix($0) }) || after.hasPrefix("以上") || after.hasPrefix("及以上")
                else { continue }
                let number = string(n, i)
                let parts = number.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count <= 2, let whole = Int64(parts[0]) else { continue }
                var hundredths: Int64 = 0
                if parts.count == 2 {
                    var f = String(parts[1].prefix(2))
                    while f.count < 2 { f += "0" }
                    guard let v = Int64(f) else { continue }
                    hundredths = v
                }
                guard whole < 1000 else { continue }
                return StatedThreshold(basisPoints: whole * 100 + hundredths, text: sentenceText(from: n - words.count), line: lineAt(n))
            }
            return nil
        }
    }
}
