import Testing
@testable import TallyCore

/// A running head set atop most pages is page furniture and goes; a table's header printed
/// again atop each page spans the table and stays, as does a head on too few pages
/// (Fixtures/templates/b_fin_page_header reads it end to end).
struct RunningHeadsTests {
    typealias Word = (Int, Double, Double, Double, Double, String)

    /// A page of a table's rows under its header, the first page under the table's title.
    static func page(_ n: Int, head: String?) -> [Word] {
        (head.map { [(n, 50, 20, 60, 9, $0)] } ?? []) + (n == 1 ? [(n, 120, 30, 100, 9, "2025年部门收入预算总表")] : [])
            + [(n, 50, 40, 30, 9, "项目"), (n, 300, 40, 30, 9, "金额")]
            + [(n, 50, 60, 30, 9, "20101"), (n, 90, 60, 60, 9, "行政运行"), (n, 300, 60, 30, 9, "12.50")]
    }

    static func texts(_ words: [Word]) -> [String] {
        RunningHeads.removed(from: PDFWords.parse(PageMarksTests.tsv(words)).lines).map(\.joined)
    }

    @Test func aHeadAtopMostPagesGoesAndTheHeaderPrintedAgainStays() {
        let kept = Self.texts((1...4).flatMap { Self.page($0, head: $0 == 4 ? nil : "2025年部门预算") })
        #expect(!kept.contains("2025年部门预算"))
        #expect(kept.filter { $0 == "项目金额" }.count == 4)
        #expect(kept.filter { $0 == "20101行政运行12.50" }.count == 4)
    }

    /// A narrow line atop every page the table goes on over, but not over its titled first
    /// page, is the header's top line (a group over its columns), not a running head.
    @Test func aLineAtopOnlyTheContinuedPagesStays() {
        let kept = Self.texts((1...4).flatMap { Self.page($0, head: $0 == 1 ? nil : "一般公共预算支出") })
        #expect(kept.filter { $0 == "一般公共预算支出" }.count == 3)
    }

    @Test(arguments: [2, 1])
    func aHeadOnTooFewPagesStays(_ headed: Int) {
        let kept = Self.texts((1...5).flatMap { Self.page($0, head: $0 <= headed ? "2025年部门预算" : nil) })
        #expect(kept.filter { $0 == "2025年部门预算" }.count == headed)
    }
}
