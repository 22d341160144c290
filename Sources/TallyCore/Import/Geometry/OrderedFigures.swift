/// The figures of a table of one row (a 三公 table), where nothing lines up to show how
/// the table sets its figures: in `pdftotext -layout` text a header wrapped over three lines
/// (公务用车 / 运行维护 / 费) stands a few characters from where its figures print, so the
/// header nearest a figure need not be its own. The row's figures are read in order, one to
/// a column, left to right: of every such reading, those the row's identities allow (total =
/// overseas + vehicle + reception, vehicle = purchase + operation, …) are kept, and the one
/// whose figures end nearest their columns' ends wins. A figure that a reading within a
/// figure's width of the best puts under another column is uncertain and reported, not
/// guessed. A table with no label column whose figures do line up is read the same way where
/// the page's reading of its row is broken — a figure under no column or two under one, or an
/// identity the row does not keep — and a reading in order keeps its identities: figures set
/// left in cells wider than their centred headers stand nearer the next column's header.
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
                     table: TableID, tolerance: Int64, onlyKeeping: Bool = false, byCentre: Bool = false) -> Reading? {
        let columns = grid.figureColumns
        let k = figures.count, n = columns.count
        guard k >= 2, k <= n else { return nil }
        var readings: [(pick: [Int], cost: Double)] = []
        var pick: [Int] = []
        var tooMany = false
        // How far each figure stands from its column: where nothing lines up, its end from the
        // header's end (a wrapped header stands nearer its figures' ends); in a row whose page
        // reading is broken, its centre from the header's, which is its cell's centre however
        // the cell sets its figure.
        func cost(_ p: [Int]) -> Double {
            zip(figures, p).reduce(0) { total, pair in
                let (figure, column) = (pair.0.word, grid.columns[columns[pair.1]])
                return total + (byCentre ? abs(figure.centre - column.centre) : abs(figure.right - column.right))
            }
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
            keepsIdentities(zip(figures, p).map { ($0.amount, columns[$1]) }, ids: ids, identities: identities, tolerance: tolerance)
        }
        let allowed = readings.filter { keeps($0.pick) }
        // `onlyKeeping`: a reading that keeps no identity is no better than the page's.
        if onlyKeeping && allowed.isEmpty { return nil }
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

    /// Whether figures read into these grid columns keep the table's row identities, each
    /// group (year and phase) on its own; a figure under no known column counts for nothing,
    /// a printed column left blank for zero.
    static func keepsIdentities(_ placed: [(amount: Amount, column: Int)], ids: [Int: (id: ColumnID, group: Int)],
                                identities: [(ColumnID, [ColumnID])], tolerance: Int64) -> Bool {
        var groups: [Int: [ColumnID: Int64]] = [:]
        for (amount, column) in placed { if let id = ids[column] { groups[id.group, default: [:]][id.id] = amount.fen } }
        // A column the header prints that the reading leaves blank holds nothing: a 合计 left
        // blank over figures is no reading of the row.
        var printed: [Int: Set<ColumnID>] = [:]
        for id in ids.values { printed[id.group, default: []].insert(id.id) }
        for (group, value) in groups {
            for (target, parts) in identities {
                guard parts.contains(where: { value[$0] != nil }),
                    let t = value[target] ?? (printed[group]?.contains(target) == true ? 0 : nil)
                else { continue }
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

    /// The column of each figure word of a line (by its index in the line; nil inside: not
    /// read, uncertain) and, for each uncertain one, why and the columns it may stand under,
    /// for a grid whose figures line up nowhere, or a row of a grid without labels whose page
    /// reading is broken; empty otherwise (the page's reading stands).
    static func columns(of line: WordLine, grid: ColumnGrid, slotOfColumn: [Int: Int], table: RawTable)
        -> ([Int: Int?], [(word: PlacedWord, why: String, either: [Int])])
    {
        // A table whose figures line up but that has no label column (a 三公 table's row) is
        // read in order too where the page's reading of it is broken (below).
        let lined = grid.alignment != .nearest
        guard !lined || !grid.columns.contains(where: \.isLabel) else { return ([:], []) }
        let figures = line.words.indices.compactMap { i -> (Int, PlacedWord, Amount)? in
            guard case .figure(let ascii) = FigureText.read(line.words[i].text), !grid.isRowNumber(line.words[i]),
                lined || grid.figureColumn(of: line.words[i], slack: 0) != nil,
                case .success(let amount) = Amount.parse(ascii, unit: table.unit)
            else { return nil }
            return (i, line.words[i], amount)
        }
        var groupOf: [String: Int] = [:]
        var ids = slotOfColumn.compactMapValues { slot -> (id: ColumnID, group: Int)? in
            guard let s = table.slots?[slot], let id = s.column else { return nil }
            let key = "\(s.year)/\(s.phase?.id ?? "")"
            let group = groupOf[key] ?? groupOf.count
            groupOf[key] = group
            return (id, group)
        }
        // Groups tell apart blocks that print the same columns (a 决算's 预算数 and 决算数); where
        // no column is printed twice the row is one group, whatever years its headers state
        // (`2024年“三公”经费预算数` over some columns, none over others).
        if Set(ids.values.map(\.id)).count == ids.count { ids = ids.mapValues { ($0.id, 0) } }
        let tolerance = table.unit.fenPerUnit / 100
        if lined {
            // As the page sets them, unless a figure stands under no column or shares one, or
            // the row breaks one of its identities (total = overseas + vehicle + reception …):
            // then a reading in order that keeps them is the row as printed.
            // (A figure the text's cells leave between two columns is settled by the document's
            // other tables: FigurePlacer.)
            guard !figures.contains(where: { grid.textCellDoubt(of: $0.1) != nil }) else { return ([:], []) }
            let geometric = figures.map { grid.figureColumn(of: $0.1, slack: 0) }
            let found = geometric.compactMap { $0 }
            let broken = found.count < geometric.count || Set(found).count < found.count
                || !keepsIdentities(zip(figures, found).map { ($0.2, $1) }, ids: ids,
                                    identities: TableSchema.rowIdentities(of: table.title.table), tolerance: tolerance)
            guard broken else { return ([:], []) }
        }
        guard let reading = read(figures.map { ($0.1, $0.2) }, grid: grid, ids: ids, table: table.title.table,
                                 tolerance: tolerance, onlyKeeping: lined, byCentre: lined)
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
