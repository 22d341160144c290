/// The figures of a table of one row (a 三公 table), where nothing lines up to show how
/// the table sets its figures: in `pdftotext -layout` text a header wrapped over three lines
/// (公务用车 / 运行维护 / 费) stands a few characters from where its figures print, so the
/// header nearest a figure need not be its own. The row's figures are read in order, one to
/// a column, left to right: of every such reading, those the row's identities allow (total =
/// overseas + vehicle + reception, vehicle = purchase + operation, …) are kept, and the one
/// whose figures end nearest their columns' ends wins. A figure that a reading within a
/// figure's width of the best puts under another column is uncertain and reported, not
/// guessed.
enum OrderedFigures {
    struct Reading {
        /// The grid column of each figure; nil where it is uncertain.
        var columns: [Int?]
        /// For each uncertain figure, the grid columns it could stand under.
        var uncertain: [(word: PlacedWord, columns: [Int])]
    }

    /// Beyond this many readings the row is left to the nearest header.
    static let limit = 20_000

    /// `ids`: each grid column's id and its group (the year and phase it holds: a 三公 决算's
    /// 预算数 and 决算数 each keep the identities on their own).
    static func read(_ figures: [(word: PlacedWord, amount: Amount)], grid: ColumnGrid, ids: [Int: (id: ColumnID, group: Int)],
                     table: TableID, tolerance: Int64) -> Reading? {
        let columns = grid.figureColumns
        let k = figures.count, n = columns.count
        guard k >= 2, k <= n else { return nil }
        var readings: [(pick: [Int], cost: Double)] = []
        var pick: [Int] = []
        var tooMany = false
        func cost(_ p: [Int]) -> Double {
            zip(figures, p).reduce(0) { $0 + abs($1.0.word.right - grid.columns[columns[$1.1]].right) }
        }
        func recurse(_ start: Int) {
            if tooMany { return }
            if pick.count == k {
                readings.append((pick, cost(pick)))
                if readings.count > limit { tooMany = true }
                return
            }
            guard n - start >= k - pick.count else { return }
            for c in start..<n {
                pick.append(c)
                recurse(c + 1)
                pick.removeLast()
            }
        }
        recurse(0)
        guard !tooMany, !readings.isEmpty else { return nil }
        let identities = TableSchema.rowIdentities(of: table)
        func keeps(_ p: [Int]) -> Bool {
            var groups: [Int: [ColumnID: Int64]] = [:]
            for (f, c) in zip(figures, p) { if let id = ids[columns[c]] { groups[id.group, default: [:]][id.id] = f.amount.fen } }
            for value in groups.values {
                for (target, parts) in identities {
                    guard let t = value[target], parts.contains(where: { value[$0] != nil }) else { continue }
                    var sum: Int64 = 0
                    for part in parts {
                        let (s, overflow) = sum.addingReportingOverflow(value[part] ?? 0)
                        if overflow { return false }
                        sum = s
                    }
                    let (difference, overflow) = t.subtractingReportingOverflow(sum)
                    if overflow || difference.magnitude > UInt64(tolerance) { return false }
                }
            }
            return true
        }
        let allowed = readings.filter { keeps($0.pick) }
        let pool = allowed.isEmpty ? readings : allowed
        guard let best = pool.min(by: { $0.cost < $1.cost }) else { return nil }
        var out = Reading(columns: best.pick.map { columns[$0] }, uncertain: [])
        for i in figures.indices {
            let width = figures[i].word.right - figures[i].word.left
            let near = Set(pool.filter { $0.cost <= best.cost + width }.map { columns[$0.pick[i]] })
            if near.count > 1 {
                out.columns[i] = nil
                out.uncertain.append((figures[i].word, near.sorted()))
            }
        }
        return out
    }

    /// The column of each figure word of a line (by its index in the line; nil inside: not
    /// read, uncertain) and, for each uncertain one, why and the columns it may stand under,
    /// for a grid whose figures line up nowhere.
    static func columns(of line: WordLine, grid: ColumnGrid, slotOfColumn: [Int: Int], table: RawTable)
        -> ([Int: Int?], [(word: PlacedWord, why: String, either: [Int])])
    {
        guard grid.alignment == .nearest else { return ([:], []) }
        let figures = line.words.indices.compactMap { i -> (Int, PlacedWord, Amount)? in
            guard case .figure(let ascii) = FigureText.read(line.words[i].text), grid.figureColumn(of: line.words[i], slack: 0) != nil,
                case .success(let amount) = Amount.parse(ascii, unit: table.unit)
            else { return nil }
            return (i, line.words[i], amount)
        }
        var groupOf: [String: Int] = [:]
        let ids = slotOfColumn.compactMapValues { slot -> (id: ColumnID, group: Int)? in
            guard let s = table.slots?[slot], let id = s.column else { return nil }
            let key = "\(s.year)/\(s.phase?.id ?? "")"
            let group = groupOf[key] ?? groupOf.count
            groupOf[key] = group
            return (id, group)
        }
        guard let reading = read(figures.map { ($0.1, $0.2) }, grid: grid, ids: ids, table: table.title.table,
                                 tolerance: table.unit.fenPerUnit / 100)
        else { return ([:], []) }
        var ordered: [Int: Int?] = [:]
        for (f, column) in zip(figures, reading.columns) { ordered[f.0] = column }
        func name(_ c: Int) -> String { grid.columns[c].slot.header.isEmpty ? grid.columns[c].texts.joined() : grid.columns[c].slot.header }
        let uncertain = reading.uncertain.map { u in
            (u.word, "figure \(u.word.text) could stand under \(u.columns.map(name).joined(separator: " or "))", u.columns)
        }
        return (ordered, uncertain)
    }
}
