/// A year-on-year statement of the text, held to the prior year's figure by the `narrative`
/// rule: `一般公共预算财政拨款支出6,995.08万元，比2024年增加1,256.19万元`, `基本支出预算数为
/// 15,844.04万元。与上年相比增加1849.73万元，增长13.22%`, `公务接待费0.5万元，与上年数持平`.
/// It follows a figure the text states (NarrativeFigures), so it is about that figure.
public struct ChangeStatement: Sendable, Equatable, Codable {
    /// Which figure, as NarrativeFigures names it (一般公共预算财政拨款支出, basic).
    public var name: String
    public var column: ColumnID
    /// This year's figure, as the sentence states it.
    public var stated: Amount
    /// The change stated in 万元, signed (减少 is negative); 0 for 持平; nil when only a percent is.
    public var change: Amount?
    /// 持平 / 一致: the figure has not changed.
    public var flat = false
    /// The change stated as a percent, in hundredths, signed (增长10.06% → 1006).
    public var percent: Int64?
    /// The year compared with when the sentence names it (比2024年); nil for 上年 (the year before).
    public var year: Int?
    /// What of that year: its budget (比2024年预算), its final accounts (决算), its 预算执行数
    /// (which no table prints), or, unsaid, the same kind as this document.
    public var against: Against
    /// The words of the comparison as printed (比2024年减少30.04万元), and where.
    public var phrase: String
    public var line: Int
    public var page: Int = 0

    public enum Against: String, Sendable, Codable {
        case same, budget, final, execution
    }
}

/// Reads the comparison that follows a stated figure, in the figure's sentence or at the start
/// of the next one. The forms are those of the disclosures: a marker naming the earlier year
/// (比上年, 较上年, 与上年相比, 比2024年预算, 与2023年度相比, 同比), perhaps the subject again, then
/// 增加/减少 X万元 and perhaps 增长/下降 Y%, or 持平/一致. A clause stating another amount, or
/// 其中, ends the search: what follows is about another figure.
enum ChangeStatements {
    /// The longest stretch after a figure searched for its comparison.
    static let reach = 160

    struct Found: Equatable {
        var change: Amount?
        var flat = false
        var percent: Int64?
        var year: Int?
        var against: ChangeStatement.Against
        var phrase: String
        /// Offset in the text where the comparison starts.
        var offset: Int
    }

    /// The comparison about the figure printed up to `end` (just past its 万元), if any.
    static func read(after end: Int, in text: [Character]) -> Found? {
        let limit = min(text.count, end + reach)
        var i = end
        while i < limit {
            let c = text[i]
            if "比较与同".contains(c), let found = comparison(at: i, in: text, limit: limit) { return found }
            if c == "。" {
                // The next sentence may open with the comparison (。与上年相比增加…); else the figure has none.
                guard i + 1 < limit, "比较与同".contains(text[i + 1]), let found = comparison(at: i + 1, in: text, limit: limit) else { return nil }
                return found
            }
            if c == "；" || c == ";" { return nil }
            if c == "其", i + 1 < text.count, text[i + 1] == "中" { return nil }
            // Another amount before any comparison: the clause is about something else.
            if c.isASCII && c.isNumber {
                var j = i
                while j < text.count, text[j].isASCII && (text[j].isNumber || text[j] == "," || text[j] == ".") { j += 1 }
                if j + 1 < text.count, text[j] == "万", text[j + 1] == "元" { return nil }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// The comparison starting at `start`, or nil if no marker of an earlier year starts there.
    static func comparison(at start: Int, in text: [Character], limit: Int) -> Found? {
        // Up to the end of the sentence that holds the marker.
        var end = start
        while end < limit, text[end] != "。", text[end] != "；" { end += 1 }
        let sentence = String(text[start..<end])
        guard let marker = sentence.prefixMatch(of: /(?:比|较|与)(?:上年|去年|上一年|(20[0-9][0-9])年)度?(?:同期)?(预算执行数|执行数|预算数|预算|决算数|决算)?数?(?:相比|比较)?|同比/)
        else { return nil }
        let year = marker.output.1.flatMap { Int($0) }
        let against: ChangeStatement.Against = switch marker.output.2.map(String.init) {
        case "预算执行数", "执行数": .execution
        case "预算数", "预算": .budget
        case "决算数", "决算": .final
        default: .same
        }
        let rest = sentence[marker.range.upperBound...]
        func found(_ change: Amount?, _ percent: Int64?, through upper: String.Index, flat: Bool = false) -> Found {
            Found(change: change, flat: flat, percent: percent, year: year, against: against,
                  phrase: String(sentence[..<upper]), offset: start)
        }
        if let flat = rest.prefixMatch(of: /[，,]?(?:基本)?(?:持平|一致|相同|无变化|没有变化|未发生变化)/) {
            return found(Amount(fen: 0), nil, through: flat.range.upperBound, flat: true)
        }
        // The subject may be named again (，一般公共预算财政拨款支出减少…; 收、支预算总计各增加…).
        guard let moved = rest.prefixMatch(of: /[，,]?[^。；;，,0-9%]{0,30}?[，,]?(增加|减少|增长|下降|上升|降低|增|减)了?([0-9][0-9,]*(?:\.[0-9]+)?)(万元|%)/)
        else { return nil }
        let sign: Int64 = ["增加", "增长", "上升", "增"].contains(String(moved.output.1)) ? 1 : -1
        let number = String(moved.output.2)
        if moved.output.3 == "%" {
            guard let p = hundredths(number) else { return nil }
            return found(nil, sign * p, through: moved.range.upperBound)
        }
        guard let amount = try? Amount.parse(number, unit: .wan).get() else { return nil }
        let change = Amount(fen: sign * amount.fen)
        // … and the percent beside it (，增长10.06%; 增幅2.94%), with its own direction.
        let after = rest[moved.range.upperBound...]
        if let pct = after.prefixMatch(of: /[，,]?(?:同比)?(增长|下降|增加|减少|增幅|降幅|减幅|上升|降低)(?:了|为)?([0-9]+(?:\.[0-9]+)?)%/),
           let p = hundredths(String(pct.output.2)) {
            let down = ["下降", "减少", "降幅", "减幅", "降低"].contains(String(pct.output.1))
            return found(change, down ? -p : p, through: pct.range.upperBound)
        }
        return found(change, nil, through: moved.range.upperBound)
    }

    /// `10.06` → 1006, `67.1` → 6710; nil past two decimals or too long (a percent is printed
    /// to at most two).
    static func hundredths(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), parts[0].count <= 9 else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isNumber) else { return nil }
        let cents = fraction.isEmpty ? 0 : (Int64(fraction) ?? 0) * (fraction.count == 1 ? 10 : 1)
        return whole * 100 + cents
    }
}
