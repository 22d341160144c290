/// Reads a published budget disclosure (部门预算公开) in any of its layouts and produces its
/// line items and an import report. Knows nothing of queries.
public enum DocumentImporter {
    public struct Result: Sendable {
        public var items: [LineItem]
        public var report: ImportReport
        /// The documents that follow the first in the same file: each 单位's tables after the
        /// 部门's (DocumentParts), each a document of its own.
        public var parts: [Result] = []
    }

    /// Whether the text looks like a disclosure: it names at least two of the known tables, or
    /// one with rows of figures under it.
    /// (Titles of two tables set side by side share a line: each stretch of it between wide
    /// gaps is tried as well as the whole.)
    public static func looksLikeDisclosure(_ text: String) -> Bool {
        var found = Set<TableID>()
        // Lines of figures after a title: one table cut out of a document (a page converted
        // alone) is a disclosure too, and its report names the tables it lacks.
        var rowsOfFigures = 0
        for line in text.split(separator: "\n") {
            let whole = String(line).replacingAll("\t", with: " ")
            let stretches = String(line).replacingAll("\t", with: "   ").split(separator: /\ {3,}/)
            for piece in [whole] + (stretches.count >= 2 ? stretches.map(String.init) : []) {
                if let t = TableTitle.recognise(DocumentText.clean(piece)) { found.insert(t.table) }
            }
            if found.count >= 2 { return true }
            if !found.isEmpty, line.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter({ FigureText.isMarkedFigure(String($0)) }).count >= 2 {
                rowsOfFigures += 1
                if rowsOfFigures >= 3 { return true }
            }
        }
        return false
    }

    /// A PDF, through poppler's word boxes.
    public static func readPDF(path: String) throws(DiagnosticList) -> Result {
        let pages = try PDFWords.lines(path: path)
        let words = pages.lines
        let turned = "`pdftotext -layout FILE.pdf FILE.txt` reads turned text: load FILE.txt, or turn the pages upright"
        guard !words.isEmpty else {
            if !pages.sideways.isEmpty {
                throw DiagnosticList([.fileError("the PDF's text is set sideways (turned 90°) on every page that has text, and tally reads upright text",
                                                 file: path, help: turned)])
            }
            if let damage = pages.damage {
                throw DiagnosticList([.fileError("poppler read no text from this PDF and reports it damaged: \(damage)", file: path,
                                                 help: "the file may be incomplete or corrupted: download it again")])
            }
            throw DiagnosticList([.fileError(
                "the PDF has no text to read (a scanned document?)", file: path,
                help: "tally reads the text of a PDF; a scan needs OCR first")])
        }
        let found = GridTables.find(words)
        let lines = words.map { SourceLine(number: $0.number, text: DocumentText.clean($0.text, joinWraps: true), cells: [$0.text]) }
        var pageOfLine = [Int](repeating: 0, count: (words.map(\.number).max() ?? 0) + 1)
        for line in words { pageOfLine[line.number] = pages.sheet(line.page) }
        var result = try assemble(found.tables, lines: lines, unitNames: found.unitNames, layout: .pdf, path: path, pageOfLine: pageOfLine)
        if !pages.turned.isEmpty { result.report.turnedPages = pages.turned }
        // What the pages held that was not read is said, page by page.
        for page in pages.sideways {
            var d = Diagnostic.fileError("page \(page): its text is set sideways (turned 90°) and is not read", file: path, help: turned)
            d.origin?.page = page
            result.report.unplaced.append(d)
        }
        for (page, count) in pages.marks.sorted(by: { $0.key < $1.key }) {
            var d = Diagnostic.fileError("page \(page): \(count) characters far larger than its text (a watermark or stamp?) are not read", file: path)
            d.origin?.page = page
            result.report.unplaced.append(d)
        }
        for (page, stamps) in pages.stamps.sorted(by: { $0.key < $1.key }) {
            let list = stamps.map { "`\($0)`" }.joined(separator: ", ")
            var d = Diagnostic.fileError(
                "page \(page): \(stamps.count == 1 ? "a number" : "\(stamps.count) numbers") set in a size unlike the page's figures (a stamp or date?) not read as figures: \(list)",
                file: path)
            d.origin?.page = page
            result.report.unplaced.append(d)
        }
        result.report.notRead = found.otherTitles.map { .init(title: $0.text, line: $0.line, page: pageOfLine[$0.line], rows: $0.rows) }
        return result
    }

    public static func read(_ text: String, path: String) throws(DiagnosticList) -> Result {
        let lines = DocumentText.lines(text)
        let layout = DocumentText.layout(of: lines, text: text)
        var tables: [RawTable]
        var unitNames: [String] = []
        var notRead: [ImportReport.OtherTable] = []
        switch layout {
        case .plainText:
            throw DiagnosticList([.fileError(
                "this is plain `pdftotext` output (one cell a line): its tables cannot be rebuilt reliably, so tally does not guess at them",
                file: path, help: "load the PDF itself (`tally FILE.pdf`), or convert it with `pdftotext -layout FILE.pdf`")])
        case .tsv, .markdown: tables = TabbedTables.find(lines)
        case .pdfText: tables = SpacedTables.find(lines)
        case .layoutText, .pdf:
            let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
            let found = GridTables.find(LayoutTextWords.lines(lines, raw: raw))
            tables = found.tables
            unitNames = found.unitNames
            notRead = found.otherTitles.map { .init(title: $0.text, line: $0.line, rows: $0.rows) }
        }
        if tables.isEmpty, looksLikeDisclosure(text) {
            let titles = lines.compactMap { TableTitle.recognise($0.text)?.table.id }
            throw DiagnosticList([.fileError(
                "table titles were found (\(Array(Set(titles)).sorted().joined(separator: ", "))) but no figure under them could be read",
                file: path, help: "a table of contents alone, or a document cut short? `tally --report` shows what was found")])
        }
        var result = try assemble(tables, lines: lines, unitNames: unitNames, layout: layout, path: path)
        result.report.notRead = notRead
        return result
    }

    static func assemble(_ found: [RawTable], lines: [SourceLine], unitNames: [String], layout: Layout, path: String,
                         pageOfLine: [Int] = []) throws(DiagnosticList) -> Result
    {
        let tables = withUnits(found, lines: lines)
        let doc = LineItemFile.stem(LineItemFile.baseName(path))
        let parts = DocumentParts.split(tables)
        guard parts.count == 1 else {
            // Each part is read as a document of its own, with the lines from its first table
            // to the next part's (the first part keeps the text before its tables).
            let starts = parts.dropFirst().map { $0[0].titleLine }
            var results: [Result] = []
            for (k, part) in parts.enumerated() {
                let from = k == 0 ? Int.min : starts[k - 1]
                let to = k + 1 < parts.count ? starts[k] : Int.max
                results.append(try assembleOne(part, lines: lines.filter { $0.number >= from && $0.number < to },
                                               unitNames: part.compactMap(\.unitName), layout: layout, path: path,
                                               doc: k == 0 ? doc : "\(doc)-part\(k + 1)", pageOfLine: pageOfLine,
                                               fileYear: documentYear(tables, lines)))
            }
            var first = results.removeFirst()
            first.parts = results
            return first
        }
        return try assembleOne(tables, lines: lines, unitNames: unitNames, layout: layout, path: path, doc: doc, pageOfLine: pageOfLine)
    }

    /// `fileYear`: for a part whose own titles state no year, the year its file's do.
    static func assembleOne(_ tables: [RawTable], lines: [SourceLine], unitNames: [String], layout: Layout, path: String,
                            doc: String, pageOfLine: [Int], fileYear: Int = 0) throws(DiagnosticList) -> Result
    {
        guard !tables.isEmpty else {
            throw DiagnosticList([.fileError(
                "not a budget disclosure: no table such as 部门支出总表 or 一般公共预算财政拨款支出预算表 was found", file: path,
                help: "tally reads 部门预算公开 documents and line-item TSV/CSV files")])
        }
        let ownYear = documentYear(tables, lines)
        let year = ownYear == 0 ? fileYear : ownYear
        let dept = mostCommon(unitNames) ?? departmentName(lines, tables)
        // Final accounts when most of its tables are 决算 tables (a 决算 may quote a 预算 table).
        let isFinal = tables.filter(\.title.isFinal).count * 2 > tables.count
        var report = ImportReport(doc: doc, path: path, layout: layout.rawValue, dept: dept, year: year, isFinal: isFinal)
        let context = TableContext(doc: doc, dept: dept, district: DistrictName.of(dept: dept), year: year, path: path,
                                   isFinal: isFinal, pageOfLine: pageOfLine)
        // A first reading gives each table what the others say, to decide what one table
        // alone cannot; the second reading is the one kept.
        var firstReport = report
        var evidence: [TableID: [LineItem]] = [:]
        let first = FigurePlacer(context: context, layout: layout)
        for table in tables { evidence[table.title.table, default: []] += first.place(table, report: &firstReport) }

        var items: [LineItem] = []
        let placer = FigurePlacer(context: context, layout: layout, evidence: evidence)
        for table in tables {
            let placed = placer.place(table, report: &report)
            report.tables.append(.init(
                table: table.title.table, title: table.title.text, line: table.titleLine, items: placed.count,
                emptyStatement: placed.isEmpty ? table.emptyStatement : nil))
            items += placed
            if table.unitAssumed, !placed.isEmpty { report.unitAssumed = true }
        }

        // The text before the first table states figures of its own; performance tables
        // give project budgets (tabbed layouts only: pdf-text scrambles them).
        let firstTable = tables.map(\.titleLine).min() ?? lines.count
        let narrativeEnd = layout == .pdfText
            ? (lines.firstIndex { SpacedTables.isMarker($0.text) }.map { lines[$0].number } ?? firstTable) : firstTable
        let (narrative, changes) = NarrativeFigures.read(lines.filter { $0.number < narrativeEnd && $0.cells.count <= 2 }, context: context)
        report.changes = changes
        if !narrative.isEmpty {
            report.tables.append(.init(table: .narrative, title: "情况说明", line: narrative[0].line, items: narrative.count))
            items += narrative
        }
        if layout == .tsv || layout == .markdown {
            let projects = ProjectBudgets.find(lines, context: context, report: &report)
            if !projects.isEmpty {
                report.tables.append(.init(table: .projects, title: "项目支出绩效目标表", line: projects[0].line, items: projects.count))
                items += projects
            }
        }
        guard !items.isEmpty else {
            let found = report.tables.map(\.table.id).joined(separator: ", ")
            throw DiagnosticList([.fileError(
                "tables were found (\(found)) but no figure in them could be read", file: path,
                help: report.unplaced.isEmpty ? "run `tally --report` on it to see what was found" : report.unplaced.prefix(3).map { DiagnosticRenderer().render($0) }.joined(separator: "\n"))])
        }
        // A PDF's tables and problems say their page too.
        for i in report.tables.indices where report.tables[i].line > 0 && report.tables[i].line < pageOfLine.count {
            report.tables[i].page = pageOfLine[report.tables[i].line]
        }
        func paged(_ d: Diagnostic) -> Diagnostic {
            guard let line = d.origin?.firstLine, line > 0, line < pageOfLine.count else { return d }
            var d = d
            d.origin?.page = pageOfLine[line]
            return d
        }
        report.unplaced = report.unplaced.map(paged)
        report.notAmounts = report.notAmounts?.map(paged)
        let present = Set(report.tables.map(\.table))
        report.missing = Vocabulary.requiredTables.filter { !present.contains($0) }
        report.remarks = DocumentRemarks.find(lines, pageOfLine: pageOfLine)
        report.performance = PerformanceStatements.find(lines, pageOfLine: pageOfLine)
        if isFinal { report.execution = ExecutionStatements.find(lines, pageOfLine: pageOfLine) }
        return Result(items: items, report: report)
    }

    /// A table that states no unit is in the unit most of its document's tables state (the
    /// first stated where as many state each): a unit line lost in conversion, or a 续 page
    /// printed as a table of its own, is no reason to read 元 as 万元. Where no table states
    /// one, the unit the document states for all of them (`报表金额单位均为元`) holds; where
    /// nothing does, the tables are read in 万元 and marked `unitAssumed`, to be said.
    static func withUnits(_ tables: [RawTable], lines: [SourceLine]) -> [RawTable] {
        var counts: [UnitStatement: Int] = [:]
        var first: [UnitStatement: Int] = [:]
        var lineOf: [UnitStatement: Int] = [:]
        for (n, t) in tables.enumerated() where t.unitStated {
            let stated = t.unknownUnit.map { UnitStatement.unknown($0.word) } ?? .known(t.unit)
            counts[stated, default: 0] += 1
            if first[stated] == nil { first[stated] = n }
            if let line = t.unknownUnit?.line { lineOf[stated] = line }
        }
        var prevailing = counts.max(by: { a, b in a.value < b.value || (a.value == b.value && first[a.key]! > first[b.key]!) })?.key
        if prevailing == nil, let (line, stated) = documentUnit(lines) {
            prevailing = stated
            lineOf[stated] = line
        }
        var out = tables
        for i in out.indices where !out[i].unitStated {
            switch prevailing {
            case .known(let unit): out[i].unit = unit
            // Stated nowhere but in a unit tally does not read: as unreadable as the tables that state it.
            case .unknown(let word): out[i].unknownUnit = (lineOf[.unknown(word)]!, word)
            case nil: out[i].unitAssumed = true
            }
        }
        return out
    }

    /// The first line outside a table that states a unit (`单位：元` on a cover, `本部门公开的
    /// 预算报表金额单位均为元。` in its notes), and what it states.
    static func documentUnit(_ lines: [SourceLine]) -> (line: Int, UnitStatement)? {
        for line in lines {
            if let stated = Vocabulary.unitStatement(in: line.text) ?? Vocabulary.documentUnitStatement(in: line.text) {
                return (line.number, stated)
            }
        }
        return nil
    }

    static func mostCommon(_ names: [String]) -> String? {
        var counts: [String: Int] = [:]
        for n in names { counts[n, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    static func documentYear(_ tables: [RawTable], _ lines: [SourceLine]) -> Int {
        var counts: [Int: Int] = [:]
        for t in tables { if let y = t.title.year { counts[y, default: 0] += 1 } }
        if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) { return best.key }
        for line in lines.prefix(40) {
            if let m = line.text.replacingAll(" ", with: "").firstMatch(of: /(20\d\d)年(度)?(区级|市级|省级|县级)?(部门|单位)?(预算|决算)/) { return Int(m.output.1) ?? 0 }
        }
        for t in tables {
            for h in t.header.joined() { if let y = HeaderColumns.year(in: h) { return y } }
        }
        return 0
    }

    /// The unit's full name: a 部门全称 line, else the document's first line, else the
    /// name its table titles give.
    static func departmentName(_ lines: [SourceLine], _ tables: [RawTable]) -> String {
        for line in lines.prefix(2000) where line.text.contains(utf8: "：") {
            let t = line.text.replacingAll(" ", with: "")
            if let r = t.firstRange(of: "部门全称：") ?? t.firstRange(of: "单位名称：") {
                let name = String(t[r.upperBound...])
                if !name.isEmpty { return name }
            }
        }
        // A cover that names the unit after a prefix (预算单位：…, 预算主管部门：…): the unit's own
        // name before its department's.
        var named: [(rank: Int, name: String)] = []
        for line in lines.prefix(80) {
            let t = line.text.replacingAll(" ", with: "")
            for (rank, prefix) in Vocabulary.coverNamePrefixes.enumerated() where t.hasPrefix(prefix) {
                if let name = Vocabulary.unitName(in: t), !name.isEmpty { named.append((rank, name)) }
                break
            }
        }
        if let best = named.min(by: { $0.rank < $1.rank }) { return best.name }
        if let first = lines.first(where: { !$0.text.isEmpty }) {
            if let title = TableTitle.recognise(first.text), !title.unit.isEmpty { return title.unit }
            // A cover title may wrap before its year (中共…区委 / 社会工作部 2024 年度 / 部门决算):
            // its first lines are read together up to the year.
            let cover = lines.lazy.filter { !$0.text.isEmpty }.prefix(3).map { $0.text.replacingAll(" ", with: "") }
            var t = cover.first ?? ""
            if t.firstMatch(of: /20\d\d年/) == nil, let withYear = cover.firstIndex(where: { $0.firstMatch(of: /20\d\d年/) != nil }) {
                t = cover[...withYear].joined()
            }
            if let y = t.firstMatch(of: /20\d\d年/) { t = String(t[..<y.range.lowerBound]) }
            if t.count >= 4, t.count <= 40, t.hasSuffix("局") || t.hasSuffix("中心") || t.hasSuffix("会") || t.hasSuffix("院")
                || t.hasSuffix("所") || t.hasSuffix("办公室") || t.hasSuffix("委") || t.hasSuffix("站") || t.hasSuffix("队")
                || t.contains("区") || t.contains("县")
            {
                return t
            }
        }
        var counts: [String: Int] = [:]
        for table in tables where !table.title.unit.isEmpty { counts[table.title.unit, default: 0] += 1 }
        return counts.max { $0.value < $1.value }?.key ?? ""
    }
}

/// What every line item of one document shares.
struct TableContext {
    var doc: String
    var dept: String
    var district: String
    /// The document's own year (budget_year).
    var year: Int
    var path: String
    /// A 决算: its figures are `final` unless their column says otherwise (预算数 …).
    var isFinal = false
    /// A PDF's page of each line, by line number; empty for text.
    var pageOfLine: [Int] = []

    /// A line item of this document; `phase` nil for the document's own.
    func item(_ table: TableID, code: String, name: String, column: ColumnID, year: Int? = nil, phase: Phase? = nil,
              amount: Amount, line: Int) -> LineItem
    {
        LineItem(doc: doc, district: district, dept: dept, year: year ?? self.year, budgetYear: self.year,
                 phase: phase ?? (isFinal ? .final : .budget), table: table, code: code, name: name, column: column,
                 amount: amount, line: line, page: line >= 0 && line < pageOfLine.count ? pageOfLine[line] : 0)
    }
}
