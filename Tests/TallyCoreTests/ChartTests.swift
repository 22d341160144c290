import Testing
@testable import TallyCore

/// `chart` (issue 8 §2): one bar per group, scaled to the width, labels aligned by display
/// width, amounts beside the bars, negative values to the left of an axis.
struct ChartTests {
    func result(_ rows: [(String, Int64)]) -> ResultTable {
        ResultTable(columns: [.init("dept", .text), .init("total", .amount)],
                    rows: rows.map { [.text($0.0), .amount(Amount(fen: $0.1))] })
    }

    @Test func barsScaleToTheWidestAndAlign() {
        // 40 columns: labels get at most 2/5 of what the amounts leave (13), bars the rest (17)
        let chart = BarChartRenderer(width: 40, unicode: false).render(result([("北碚", 400_000_000), ("綦江区社保中心", 100_000_000)]))
        #expect(chart == """
            北碚           400.00  #################
            綦江区社保中…  100.00  ####

            """)
    }

    @Test func unicodeBarsUseEighthBlocks() {
        let chart = BarChartRenderer(width: 30, unicode: true).render(result([("a", 800_000_000), ("b", 100_000_000)]))
        let lines = chart.split(separator: "\n")
        // 19 columns of bar: 100/800 of them is 2⅜
        #expect(lines[0] == "a  800.00  " + String(repeating: "█", count: 19))
        #expect(lines[1] == "b  100.00  ██▍")
    }

    @Test func negativeValuesGrowLeftOfTheAxis() {
        let chart = BarChartRenderer(width: 40, unicode: false).render(result([("up", 300_000_000), ("down", -100_000_000)]))
        let lines = chart.split(separator: "\n").map(String.init)
        // 25 columns of bar over a span of 400: 6 left of the axis, 18 right of it
        #expect(lines[0] == "up     300.00        |##################")
        #expect(lines[1] == "down  -100.00  ######|")
    }

    /// A ratio is a value, not a label: its own bar, shown as a percentage, on a scale of its
    /// own — 50% is not measured against 万元 — while text columns stay the label.
    @Test func ratiosAreBarsOnTheirOwnScale() throws {
        let result = ResultTable(
            columns: [.init("dept", .text), .init("total", .amount), .init("share", .ratio)],
            rows: [[.text("a"), .amount(Amount(fen: 400_000_000)), .ratio(try #require(Ratio(1, 2)))],
                   [.text("b"), .amount(Amount(fen: 100_000_000)), .ratio(try #require(Ratio(1, 4)))]])
        let chart = BarChartRenderer(width: 40, unicode: false).render(result)
        // 40 columns: labels 8 wide, values 6, bars 22; the largest of each kind fills them
        #expect(chart == """
            a  total  400.00  ######################
            a  share   50.0%  ######################
            b  total  100.00  ######
            b  share   25.0%  ###########

            """)
    }

    /// `pct` beside amounts under `year as columns`: one axis for both kinds, each scaled to fit it.
    @Test func negativeRatiosShareTheAxis() throws {
        let result = ResultTable(
            columns: [.init("code", .text), .init("change", .amount), .init("pct", .ratio)],
            rows: [[.text("1"), .amount(Amount(fen: 300_000_000)), .ratio(try #require(Ratio(1, 10)))],
                   [.text("2"), .amount(Amount(fen: -100_000_000)), .ratio(try #require(Ratio(-1, 5)))]])
        let lines = BarChartRenderer(width: 40, unicode: false).render(result).split(separator: "\n").map(String.init)
        let axes = Set(lines.map { DisplayWidth.of(String($0.prefix { $0 != "|" })) })
        #expect(axes.count == 1, "\(lines)")
        #expect(lines.map { $0.prefix(16) } == ["1  change   300.", "1  pct       10.", "2  change  -100.", "2  pct      -20."])
    }

    @Test func onTheSampleDataEveryLineFitsAndAmountsLineUp() {
        var out = ""
        let session = Session(format: .bar, out: { out += $0 }, err: { _ in })
        session.loadSampleData()
        session.run("sum 2080* by dept", origin: .commandLine)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        // the amounts end in the same screen column on every line
        let ends = lines.map { line -> Int in
            let upToBar = line.prefix { $0 != "#" }.trimmingSuffix()
            return DisplayWidth.of(upToBar)
        }
        #expect(Set(ends).count == 1, "\(out)")
        #expect(out.contains("15,247.40"))
    }

    @Test func countsChartToo() {
        var out = ""
        let session = Session(out: { out += $0 }, err: { _ in })
        session.loadSampleData()
        session.run("chart count by district", origin: .commandLine)
        #expect(out.split(separator: "\n").count == 4)
        #expect(out.contains("北碚") && out.contains("718"))
    }

    /// Counts spread over years are bars, one per district and year; the `year` a count is
    /// grouped by labels them (it is a number too, but not a measure).
    @Test func countsSpreadAsColumnsChartEachCell() {
        var out = ""
        let session = Session(out: { out += $0 }, err: { _ in })
        session.loadSampleData()
        session.run("chart count by district, year as columns", origin: .commandLine)
        let lines = out.split(separator: "\n").map { String($0.trimmingSuffix()) }
        #expect(lines.count == 12, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("北碚  2024   39  #") })
        #expect(lines.contains { $0.hasPrefix("北碚  2025  346  #") })
        // A year without items is a label and no bar.
        #expect(lines.contains("南岸  2023"))
    }
}

extension Substring {
    fileprivate func trimmingSuffix() -> Substring {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
