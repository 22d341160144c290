/// Two-sided tables (收入 | 预算数 | 支出 | 预算数): a left label longer than its cell spills over
/// an empty figure cell up to the next side's label (a spreadsheet lets text run into empty
/// cells), and poppler joins glyphs less than a point apart into one word —
/// `一、财政拨款收入一、一般公共服务支出`. The header says where each side's labels stand; the
/// other rows' labels of that side say where they begin. A word that runs from one side over
/// that point is cut there (CJK glyphs are as wide as each other, so the cut falls between
/// two characters), and each part is read on its own side.
enum RunTogetherLabels {
    /// Where the labels of each side after the first begin: the leftmost start of the text
    /// words that begin past the middle of the figure column before the side.
    static func starts(_ grid: ColumnGrid, lines: [WordLine]) -> [Int: Double] {
        let columns = grid.columns
        var out: [Int: Double] = [:]
        for l in columns.indices.dropFirst() where columns[l].isLabel && !columns[l - 1].isLabel {
            let figure = columns[l - 1]
            let lefts = lines.flatMap(\.words).filter { w in
                isText(w) && w.left > figure.centre && w.left < columns[l].right
            }.map(\.left)
            if let start = lefts.min() { out[l] = start }
        }
        return out
    }

    /// The line with every word that starts before a side's labels begin and runs on past
    /// that point by half a character or more cut there.
    static func split(_ line: WordLine, at starts: some Collection<Double>) -> WordLine {
        guard !starts.isEmpty else { return line }
        var words: [PlacedWord] = []
        for word in line.words {
            var rest = word
            for start in starts where isText(rest) && rest.text.count >= 2 {
                let perCharacter = (rest.right - rest.left) / Double(rest.text.count)
                guard rest.left < start - perCharacter / 2, rest.right > start + perCharacter / 2 else { continue }
                let k = Int(((start - rest.left) / perCharacter).rounded())
                guard k > 0, k < rest.text.count else { continue }
                let cut = rest.left + perCharacter * Double(k)
                words.append(PlacedWord(text: String(rest.text.prefix(k)), left: rest.left, right: cut, top: rest.top, bottom: rest.bottom))
                rest = PlacedWord(text: String(rest.text.dropFirst(k)), left: cut, right: rest.right, top: rest.top, bottom: rest.bottom)
            }
            words.append(rest)
        }
        var out = line
        out.words = words
        return out
    }

    static func isText(_ word: PlacedWord) -> Bool { FigureText.read(word.text) == .text }
}
