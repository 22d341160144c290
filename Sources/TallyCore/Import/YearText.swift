/// Years written as `2025年` (blanks allowed before 年) in header cells and titles, found by
/// a scan of the bytes: headers are read by the thousand per document, and a regular
/// expression literal is built anew on every call.
enum YearText {
    private static let nian: [UInt8] = Array("年".utf8)
    private static let du: [UInt8] = Array("度".utf8)

    /// Each `20dd年`: the byte range it takes (年 included) and the year.
    static func mentions(in text: String) -> [(range: Range<Int>, year: Int)] {
        let b = Array(text.utf8)
        var out: [(Range<Int>, Int)] = []
        var i = 0
        while i + 4 <= b.count {
            if b[i] == UInt8(ascii: "2"), b[i + 1] == UInt8(ascii: "0"), isDigit(b[i + 2]), isDigit(b[i + 3]) {
                var j = i + 4
                while j < b.count, b[j] == UInt8(ascii: " ") || b[j] == UInt8(ascii: "\t") { j += 1 }
                if j + 3 <= b.count, Array(b[j..<(j + 3)]) == nian {
                    let year = 2000 + Int(b[i + 2] - 48) * 10 + Int(b[i + 3] - 48)
                    out.append((i..<(j + 3), year))
                    i = j + 3
                    continue
                }
            }
            i += 1
        }
        return out
    }

    static func first(in text: String) -> Int? { mentions(in: text).first?.year }

    /// The text without its `20dd年` mentions.
    static func removingYears(_ text: String) -> String {
        let found = mentions(in: text)
        guard !found.isEmpty else { return text }
        var b = Array(text.utf8)
        for m in found.reversed() { b.removeSubrange(m.range) }
        return String(decoding: b, as: UTF8.self)
    }

    /// The text without a `20dd年` or `20dd年度` it starts with.
    static func removingLeadingYear(_ text: String) -> String {
        guard let m = mentions(in: text).first, m.range.lowerBound == 0 else { return text }
        var b = Array(text.utf8)
        var end = m.range.upperBound
        if end + 3 <= b.count, Array(b[end..<(end + 3)]) == du { end += 3 }
        b.removeSubrange(0..<end)
        return String(decoding: b, as: UTF8.self)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
