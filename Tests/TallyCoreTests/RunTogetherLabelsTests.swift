import Testing
@testable import TallyCore

/// A two-sided summary (收入 | 预算数 | 支出 | 预算数) whose income label spills over its empty
/// figure cell up to the spending label: poppler joins the two into one word when they
/// nearly touch, or gives two words the second side's header reaches. Either way each label
/// is its own side's, cut where the other rows' labels of that side begin — by the header's
/// and the rows' geometry, whatever the labels say.
struct RunTogetherLabelsTests {
    typealias Box = PageGeometryQuirkTests.Box

    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        /// Income label, its figure ("" empty), spending label, its figure.
        var rows: [(String, String, String, String)]
        /// How the income label of a row with no income figure is set: joined with the
        /// spending label into one word (`joined`), or ending `gap` points before it.
        var joined: Bool
        var gap: Double = 0.3
        var labelWidth: Double = 150
    }

    static let rows = [
        ("一、财政拨款收入", "", "一、一般公共服务支出", "1,234,500.00"),
        ("（一）一般公共预算资金", "31,214,205.80", "二、文化旅游体育与传媒支出", "26,331,805.80"),
        ("（二）政府性基金", "", "三、社会保障和就业支出", "2,145,300.00"),
        ("二、事业收入", "", "四、卫生健康支出", "1,502,600.00"),
        ("收入总计", "31,214,205.80", "支出总计", "31,214,205.80"),
    ]

    static let cases: [Case] = [
        Case(testDescription: "joined into one word", rows: rows, joined: true),
        Case(testDescription: "two words 2 pt apart", rows: rows, joined: false, gap: 2),
        Case(testDescription: "joined, narrow label cells", rows: rows, joined: true, labelWidth: 110),
        Case(testDescription: "labels in their own cells", rows: rows, joined: false, gap: -1),
    ]

    static func page(_ c: Case) -> [Box] {
        let figure = 80.0
        let xs = [60, 60 + c.labelWidth, 60 + c.labelWidth + figure, 60 + 2 * c.labelWidth + figure, 60 + 2 * c.labelWidth + 2 * figure]
        func centred(_ t: String, _ a: Double, _ b: Double, _ top: Double) -> Box {
            let w = Double(t.count) * 9
            return (t, (a + b - w) / 2, top, w, 9)
        }
        var boxes: [Box] = [("2025年部门财务收支预算总表", 200, 40, 234, 16), ("单位：元", 560, 66, 36, 9),
                            centred("收入", xs[0], xs[2], 84), centred("支出", xs[2], xs[4], 84)]
        for (i, t) in ["项目", "预算数", "项目", "预算数"].enumerated() { boxes.append(centred(t, xs[i], xs[i + 1], 102)) }
        for (r, row) in c.rows.enumerated() {
            let top = 120 + Double(r) * 18
            let right = xs[2] + 3
            let leftWidth = Double(row.0.count) * 9
            if !row.1.isEmpty || c.gap < 0 {
                boxes.append((row.0, xs[0] + 3, top, leftWidth, 9))
                boxes.append((row.2, right, top, Double(row.2.count) * 9, 9))
            } else if c.joined {
                let left = right - c.gap - leftWidth
                boxes.append((row.0 + row.2, left, top, right + Double(row.2.count) * 9 - left, 9))
            } else {
                boxes.append((row.0, right - c.gap - leftWidth, top, leftWidth, 9))
                boxes.append((row.2, right, top, Double(row.2.count) * 9, 9))
            }
            for (figureText, end) in [(row.1, xs[2] - 3), (row.3, xs[4] - 3)] where !figureText.isEmpty {
                let w = Double(figureText.count) * 4.5
                boxes.append((figureText, end - w, top, w, 9))
            }
        }
        return boxes
    }

    @Test(arguments: cases)
    func eachSideKeepsItsLabel(_ c: Case) throws {
        let got = TwoSidedFiguresOffTheirLabelsTests.summary(try TwoSidedFiguresOffTheirLabelsTests.items(Self.page(c)))
        var want: [String] = []
        for row in c.rows {
            for (label, figure) in [(row.0, row.1), (row.2, row.3)] where !figure.isEmpty {
                want.append("\(label) total \(try Amount.parse(figure.replacingAll(",", with: ""), unit: .yuan).get())")
            }
        }
        #expect(got == want.sorted())
    }
}
