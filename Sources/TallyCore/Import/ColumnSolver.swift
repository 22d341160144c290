/// Gives columns to the figures of a space-separated table, where empty cells vanished and
/// `2080101 行政运行 2,021.03 2,021.03` does not say which columns its figures are in.
///
/// Each row's figures keep their order, so a row can only be one of the ways of laying k
/// figures into the n columns left to right. Those are kept that satisfy the row's
/// identities (total = basic + project …); then, down the code tree, a parent's figure in
/// every column should equal the sum of its children's (within rounding), solved jointly
/// from the leaves up. Where several layouts still fit, the same code's figures in the
/// document's other tables decide; a figure still undecided is reported, not guessed.
///
/// Identities are evidence, not constraints that must all hold (§1): a row that breaks its
/// own identity is laid out by the tree alone (a row with a figure for every column is read
/// as printed), and a parent that differs from its children in one column is still used
/// through its other columns — so one wrong figure costs at most the rows it touches.
struct ColumnSolver {
    let table: RawTable
    let context: TableContext
    let schema: TableSchema
    let evidence: Set<EvidenceKey>
    let rowTolerance: Int64

    struct EvidenceKey: Hashable {
        var code: String
        var year: Int
        var column: ColumnID
        var fen: Int64
    }

    /// One way of laying a row's figures into the schema's slots.
    struct Option: Hashable {
        var slots: [Int]
    }

    private var figures: [[Amount]] = []
    private var options: [[Option]] = []
    private var feasible: [[Option]] = []
    private var children: [[Int]] = []
    private var treeBroken: Set<Int> = []
    /// Rows no layout of which satisfies the row's identities: their layouts ignore them.
    private var rowBroken: Set<Int> = []
    /// For a parent whose children add up to it in all but one column: per layout of the
    /// parent, the column to leave out when its children are laid out.
    private var mismatched: [Int: [Option: Int]] = [:]
    /// What the looser searches (one column left out) may still spend in this table: they
    /// run per column and per parent, so a garbled table would multiply them.
    private var looseBudget = ColumnSolver.maxWorkPerParent
    private var chosen: [Option?] = []

    init(table: RawTable, context: TableContext, evidence: [TableID: [LineItem]]) {
        self.table = table
        self.context = context
        let year = table.title.year ?? context.year
        schema = TableSchema.make(for: table, year: year)
        self.evidence = Self.evidenceKeys(for: table.title.table, from: evidence)
        rowTolerance = table.unit.fenPerUnit / 100
    }

    // MARK: - evidence

    /// Which other tables' columns say the same thing as a column of this table.
    static func correspondences(_ kind: TableID) -> [(TableID, ColumnID, ColumnID, String?)] {
        switch kind {
        case .expenditure:
            [(.gpbExpenditure, .basic, .basic, nil), (.gpbExpenditure, .project, .project, nil),
             (.gpbExpenditure, .total, .total, nil), (.income, .total, .total, nil)]
        case .gpbExpenditure:
            [(.expenditure, .basic, .basic, nil), (.expenditure, .project, .project, nil),
             (.expenditure, .total, .total, nil), (.income, .gpb, .total, nil)]
        case .income:
            [(.expenditure, .total, .total, nil), (.gpbExpenditure, .total, .gpb, nil),
             (.govFund, .total, .govFund, nil), (.soeCapital, .total, .soeCapital, nil)]
        case .threePublic:
            [(.basicEcon, .total, .reception, "30217"), (.basicEcon, .total, .vehicleOperation, "30231"),
             (.basicEcon, .total, .overseas, "30212")]
        default: []
        }
    }

    static func evidenceKeys(for kind: TableID, from placed: [TableID: [LineItem]]) -> Set<EvidenceKey> {
        var keys = Set<EvidenceKey>()
        for (other, otherColumn, ourColumn, code) in correspondences(kind) {
            for item in placed[other] ?? [] where item.column == otherColumn {
                if let code {
                    if item.code == code { keys.insert(EvidenceKey(code: "", year: item.year, column: ourColumn, fen: item.amount.fen)) }
                } else {
                    keys.insert(EvidenceKey(code: item.code, year: item.year, column: ourColumn, fen: item.amount.fen))
                }
            }
        }
        return keys
    }

    private func score(_ row: Int, _ option: Option) -> Int {
        var s = 0
        for (f, slot) in option.slots.enumerated() {
            guard let column = schema.slots[slot].column else { continue }
            let key = EvidenceKey(code: table.rows[row].code, year: schema.slots[slot].year, column: column, fen: figures[row][f].fen)
            if evidence.contains(key) { s += 2 }
        }
        // Years side by side are printed alike: prefer a layout whose year groups use the same columns.
        let byYear = Dictionary(grouping: option.slots, by: { schema.slots[$0].year })
            .mapValues { Set($0.compactMap { schema.slots[$0].column }) }
        if byYear.count > 1, Set(byYear.values).count == 1 { s += 1 }
        return s
    }

    // MARK: - solving

    mutating func solve(report: inout ImportReport) -> [LineItem] {
        let kind = table.title.table
        if kind == .summary || kind == .fiscalSummary || kind == .procurement {
            return LabelledRows.place(table, context: context, report: &report)
        }
        let rows = table.rows
        figures = rows.map { row in
            row.cells.compactMap { text -> Amount? in try? Amount.parse(text.replacingAll(" ", with: ""), unit: table.unit).get() }
        }
        options = rows.indices.map { r in
            let strict = rowOptions(figures[r], identities: true)
            if !strict.isEmpty || figures[r].isEmpty { return strict }
            rowBroken.insert(r)
            return rowOptions(figures[r], identities: false)
        }
        linkTree()
        feasible = Array(repeating: [], count: rows.count)
        for root in rows.indices where parentOf(root) == nil { computeFeasible(root) }
        chosen = Array(repeating: nil, count: rows.count)
        for root in rows.indices where parentOf(root) == nil {
            chooseAlone(root, report: &report)
        }

        var items: [LineItem] = []
        for (r, row) in rows.enumerated() {
            guard let option = chosen[r] else {
                if figures[r].isEmpty { continue }
                let candidates = Set(options[r].flatMap { $0.slots.compactMap { schema.slots[$0].column?.id } }).sorted()
                report.unplaced.append(.fileError(
                    "\(kind.id) \(row.code.isEmpty ? row.name : row.code): cannot tell which columns \(row.cells.joined(separator: " ")) are in"
                        + (options[r].isEmpty ? " (no layout of them fits the table's columns)" : " (could be \(candidates.joined(separator: ", ")))"),
                    file: context.path, line: row.line))
                continue
            }
            if rowBroken.contains(r) {
                report.placements.append(.init(line: row.line, table: kind, code: row.code,
                                               how: describe(option) + (options[r].count > 1
                                                   ? " (by the code tree: the row's own figures do not add up)"
                                                   : " (as printed: the row's own figures do not add up)")))
            } else if options[r].count > 1 {
                report.placements.append(.init(line: row.line, table: kind, code: row.code,
                                               how: describe(option) + " (by the table's identities)"))
            }
            for (f, slot) in option.slots.enumerated() {
                guard schema.slots[slot].column != nil else { continue }
                let (s, name) = ColumnSchema.slot(schema.slots[slot], inRow: row.code, named: row.name, of: kind, among: schema.slots)
                guard let column = s.column else {
                    report.notAmounts = (report.notAmounts ?? []) + [.fileError(
                        "\(kind.id) \(row.name): figure \(figures[r][f]) is a count or a change, not an amount of money: not stored",
                        file: context.path, line: row.line)]
                    continue
                }
                items.append(context.item(kind, code: row.code, name: name.isEmpty ? "合计" : name, column: column,
                                          year: s.year, phase: s.phase, amount: figures[r][f], line: row.line))
            }
        }
        return items
    }

    private func describe(_ option: Option) -> String {
        option.slots.map { s in
            let slot = schema.slots[s]
            return (slot.column?.id ?? "?") + (slot.year != (table.title.year ?? context.year) ? "@\(slot.year)" : "")
        }.joined(separator: " ")
    }

    /// Every left-to-right layout of the figures into the slots (that satisfies the row
    /// identities, unless told not to ask).
    private func rowOptions(_ values: [Amount], identities: Bool) -> [Option] {
        let n = schema.slots.count
        let k = values.count
        guard k > 0, k <= n else { return [] }
        var out: [Option] = []
        var pick: [Int] = []
        func recurse(_ next: Int) {
            if pick.count == k {
                if !identities || satisfiesRow(pick, values) { out.append(Option(slots: pick)) }
                return
            }
            let remaining = k - pick.count
            guard next <= n - remaining else { return }
            for s in next...(n - remaining) {
                pick.append(s)
                recurse(s + 1)
                pick.removeLast()
                if out.count > 5000 { return }
            }
        }
        recurse(0)
        return out
    }

    private func satisfiesRow(_ slots: [Int], _ values: [Amount]) -> Bool {
        var v = [Int64](repeating: 0, count: schema.slots.count)
        var present = [Bool](repeating: false, count: schema.slots.count)
        for (i, s) in slots.enumerated() {
            v[s] = values[i].fen
            present[s] = true
        }
        for (target, parts) in schema.rowIdentities {
            let anyPresent = present[target] || parts.contains { present[$0] }
            guard anyPresent else { continue }
            let sum = parts.reduce(Int64(0)) { $0 &+ v[$1] }
            if abs(v[target] &- sum) > rowTolerance { return false }
        }
        return true
    }

    private func values(_ row: Int, _ option: Option) -> [Int64] {
        var v = [Int64](repeating: 0, count: schema.slots.count)
        for (i, s) in option.slots.enumerated() { v[s] = figures[row][i].fen }
        return v
    }

    // MARK: - the code tree

    private var parents: [Int?] = []

    private func parentOf(_ row: Int) -> Int? { parents[row] }

    private mutating func linkTree() {
        let rows = table.rows
        let total = rows.firstIndex { $0.code.isEmpty && ($0.name == "合计" || $0.name == "总计") }
        parents = CodeTree.parents(of: rows.map(\.code), total: total)
        children = Array(repeating: [], count: rows.count)
        for (i, p) in parents.enumerated() { if let p { children[p].append(i) } }
    }

    /// Bottom-up: the options of `row` for which its children can add up to it.
    static let maxPartialSums = 20_000
    static let maxWorkPerParent = 400_000

    private mutating func computeFeasible(_ row: Int) {
        for c in children[row] { computeFeasible(c) }
        guard !children[row].isEmpty else {
            feasible[row] = options[row]
            return
        }
        // First as the document should be: every column adds up. Only where no layout does is
        // the looser search run, with one column allowed to be the wrong one.
        guard let sums = reachableSums(row, ignoring: nil, budget: Self.maxWorkPerParent).sums else {
            feasible[row] = options[row]
            treeBroken.insert(row)
            return
        }
        let tolerance = CodeTree.roundingTolerance(children: children[row].count, unit: table.unit)
        let exact = options[row].filter { o in
            let v = values(row, o)
            return sums.contains { s in zip(v, s).allSatisfy { abs($0 &- $1) <= tolerance } }
        }
        if !exact.isEmpty {
            feasible[row] = exact
            return
        }
        // The parent differs from its children in one column (a typo in it or in a child):
        // still evidence in the others. Each layout keeps the column to leave out.
        // Each column in turn is the one left out, so the search stays as narrow as the first.
        var nearly: [Option: Int] = [:]
        for column in 0..<schema.slots.count where looseBudget > 0 {
            let (found, work) = reachableSums(row, ignoring: column, budget: looseBudget)
            looseBudget -= work
            guard let looser = found else { continue }
            for o in options[row] where nearly[o] == nil {
                let v = values(row, o)
                let fits = looser.contains { s in v.indices.allSatisfy { $0 == column || abs(v[$0] &- s[$0]) <= tolerance } }
                if fits { nearly[o] = column }
            }
        }
        if nearly.isEmpty {
            // The document disagrees with itself here (rounding past tolerance, hidden items):
            // read this row by its own identities and let its children be decided alone.
            feasible[row] = options[row]
            treeBroken.insert(row)
        } else {
            feasible[row] = options[row].filter { nearly[$0] != nil }
            mismatched[row] = nearly
        }
    }

    /// Every sum the children's layouts can reach, column by column (but for an ignored
    /// column, held at 0); nil when the search passed its bound (a hostile or garbled table
    /// costs milliseconds, not seconds).
    private func reachableSums(_ row: Int, ignoring: Int?, budget: Int) -> (sums: Set<[Int64]>?, work: Int) {
        let kids = children[row]
        let n = schema.slots.count
        let tolerance = CodeTree.roundingTolerance(children: kids.count, unit: table.unit)
        // With no negative figures a partial sum already past every layout of the parent can
        // never fit: dropping it keeps the search small (children that must all use the
        // parent's one income source, say).
        func held(_ v: [Int64]) -> [Int64] {
            guard let ignoring else { return v }
            var v = v
            v[ignoring] = 0
            return v
        }
        let caps = options[row].map { held(values(row, $0)) }
        let prune = (figures[row] + kids.flatMap { figures[$0] }).allSatisfy { $0.fen >= 0 } && !caps.isEmpty
        func fitsUnderACap(_ s: [Int64]) -> Bool {
            caps.contains { cap in zip(s, cap).allSatisfy { $0 <= $1 + tolerance } }
        }
        var sums: Set<[Int64]> = [Array(repeating: 0, count: n)]
        var work = 0
        for c in kids {
            let childOptions = feasible[c].isEmpty ? options[c] : feasible[c]
            if childOptions.isEmpty { continue }  // an unreadable child: no constraint from it
            var next = Set<[Int64]>()
            for s in sums {
                for o in childOptions {
                    let v = held(values(c, o))
                    let sum = zip(s, v).map { $0 &+ $1 }
                    if !prune || fitsUnderACap(sum) { next.insert(sum) }
                }
                // Each candidate sum is checked against every cap of the parent: that is the cost.
                work += childOptions.count * (1 + caps.count)
                if next.count > Self.maxPartialSums || work > budget { return (nil, work) }
            }
            sums = next
        }
        // Matching the parent's layouts against every reachable sum costs as much again.
        let matching = options[row].count * sums.count
        if matching > budget - work { return (nil, work + matching) }
        return (sums, work + matching)
    }

    /// A row with no parent constraint: its feasible options, narrowed by evidence.
    private mutating func chooseAlone(_ row: Int, report: inout ImportReport) {
        let candidates = feasible[row].isEmpty ? options[row] : feasible[row]
        if let pick = best(row, candidates) {
            assign(row, pick, report: &report)
        } else {
            for c in children[row] { chooseAlone(c, report: &report) }
        }
    }

    private func best(_ row: Int, _ candidates: [Option]) -> Option? {
        if candidates.count == 1 { return candidates[0] }
        guard !candidates.isEmpty else { return nil }
        let scored = candidates.map { ($0, score(row, $0)) }
        let top = scored.map(\.1).max() ?? 0
        let winners = scored.filter { $0.1 == top }
        return winners.count == 1 ? winners[0].0 : nil
    }

    private mutating func assign(_ row: Int, _ option: Option, report: inout ImportReport) {
        chosen[row] = option
        let kids = children[row].filter { !(feasible[$0].isEmpty && options[$0].isEmpty) }
        guard !kids.isEmpty else { return }
        if treeBroken.contains(row) {
            for c in kids { chooseAlone(c, report: &report) }
            return
        }
        let target = values(row, option)
        let tolerance = CodeTree.roundingTolerance(children: children[row].count, unit: table.unit)
        // The column where parent and children disagree, if any, is left out of the match.
        let ignored = mismatched[row]?[option]
        func agree(_ partial: [Int64], _ test: (Int64, Int64) -> Bool) -> Bool {
            partial.indices.allSatisfy { $0 == ignored || test(partial[$0], target[$0]) }
        }
        let nonNegative = kids.allSatisfy { c in figures[c].allSatisfy { $0.fen >= 0 } }
        var solutions: [[Option]] = []
        var current: [Option] = []
        var partial = [Int64](repeating: 0, count: target.count)
        var steps = 0
        func search(_ i: Int) {
            steps += 1
            if solutions.count >= 64 || steps > 2_000_000 { return }
            if i == kids.count {
                if agree(partial, { abs($0 &- $1) <= tolerance }) { solutions.append(current) }
                return
            }
            for o in feasible[kids[i]] {
                let v = values(kids[i], o)
                for s in v.indices { partial[s] &+= v[s] }
                if !nonNegative || agree(partial, { $0 <= $1 + tolerance }) {
                    current.append(o)
                    search(i + 1)
                    current.removeLast()
                }
                for s in v.indices { partial[s] &-= v[s] }
            }
        }
        search(0)
        guard !solutions.isEmpty else {
            for c in kids { chooseAlone(c, report: &report) }
            return
        }
        // Several ways to add up: the closest, then the one the other tables agree with most.
        func deviation(_ s: [Option]) -> Int64 {
            var sum = [Int64](repeating: 0, count: target.count)
            for (c, o) in zip(kids, s) { for (i, v) in values(c, o).enumerated() { sum[i] &+= v } }
            return sum.indices.reduce(Int64(0)) { $1 == ignored ? $0 : $0 &+ abs(sum[$1] &- target[$1]) }
        }
        let deviations = solutions.map(deviation)
        let closest = deviations.min() ?? 0
        solutions = zip(solutions, deviations).filter { $0.1 == closest }.map(\.0)
        let ranked = solutions.map { s in (s, zip(kids, s).reduce(0) { $0 + score($1.0, $1.1) }) }
        let top = ranked.map(\.1).max() ?? 0
        let winners = ranked.filter { $0.1 == top }.map(\.0)
        for (i, c) in kids.enumerated() {
            let distinct = Set(winners.map { $0[i] })
            if distinct.count == 1, let only = distinct.first {
                assign(c, only, report: &report)
            } else {
                for g in children[c] { chooseAlone(g, report: &report) }
            }
        }
    }
}
