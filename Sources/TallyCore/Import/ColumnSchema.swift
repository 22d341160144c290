/// The columns of a table: for each figure position, the column id and year it holds.
struct ColumnSlot: Equatable {
    var column: ColumnID?
    var year: Int
    /// The header text the slot was read from, for reports.
    var header: String
    /// The phase its header names (预算数, 调整预算数, 决算数); nil for the document's own.
    var phase: Phase? = nil
}

enum ColumnSchema {
    /// Reads header rows cell by cell. A cell in an upper row spans rightwards over the empty
    /// cells after it (`2025年预算数 | | `); the deepest text names the column, except that a
    /// 小计 under a named group (公务用车购置及运行费 / 小计) is that group's total.
    static func slots(header: [[String]], offset: Int, width: Int, defaultYear: Int) -> [ColumnSlot] {
        var spanned: [[String]] = []
        for (r, row) in header.enumerated() {
            var current = ""
            var out: [String] = []
            let isLast = r == header.count - 1
            for i in 0..<(offset + width) {
                let cell = i < row.count ? row[i].replacingAll(" ", with: "") : ""
                if !cell.isEmpty { current = cell } else if isLast || i < offset { current = "" }
                out.append(cell.isEmpty && !isLast ? current : cell)
            }
            spanned.append(out)
        }
        var slots: [ColumnSlot] = []
        for i in offset..<(offset + width) {
            slots.append(slot(texts: spanned.map { $0[i] }.filter { !$0.isEmpty }, defaultYear: defaultYear))
        }
        return slots
    }

    /// One column from its header texts, top to bottom. The deepest text that names a column
    /// wins (a wrapped header is tried joined with the lines above it: 事业单位 / 经营收入), except
    /// that a 小计 under a named group (公务用车购置及运行费 / 小计) is that group's subtotal.
    static func slot(texts: [String], defaultYear: Int) -> ColumnSlot {
        // `因公出国（境）费 / 预算数`: a bare phase word under a named column is that column's
        // figure in that phase (预算数 and 决算数 alone would name a total).
        if texts.count > 1, let leaf = texts.last, let phase = Vocabulary.phase(inHeader: leaf), isTotalWord(leaf) {
            var above = slot(texts: Array(texts.dropLast()), defaultYear: defaultYear)
            if above.column != nil {
                if let year = HeaderColumns.year(in: leaf) { above.year = year }
                above.phase = phase
                return above
            }
        }
        let year = texts.lazy.compactMap(HeaderColumns.year(in:)).first ?? defaultYear
        var column: ColumnID?
        var label = texts.last ?? ""
        search: for end in texts.indices.reversed() {
            // A leaf that only contains a total word (`费预算数`, the end of a wrapped
            // `机关运行经费预算数`) is tried joined with the lines above it first.
            let fragment = HeaderColumns.column(for: texts[end]) == .total && !isTotalWord(texts[end])
            let starts = Array(stride(from: end, through: 0, by: -1))
            for start in fragment ? starts.reversed() : starts {
                let text = texts[start...end].joined()
                if let c = HeaderColumns.column(for: text) {
                    column = c
                    label = text
                    break search
                }
            }
        }
        if column == .total, let last = texts.last, last.contains("小计") {
            if let group = texts.dropLast().reversed().lazy.compactMap(HeaderColumns.column(for:)).first(where: { $0 != .total }) {
                column = group
            }
        }
        let phase = texts.reversed().lazy.compactMap(Vocabulary.phase(inHeader:)).first
        return ColumnSlot(column: column, year: year, header: label, phase: phase)
    }

    /// A slot as a row has it, and the row's name. A row labelled by a period alone (a 三公
    /// table that prints `2025年预算数` and `2024年预算数`, or `本年` and `上年`, as rows) is that
    /// period's total row under every column. A 三公 table printed on its side (its items as
    /// rows, its years as columns: `1.因公出国（境）费 | 3.50 | 1.50`) holds each row's figures
    /// under the column the row names — but a row that counts things (公务用车保有量（辆）,
    /// 接待批次) or gives a change (增减额) holds no amount, and keeps its name under no column.
    /// `slots`: the table's own, to tell a row that names a column the table prints from one
    /// standing for a column it does not.
    static func slot(_ slot: ColumnSlot, inRow code: String, named name: String, of table: TableID,
                     among slots: [ColumnSlot]) -> (slot: ColumnSlot, name: String) {
        guard code.isEmpty else { return (slot, name) }
        if let period = period(named: name, tableYear: slot.year) {
            var slot = slot
            slot.year = period.year
            if let phase = period.phase { slot.phase = phase }
            return (slot, "")
        }
        if slot.column == .total, let named = column(namedByRow: name, of: table, among: slots) {
            var slot = slot
            slot.column = named
            return (slot, "")
        }
        if table == .threePublic {
            if Vocabulary.noAmountRowWords.contains(where: { name.contains(utf8: $0) }) {
                var slot = slot
                slot.column = nil
                return (slot, name)
            }
            if slot.column == .total, let named = HeaderColumns.column(for: name), named != .total {
                var slot = slot
                slot.column = named
                return (slot, "")
            }
        }
        return (slot, name)
    }

    /// The column a code-less row of a table of codes stands for: a basic table in one 金额
    /// column prints its 人员经费 and 公用经费 subtotals as rows (`人员经费 | 5,007.17` above the
    /// 301 rows), the 合计 row's parts. A table that prints those columns has them there: its
    /// section rows are not read again as the 合计's.
    static func column(namedByRow name: String, of table: TableID, among slots: [ColumnSlot]) -> ColumnID? {
        guard [.basicEcon, .basicGovEcon].contains(table), let named = HeaderColumns.column(for: name),
            [.personnel, .public].contains(named), !slots.contains(where: { $0.column == .personnel || $0.column == .public })
        else { return nil }
        return named
    }

    /// A row label that names a period: `2024年预算数`, `2025年决算数`, `2025年` (a year alone,
    /// or with the word of a phase), `上年预算数` and `本年预算数` (the year before the table's,
    /// and its own).
    static func period(named label: String, tableYear: Int = 0) -> (year: Int, phase: Phase?)? {
        let text = label.replacingAll(" ", with: "")
        var year = YearText.first(in: text) ?? 0
        var rest = YearText.removingLeadingYear(text)
        if year == 0, tableYear > 0 {
            for (word, offset) in [("上年", -1), ("本年", 0)] where text.hasPrefix(word) {
                year = tableYear + offset
                rest = String(text.dropFirst(word.count))
            }
        }
        guard year > 0 else { return nil }
        if rest.isEmpty || rest == "度" { return (year, nil) }
        guard let phase = Vocabulary.phaseHeaders.first(where: { $0.0 == rest })?.1 else { return nil }
        return (year, phase)
    }

    /// 合计, 小计, 2025年预算数: a whole header that names a total.
    static func isTotalWord(_ text: String) -> Bool {
        let t = YearText.removingLeadingYear(text.replacingAll(" ", with: ""))
        return Vocabulary.totalWords.contains(t)
    }
}
