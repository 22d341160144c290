/// A table printed on its side — its page left upright and its text turned 90° (a landscape
/// sheet placed on a portrait page without /Rotate) — reads as columns of words in boxes
/// taller than wide. Turned back, it is a page like any other. Which way it was turned is
/// told by the table itself: its codes and names stand left of its figures.
enum TurnedPages {
    /// The words as they stand on the page turned upright, or nil when neither turn puts the
    /// figures right of the names.
    static func upright(_ words: [PlacedWord]) -> [PlacedWord]? {
        // Text read bottom to top (turned anticlockwise): the page's bottom is the table's
        // left. Top to bottom (clockwise): its top is. (Offsets keep positions positive.)
        let anticlockwise = words.map { w in
            PlacedWord(text: w.text, left: 100_000 - w.bottom, right: 100_000 - w.top, top: w.left, bottom: w.right)
        }
        let clockwise = words.map { w in
            PlacedWord(text: w.text, left: w.top, right: w.bottom, top: 100_000 - w.right, bottom: 100_000 - w.left)
        }
        func namesBeforeFigures(_ words: [PlacedWord]) -> Bool {
            func median(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.sorted()[values.count / 2] }
            let figures = words.filter { FigureText.isMarkedFigure($0.text) }.map(\.centre)
            let names = words.filter { $0.text.count >= 2 && $0.text.unicodeScalars.allSatisfy { !$0.isASCII } }.map(\.centre)
            guard let f = median(figures), let n = median(names) else { return false }
            return n < f
        }
        // Exactly one way must fit: a page on which both or neither do is not known to be a table.
        switch (namesBeforeFigures(anticlockwise), namesBeforeFigures(clockwise)) {
        case (true, false): return anticlockwise
        case (false, true): return clockwise
        default: return nil
        }
    }
}
