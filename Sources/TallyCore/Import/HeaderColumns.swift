/// Maps a column header as printed to a column id (§2). Headers come wrapped and split
/// (`一般公共 预算拨款 收入`), so matching is by keywords with spaces removed, most specific first.
enum HeaderColumns {
    /// The column a header names; nil for one tally has no id for (say 用事业基金弥补收支差额).
    static func column(for header: String) -> ColumnID? {
        let text = header.replacingAll(" ", with: "")
        if text.isEmpty { return nil }
        for (keyword, column) in Vocabulary.columnKeywords where text.contains(utf8: keyword) { return column }
        let withoutYear = text.contains(utf8: "年") ? YearText.removingYears(text) : text
        if Vocabulary.totalWords.contains(where: { withoutYear.contains(utf8: $0) }) { return .total }
        return nil
    }

    static func isTotal(_ header: String) -> Bool {
        let text = header.replacingAll(" ", with: "")
        return Vocabulary.totalWords.contains(where: { text.contains(utf8: $0) }) && column(for: text) == .total
    }

    static func years(in header: String) -> [Int] {
        YearText.mentions(in: header.replacingAll(" ", with: "")).map(\.year)
    }

    static func year(in header: String) -> Int? {
        YearText.first(in: header.replacingAll(" ", with: ""))
    }
}
