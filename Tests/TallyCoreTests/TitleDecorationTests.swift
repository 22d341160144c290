import Foundation
import Testing
@testable import TallyCore

/// Other departments print the same tables with their titles dressed differently: numbered
/// (`附表1：…`, `…  表3`, `（表3）`), with a page or a unit on the title's line, wrapped onto two
/// lines, or printed again as `…（续）` on each page a table goes on to. Each corpus document's
/// `-layout` text is rewritten in each of these ways here, and must give the same line items
/// (lines aside) as the document as published, with the same department and year.
struct TitleDecorationTests {
    struct Item: Hashable { var table: TableID, code: String, name: String, column: ColumnID, year: Int, phase: Phase, amount: Amount }

    static let stems = CorpusImportTests.budgets + CorpusImportTests.finals

    static func read(_ text: String, _ name: String) throws -> (items: [Item: Int], dept: String, year: Int, unplaced: Int) {
        let result = try DocumentImporter.read(text, path: "/tmp/\(name).txt")
        var items: [Item: Int] = [:]
        for i in result.items where i.table != .narrative {
            items[Item(table: i.table, code: i.code, name: i.name, column: i.column, year: i.year, phase: i.phase, amount: i.amount), default: 0] += 1
        }
        return (items, result.report.dept, result.report.year, result.report.unplaced.count)
    }

    /// The text's title lines (those the importer takes for a table's title), by index.
    static func titleLines(_ lines: [String]) -> [Int] {
        let found = lines.indices.filter { TableTitle.recognise(DocumentText.clean(lines[$0])) != nil }
        // Not a table of contents: its titles come three or more with no figure between.
        return found.filter { i in !lines[i].contains("…") && !lines[i].contains("...") && !lines[i].contains("..") }
    }

    struct Dressing: Sendable, CustomStringConvertible {
        var description: String
        var apply: @Sendable ([String], [Int]) -> [String]
    }

    static func each(_ lines: [String], _ titles: [Int], _ f: (String, Int) -> [String]) -> [String] {
        var out: [String] = []
        var n = 0
        for (i, line) in lines.enumerated() {
            if titles.contains(i) {
                n += 1
                out += f(line, n)
            } else {
                out.append(line)
            }
        }
        return out
    }

    static let dressings: [Dressing] = [
        Dressing(description: "附表N： before the title") { lines, titles in
            each(lines, titles) { line, n in [line.replacingOccurrences(of: #"^(\f?\s*)"#, with: "$1附表\(n)：", options: .regularExpression)] }
        },
        Dressing(description: "表N after the title") { lines, titles in each(lines, titles) { line, n in [line + "          表\(n)"] } },
        Dressing(description: "（表N） after the title") { lines, titles in each(lines, titles) { line, n in [line + "（表\(n)）"] } },
        Dressing(description: "第N页 after the title") { lines, titles in each(lines, titles) { line, n in [line + "        第\(n)页"] } },
        Dressing(description: "the title wrapped onto two lines") { lines, titles in
            each(lines, titles) { line, _ in
                // Broken before its last seven characters, or where it would leave a title alone.
                let chars = Array(line)
                var cut = max(1, chars.count - 7)
                while cut < chars.count - 1, TableTitle.recognise(String(chars[cut...])) != nil { cut += 1 }
                return [String(chars[..<cut]), String(repeating: " ", count: 8) + String(chars[cut...]).trimmingCharacters(in: .whitespaces)]
            }
        },
        Dressing(description: "（续） titles on the pages a table goes on to") { continued($0, $1, "（续）") },
        Dressing(description: "the title again, no unit under it, on the pages a table goes on to (续 not said)") { continued($0, $1, "") },
    ]

    static func continued(_ lines: [String], _ titles: [Int], _ suffix: String) -> [String] {
        // Only where the table goes on: the new page starts with a row (a figure with
        // decimals) or with a line of the table's header again.
        func goesOn(_ i: Int, header: Set<String>) -> Bool {
            guard let first = lines[i...].prefix(4).map({ $0.replacingOccurrences(of: "\u{0C}", with: "").trimmingCharacters(in: .whitespaces) })
                .first(where: { !$0.isEmpty }) else { return false }
            return header.contains(first) || first.range(of: #"\d\.\d\d(\s|$)"#, options: .regularExpression) != nil
        }
        var out: [String] = []
        var open: (title: String, header: Set<String>)?
        for (i, line) in lines.enumerated() {
            if titles.contains(i) {
                let header = lines[(i + 1)...].prefix(8).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                open = (line.replacingOccurrences(of: "\u{0C}", with: ""), Set(header))
            } else if line.hasPrefix("\u{0C}"), let (title, header) = open, !titles.contains(i + 1), !titles.contains(i + 2), goesOn(i, header: header) {
                out.append("\u{0C}" + title + suffix)
                out.append(String(line.dropFirst()))
                continue
            }
            out.append(line)
        }
        return out
    }

    static func lines(_ stem: String) -> [String] {
        let path = CorpusImportTests.corpus.appendingPathComponent("text/\(stem).txt").path
        return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").components(separatedBy: "\n")
    }

    /// Each document with each dressing that changes it: a document whose every table fits on
    /// its page has no page to print a 续 title on (`dressingsApply` keeps this from emptying).
    static let cases: [(String, Dressing)] = stems.flatMap { stem in
        let lines = Self.lines(stem)
        let titles = titleLines(lines)
        return dressings.filter { $0.apply(lines, titles) != lines }.map { (stem, $0) }
    }

    @Test func dressingsApply() {
        for dressing in Self.dressings {
            let documents = Self.cases.filter { $0.1.description == dressing.description }.count
            #expect(documents >= (dressing.description.contains("pages a table goes on to") ? 4 : Self.stems.count), "\(dressing) applies to \(documents) documents")
        }
    }

    @Test(arguments: cases)
    func aDressedTitleReadsAsPublished(_ stem: String, _ dressing: Dressing) throws {
        let lines = Self.lines(stem)
        let text = lines.joined(separator: "\n")
        let titles = Self.titleLines(lines)
        try #require(titles.count >= 5, "\(stem): only \(titles.count) titles found")
        let dressed = dressing.apply(lines, titles)
        let published = try Self.read(text, stem)
        let read = try Self.read(dressed.joined(separator: "\n"), stem)
        let missing = published.items.filter { read.items[$0.key] != $0.value }.map(\.key)
        let extra = read.items.filter { published.items[$0.key] != $0.value }.map(\.key)
        #expect(missing.isEmpty && extra.isEmpty,
                "\(stem), \(dressing): \(missing.count) items lost or changed, e.g. \(missing.prefix(3)); \(extra.count) new, e.g. \(extra.prefix(3))")
        #expect(read.dept == published.dept && read.year == published.year)
        #expect(read.unplaced == published.unplaced, "\(stem), \(dressing): \(read.unplaced) figures unplaced, as published \(published.unplaced)")
    }

    /// A unit statement on the title's line says the table's unit (and is not the unit's name).
    @Test func aUnitOnTheTitlesLineIsTheTablesUnit() throws {
        let text = """
            2025年部门“三公”经费和机关运行经费预算表            单位：元
            编制部门：上海市某某区某某局（单位：元）
                                        “三公”经费                      机关运行经费
              合计      因公出国（境）费   公务用车购置及运行费    公务接待费
                                               小计   购置费  运行费
            12,000.00        0.00     10,000.00  0.00  10,000.00   2,000.00     50,000.00
            """
        let result = try DocumentImporter.read(text, path: "/tmp/unit-on-title.txt")
        let total = result.items.first { $0.table == .threePublic && $0.column == .total }
        #expect(total?.amount == Amount(fen: 1_200_000))
        #expect(result.report.dept == "上海市某某区某某局")
    }

    @Test(arguments: [
        ("上海市普陀区财政局", "普陀"),
        ("重庆市万盛经济技术开发区社会保险事务中心", "万盛"),
        ("中共上海市普陀区委社会工作部", "普陀"),
        ("江苏省人民检察院", "江苏"),
        ("上海市财政局", "上海"),
        ("苏州市人民检察院", "苏州"),
        ("江苏省苏州市吴中区财政局", "吴中"),
        ("江苏省沭阳县教育局", "沭阳"),
        ("昆山市财政局", "昆山"),
        ("市场监督管理局", ""),
        ("上海市漕河泾新兴技术开发区管理委员会", "漕河泾新兴技术"),
        ("重庆高新技术产业开发区管理委员会", "重庆"),
    ])
    func theDistrictComesFromTheUnitsName(_ dept: String, _ district: String) {
        #expect(DistrictName.of(dept: dept) == district)
    }

    /// A cover that names the unit after a prefix gives the department where no 编制部门
    /// line stands beside the tables; the unit's own name before its department's.
    @Test func aCoverNamesTheUnit() {
        let lines = ["上海市某区2025年区级单位预算", "预算主管部门：上海市某区民政局", "预算单位：上海市某区社会福利院", "目录"]
            .enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element, cells: [$0.element]) }
        #expect(DocumentImporter.departmentName(lines, []) == "上海市某区社会福利院")
        #expect(DocumentImporter.departmentName(Array(lines.prefix(2)) + [lines[3]], []) == "上海市某区民政局")
    }
}

/// A table tally does not read is named in `--report` with the rows of figures it prints, so
/// a user knows what was passed over; a title that only numbers the next (公开01表) is not.
struct TablesNotReadTests {
    @Test func aTableNotReadIsNamedWithItsRows() throws {
        let path = CorpusImportTests.corpus.appendingPathComponent("text/sh_putuo_fin_2025_dept.txt").path
        let published = try String(contentsOfFile: path, encoding: .utf8)
        let extra = "\n\u{0C}                     2025年部门项目支出预算明细表\n"
            + "    项目名称                         合计          财政拨款\n"
            + "    信息系统运维                 1,200.00        1,200.00\n"
            + "    专项审计                       340.50          340.50\n"
        let report = try DocumentImporter.read(published + extra, path: "/tmp/not-read.txt").report
        let notRead = try #require(report.notRead)
        #expect(notRead.map(\.title) == ["2025年部门项目支出预算明细表"] && notRead.map(\.rows) == [2])
        #expect(ImportReportRenderer.render(report).contains("tables not read (1): 2025年部门项目支出预算明细表 (line "))
        // As published: nothing passed over.
        #expect(try DocumentImporter.read(published, path: path).report.notRead?.isEmpty == true)
        // Jiangsu's 公开NN表 lines number the tables that follow them.
        let js = CorpusImportTests.corpus.appendingPathComponent("text/js_procuratorate_2019_dept.txt").path
        #expect(try InputFile.read(path: js).report?.notRead?.isEmpty == true)
    }
}

/// A table whose unit statement a converter lost, or a department left off, is in the unit
/// its document's other tables state: each corpus text with one table's `单位：…` removed
/// reads as published (never 元 read as 万元).
struct UnstatedUnitTests {
    @Test(arguments: TitleDecorationTests.stems)
    func aTableThatStatesNoUnitTakesItsDocumentsUnit(_ stem: String) throws {
        let lines = TitleDecorationTests.lines(stem)
        let pattern = #"单位[：:]\s*(万元|元)"#
        let units = lines.enumerated().compactMap { n, line -> (Int, String)? in
            guard let r = line.range(of: pattern, options: .regularExpression) else { return nil }
            return (n, line[r].contains("万元") ? "万元" : "元")
        }
        try #require(units.count >= 3, "\(stem): \(units.count) unit statements")
        let counts = Dictionary(grouping: units, by: \.1).mapValues(\.count)
        let prevailing = try #require(counts.max { $0.value < $1.value }?.key)
        let (n, _) = try #require(units.dropFirst().first { $0.1 == prevailing })
        var dressed = lines
        dressed[n] = dressed[n].replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        let published = try TitleDecorationTests.read(lines.joined(separator: "\n"), stem)
        let read = try TitleDecorationTests.read(dressed.joined(separator: "\n"), stem)
        let changed = published.items.filter { read.items[$0.key] != $0.value }.map(\.key)
        #expect(changed.isEmpty && read.items.count == published.items.count,
                "\(stem) without the unit on line \(n + 1): \(changed.count) items changed, e.g. \(changed.prefix(3))")
    }
}

/// Titles as each region's template words them: the table each names, and the header words
/// of columns the national template prints.
struct TemplateWordingTests {
    @Test(arguments: [
        ("2025年部门收支总表", TableID?.some(.summary)), ("部门收入总表", .income), ("部门支出总表", .expenditure),
        ("财政拨款收支总表", .fiscalSummary), ("一般公共预算支出表", .gpbExpenditure),
        // The national template's 基本支出 table, however its title is completed.
        ("一般公共预算基本支出表", .basicEcon), ("一般公共预算财政拨款基本支出表", .basicEcon), ("2025年一般公共预算基本支出情况表", .basicEcon),
        ("一般公共预算基本支出明细表", .basicEcon), ("一般公共预算基本支出预算表", .basicEcon), ("一般公共预算财政拨款基本支出决算表", .basicEcon),
        ("一般公共预算“三公”经费支出表", .threePublic), ("政府性基金预算支出表", .govFund),
        ("一般公共预算项目支出预算表", .projectEcon),
        // Named without 总, and for a 预算单位.
        ("部门收入预算表", .income), ("单位收入预算表", .income), ("部门支出预算表", .expenditure), ("单位支出预算表", .expenditure),
        ("财政拨款收入预算表", nil as TableID?), ("一般公共预算支出预算表", .gpbExpenditure), ("政府性基金预算支出预算表", .govFund),
        // The 5xx classification, however the title words it.
        ("一般公共预算基本支出预算表（按政府预算经济分类）", .basicGovEcon), ("一般公共预算基本支出表（政府经济分类）", .basicGovEcon),
        ("一般公共预算基本支出预算表（按政府预算支出经济分类）", .basicGovEcon), ("一般公共预算基本支出预算表（按部门预算支出经济分类）", .basicEcon),
    ])
    func aTitleNamesItsTable(_ title: String, _ table: TableID?) {
        #expect(TableTitle.recognise(title)?.table == table, "\(title)")
    }

    /// A list of projects is a table tally does not read (it ends the table before it), never
    /// the function table it would count twice.
    @Test(arguments: ["一般公共预算项目支出表", "2025年项目支出情况表", "一般公共预算财政拨款项目支出决算表"])
    func aProjectListIsNotReadAsATable(_ title: String) {
        #expect(TableTitle.recognise(title) == nil && TableTitle.isOtherTitle(title), "\(title)")
    }

    @Test(arguments: [
        ("事业单位经营支出", ColumnID.operatingExp), ("事业单位经营收入", .operating), ("上缴上级支出", .superiorExp),
        ("对附属单位补助支出", .affiliatedExp), ("基本支出", .basic), ("项目支出", .project),
    ])
    func aHeaderNamesItsColumn(_ header: String, _ column: ColumnID) {
        #expect(HeaderColumns.column(for: header) == column)
    }
}
