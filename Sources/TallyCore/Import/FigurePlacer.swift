/// Gives every figure of a table its column and year, and makes the line items. In tabbed
/// layouts a figure's cell position is its column; in space-separated text the columns are
/// decided by the table's identities (`ColumnSolver`).
struct FigurePlacer {
    let context: TableContext
    let layout: Layout
    /// The document's items from a first reading, by table: what other tables say about a
    /// code, to decide between layouts that fit equally well.
    let evidence: [TableID: [LineItem]]

    init(context: TableContext, layout: Layout, evidence: [TableID: [LineItem]] = [:]) {
        self.context = context
        self.layout = layout
        self.evidence = evidence
    }

    func place(_ table: RawTable, report: inout ImportReport) -> [LineItem] {
        if let unit = table.unknownUnit, !table.rows.isEmpty {
            let figures = table.rows.reduce(0) { n, row in n + row.cells.filter { DocumentText.isFigure(Substring($0)) }.count }
            report.unplaced.append(.fileError(
                "\(table.title.table.id): amounts in \(unit.word), a unit tally does not read: its \(figures) figures are not read",
                file: context.path, line: unit.line,
                help: "tally reads amounts in \(Vocabulary.readableUnits) only"))
            return []
        }
        var items: [LineItem]
        if let slots = table.slots, table.labelColumns == nil {
            items = placeCells(table, slots: slots, report: &report)
            // Only a converter's text moves lines closer; a PDF's words stand where printed.
            if layout == .layoutText {
                PartsByTree.repair(&items, of: table.title.table, printed: Set(slots.compactMap(\.column)), unit: table.unit,
                                   report: &report)
            }
        } else if table.labelColumns != nil {
            items = placeLabelled(table, year: table.title.year ?? context.year, report: &report)
        } else {
            switch layout {
            case .tsv, .markdown:
                items = placeTabbed(table, report: &report)
            case .pdfText, .layoutText, .pdf, .plainText:
                var solver = ColumnSolver(table: table, context: context, evidence: otherTables(table.title.table))
                items = solver.solve(report: &report)
            }
        }
        for repair in table.repairs {
            report.placements.append(.init(line: repair.line, table: table.title.table, code: "", how: repair.what))
        }
        for line in table.unreadable {
            report.unplaced.append(.fileError("figures on a line that is not a row of \(table.title.table.id): \(line.text)",
                                              file: context.path, line: line.line))
        }
        for figure in table.unplaced {
            report.unplaced.append(.fileError("figures of \(table.title.table.id) not placed: \(figure.why)", file: context.path, line: figure.line))
        }
        return items
    }

    private func otherTables(_ table: TableID) -> [TableID: [LineItem]] {
        evidence.filter { $0.key != table }
    }

    func makeItem(_ table: TableID, code: String, name: String, slot: ColumnSlot, column: ColumnID, amount: Amount, line: Int)
        -> LineItem
    {
        context.item(table, code: code, name: name.isEmpty && code.isEmpty ? "合计" : name, column: column,
                     year: slot.year == 0 ? nil : slot.year, phase: slot.phase, amount: amount, line: line)
    }

    func amount(_ text: String, unit: DisplayUnit, line: Int, report: inout ImportReport) -> Amount? {
        let t = text.replacingAll(" ", with: "")
        if t.isEmpty || t == "-" || t == "—" || t == "－" || t == "/" { return nil }
        switch Amount.parse(t, unit: unit) {
        case .success(let a): return a
        case .failure(let e):
            report.unplaced.append(.fileError("cannot read the figure `\(text)`: \(e.explanation)", file: context.path, line: line))
            return nil
        }
    }

    /// Each cell's figure under the slot of its position (moved `shift` cells right, but for
    /// the first, when a converter shifted the row left).
    private func placeCells(_ table: RawTable, slots: [ColumnSlot], shift: Int = 0, report: inout ImportReport) -> [LineItem] {
        let kind = table.title.table
        var items: [LineItem] = []
        var evidence: Set<ColumnSolver.EvidenceKey>?
        for row in table.rows {
            var taken = Set<Int>()
            for (position, cell) in row.cells.enumerated() {
                let i = shift > 0 && position > 0 ? position + shift : position
                guard let value = amount(cell, unit: table.unit, line: row.line, report: &report) else { continue }
                guard i < slots.count, slots[i].column != nil else {
                    if i < slots.count, Vocabulary.isNoAmountHeader(slots[i].header) {
                        report.notAmounts = (report.notAmounts ?? []) + [.fileError(
                            "\(kind.id) \(row.code.isEmpty ? row.name : row.code): figure \(cell) under \(slots[i].header) is a count or a change, not an amount of money: not stored",
                            file: context.path, line: row.line)]
                        continue
                    }
                    report.unplaced.append(.fileError(
                        "\(kind.id) \(row.code.isEmpty ? row.name : row.code): figure \(cell) is under a header tally has no column for (\(i < slots.count ? slots[i].header : "none"))",
                        file: context.path, line: row.line))
                    continue
                }
                let (slot, name) = ColumnSchema.slot(slots[i], inRow: row.code, named: row.name, of: kind, among: slots)
                guard let column = slot.column else {
                    report.notAmounts = (report.notAmounts ?? []) + [.fileError(
                        "\(kind.id) \(row.name): figure \(cell) is a count or a change, not an amount of money: not stored",
                        file: context.path, line: row.line)]
                    continue
                }
                taken.insert(i)
                items.append(makeItem(kind, code: row.code, name: name, slot: slot, column: column, amount: value, line: row.line))
            }
            if !row.choices.isEmpty, evidence == nil { evidence = ColumnSolver.evidenceKeys(for: kind, from: otherTables(kind)) }
            for choice in row.choices {
                items += settle(choice, of: row, in: table, slots: slots, evidence: evidence ?? [], taken: &taken, report: &report)
            }
        }
        return items
    }

    /// A figure the page leaves between two columns is put under the one another table of
    /// the document prints it in (the same code and amount in a corresponding column: an
    /// income table's 政府性基金 under the 政府性基金预算支出表's total); else it is reported.
    /// A zero proves nothing (any empty column matches it), and a slot is filled once.
    private func settle(_ choice: FigureChoice, of row: RawRow, in table: RawTable, slots: [ColumnSlot],
                        evidence: Set<ColumnSolver.EvidenceKey>, taken: inout Set<Int>, report: inout ImportReport) -> [LineItem] {
        let kind = table.title.table
        guard let value = amount(choice.text, unit: table.unit, line: row.line, report: &report) else { return [] }
        let fitting = value.fen == 0 ? [] : choice.slots.compactMap { i -> (Int, LineItem)? in
            guard i < slots.count, !taken.contains(i), row.cells.indices.contains(i), row.cells[i].isEmpty else { return nil }
            let (slot, name) = ColumnSchema.slot(slots[i], inRow: row.code, named: row.name, of: kind, among: slots)
            guard let column = slot.column else { return nil }
            let item = makeItem(kind, code: row.code, name: name, slot: slot, column: column, amount: value, line: row.line)
            return evidence.contains(.init(code: item.code, year: item.year, column: column, fen: item.amount.fen)) ? (i, item) : nil
        }
        guard fitting.count == 1, let (i, item) = fitting.first else {
            report.unplaced.append(.fileError("figures of \(kind.id) not placed: \(choice.why): its column is not read", file: context.path, line: row.line))
            return []
        }
        taken.insert(i)
        report.placements.append(.init(line: row.line, table: kind, code: row.code,
                                       how: "\(choice.why): under \(item.column.id), as another table of the document prints it"))
        return [item]
    }

    private func placeTabbed(_ table: RawTable, report: inout ImportReport) -> [LineItem] {
        let kind = table.title.table
        let year = table.title.year ?? context.year
        switch kind {
        case .summary, .fiscalSummary, .procurement:
            return placeLabelled(table, year: year, report: &report)
        default:
            let offset = kind == .threePublic ? 0 : 2
            let width = max(table.rows.map(\.cells.count).max() ?? 0, (table.header.map(\.count).max() ?? offset) - offset)
            let slots = ColumnSchema.slots(header: table.header, offset: offset, width: width, defaultYear: year)
            var shift = 0
            if let moved = shiftedLeft(table, slots) {
                shift = 1
                report.shifted.append("\(kind.id) (line \(table.titleLine)): \(moved)")
            }
            return placeCells(table, slots: slots, shift: shift, report: &report)
        }
    }

    /// Tables whose rows are labels, not codes: the two-sided 收支总表 (收入 | 预算数 | 支出 | …)
    /// and procurement. Each label owns the figure cells up to the next label column.
    private func placeLabelled(_ table: RawTable, year: Int, report: inout ImportReport) -> [LineItem] {
        let kind = table.title.table
        let width = max(table.rows.map(\.cells.count).max() ?? 0, table.header.map(\.count).max() ?? 0)
        let slots = table.labelColumns != nil
            ? table.labelledSlots : ColumnSchema.slots(header: table.header, offset: 0, width: width, defaultYear: year)
        let last = table.header.last ?? []
        var labelColumns = table.labelColumns
            ?? last.indices.filter { ["项目", "收入", "支出", "项目名称", "采购项目"].contains(last[$0].replacingAll(" ", with: "")) }
        if labelColumns.isEmpty { labelColumns = [0] }
        var items: [LineItem] = []
        for row in table.rows {
            for (n, j) in labelColumns.enumerated() {
                let end = n + 1 < labelColumns.count ? labelColumns[n + 1] : row.cells.count
                guard j < row.cells.count else { continue }
                let name = row.cells[j]
                for i in (j + 1)..<max(j + 1, min(end, row.cells.count)) {
                    guard let value = amount(row.cells[i], unit: table.unit, line: row.line, report: &report) else { continue }
                    let slot = i < slots.count ? slots[i] : ColumnSlot(column: .total, year: year, header: "")
                    let column = slot.column ?? .total
                    items.append(makeItem(kind, code: "", name: name, slot: slot, column: column, amount: value, line: row.line))
                }
            }
        }
        return items
    }
}

extension FigurePlacer {
    /// A converter can drop one empty cell and shift the rest of each row one cell left of
    /// its headers. Recognised from the figures: read one cell to the right, the same codes'
    /// figures agree with the document's other tables (gpb figures with the gpb table) where
    /// as printed they do not. Returns what moved, or nil.
    func shiftedLeft(_ table: RawTable, _ slots: [ColumnSlot]) -> String? {
        let kind = table.title.table
        guard kind == .income, slots.count > 2 else { return nil }
        let keys = ColumnSolver.evidenceKeys(for: kind, from: otherTables(kind))
        guard !keys.isEmpty else { return nil }
        func score(_ shift: Int) -> Int {
            var matches = 0
            for row in table.rows {
                for (position, cell) in row.cells.enumerated() where position > 0 {
                    let i = position + shift
                    guard i < slots.count, let column = slots[i].column, column != .total,
                        let value = try? Amount.parse(cell.replacingAll(" ", with: ""), unit: table.unit).get()
                    else { continue }
                    if keys.contains(.init(code: row.code, year: slots[i].year, column: column, fen: value.fen)) { matches += 1 }
                }
            }
            return matches
        }
        let asPrinted = score(0)
        let moved = score(1)
        guard moved > asPrinted, moved >= 2 else { return nil }
        return "figures sat one cell left of their headers (\(moved) figures agree with the other tables read one cell right, \(asPrinted) as printed); read them one cell right"
    }
}
