/// A grouped result as horizontal bars, one line per group (and per value column):
/// the group's label padded by display width, the value, then the bar. The values are the
/// amounts and ratios (a computed `share`, `pct`), a ratio shown as a percentage; text
/// columns label them. Bars of one kind share one scale — a ratio's bar is not measured
/// against 万元 — and negative values grow left from a zero axis. On a terminal bars are drawn with
/// eighth-blocks; anywhere else with `#`, so a chart survives a pipe and a log file.
public struct BarChartRenderer {
    public var unit: DisplayUnit
    /// Columns the chart may use.
    public var width: Int
    /// Unicode blocks (a terminal) or plain `#`.
    public var unicode: Bool

    public init(unit: DisplayUnit = .wan, width: Int = 80, unicode: Bool = false) {
        self.unit = unit
        self.width = width
        self.unicode = unicode
    }

    struct Bar {
        var label: String
        /// Fen, a count, or a ratio in tenths of a percent: what the bar's length is drawn from.
        var value: Int64?
        var shown: String
        /// The kind of the value's column: bars of one kind share a scale.
        var kind: ResultTable.Kind = .amount
    }

    /// The values of one kind of bar, both sides of zero.
    private struct Scale {
        var most: Int64
        var least: Int64
        var span: Double { Double(most) - Double(least) }
    }

    public func render(_ result: ResultTable) -> String {
        let bars = self.bars(result)
        if bars.isEmpty { return "(no rows)\n" }
        let valueWidth = bars.map { DisplayWidth.of($0.shown) }.max() ?? 0
        let longestLabel = bars.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelWidth = min(longestLabel, max(8, (width - valueWidth) * 2 / 5))
        let barWidth = max(10, width - labelWidth - valueWidth - 4)

        var scales: [ResultTable.Kind: Scale] = [:]
        for bar in bars {
            guard let value = bar.value else { continue }
            var scale = scales[bar.kind] ?? Scale(most: 0, least: 0)
            scale.most = max(scale.most, value)
            scale.least = min(scale.least, value)
            scales[bar.kind] = scale
        }
        // Columns left of the axis, for the most negative bar (none when nothing is negative):
        // one axis for every scale, placed for the one that needs most room on the left.
        let left = scales.values.map { scale in
            scale.least < 0 ? max(1, Int((Double(-scale.least) / max(scale.span, 1) * Double(barWidth)).rounded())) : 0
        }.max() ?? 0
        let negative = scales.values.contains { $0.least < 0 }
        let right = barWidth - left - (negative ? 1 : 0)
        // What a column stands for: one scale spans the bar; several each fit both sides of the axis.
        func perColumn(_ scale: Scale) -> Double {
            if scales.count == 1 { return scale.span / Double(barWidth) }
            return max(Double(scale.most) / Double(max(right, 1)), left > 0 ? Double(-scale.least) / Double(left) : 0)
        }

        var out = ""
        for bar in bars {
            var line = DisplayWidth.pad(fit(bar.label, labelWidth), to: labelWidth) + "  "
            line += DisplayWidth.pad(bar.shown, to: valueWidth, alignRight: true) + "  "
            if let value = bar.value, let scale = scales[bar.kind], scale.span > 0 {
                let eighths = Int((Double(abs(value)) / perColumn(scale) * 8).rounded())
                if negative {
                    let leftBar = value < 0 ? draw(min(eighths, left * 8), fill: left, leftward: true) : String(repeating: " ", count: left)
                    line += leftBar + (unicode ? "│" : "|") + (value > 0 ? draw(min(eighths, right * 8), fill: 0, leftward: false) : "")
                } else {
                    line += draw(eighths, fill: 0, leftward: false)
                }
            }
            out += trimmedRight(line) + "\n"
        }
        return out
    }

    /// One bar per group and value column; the label is the group's values.
    func bars(_ result: ResultTable) -> [Bar] {
        // Amounts and ratios are the bars (with no amounts, the counts: the measured number
        // columns, one a spread value under `as columns`; a group's `year` only labels);
        // the rest label them. A table built without measures takes its last number column.
        var valueColumns = result.columns.indices.filter { result.columns[$0].kind == .amount || result.columns[$0].kind == .ratio }
        if !valueColumns.contains(where: { result.columns[$0].kind == .amount }) {
            var counts = result.columns.indices.filter { result.columns[$0].kind == .number && result.columns[$0].measure }
            if counts.isEmpty, let last = result.columns.indices.last(where: { result.columns[$0].kind == .number }) { counts = [last] }
            valueColumns = (valueColumns + counts).sorted()
        }
        let labelColumns = result.columns.indices.filter { !valueColumns.contains($0) }
        let renderer = TableRenderer(unit: unit)
        // Each label part padded to its column's widest, so labels of several parts line up.
        var partWidths: [Int: Int] = [:]
        for row in result.rows {
            for c in labelColumns { partWidths[c] = max(partWidths[c] ?? 0, DisplayWidth.of(renderer.text(row[c]))) }
        }
        let nameWidth = valueColumns.map { DisplayWidth.of(result.columns[$0].name) }.max() ?? 0
        var bars: [Bar] = []
        for row in result.rows {
            let parts = labelColumns.map { DisplayWidth.pad(renderer.text(row[$0]), to: partWidths[$0] ?? 0) }
            let group = parts.joined(separator: "  ")
            for v in valueColumns {
                var label = valueColumns.count > 1 || group.isEmpty
                    ? [group, DisplayWidth.pad(result.columns[v].name, to: nameWidth)].filter { !$0.isEmpty }.joined(separator: "  ")
                    : group
                while label.last == " " { label.removeLast() }
                let value: Int64? = switch row[v] {
                case .amount(let a): a.fen
                case .number(let n): n
                // Tenths of a percent, as shown: finer than a bar's eighth of a column.
                case .ratio(let r): r.rounded(times: 1000).flatMap { Int64(exactly: $0) }
                default: nil
                }
                bars.append(Bar(label: label, value: value, shown: renderer.text(row[v], result.columns[v]), kind: result.columns[v].kind))
            }
        }
        return bars
    }

    private static let eighthBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `eighths` of a cell of bar; a leftward bar is right-aligned in `fill` columns.
    private func draw(_ eighths: Int, fill: Int, leftward: Bool) -> String {
        var bar: String
        if unicode {
            bar = String(repeating: "█", count: eighths / 8)
            // A partial block is drawn on the bar's left edge, so it only fits a rightward bar.
            if !leftward { bar += Self.eighthBlocks[eighths % 8] } else if eighths % 8 >= 4 { bar = "█" + bar }
        } else {
            bar = String(repeating: "#", count: (eighths + 4) / 8)
        }
        if bar.isEmpty && eighths > 0 { bar = unicode ? "▏" : "#" }
        return leftward ? String(repeating: " ", count: max(0, fill - bar.count)) + bar : bar
    }

    private func fit(_ label: String, _ width: Int) -> String {
        guard DisplayWidth.of(label) > width else { return label }
        var kept = "", used = 0
        for character in label {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }

    private func trimmedRight(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
