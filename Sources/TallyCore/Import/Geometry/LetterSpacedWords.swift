/// Headers set letter-spaced to fill their cells (`合 计`, `基 本 支 出`, `科 目`): poppler
/// gives each glyph as a word of its own, and no header alias is one glyph. A run of single
/// CJK glyphs of one size, each less than two thirds of a glyph after the one before, is one word.
/// (The split code columns' 类 | 款 | 项 stand further apart than that: their columns are
/// each wider than their glyph.)
enum LetterSpacedWords {
    static func join(_ line: WordLine) -> WordLine {
        var words: [PlacedWord] = []
        // Whether words[i] is a glyph or a run of them, and so may take the next glyph.
        var run: [Bool] = []
        for word in line.words {
            let glyph = isGlyph(word)
            if glyph, let last = words.last, run[run.count - 1], follows(word, after: last) {
                words[words.count - 1] = PlacedWord(text: last.text + word.text, left: last.left, right: word.right,
                                                    top: min(last.top, word.top), bottom: max(last.bottom, word.bottom),
                                                    inCharacterCells: last.inCharacterCells)
                continue
            }
            words.append(word)
            run.append(glyph)
        }
        return WordLine(page: line.page, number: line.number, words: words)
    }

    static func isGlyph(_ word: PlacedWord) -> Bool {
        let scalars = word.text.unicodeScalars
        guard scalars.count == 1, let s = scalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value)
    }

    /// Close after `last` (less than two thirds of a glyph between) and of its size.
    static func follows(_ word: PlacedWord, after last: PlacedWord) -> Bool {
        let size = min(word.height, last.height)
        guard size > 0, abs(word.height - last.height) <= 0.2 * size else { return false }
        let gap = word.left - last.right
        return gap >= 0 && gap < 0.66 * size
    }
}

/// A year set a space apart from the rest of its header (`2024 年预算数`, as a typist writes
/// western digits among Chinese): one name, which the cell's lines below go on (`2024 年预` /
/// `算数`). Apart, the year would name no column and `年预` stand over none.
enum SpacedYears {
    static func join(_ line: WordLine) -> WordLine {
        var words: [PlacedWord] = []
        for word in line.words {
            if let last = words.last, last.text.utf8.count == 4, last.text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                word.text.hasPrefix("年"), word.left - last.right <= (word.inCharacterCells ? 1 : 0.6 * word.height)
            {
                words[words.count - 1] = PlacedWord(text: last.text + word.text, left: last.left, right: word.right,
                                                    top: min(last.top, word.top), bottom: max(last.bottom, word.bottom),
                                                    inCharacterCells: last.inCharacterCells)
                continue
            }
            words.append(word)
        }
        return WordLine(page: line.page, number: line.number, words: words)
    }
}
