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

    /// A title of a table tally does not read (绩效目标表, 目录 …): it ends the table before it.
    static func isOtherTitle(_ line: String) -> Bool {
        let text = line.replacingAll(" ", with: "")
        guard text.unicodeScalars.count >= 4, text.unicodeScalars.count <= 90, !text.contains(utf8: "。"), !text.contains(utf8: "，") else { return false }
        if text.contains(utf8: "绩效目标表") || text.hasSuffix("目录）") || text.hasSuffix("（目录）") { return true }
        guard let tableEnd = text.lastIndex(of: "表"), !text.hasPrefix("附表") else { return false }
        let after = text[text.index(after: tableEnd)...]
        return (after.isEmpty || after.hasPrefix("（") || after.hasPrefix("(")) && recognise(line) == nil
    }

    /// Nil when the line is not a table title (too long, a sentence, or no known name).
    static func recognise(_ line: String) -> TableTitle? {
        var text = line.replacingAll(" ", with: "")
        guard text.unicodeScalars.count >= 5, text.unicodeScalars.count <= 90, !text.contains(utf8: "。"), !text.contains(utf8: "，"),
            !text.hasPrefix("附表"), !text.hasPrefix("备注"), !text.hasPrefix("说明")
        else { return nil }
        // A title names a table; a narrative line that mentions one goes on after it.
        guard let tableEnd = text.lastIndex(of: "表") else { return nil }
        let after = text[text.index(after: tableEnd)...]
        guard after.isEmpty || after.hasPrefix("（") || after.hasPrefix("(") else { return nil }
        if text.contains(utf8: "绩效目标表") || text.contains(utf8: "目录") { return nil }
        for rule in Vocabulary.titleRules
        where rule.all.allSatisfy({ text.contains(utf8: $0) }) && !rule.none.contains(where: { text.contains(utf8: $0) }) {
            guard let table = rule.table else { return nil }
            let marker = rule.marker
            var year: Int?
            if let found = text.firstMatch(of: /(20\d\d)年/) {
                year = Int(found.output.1)
                text.removeSubrange(found.range)
            }
            var unit = ""
            if let m = text.firstRange(of: marker) { unit = String(text[..<m.lowerBound]) }
            if unit.hasSuffix("部门") { unit.removeLast(2) }
            let isFinal = Vocabulary.finalAccountWords.contains { text.contains(utf8: $0) }
            return TableTitle(table: table, text: line, year: year, unit: unit, isFinal: isFinal)
        }
        return nil
    }
}
