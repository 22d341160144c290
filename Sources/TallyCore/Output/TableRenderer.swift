/// The terminal table: columns two spaces apart, text left-aligned and padded by display
/// width, numbers and amounts right-aligned, amounts with separators and two decimals.
///
///        basic    project
///     3,020.97  12,226.43
public struct TableRenderer {
    public var unit: DisplayUnit

    public init(unit: DisplayUnit = .wan) { self.unit = unit }

    public func render(_ result: ResultTable) -> String {
        var out = ""
        try? render(result, cancel: .never) { out += $0 }
        return out
    }

    /// The table in pieces of 4,096 rows, Ctrl-C asked before each piece and while widths are measured.
    public func render(_ result: ResultTable, cancel: Cancellation, emit: (String) -> Void) throws(Diagnostic) {
        if result.rows.isEmpty { return emit("(no rows)\n") }
        var cells: [[String]] = []
        cells.reserveCapacity(result.rows.count)
        let names = result.columns.map { TerminalText.escaped($0.name) }
        var widths = names.map { DisplayWidth.of($0) }
        for (r, row) in result.rows.enumerated() {
            if r % 4096 == 4095 { try cancel.check() }
            let texts = row.enumerated().map { text($1, result.columns[$0]) }
            for (i, cell) in texts.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
            cells.append(texts)
        }
        func line(_ texts: [String]) -> String {
            var parts: [String] = []
            for (i, text) in texts.enumerated() {
                let right = result.columns[i].kind != .text
                let isLast = i == texts.count - 1
                parts.append(right || !isLast ? DisplayWidth.pad(text, to: widths[i], alignRight: right) : text)
            }
            return parts.joined(separator: "  ") + "\n"
        }
        var chunk = line(names)
        for (r, row) in cells.enumerated() {
            if r % 4096 == 4095 {
                try cancel.check()
                emit(chunk)
                chunk = ""
            }
            chunk += line(row)
        }
        emit(chunk)
    }

    /// A cell as shown under its column: a positive difference with its `+`.
    func text(_ cell: ResultTable.Cell, _ column: ResultTable.Column) -> String {
        if column.signed, case .amount(let a) = cell, a.fen > 0 { return "+" + text(cell) }
        if case .ratio(let r) = cell { return r.percent(signed: column.signed) }
        return text(cell)
    }

    func text(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let s): TerminalText.escaped(s)
        case .number(let n): String(n)
        case .amount(let a): a.display(in: unit)
        case .ratio(let r): r.percent()
        case .empty: ""
        }
    }
}
