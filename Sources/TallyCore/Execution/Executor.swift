/// Runs a plan over the store: select rows, apply the topmost rule, group and aggregate,
/// order, and hand back a `ResultTable`.
public struct Executor {
    /// Which grouping path may run: the dense arrays where the groups fit them (the default),
    /// or the hash path only — for the test that compares the two on random data; and the
    /// count histogram split over so many lanes whatever the set's size, for the same test.
    enum Grouping: Equatable { case fastest, hashedOnly, countLanes(Int) }

    public static func run(_ plan: QueryPlan, on store: LineItemStore, cancel: Cancellation = .never) throws(Diagnostic)
        -> ResultTable
    {
        try run(plan, on: store, cancel: cancel, grouping: .fastest)
    }

    static func run(_ plan: QueryPlan, on store: LineItemStore, cancel: Cancellation, grouping: Grouping) throws(Diagnostic)
        -> ResultTable
    {
        var rows = store.rows(matching: plan.filter)
        try cancel.check()
        var notes: [Diagnostic] = []
        if plan.topmost {
            rows = store.topmost(rows)
        }
        if plan.oneSide {
            let sided = store.oneSideOfTwoSidedTotals(rows)
            rows = sided.rows
            if !sided.unsided.isEmpty { notes.append(unsidedNote(plan, docs: sided.unsided.map { store.docs[$0] })) }
        }
        try cancel.check()
        if plan.verb == .list { return try list(rows, store, fields: plan.listedFields, cancel) }
        let aggregated = try aggregate(rows, plan, store, cancel, grouping)
        var result = aggregated.0
        let groupRanks = aggregated.1
        result.notes = notes + result.notes
        if let pivot = plan.pivot {
            var spread = Pivot.apply(result, field: pivot, groupFields: plan.groupFields,
                                     headers: pivot == .doc ? documentLabels(store) : [:])
            spread.notes = result.notes
            result = spread
        }
        result = try ComputedColumns.apply(result, plan)
        result = try HavingFilter.apply(result, plan, cancel: cancel)
        guard !plan.order.isEmpty else { return result }
        return try RowOrder.sort(result, by: plan.order, groupRanks: groupRanks, source: plan.source, cancel: cancel)
    }

    /// Each document's label by its name: documents spread across columns are headed by
    /// their labels (北碚2025), which say more than a file name.
    static func documentLabels(_ store: LineItemStore) -> [String: String] {
        var labels: [String: String] = [:]
        for d in 0..<store.docs.count where !store.rows(ofDocument: d).isEmpty {
            labels[store.docs[UInt32(d)]] = store.labels[store.label[store.documentStart[d]]]
        }
        return labels
    }

    /// Rows of a 总表 added with none of its totals: they may come from both of its sides.
    static func unsidedNote(_ plan: QueryPlan, docs: [String]) -> Diagnostic {
        let shown = docs.prefix(3).joined(separator: ", ") + (docs.count > 3 ? " and \(docs.count - 3) more" : "")
        return Diagnostic(.warning, "adds rows of a 总表 that prints 收入 and 支出 side by side without codes (\(shown)): they may hold both sides",
                          source: plan.source, range: plan.verbRange,
                          help: "a sum that matches its 合计 or 总计 takes that, one side's total; or name one row: `where name==…`")
    }

    // MARK: - list

    static func list(_ rows: RowSet, _ store: LineItemStore, fields listed: [Field]? = nil, _ cancel: Cancellation = .never)
        throws(Diagnostic) -> ResultTable
    {
        // Document order, then table, code, year and column (a prior year's column is printed first).
        var asked = CancellableOrder(cancel)
        let order = rows.rows.sorted { a, b in
            if asked.stop() { return a < b }
            if store.doc[a] != store.doc[b] { return store.doc[a] < store.doc[b] }
            if store.table[a] != store.table[b] { return store.table[a] < store.table[b] }
            if store.code[a] != store.code[b] { return store.code[a] < store.code[b] }
            if store.year[a] != store.year[b] { return store.year[a] < store.year[b] }
            if store.phase[a] != store.phase[b] { return store.phase[a] < store.phase[b] }
            if store.column[a] != store.column[b] { return store.column[a] < store.column[b] }
            return a < b
        }
        if asked.cancelled { throw Cancellation.cancelledError }
        let fields = listed ?? Field.listed(hasPhases: store.hasPhases, hasPages: store.hasPages)
        let columns = fields.map { ResultTable.Column($0.rawValue, kind(of: $0)) }
        var cells: [[ResultTable.Cell]] = []
        cells.reserveCapacity(order.count)
        for (i, row) in order.enumerated() {
            if i % 4096 == 0 { try cancel.check() }
            cells.append(fields.map { cell(for: $0, row: row, store) })
        }
        return ResultTable(columns: columns, rows: cells)
    }

    /// Ctrl-C inside a sort of millions: asked every 65,536 comparisons; once it is pressed the
    /// comparator gives a cheap answer so the sort ends at once, and the caller throws.
    struct CancellableOrder {
        let cancel: Cancellation
        var comparisons = 0
        private(set) var cancelled = false
        init(_ cancel: Cancellation) { self.cancel = cancel }
        mutating func stop() -> Bool {
            if cancelled { return true }
            comparisons &+= 1
            if comparisons & 0xFFFF == 0, cancel.isCancelled() { cancelled = true }
            return cancelled
        }
    }

    static func kind(of field: Field) -> ResultTable.Kind {
        switch field.kind {
        case .number: .number
        case .amount: .amount
        default: .text
        }
    }

    static func cell(for field: Field, row: Int, _ store: LineItemStore) -> ResultTable.Cell { store.cell(field, row: row) }

    // MARK: - aggregate

    /// Up to `Planner.maxGroupFields` group values of one row, as integers (ids or numbers).
    struct GroupKey: Hashable {
        var a: Int64 = 0, b: Int64 = 0, c: Int64 = 0, d: Int64 = 0, e: Int64 = 0, f: Int64 = 0

        subscript(i: Int) -> Int64 {
            get {
                switch i {
                case 0: a
                case 1: b
                case 2: c
                case 3: d
                case 4: e
                default: f
                }
            }
            set {
                switch i {
                case 0: a = newValue
                case 1: b = newValue
                case 2: c = newValue
                case 3: d = newValue
                case 4: e = newValue
                default: f = newValue
                }
            }
        }
    }

    struct Accumulator {
        var sum: Int64 = 0
        var count: Int64 = 0
        var min: Int64 = .max
        var max: Int64 = .min
        /// The years and phases added, kept only where a sum takes each document's own
        /// (`QueryPlan.ownYear`, `ownPhase`): a group adding several says so in a note.
        var minYear: Int16 = .max
        var maxYear: Int16 = .min
        var phases: UInt8 = 0
        /// Bit `year % 64` of each year added: with `minYear` and `maxYear`, every year.
        var yearBits: UInt64 = 0

        mutating func merge(_ other: Accumulator) {
            count += other.count
            min = Swift.min(min, other.min)
            max = Swift.max(max, other.max)
            minYear = Swift.min(minYear, other.minYear)
            maxYear = Swift.max(maxYear, other.maxYear)
            phases |= other.phases
            yearBits |= other.yearBits
        }
    }

    static func groupValue(_ field: Field, row: Int, _ store: LineItemStore) -> Int64 { store.integer(field, row: row) }

    static func aggregate(_ rows: RowSet, _ plan: QueryPlan, _ store: LineItemStore, _ cancel: Cancellation,
                          _ grouping: Grouping = .fastest) throws(Diagnostic) -> (ResultTable, RowOrder.GroupRanks)
    {
        let fields = plan.groupFields
        let width = plan.valueColumns.count
        // Which output column each column id feeds; -1 for none.
        var slotOfColumn = [Int](repeating: plan.valueColumns[0].column == nil ? 0 : -1, count: 256)
        for (i, vc) in plan.valueColumns.enumerated() {
            if let c = vc.column { slotOfColumn[Int(c.rawValue)] = i }
        }

        var keys: [GroupKey] = []
        var accumulators: [Accumulator] = []
        var overflowRow: Int?
        var cancelled = false
        let periods = plan.ownYear || plan.ownPhase
        var lanes: Int?
        if case .countLanes(let n) = grouping { lanes = n }
        if grouping != .hashedOnly, plan.verb == .count, !periods,
            let counted = try CountHistogram.aggregate(rows, fields: fields, slotOfColumn: slotOfColumn, width: width, store,
                                                       cancel, lanes: lanes) {
            (keys, accumulators) = counted
        } else if grouping != .hashedOnly,
            let dense = try DenseGroups.aggregate(rows, fields: fields, slotOfColumn: slotOfColumn, width: width,
                                                  periods: periods, store, cancel) {
            (keys, accumulators, overflowRow) = dense
        } else {
            hashed(&keys, &accumulators, &overflowRow, &cancelled)
        }
        func hashed(_ keys: inout [GroupKey], _ accumulators: inout [Accumulator], _ overflowRow: inout Int?, _ cancelled: inout Bool) {
            var groupIndex: [GroupKey: Int] = [:]
            if fields.isEmpty {
                keys.append(GroupKey())
                groupIndex[GroupKey()] = 0
                accumulators = Array(repeating: Accumulator(), count: width)
            }
            // Blocks of 4,096 rows, the flag asked before each: a cancelled scan stops.
            for block in stride(from: 0, to: rows.words.count, by: 64) {
                if cancel.isCancelled() { cancelled = true }
                if cancelled || overflowRow != nil { break }
                rows.forEach(inWords: block..<min(block + 64, rows.words.count)) { row in
                    let slot = slotOfColumn[Int(store.column[row])]
                    guard slot >= 0, overflowRow == nil else { return }
                    var key = GroupKey()
                    for (i, field) in fields.enumerated() { key[i] = groupValue(field, row: row, store) }
                    let group: Int
                    if let g = groupIndex[key] { group = g } else {
                        group = keys.count
                        groupIndex[key] = group
                        keys.append(key)
                        accumulators.append(contentsOf: repeatElement(Accumulator(), count: width))
                    }
                    let value = store.amount[row]
                    let i = group * width + slot
                    let (sum, overflow) = accumulators[i].sum.addingReportingOverflow(value)
                    if overflow { overflowRow = row }
                    accumulators[i].sum = sum
                    accumulators[i].count += 1
                    accumulators[i].min = Swift.min(accumulators[i].min, value)
                    accumulators[i].max = Swift.max(accumulators[i].max, value)
                    if periods {
                        accumulators[i].minYear = Swift.min(accumulators[i].minYear, store.year[row])
                        accumulators[i].maxYear = Swift.max(accumulators[i].maxYear, store.year[row])
                        accumulators[i].phases |= 1 << store.phase[row]
                        accumulators[i].yearBits |= 1 << UInt64(store.year[row] & 63)
                    }
                }
            }
        }
        if cancelled { throw Cancellation.cancelledError }
        if let row = overflowRow {
            let item = store.item(row)
            throw Diagnostic(.error, "the sum overflows the amount range at \(item.doc) line \(item.line) (code \(item.code.isEmpty ? "none" : item.code))",
                             help: "narrow the query with `where`; amounts are limited to ±92,233,720,368,547,758.07 元")
        }

        // Order groups by their values; `top` by its amount, largest first.
        let grouping = GroupOrder(keys: keys, fields: fields, store)
        let order = plan.verb == .top
            ? try grouping.top(plan.limit ?? keys.count, per: plan.per.flatMap { fields.firstIndex(of: $0) },
                               spread: plan.pivot.flatMap { fields.firstIndex(of: $0) },
                               sum: { accumulators[$0 * width].sum }, cancel: cancel)
            : try grouping.natural(cancel: cancel)

        let columns = fields.map { ResultTable.Column($0.rawValue, kind(of: $0)) }
            + plan.valueColumns.map { var c = ResultTable.Column($0.title, plan.verb == .count ? .number : .amount); c.measure = true; return c }
        var table: [[ResultTable.Cell]] = []
        table.reserveCapacity(order.count)
        for (i, g) in order.enumerated() {
            if i % 4096 == 0 { try cancel.check() }
            var cells: [ResultTable.Cell] = fields.enumerated().map { i, field in display(field, keys[g][i], store) }
            for slot in 0..<width {
                cells.append(value(plan.verb, accumulators[g * width + slot]))
            }
            table.append(cells)
        }
        var result = ResultTable(columns: columns, rows: table)
        result.notes = PeriodNote.notes(plan, groups: order.map { g in
            (label: fields.indices.map { display(fields[$0], keys[g][$0], store) }, accumulators[(g * width)..<(g * width + width)])
        })
        // Only `order by` sorts by the groups' own ranks again; most results skip this.
        var groupRanks: RowOrder.GroupRanks = [:]
        if !plan.order.isEmpty {
            for (i, field) in fields.enumerated() {
                var ranks: [ResultTable.Cell: Int64] = [:]
                for g in order { ranks[display(field, keys[g][i], store)] = grouping.rank(g, i) }
                groupRanks[field.rawValue] = ranks
            }
        }
        return (result, groupRanks)
    }

    private static func display(_ field: Field, _ value: Int64, _ store: LineItemStore) -> ResultTable.Cell {
        store.cell(field, integer: value)
    }

    /// An output column with no rows shows empty, not 0, grouped or not: a figure not
    /// published is not a figure of nothing. A count of nothing is 0.
    private static func value(_ verb: Verb, _ acc: Accumulator) -> ResultTable.Cell {
        switch verb {
        case .count: return .number(acc.count)
        case .sum, .top: return acc.count == 0 ? .empty : .amount(Amount(fen: acc.sum))
        case .min: return acc.count == 0 ? .empty : .amount(Amount(fen: acc.min))
        case .max: return acc.count == 0 ? .empty : .amount(Amount(fen: acc.max))
        case .avg:
            guard acc.count > 0 else { return .empty }
            // Rounded half away from zero to the fen.
            let q = acc.sum / acc.count
            let r = acc.sum % acc.count
            let adjust: Int64 = r.magnitude * 2 >= acc.count.magnitude ? (acc.sum < 0 ? -1 : 1) : 0
            return .amount(Amount(fen: q + adjust))
        case .list: return .empty
        }
    }
}
