import Testing
@testable import TallyCore

/// `top 3 208 by dept` gives 北碚 9,206.71 and `sum 208?? by dept` 9,206.72 on the sample data.
/// Not a rounding of the display, nor `top` choosing other rows than `sum`: two questions with
/// two printed answers. `208` reads the 类 row as printed; `208??` adds its 款 rows as printed,
/// and 北碚2025 prints its 类 208 at 5,074.49 while its 款 add to 5,074.50 — the document's own
/// rounding, which `audit tree` reports as `rounding`. Every figure here is a whole 0.01 万元
/// (10,000 fen), so each display shows its fen exactly.
struct ClassBesideItsItemsTests {
    static func fen(_ statement: String, at key: String, keyColumn: String = "dept") throws -> Int64 {
        let r = try ResultClausesTests.result(statement)
        let k = try #require(r.columns.firstIndex { $0.name == keyColumn })
        let v = try #require(r.columns.firstIndex { $0.name == "total" })
        let row = try #require(r.rows.first { if case .text(let t) = $0[k] { t.contains(key) } else { false } })
        guard case .amount(let a) = row[v] else { throw Diagnostic(.error, "no amount in \(row)") }
        return a.fen
    }

    @Test func topAndSumReadTheSameClassRow() throws {
        let top = try Self.fen("top 3 208 by dept", at: "北碚")
        let sum = try Self.fen("sum 208 by dept", at: "北碚")
        // 2025's 5,074.49 + 2023's 4,132.22 万元, as the 类 rows print them
        #expect(top == 9_206_710_000)
        #expect(sum == top)
    }

    @Test func theItemsAddToACentMoreThanTheirClassPrints() throws {
        #expect(try Self.fen("sum 208?? by dept", at: "北碚") == 9_206_720_000)
        // the whole difference is one document's: 2025's class against its items
        #expect(try Self.fen("sum 208 by label", at: "北碚2025", keyColumn: "label") == 5_074_490_000)
        #expect(try Self.fen("sum 208?? by label", at: "北碚2025", keyColumn: "label") == 5_074_500_000)
        #expect(try Self.fen("sum 208 by label", at: "北碚2023", keyColumn: "label") == 4_132_220_000)
        #expect(try Self.fen("sum 208?? by label", at: "北碚2023", keyColumn: "label") == 4_132_220_000)

        // 20801 3,069.53 + 20805 400.55 + 20809 1,600.00 + 20899 4.42 = 5,074.50 万元
        let items = try ResultClausesTests.result("sum 208?? where label=北碚2025 by code")
        let fens = items.rows.map { row -> Int64 in if case .amount(let a) = row[1] { a.fen } else { -1 } }
        #expect(items.rows.map(\.first) == ["20801", "20805", "20809", "20899"].map { .text($0) })
        #expect(fens == [3_069_530_000, 400_550_000, 1_600_000_000, 4_420_000])
        #expect(fens.reduce(0, +) == 5_074_500_000)
        // whole 0.01 万元: nothing for a display to round
        #expect(([9_206_710_000, 9_206_720_000] + fens).allSatisfy { $0 % 10_000 == 0 })
    }

    @Test func theAuditCallsItTheDocumentsRounding() {
        let r = ResultClausesTests.run("audit tree where label=北碚2025")
        let line = r.out.split(separator: "\n").first { $0.contains("\texpenditure\t208\ttotal\t") }
        #expect(line?.contains("\trounding\t") == true, "\(r.out)")
        #expect(line?.hasSuffix("printed 5,074.49, its 4 children add to 5,074.50") == true, "\(r.out)")
    }
}
