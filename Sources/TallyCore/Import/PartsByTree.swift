/// Which of two neighbouring part columns a run of rows belongs in, where `-layout` text
/// cannot say and the code tree can.
///
/// pdftotext sets some runs of lines closer together than the rest of a page, and a row that
/// has one part (合计 and 公用经费, its 人员经费 cell empty) can then stand exactly under the
/// neighbouring part's column. Its own identity holds either way (合计 = the one part), so
/// geometry and the row both accept the wrong column. The tree does not: parents' parts add
/// up only with the right one. So where the tree breaks in two neighbouring part columns and
/// moving the figures of one run of consecutive such rows from one column to the other makes
/// every parent in both columns add up, the run is moved and the move reported. Nothing moves
/// otherwise, or where two runs would do, and `audit` names the break: moving whole figures
/// between columns does not cure a wrong figure, so a typo stays a finding.
enum PartsByTree {
    /// Figures visited per pair of columns, over all runs tried: a garbled table would
    /// otherwise cost its rows squared times its figures. Past it nothing moves.
    static let maxWork = 300_000

    /// `printed`: the columns the table's header has; a figure is never moved into one it lacks.
    static func repair(_ items: inout [LineItem], of kind: TableID, printed: Set<ColumnID>, unit: DisplayUnit,
                       report: inout ImportReport) {
        for (_, identityParts) in TableSchema.rowIdentities(of: kind) {
            let parts = identityParts.filter(printed.contains)
            for (a, b) in zip(parts, parts.dropFirst()) {
                let groups = Set(items.filter { $0.column == a || $0.column == b }.map { Group(year: $0.year, phase: $0.phase) })
                for group in groups.sorted(by: { ($0.year, $0.phase.rawValue) < ($1.year, $1.phase.rawValue) }) {
                    guard let moved = run(items, a, b, group, unit) else { continue }
                    let lines = moved.lines.sorted()
                    let first = items.first { $0.line == lines[0] && $0.column == moved.from }
                    for i in items.indices
                    where items[i].column == moved.from && Group(year: items[i].year, phase: items[i].phase) == group
                        && moved.lines.contains(items[i].line) {
                        items[i].column = moved.to
                    }
                    let span = lines.count == 1 ? "line \(lines[0])" : "lines \(lines[0])–\(lines[lines.count - 1])"
                    report.placements.append(.init(
                        line: lines[0], table: kind, code: first.map { $0.code.isEmpty ? $0.name : $0.code } ?? "",
                        how: "\(lines.count) figure\(lines.count == 1 ? "" : "s") on \(span) set under \(moved.from.id) read under "
                            + "\(moved.to.id): only so do the parents' \(a.id) and \(b.id) add up"))
                }
            }
        }
    }

    private struct Group: Hashable { var year: Int; var phase: Phase }

    private struct Move { var from: ColumnID; var to: ColumnID; var lines: Set<Int> }

    /// The one shortest run of rows whose figures, moved between `a` and `b`, make both
    /// columns' trees add up; nil where they already do, or no run or several do.
    private static func run(_ items: [LineItem], _ a: ColumnID, _ b: ColumnID, _ group: Group, _ unit: DisplayUnit) -> Move? {
        let inGroup = items.filter { Group(year: $0.year, phase: $0.phase) == group }
        let inA = inGroup.filter { $0.column == a }, inB = inGroup.filter { $0.column == b }
        let treeA = Tree(inA, unit), treeB = Tree(inB, unit)
        guard treeA.breaks || treeB.breaks else { return nil }
        let rows = Array(Set(inGroup.map(\.line))).sorted()
        var found: [Move] = []
        var work = 0
        for (from, to, oldFrom, oldTo, oldTree) in [(a, b, inA, inB, treeA), (b, a, inB, inA, treeB)] {
            let fromLines = Set(oldFrom.map(\.line)), toLines = Set(oldTo.map(\.line))
            let hadChildren = Set(oldFrom.indices.filter { oldTree.children[$0] > 0 }.map { oldFrom[$0].line })
            // A run's first row leaves its parent: unless that parent was broken, the move breaks it.
            let starts = Set(oldFrom.indices.filter { i in oldTree.parent[i].map { oldTree.broken[$0] } ?? true }.map { oldFrom[$0].line })
            for start in rows.indices where starts.contains(rows[start]) && !toLines.contains(rows[start]) {
                var moved = Set<Int>()
                for line in rows[start...] {
                    // A row with figures in both columns was read by its count, not moved.
                    if toLines.contains(line) { break }
                    guard fromLines.contains(line) else { continue }
                    moved.insert(line)
                    if let shortest = found.first?.lines.count, moved.count > shortest { break }
                    work += inA.count + inB.count
                    if work > maxWork { return nil }
                    let newFrom = oldFrom.filter { !moved.contains($0.line) }
                    let newTo = oldTo + oldFrom.filter { moved.contains($0.line) }
                    let fromTree = Tree(newFrom, unit), toTree = Tree(newTo, unit)
                    guard !fromTree.breaks, !toTree.breaks else { continue }
                    // A break is cured only by sums that now hold, not by taking away what was
                    // checked: every moved figure has a parent to add up to where it goes, and
                    // every parent left behind keeps a child to be checked against.
                    guard toTree.parent[oldTo.count...].allSatisfy({ $0 != nil }),
                        newFrom.indices.allSatisfy({ fromTree.children[$0] > 0 || !hadChildren.contains(newFrom[$0].line) })
                    else { continue }
                    if let shortest = found.first?.lines.count, moved.count < shortest { found = [] }
                    found.append(Move(from: from, to: to, lines: moved))
                    break
                }
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// One column's code tree (`CodeTree`) and where its sums break.
    private struct Tree {
        var parent: [Int?]
        var children: [Int]
        /// Per row: whether it differs from its children's sum by more than their rounding.
        var broken: [Bool] = []
        var breaks: Bool { broken.contains(true) }

        init(_ column: [LineItem], _ unit: DisplayUnit) {
            let total = column.firstIndex { $0.code.isEmpty && TotalRow.isTotal($0.name) }
            parent = CodeTree.parents(of: column.map(\.code), total: total)
            var sum = [Int64](repeating: 0, count: column.count)
            var overflowed = [Bool](repeating: false, count: column.count)
            children = [Int](repeating: 0, count: column.count)
            for (i, p) in parent.enumerated() {
                guard let p else { continue }
                let (s, overflow) = sum[p].addingReportingOverflow(column[i].amount.fen)
                overflowed[p] = overflowed[p] || overflow
                sum[p] = s
                children[p] += 1
            }
            broken = column.indices.map { [children] p in
                let (gap, overflow) = column[p].amount.fen.subtractingReportingOverflow(sum[p])
                return children[p] > 0 && (overflowed[p] || overflow || gap.magnitude > UInt64(CodeTree.roundingTolerance(children: children[p], unit: unit)))
            }
        }
    }
}
