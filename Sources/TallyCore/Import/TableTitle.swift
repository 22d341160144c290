/// Recognises a table by its title (§2's keywords) and reads the department and year it
/// names: `重庆市綦江区社会保险事务中心部门支出总表`, `2024年南岸区…一般公共预算“三公”经费支出表`.
struct TableTitle {
    var table: TableID
    var text: String
    var year: Int?
    /// The text before the table's name: usually the budget unit.
    var unit: String
    /// A final-account (决算) table rather than a budget one.
    var isFinal: Bool = false
    /// The title says it goes on from an earlier page (`…预算总表（续）`, `续表`).
    var isContinuation: Bool = false
    /// The unit stated on the title's own line (`…预算总表    单位：元`).
    var statedUnit: UnitStatement?
    /// The title's words without its decorations (see `core`): a title printed again on a
    /// later page has the same core.
    var core: String = ""

    /// A title of a table tally does not read (绩效目标表, 目录 …): it ends the table before it.
    static func isOtherTitle(_ line: String) -> Bool {
        // core(of:) only takes words away, so a line without 表 or 目录 is no title: most lines
        // of a document are rows, and this spares them the patterns.
        guard line.contains(utf8: "表") || line.contains(utf8: "目录"), !Vocabulary.hasContentsLeader(line) else { return false }
        let (text, _) = core(of: line)
        guard text.unicodeScalars.count >= 4, text.unicodeScalars.count <= 90, !text.contains(utf8: "。"), !text.contains(utf8: "，") else { return false }
        if text.contains(utf8: "绩效目标表") || text.hasSuffix("目录）") || text.hasSuffix("（目录）") { return true }
        if Vocabulary.isTableNumber(text) { return false }
        guard let tableEnd = text.lastIndex(of: "表"), !text.hasPrefix("附表") else { return false }
        let after = text[text.index(after: tableEnd)...]
        return (after.isEmpty || after.hasPrefix("（") || after.hasPrefix("(")) && recognise(line) == nil
    }

    /// Nil when the line is not a table title (too long, a sentence, or no known name).
    static func recognise(_ line: String) -> TableTitle? {
        guard line.contains(utf8: "表"), !Vocabulary.hasContentsLeader(line) else { return nil }
        var (text, continued) = core(of: line)
        guard text.unicodeScalars.count >= 5, text.unicodeScalars.count <= 90, !text.contains(utf8: "。"), !text.contains(utf8: "，"),
            !text.hasPrefix("附表"), !text.hasPrefix("备注"), !text.hasPrefix("说明")
        else { return nil }
        // A title names a table; a narrative line that mentions one goes on after it.
        guard let tableEnd = text.lastIndex(of: "表") else { return nil }
        let after = text[text.index(after: tableEnd)...]
        guard after.isEmpty || after.hasPrefix("（") || after.hasPrefix("(") else { return nil }
        if text.contains(utf8: "绩效目标表") || text.contains(utf8: "目录") { return nil }
        let core = text
        for rule in Vocabulary.titleRules
        where rule.all.allSatisfy({ text.contains(utf8: $0) }) && !rule.none.contains(where: { text.contains(utf8: $0) }) {
            guard let table = rule.table else { return nil }
            let marker = rule.marker
            var year: Int?
            if let found = YearText.mentions(in: text).first {
                year = found.year
                let utf8 = text.utf8
                let range = utf8.index(utf8.startIndex, offsetBy: found.range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: found.range.upperBound)
                text.removeSubrange(range)
            }
            var unit = ""
            if let m = text.firstRange(of: marker) { unit = String(text[..<m.lowerBound]) }
            if unit.hasSuffix("部门") || unit.hasSuffix("单位") { unit.removeLast(2) }
            let isFinal = Vocabulary.finalAccountWords.contains { text.contains(utf8: $0) }
            return TableTitle(table: table, text: line, year: year, unit: unit, isFinal: isFinal, isContinuation: continued,
                              statedUnit: Vocabulary.unitStatement(in: line), core: core)
        }
        return nil
    }

    /// A title line without blanks and without what is printed around a title: a number
    /// before it (`附表1：`, `表3`, `公开03表`), a number, page, unit or 续 after it (`表3`,
    /// `（表3）`, `第1页`, `单位：元`, `（续）`), and whether it said 续.
    static func core(of line: String) -> (text: String, continued: Bool) {
        var line = Substring(line)
        // A table's number as a word of its own before the title (`表一 2026年…`, `表 1 …`):
        // taken off before the blanks go, while it still stands apart from the year after it.
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        for count in [1, 2] where words.count > count {
            if Vocabulary.isTableNumber(words.prefix(count).joined()), let end = words[count - 1].indices.last {
                line = line[line.index(after: end)...]
                break
            }
        }
        var text = String(line).replacingAll(" ", with: "").replacingAll("\u{3000}", with: "")
        var continued = false
        // After the title: a unit statement and whatever follows it.
        for marker in Vocabulary.unitMarkers {
            if let m = text.firstRange(of: marker), m.lowerBound > text.startIndex {
                var cut = m.lowerBound
                // `金额单位：`, and the bracket a unit statement is put in (`（单位：元）`).
                for word in ["金额", "（", "("] where text[..<cut].hasSuffix(word) { cut = text.index(cut, offsetBy: -word.count) }
                if text[..<cut].contains("表") { text = String(text[..<cut]) }
            }
        }
        // Most lines hold no 表 at all, and a title's own end is 表 or its bracket: only a line
        // that may carry decorations pays for the patterns.
        guard text.contains(utf8: "表") else { return (text, false) }
        let decoratedStart: Set<Character> = ["附", "表", "（", "(", "续"]
        let decoratedEnd: Set<Character> = ["页", "）", ")", "续", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                                            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var changed = true
        while changed, let first = text.first, let last = text.last, decoratedStart.contains(first) || decoratedEnd.contains(last) {
            changed = false
            for pattern in Vocabulary.titleSuffixes {
                if let last = text.last, decoratedEnd.contains(last), let m = text.firstMatch(of: pattern), m.range.lowerBound > text.startIndex,
                   text[..<m.range.lowerBound].contains("表") {
                    if text[m.range].contains("续") { continued = true }
                    text.removeSubrange(m.range)
                    changed = true
                }
            }
            for pattern in Vocabulary.titlePrefixes {
                if let first = text.first, decoratedStart.contains(first), let m = text.prefixMatch(of: pattern), m.range.upperBound < text.endIndex {
                    if text[m.range].contains("续") { continued = true }
                    text.removeSubrange(m.range)
                    changed = true
                }
            }
        }
        return (text, continued)
    }
}
