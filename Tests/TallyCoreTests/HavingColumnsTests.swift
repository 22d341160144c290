import Testing
@testable import TallyCore

/// Which column `having` names (§3), with and without `as columns`: group fields, headers made
/// from the data ("2025", 基本支出), `change`/`pct`, computed columns — and a field the result
/// does not have, which is "no column", not a header waiting to be read as an amount.
struct HavingColumnsTests {
    enum Expected: Sendable, CustomStringConvertible {
        /// The first cell of each row kept.
        case rows([String])
        /// The error's first line and its help line.
        case error(String, help: String)

        var description: String {
            switch self {
            case .rows(let r): "rows \(r)"
            case .error(let e, _): "error \(e)"
            }
        }
    }

    @Test(arguments: [
        // without `as columns`
        ("sum 208?? where year=2025 by district having district=万盛", Expected.rows(["万盛"])),
        ("sum 208?? where year=2025 by district having total > 5000", .rows(["北碚", "綦江"])),
        ("sum 208?? where year=2025 by district, total, half = total / 2 having half > 3000", .rows(["綦江"])),
        ("sum 208?? where year=2025 by district having dept=万盛",
         .error("error: the result has no column `dept`", help: "help: its columns: district, total")),
        // `year as columns`: a group field, headers from the data, change and pct, computed
        ("sum 208?? by district, year as columns having district=万盛", .rows(["万盛"])),
        ("sum 208?? by district, year as columns having \"2025\" > 5000", .rows(["北碚", "綦江"])),
        ("sum 208?? by district, year as columns having pct > 0", .rows(["北碚"])),
        ("sum 208?? by district, year as columns, twice = \"2025\" * 2 having twice > 11000", .rows(["綦江"])),
        // a field not grouped by is no column, though the headers are not known yet
        ("sum 208?? by district, year as columns having dept=万盛",
         .error("error: the result has no column `dept`", help: "help: its columns: district, change, pct, and one for each `year`")),
        ("sum 208?? by district, year as columns having year=2025",
         .error("error: the result has no column `year`", help: "help: its columns: district, change, pct, and one for each `year`")),
        // a header the data does not make, once it has made the others
        ("sum 208?? by district, year as columns having \"2019\" > 0",
         .error("error: the result has no column `2019`", help: "help: its columns: district, \"2023\", \"2024\", \"2025\", change, pct")),
        // `column as columns`: a header by its Chinese name
        ("sum 208?? where year=2025 by district, column as columns having 基本支出 > 2000", .rows(["北碚", "綦江"])),
        ("sum 208?? where year=2025 by district, column as columns having dept=万盛",
         .error("error: the result has no column `dept`", help: "help: its columns: district, and one for each `column`")),
        ("count where year=2025 by district, year as columns having dept=北碚",
         .error("error: the result has no column `dept`", help: "help: its columns: district, and one for each `year`")),
        // a near miss of a column the result has is a typo, not a header: said before any row is
        // read, whatever it is compared with (it was read as an amount header)
        ("sum 208?? by dept, year as columns having deptt = 1",
         .error("error: the result has no column `deptt`", help: "help: did you mean `dept`? (its columns: dept, change, pct, and one for each `year`)")),
        ("sum 208?? by dept, year as columns having deptt == 万盛",
         .error("error: the result has no column `deptt`", help: "help: did you mean `dept`? (its columns: dept, change, pct, and one for each `year`)")),
        ("sum 208?? by dept, year as columns having deptt ~ 万",
         .error("error: the result has no column `deptt`", help: "help: did you mean `dept`? (its columns: dept, change, pct, and one for each `year`)")),
        ("sum 208?? by dept, year as columns having not chnage > 0",
         .error("error: the result has no column `chnage`", help: "help: did you mean `change`? (its columns: dept, change, pct, and one for each `year`)")),
        ("sum 208?? where year=2025 by district, column as columns having distrct = 北碚",
         .error("error: the result has no column `distrct`", help: "help: did you mean `district`? (its columns: district, and one for each `column`)")),
        ("sum 208?? by district, year as columns, twice = \"2025\" * 2 having twicee > 11000",
         .error("error: the result has no column `twicee`", help: "help: did you mean `twice`? (its columns: district, change, pct, twice, and one for each `year`)")),
        // … while a near miss of a header is found once the data has made the headers
        ("sum 208?? where year=2025 by district, column as columns having basci > 2000",
         .error("error: the result has no column `basci`", help: "help: did you mean `basic`? (its columns: district, basic, project, total)")),
    ])
    func havingNamesAColumnOfTheResult(_ statement: String, _ expected: Expected) {
        let r = ResultClausesTests.run(statement)
        switch expected {
        case .rows(let first):
            #expect(!r.err.contains("error"), "\(r.err)")
            #expect(r.out.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) } == first, "\(r.out)")
        case .error(let message, let help):
            let lines = r.err.split(separator: "\n").map(String.init)
            #expect(lines.first == message, "\(r.err)")
            #expect(lines.last == help, "\(r.err)")
            #expect(r.out == "")
        }
    }

    /// The planner's view: a field's name is no column unless the result groups by it.
    @Test func aFieldNameIsAColumnOnlyWhenGroupedBy() throws {
        let text = "sum 208 by district, year as columns"
        guard case .query(let query) = try Parser.parse(text) else { Issue.record("not a query"); return }
        let columns = ResultColumns(try Planner.plan(query, source: text, store: OrderByTests.store))
        #expect(columns.kind(of: "district") == .text)
        #expect(columns.kind(of: "dept") == nil)
        #expect(columns.kind(of: "Dept") == nil)
        #expect(columns.kind(of: "year") == nil)
        #expect(columns.kind(of: "2025") == .amount)
        #expect(columns.kind(of: "pct") == .ratio)
    }
}
