/// A row's classification code as the layouts print it: joined (`2080101`), in split
/// 类/款/项 columns (`208 05 01`, `301 01`), or glued to the name (`2013802一般行政管理事务`).
enum CodeWords {
    /// The line with a dotted code at its start (`201.01.01 行政运行`) printed plain, so it is
    /// a code to every later stage, never a figure in the 科目编码 column.
    static func undotted(_ line: WordLine) -> WordLine {
        guard let first = line.words.first,
            let code = DocumentText.dottedCode(first.text, beforeName: line.words.count > 1 && DocumentText.beginsName(line.words[1].text))
        else { return line }
        var line = line
        line.words[0].text = code
        return line
    }

    /// Whether the words begin with a code, dotted ones too: `201.01` alone reads as a
    /// figure, but before a name it is a 款's code.
    static func startsWithAnyCode(_ words: [PlacedWord]) -> Bool {
        guard let first = words.first else { return false }
        let named = words.count > 1 && DocumentText.beginsName(words[1].text)
        return startsWithCode(words) || DocumentText.dottedCode(first.text, beforeName: named) != nil
    }

    static func isDigits(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    static func startsWithCode(_ words: [PlacedWord]) -> Bool {
        guard let first = words.first else { return false }
        let t = Substring(first.text)
        if DocumentText.isCode(t) { return true }
        if let (code, _) = glued(t), !code.isEmpty { return true }
        // `7 11 02`: a 类 cell misprinted, the 款 and 项 still there.
        if isDigits(t), t.count <= 2, words.count >= 3, words[1].text.count == 2, isDigits(Substring(words[1].text)) {
            return true
        }
        return false
    }

    /// `2013802一般行政管理事务` → (2013802, 一般行政管理事务).
    static func glued(_ t: Substring) -> (String, String)? {
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 3 || digits.count == 5 || digits.count == 7, digits.count < t.count,
            let next = t[digits.endIndex...].first, DocumentText.isCJK(next)
        else { return nil }
        return (String(digits), String(t[digits.endIndex...]))
    }

    /// The code and the words of the name. A split code whose 类 is not three digits takes
    /// the 类 of the row above when that row's 款 is the one printed (a repair, reported).
    static func split(_ words: [PlacedWord], previous: String) -> (code: String, name: [PlacedWord], repair: String?) {
        var parts: [String] = []
        var rest = words[...]
        while let w = rest.first, isDigits(Substring(w.text)), w.text.count <= 7, parts.count < 3 {
            parts.append(w.text)
            rest = rest.dropFirst()
        }
        if parts.isEmpty, var first = rest.first, let (code, name) = glued(Substring(first.text)) {
            first.text = name
            return (code, [first] + rest.dropFirst(), nil)
        }
        let lengths = parts.map(\.count)
        switch lengths {
        case [], [3], [5], [7], [3, 2], [3, 2, 2], [5, 2]:
            return (parts.joined(), Array(rest), nil)
        default:
            // `7 11 02`: the 款 and 项 are printed; the 类 comes from the row above.
            if parts.count >= 2, lengths[0] < 3, parts.dropFirst().allSatisfy({ $0.count == 2 }), previous.count >= 5 {
                let kuan = previous.dropFirst(3).prefix(2)
                if kuan == parts[1] {
                    let code = String(previous.prefix(3)) + parts.dropFirst().joined()
                    return (code, Array(rest), "code printed `\(parts.joined(separator: " "))` read as \(code): its 类 is that of \(previous) above")
                }
            }
            // Digits that do not make a code are part of the name.
            return ("", words, nil)
        }
    }
}

/// Codes printed as their new part only, under split 类 | 款 | 项 columns (`201`, then `38`, then
/// `01`): a two-digit part is a 款 or a 项 by the column it stands in, learnt from the table's
/// codes as it goes; before either is known, by the code above (a 类 is followed by its 款, a
/// 款 by its 项).
struct PartialCodes {
    /// Where each level's part stands: 5 for a 款, 7 for a 项.
    private var left: [Int: Double] = [:]
    /// Whether the table's repairs say so already (once a table).
    var said = false

    /// Learns the parts' places from a code printed whole in split columns (`208 05 01`).
    mutating func learn(_ labels: [PlacedWord]) {
        let parts = labels.prefix { CodeWords.isDigits(Substring($0.text)) }
        guard parts.count >= 2, parts.first?.text.count == 3 else { return }
        let rest = Array(parts.dropFirst())
        if rest[0].text.count == 2 { left[5] = rest[0].left }
        if rest.count > 1, rest[1].text.count == 2 { left[7] = rest[1].left }
    }

    /// The code of a row whose labels start with a two-digit part and its name, after `previous`.
    mutating func read(_ labels: [PlacedWord], previous: String) -> String? {
        guard labels.count >= 2, let first = labels.first, first.text.count == 2, CodeWords.isDigits(Substring(first.text)),
            !CodeWords.isDigits(Substring(labels[1].text)), [3, 5, 7].contains(previous.count)
        else { return nil }
        let width = max(first.right - first.left, 1)
        func near(_ level: Int) -> Double? { left[level].map { abs(first.left - $0) } }
        let level: Int
        switch (near(5), near(7)) {
        case let (k?, p?): level = k <= p ? 5 : 7
        case let (k?, nil): level = k < width ? 5 : 7
        case let (nil, p?): level = p < width ? 7 : 5
        case (nil, nil): level = previous.count == 3 ? 5 : 7
        }
        guard level == 5 || previous.count >= 5 else { return nil }
        left[level] = first.left
        return String(previous.prefix(level - 2)) + first.text
    }
}
