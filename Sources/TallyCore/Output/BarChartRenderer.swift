/// A grouped result as horizontal bars, one line per group (and per amount column):
/// the group's label padded by display width, the amount, then the bar. Bars share one
/// scale; negative amounts grow left from a zero axis. On a terminal bars are drawn with
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
        var value: Int64?
        var shown: String
    }

    public func render(_ result: ResultTable) -> String {
        let bars = self.bars(result)
        if bars.isEmpty { return "(no rows)\n" }
        let valueWidth = bars.map { DisplayWidth.of($0.shown) }.max() ?? 0
        let longestLabel = bars.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelWidth = min(longestLabel, max(8, (width - valueWidth) * 2 / 5))
        let barWidth = max(10, width - labelWidth - valueWidth - 4)

        let values = bars.compactMap(\.value)
        let most = values.map { max($0, 0) }.max() ?? 0
        let least = values.map { min($0, 0) }.min() ?? 0
        let span = Double(most) - Double(least)
        // Columns left of the axis, for the most negative bar (none when nothing is negative).
        let left = least < 0 ? max(1, Int((Double(-least) / max(span, 1) * Double(barWidth)).rounded())) : 0
        let right = barWidth - left - (least < 0 ? 1 : 0)

        var out = ""
        for bar in bars {
            var line = DisplayWidth.pad(fit(bar.label, labelWidth), to: labelWidth) + "  "
            line += DisplayWidth.pad(bar.shown, to: valueWidth, alignRight: true) + "  "
            if let value = bar.value, span > 0 {
                let eighths = Int((Double(abs(value)) / span * Double(barWidth) * 8).rounded())
                if least < 0 {
                    let negative = value < 0 ? draw(eighths, fill: left, leftward: true) : String(repeating: " ", count: left)
                    line += negative + (unicode ? "│" : "|") + (value > 0 ? draw(min(eighths, right * 8), fill: 0, leftward: false) : "")
                } else {
                    line += draw(eighths, fill: 0, leftward: false)
                }
            }
            out += trimmedRight(line) + "\n"
        }
        return out
    }

    /// One bar per group and amount column; the label is the group's values.
    func bars(_ result: ResultTable) -> [Bar] {
        // Amounts are the bars (a count's number when there are none); the rest label them.
        var valueColumns = result.columns.indices.filter { result.columns[$0].kind == .amount }
        if valueColumns.isEmpty, let last = result.columns.indices.last, result.columns[last].kind == .number {
            valueColumns = [last]
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
                default: nil
                }
                bars.append(Bar(label: label, value: value, shown: renderer.text(row[v], result.columns[v])))
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
