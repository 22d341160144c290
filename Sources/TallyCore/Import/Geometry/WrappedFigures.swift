/// A figure too wide for its cell wraps inside it, as a word processor's table sets it: its
/// last digits go to the next line, under it (`7,953.1` / `8`, `51,568,72` / `1`). Read apart,
/// the first part is a figure one digit short, and the digits alone a row of nothing. Runs of
/// one to three digits on the next line (beside the row's label at most), each under a figure
/// that is short of a whole one (one decimal where figures have two, or a thousands group of
/// fewer than three digits) and whole with them, are the ends of those figures.
enum WrappedFigures {
    static func join(_ lines: [WordLine]) -> (lines: [WordLine], joined: [(line: Int, figure: String)]) {
        // One decimal is short only where the table's other figures (those with no digits
        // under them) have two.
        func isTailWord(_ w: PlacedWord) -> Bool { w.text.utf8.count <= 3 && CodeWords.isDigits(Substring(w.text)) }
        let fractions = lines.indices.filter { $0 + 1 == lines.count || !lines[$0 + 1].words.contains(where: isTailWord) }
            .flatMap { lines[$0].words }.compactMap { w -> Int? in
            guard FigureText.isMarkedFigure(w.text), let dot = w.text.lastIndex(of: ".") else { return nil }
            return w.text.distance(from: dot, to: w.text.endIndex) - 1
        }
        let twos = fractions.filter { $0 == 2 }.count
        let twoDecimals = twos > 0 && twos * 5 >= fractions.count * 4
        var out: [WordLine] = []
        var joined: [(line: Int, figure: String)] = []
        for line in lines {
            // The tail is on the next line of the cell, or the one after where the row's label
            // is set between them (a label centred in a row two lines high), or shares its line
            // with that label: no further below. Words of the label stay where they are.
            let height = max(line.bottom - line.top, 1)
            let tails = line.words.filter(isTailWord)
            let rest = line.words.filter { !isTailWord($0) }
            guard !tails.isEmpty, let last = out.indices.last, out[last].page == line.page,
                rest.allSatisfy({ w in FigureText.read(w.text) == .text && tails.allSatisfy { w.right <= $0.left } })
            else { out.append(line); continue }
            // The figure's line: the last, or the one before it (the row's label or the rest of
            // its figures set between), whichever holds a figure cut short over the first tail.
            let over = { (l: WordLine) in l.words.contains { w in isShort(w.text) && w.left < tails[0].right && tails[0].left < w.right + height } }
            let at = over(out[last]) || last == 0 || out[last - 1].page != line.page || !over(out[last - 1]) ? last : last - 1
            var above = out[at]
            guard line.top - above.bottom <= (at == last ? 1.5 : 2.8) * height else { out.append(line); continue }
            var ends: [(Int, PlacedWord)] = []
            for tail in tails {
                // Under the figure, or just past its end: in `-layout` text a cell or two on.
                let slack = tail.inCharacterCells ? 2 : max(tail.height, 1)
                let candidates = above.words.indices.filter { i in
                    let w = above.words[i]
                    return w.left < tail.right && tail.left < w.right + slack && isShort(w.text, twoDecimals: twoDecimals)
                        && isWhole(w.text + tail.text)
                }
                guard let k = candidates.min(by: { abs(above.words[$0].right - tail.right) < abs(above.words[$1].right - tail.right) }),
                    !ends.contains(where: { $0.0 == k }) else { break }
                ends.append((k, tail))
            }
            guard ends.count == tails.count else { out.append(line); continue }
            for (k, tail) in ends {
                above.words[k].text += tail.text
                // The tail ends where the cell's figures end.
                above.words[k].right = max(above.words[k].right, tail.right)
                joined.append((line.number, above.words[k].text))
            }
            out[at] = above
            if !rest.isEmpty { out.append(WordLine(page: line.page, number: line.number, words: rest)) }
        }
        // On a page, a figure's tail set half a line lower falls in the figure's own line (the
        // row's label between them holds the two together): right after it, and lower.
        for n in out.indices where !out[n].words.contains(where: \.inCharacterCells) {
            var words = out[n].words
            var k = 0
            while k + 1 < words.count {
                let (figure, tail) = (words[k], words[k + 1])
                if tail.text.utf8.count <= 3, CodeWords.isDigits(Substring(tail.text)), tail.top > figure.top + 0.4 * figure.height,
                    tail.left - figure.right < figure.height, isShort(figure.text, twoDecimals: twoDecimals), isWhole(figure.text + tail.text)
                {
                    words[k].text += tail.text
                    words[k].right = max(figure.right, tail.right)
                    words.remove(at: k + 1)
                    joined.append((out[n].number, words[k].text))
                }
                k += 1
            }
            out[n].words = words
        }
        return (out, joined)
    }

    /// Digits and separators, cut short: fewer decimals than the table's two, or a last
    /// thousands group under three digits.
    static func isShort(_ text: String, twoDecimals: Bool = true) -> Bool {
        guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 44 || $0 == 46 }) else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2 { return twoDecimals && parts[1].count < 2 }
        guard parts.count == 1, text.contains(",") else { return false }
        return (text.split(separator: ",").last?.count ?? 3) < 3
    }

    /// Two decimals, or whole thousands groups with none.
    static func isWhole(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }), let first = groups.first, (1...3).contains(first.count) || groups.count == 1 else { return false }
        return parts.count == 1 ? text.contains(",") : parts.count == 2 && parts[1].count == 2
    }
}
