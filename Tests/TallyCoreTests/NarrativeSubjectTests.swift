import Testing
@testable import TallyCore

/// `其中基本支出 … 项目支出` in the explanatory text is the part of whatever total was named last:
/// the general-public-budget appropriation's (held to gpb_expenditure) only when that is
/// what the text was about, not when the whole budget's 支出预算 was named after it.
struct NarrativeSubjectTests {
    static func parts(_ text: String) -> [String] {
        let context = TableContext(doc: "d", dept: "某局", district: "", year: 2025, path: "d.txt")
        let lines = [SourceLine(number: 1, text: text, cells: [text])]
        return NarrativeFigures.find(lines, context: context).filter { $0.name == "一般公共预算财政拨款支出" && $0.column != .total }
            .map { "\($0.column.id) \($0.amount)" }
    }

    @Test(arguments: [
        ("一般公共预算财政拨款支出 13448.28 万元，比 2023 年增加 2160.47 万元。其中：基本支出 3201.46 万元；项目支出 10246.82 万元。",
         ["basic 3201.46", "project 10246.82"]),
        ("2025 年一般公共预算财政拨款支出预算 6995.08 万元，其中：基本支出 3002.51 万元，项目支出 3992.57 万元。",
         ["basic 3002.51", "project 3992.57"]),
        ("某局 2025 年收入预算 5478.83 万元，支出预算 5478.83 万元，其中基本支出 2266.69 万元，占 41%；项目支出 3212.14 万元。", []),
        ("一般公共预算财政拨款收入 100.00 万元。支出预算 5478.83 万元，其中基本支出 2266.69 万元。", []),
        ("支出预算 5478.83 万元（含一般公共预算 5226.64 万元），其中基本支出 2266.69 万元。", []),
    ])
    func thePartsOfWhatWasNamedLast(text: String, expected: [String]) {
        let wan = expected.map { e -> String in
            let (column, figure) = (e.split(separator: " ")[0], e.split(separator: " ")[1])
            return "\(column) \(try! Amount.parse(String(figure), unit: .wan).get())"
        }
        #expect(Self.parts(text) == wan)
    }
}
