/// A split 类/款 code whose two cells are set on different lines: some generators centre the
/// 类 cell in its row and set the 款 cell on the name's baseline, a few points lower, so one
/// row reads as two lines:
///
///     302                   21.21
///          01   办公费
///
/// Where a table repeats its 类 on every row (the same 类 code on more than one line), a line
/// that starts with a lone 款 cell (two digits, right of the 类 column) belongs to the
/// nearest line holding a 类 with no 款 beside it, with no other code line between them. A
/// table that prints each 类 once (its 款 rows below it without one) is left as it is.
enum SplitCodeLines {
    static func join(_ pieces: [TableReader.Piece]) -> [TableReader.Piece] {
        func isPart(_ w: PlacedWord) -> Bool { w.text.count == 2 && CodeWords.isDigits(Substring(w.text)) }
        func lonePart(_ p: TableReader.Piece) -> Bool {
            !p.hasCode && p.labels.first.map(isPart) == true
        }
        func loneClass(_ p: TableReader.Piece) -> Bool {
            guard p.hasCode, let first = p.labels.first, first.text.count == 3, CodeWords.isDigits(Substring(first.text)) else {
                return false
            }
            return !(p.labels.count > 1 && isPart(p.labels[1]))
        }
        var classLines: [String: Int] = [:]
        for p in pieces where p.hasCode { if let first = p.labels.first, first.text.count == 3 { classLines[first.text, default: 0] += 1 } }
        let classes = pieces.indices.filter { loneClass(pieces[$0]) && classLines[pieces[$0].labels[0].text, default: 0] >= 2 }
        let parts = pieces.indices.filter { lonePart(pieces[$0]) }
        guard !classes.isEmpty, !parts.isEmpty else { return pieces }

        // Every admissible pair, nearest first; each line joins at most once.
        var pairs: [(part: Int, cls: Int, distance: Double)] = []
        for p in parts {
            let part = pieces[p].labels[0]
            for c in classes where pieces[c].line.page == pieces[p].line.page {
                let cls = pieces[c].labels[0]
                guard part.left >= cls.right else { continue }
                let (lo, hi) = (min(p, c), max(p, c))
                // No other row's code between them (the pieces are in line order).
                if pieces[(lo + 1)..<hi].contains(where: \.hasCode) { continue }
                pairs.append((p, c, abs(part.middle - cls.middle)))
            }
        }
        pairs.sort { $0.distance < $1.distance }
        var merged = pieces
        var used = Set<Int>()
        var removed = Set<Int>()
        for pair in pairs where !used.contains(pair.part) && !used.contains(pair.cls) {
            used.insert(pair.part)
            used.insert(pair.cls)
            removed.insert(pair.part)
            let part = pieces[pair.part]
            var target = merged[pair.cls]
            // The code first (类 then 款), then the name words of both lines in reading order.
            let (own, its) = (Array(target.labels.dropFirst()), Array(part.labels.dropFirst()))
            let names = part.line.middle < target.line.middle ? its + own : own + its
            target.labels = [target.labels[0], part.labels[0]] + names
            target.figures += part.figures
            target.cells += part.cells
            target.uncertain += part.uncertain
            target.choices += part.choices
            merged[pair.cls] = target
        }
        return merged.indices.filter { !removed.contains($0) }.map { merged[$0] }
    }

    /// A code alone on its line, its row's name and figures on the next line without one
    /// (`30299` / `其他商品和服务支出 0.20`): the code is that row's. Rows without a code in a
    /// code table are its totals, and a total is named so (合计, 人员经费合计).
    static func codesAboveTheirRows(_ pieces: [TableReader.Piece], reach: Double) -> [TableReader.Piece] {
        var out: [TableReader.Piece] = []
        var i = 0
        while i < pieces.count {
            let p = pieces[i]
            if p.hasCode, p.figures.isEmpty, p.choices.isEmpty, p.uncertain.isEmpty, CodeWords.split(p.labels, previous: "").name.isEmpty, i + 1 < pieces.count {
                var next = pieces[i + 1]
                let name = next.labels.map(\.text).joined()
                if !next.hasCode, !next.figures.isEmpty, !name.isEmpty, next.line.page == p.line.page,
                    next.line.middle - p.line.middle <= reach, !Vocabulary.totalRowLabels.contains(where: { name.contains($0) })
                {
                    next.labels = p.labels + next.labels
                    next.hasCode = true
                    out.append(next)
                    i += 2
                    continue
                }
            }
            out.append(p)
            i += 1
        }
        return out
    }
}
