/// Rows partway down a page of `-layout` text set to one side of the rows above them.
/// pdftotext lays a fixed-pitch report out line by line from where each glyph falls, and
/// from some row on (a name set further in) it may move every figure of the rows below it
/// a few character cells over, by more than a column's gap:
///
///     201 11 04   大案要案查处           8 900 400.00       8 900 400.00
///     201 29      群众团体事务                    2 258 100.00     2 258 100.00
///
/// Placed under the header (or under the page's first full row) such figures fall one
/// column over, in silence. Right-aligned figures of one column share a right edge, so each
/// run of rows is read under the rows filling every column that are set as it is; a row
/// whose figures line up with the columns of no such run is read by its count of figures
/// (ShiftedPages), or reported.
enum ShiftedRows {
    struct Runs {
        /// The rows filling every column, one list for each setting of the columns.
        var settings: [[WordLine]]
        /// The setting each row with figures is read under, by line number.
        var settingOf: [Int: Int]
        /// Rows whose figures line up with no setting's columns, by line number.
        var offColumns: Set<Int>
    }

    /// Whether a figure ending at `edge` lines up with column `c` of a setting's `edges`: no
    /// further from it than a third of the way to the next column on that side (half a
    /// column's width past the outermost). pdftotext rounds a proportional glyph's place to a
    /// character cell, so one column's edges wander by a few cells (`1,720.21` ends two left
    /// of `593.25` below it); a row set over stands halfway between two columns.
    static func linesUp(_ edge: Double, _ edges: [Double], _ c: Int) -> Bool {
        let d = edge - edges[c]
        let side = d > 0 ? c + 1 : c - 1
        let other = d > 0 ? c - 1 : c + 1
        let reach = edges.indices.contains(side) ? abs(edges[side] - edges[c]) / 3
            : edges.indices.contains(other) ? abs(edges[other] - edges[c]) / 2 : .infinity
        return abs(d) <= max(2, reach)
    }

    /// The page's runs, or nil where its rows stand under one setting of the columns (the
    /// common case, read as before). Only for right-aligned `-layout` text: a PDF's geometry
    /// is where the figures stand.
    static func runs(_ lines: [WordLine], _ grid: ColumnGrid) -> Runs? {
        let n = grid.figureColumns.count
        guard grid.inCharacterCells, grid.alignment == .right, n >= 2 else { return nil }
        // Where each line's trailing figures end, read once.
        let edgesOf = Dictionary(lines.map { ($0.number, grid.trailingFigures($0).map(\.right)) }) { a, _ in a }
        func edges(_ line: WordLine) -> [Double] { edgesOf[line.number] ?? [] }

        // Settings: rows filling every column whose figures end where an earlier one's do
        // are of its setting.
        var tracks: [[Double]] = []
        var settings: [[WordLine]] = []
        var fullRowSetting: [(line: Int, setting: Int)] = []
        for line in lines {
            let e = edges(line)
            guard e.count == n else { continue }
            let k = tracks.firstIndex { t in e.indices.allSatisfy { linesUp(e[$0], t, $0) } } ?? tracks.count
            if k == tracks.count {
                tracks.append(e)
                settings.append([])
            }
            settings[k].append(line)
            fullRowSetting.append((line.number, k))
        }
        guard !tracks.isEmpty else { return nil }

        /// Whether each figure of a row ends where a column of the setting does, in order.
        func fits(_ e: [Double], _ k: Int) -> Bool {
            var column = 0
            for edge in e {
                guard let c = tracks[k].indices[column...].first(where: { linesUp(edge, tracks[k], $0) }) else { return false }
                column = c + 1
            }
            return true
        }

        var runs = Runs(settings: settings, settingOf: [:], offColumns: [])
        for line in lines {
            let e = edges(line)
            guard !e.isEmpty else { continue }
            // The setting of the nearest full row above, or the first one below.
            let own = fullRowSetting.last { $0.line <= line.number }?.setting ?? fullRowSetting[0].setting
            if fits(e, own) {
                runs.settingOf[line.number] = own
            } else if let other = tracks.indices.first(where: { fits(e, $0) }) {
                runs.settingOf[line.number] = other
            } else {
                runs.offColumns.insert(line.number)
            }
        }
        // A lone row off the columns is a figure pushed over by its name, read as before; a
        // run of them is rows set over.
        let withFigures = lines.filter { !edges($0).isEmpty }.map(\.number)
        runs.offColumns = Set(withFigures.indices.filter { i in
            runs.offColumns.contains(withFigures[i])
                && (i > 0 && runs.offColumns.contains(withFigures[i - 1])
                    || i + 1 < withFigures.count && runs.offColumns.contains(withFigures[i + 1]))
        }.map { withFigures[$0] })
        guard tracks.count > 1 || !runs.offColumns.isEmpty else { return nil }
        return runs
    }

    /// A row set over whose count of figures says nothing of their columns: its figures are
    /// reported, not put under the columns they happen to stand nearest.
    static func unread(_ line: WordLine, _ grid: ColumnGrid,
                       why: String = "its rows are set to one side of the rows filling every column") -> TableReader.Piece {
        let figures = grid.trailingFigures(line)
        let labels = Array(line.words[..<figures.startIndex])
        var piece = TableReader.Piece(line: line, labels: labels, figures: [])
        piece.hasCode = CodeWords.startsWithCode(labels)
        piece.uncertain = figures.map {
            "figure \($0.text) lines up with no column of the table (\(why)): its column is not read"
        }
        return piece
    }
}
