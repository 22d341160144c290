/// Maps a column header as printed to a column id (§2). Headers come wrapped and split
/// (`一般公共 预算拨款 收入`), so matching is by keywords with spaces removed, most specific first.
enum HeaderColumns {
    /// The column a header names; nil for one tally has no id for (say 用事业基金弥补收支差额).
    static func column(for header: String) -> ColumnID? {
        let text = header.replacingAll(" ", with: "")
        if text.isEmpty { return nil }
        for (keyword, column) in Vocabulary.columnKeywords where text.contains(keyword) { return column }
        let withoutYear = text.contains("年") ? text.replacing(/20\d\d\s*年/, with: "") : text
        if Vocabulary.totalWords.contains(where: { withoutYear.contains($0) }) { return .total }
        return nil
    }

    static func isTotal(_ header: String) -> Bool {
        let text = header.replacingAll(" ", with: "")
        return Vocabulary.totalWords.contains(where: { text.contains($0) }) && column(for: text) == .total
    }

    static func years(in header: String) -> [Int] {
        header.replacingAll(" ", with: "").matches(of: /(20\d\d)年/).compactMap { Int($0.output.1) }
    }

    static func year(in header: String) -> Int? {
        header.replacingAll(" ", with: "").firstMatch(of: /(20\d\d)年/).flatMap { Int($0.output.1) }
    }
}
