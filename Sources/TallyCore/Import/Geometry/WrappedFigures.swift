/// A figure too wide for its cell wraps inside it, as a word processor's table sets it: its
/// last digits go to the next line, under it (`7,953.1` / `8`, `51,568,72` / `1`). Read apart,
/// the first part is a figure one digit short, and the digits alone a row of nothing. A line
/// of one to three digits alone, each under a figure that is short of a whole one (one decimal
/// where figures have two, or a thousands group of fewer than three digits) and whole with
/// them, is the end of those figures.
enum WrappedFigures {
    static func join(_ lines: [WordLine]) -> (lines: [WordLine], joined: [(line: Int, figure: String)]) {
        // One decimal is short only where the table's other figures (those with no digits
        // under them) have two.
        func isTail(_ line: WordLine) -> Bool {
            !line.words.isEmpty && line.words.allSatisfy { $0.text.utf8.count <= 3 && CodeWords.isDigits(Substring($0.text)) }
        }
        let fractions = lines.indices.filter { $0 + 1 == lines.count || !isTail(lines[$0 + 1]) }.flatMap { lines[$0].words }.compactMap { w -> Int? in
            guard FigureText.isMarkedFigure(w.text), let dot = w.text.lastIndex(of: ".") else { return nil }
            return w.text.distance(from: dot, to: w.text.endIndex) - 1
        }
        let twos = fractions.filter { $0 == 2 }.count
        let twoDecimals = twos > 0 && twos * 5 >= fractions.count * 4
        var out: [WordLine] = []
        var joined: [(line: Int, figure: String)] = []
        for line in lines {
            // The tail is on the next line of the cell: no further below than a line and a half.
            guard var above = out.last, above.page == line.page, !line.words.isEmpty,
                line.top - above.bottom <= 1.5 * max(line.bottom - line.top, 1),
                isTail(line)
            else { out.append(line); continue }
            var ends: [(Int, PlacedWord)] = []
            for tail in line.words {
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
            guard ends.count == line.words.count else { out.append(line); continue }
            for (k, tail) in ends {
                above.words[k].text += tail.text
                // The tail ends where the cell's figures end.
                above.words[k].right = max(above.words[k].right, tail.right)
                joined.append((line.number, above.words[k].text))
            }
            out[out.count - 1] = above
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
