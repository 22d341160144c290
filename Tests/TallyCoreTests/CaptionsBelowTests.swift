import Testing
@testable import TallyCore

/// A document that sets each table's title under it as a caption (`表1 …收入预算表`): each
/// table is the lines before its caption, not the lines after it (which are the next table's).
struct CaptionsBelowTests {
    static let document = """
     科目编码                 科目名称    合计       一般公共预算拨款收入
                     合计          1,646.19      1,646.19
    201       一般公共服务支出            1,452.18        1,452.18
    208       社会保障和就业支出           194.01          194.01
               表 1 某区人民法院 2025 年部门收入预算表（单位：万元）
    科目编码             科目名称     合计          基本支出       项目支出
                   合计       1,646.19     1,115.31     530.88
    201       一般公共服务支出          1,452.18     921.30       530.88
    208       社会保障和就业支出          194.01     194.01
               表 2 某区人民法院 2025 年部门支出预算表（单位：万元）
    """

    @Test func eachTableIsTheLinesBeforeItsCaption() throws {
        let result = try DocumentImporter.read("\u{0C}" + Self.document, path: "captions.txt")
        let income = result.items.filter { $0.table == .income }.map { "\($0.code) \($0.column.id)" }
        let expenditure = result.items.filter { $0.table == .expenditure }.map { "\($0.code) \($0.column.id)" }
        #expect(Set(income) == [" total", " gpb", "201 total", "201 gpb", "208 total", "208 gpb"])
        #expect(Set(expenditure) == [" total", " basic", " project", "201 total", "201 basic", "201 project", "208 total", "208 basic"])
    }

    /// Titles over their tables, one table's rows running straight into the next title (two
    /// tables on a page), stay titles over their tables.
    @Test func titlesOverTheirTablesStayOverThem() throws {
        let lines = Self.document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The captions moved above their tables.
        let over = [lines[4]] + lines[0..<4] + [lines[9]] + lines[5..<9]
        let result = try DocumentImporter.read("\u{0C}" + over.joined(separator: "\n"), path: "titles.txt")
        #expect(Set(result.items.filter { $0.table == .income }.map(\.column)) == [.total, .gpb])
        #expect(Set(result.items.filter { $0.table == .expenditure }.map(\.column)) == [.total, .basic, .project])
    }
}
