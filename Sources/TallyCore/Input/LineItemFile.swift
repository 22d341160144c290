/// Reads the generic line-item format (§2): a UTF-8 TSV or CSV whose header names fields
/// (at least `dept year table code column amount`; `doc`, `district`, `level`, `line` and
/// `name` are derived when absent). Amounts are decimals in 万元.
///
/// A file loads whole or not at all: any bad row fails the load with `file:line: what`.
public enum LineItemFile {
    public static let requiredFields: [Field] = [.dept, .year, .table, .code, .column, .amount]

    /// The most bad rows reported from one file before giving up on the rest.
    static let maxReported = 20

    /// Whether the text looks like a line-item file: its first line is a header of field names.
    public static func looksLikeLineItems(_ bytes: [UInt8]) -> Bool {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        guard let header = String(validating: firstLine, as: UTF8.self) else { return false }
        let names = splitHeader(Substring(header))
        return names.contains("amount") && names.contains("dept")
    }

    private static func splitHeader(_ header: Substring) -> [String] {
        let cleaned = header.hasPrefix("\u{FEFF}") ? header.dropFirst() : header
        let separator: Character = DelimitedText.format(ofHeader: cleaned) == .tsv ? "\t" : ","
        return cleaned.split(separator: separator, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: " \r\"")
        }
    }

    /// Parses `bytes` (the contents of `path`) into line items, or throws every problem found.
    public static func read(_ bytes: [UInt8], path: String) throws(DiagnosticList) -> [LineItem] {
        let file = baseName(path)
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let headerText = String(decoding: firstLine, as: UTF8.self)
        let format = DelimitedText.format(ofHeader: Substring(headerText))

        let records: [DelimitedText.Record]
        switch DelimitedText.records(bytes, format: format) {
        case .success(let r): records = r
        case .failure(.invalidUTF8(let line)):
            throw DiagnosticList([.fileError("invalid UTF-8 text", file: path, line: line, help: "save the file as UTF-8")])
        case .failure(.unterminatedQuote(let line)):
            throw DiagnosticList([.fileError("a quoted cell is never closed", file: path, line: line)])
        case .failure(.cancelled):
            throw DiagnosticList([Cancellation.cancelledError])
        case .failure(.strayQuote(let line)):
            throw DiagnosticList([.fileError("a quote inside an unquoted cell", file: path, line: line,
                                             help: "quote the whole cell and double the quotes inside it")])
        }
        guard let header = records.first else {
            throw DiagnosticList([.fileError("the file is empty; a line-item file starts with a header such as `dept\tyear\ttable\tcode\tcolumn\tamount`", file: path)])
        }

        var fieldAt: [Field?] = []
        var problems: [Diagnostic] = []
        // Capped as bad rows are: a header of ten million unknown fields is one short report.
        var headerProblems = 0
        func headerProblem(_ d: Diagnostic) {
            headerProblems += 1
            if headerProblems <= maxReported { problems.append(d) }
        }
        for name in header.cells.map({ $0.trimmingCharacters(in: " ") }) {
            if let field = Field(rawValue: name) {
                if fieldAt.contains(field) {
                    headerProblem(.fileError("field `\(name)` appears twice in the header", file: path, line: header.line))
                }
                fieldAt.append(field)
            } else {
                headerProblem(.fileError("unknown field `\(name.prefix(80))` in the header", file: path, line: header.line,
                                         help: headerProblems <= maxReported
                                             ? Suggestion.help(for: name, among: Field.names) ?? "fields are \(Field.names.joined(separator: " "))" : nil))
                fieldAt.append(nil)
            }
        }
        if headerProblems > maxReported {
            problems.append(Diagnostic(.note, "\(headerProblems - maxReported) more problems in the header not shown",
                                       origin: SourceOrigin(name: path, firstLine: header.line)))
        }
        let missing = requiredFields.filter { !fieldAt.contains($0) }
        if !missing.isEmpty {
            problems.append(.fileError("the header lacks \(missing.map { "`\($0.rawValue)`" }.joined(separator: ", "))", file: path, line: header.line,
                                       help: "a line-item file needs at least the fields dept year table code column amount"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        let docName = stem(file)
        var items: [LineItem] = []
        items.reserveCapacity(records.count)
        let cancel = Cancellation.duringLoad
        for (n, record) in records.dropFirst().enumerated() {
            if problems.count >= maxReported { break }
            if n & 0xFFF == 0xFFF, cancel.isCancelled() { throw DiagnosticList([Cancellation.cancelledError]) }
            guard record.cells.count == fieldAt.count else {
                problems.append(.fileError("\(record.cells.count) cells where the header has \(fieldAt.count)", file: path, line: record.line))
                continue
            }
            var item = LineItem(doc: docName, district: "", dept: "", year: 0, table: .expenditure, code: "", name: "",
                                column: .total, amount: Amount(fen: 0), line: record.line)
            var hasDistrict = false
            var rowOK = true
            func fail(_ message: String, help: String? = nil) {
                problems.append(.fileError(message, file: path, line: record.line, help: help))
                rowOK = false
            }
            for (index, field) in fieldAt.enumerated() {
                guard let field else { continue }
                let raw = record.cells[index]
                let value = raw.trimmingCharacters(in: " ")
                switch field {
                case .doc: item.doc = value
                case .label: item.label = value
                case .district: item.district = value; hasDistrict = !value.isEmpty
                case .dept: item.dept = value
                case .name: item.name = value
                case .code: item.code = value
                case .year:
                    if let y = Int(value), StoreBuilder.years.contains(y) { item.year = y } else {
                        fail("bad year `\(value)`", help: "a year is a whole number such as 2025")
                    }
                case .budgetYear:
                    if value.isEmpty { break }
                    if let y = Int(value), StoreBuilder.years.contains(y) { item.budgetYear = y } else {
                        fail("bad budget_year `\(value)`", help: "a year is a whole number such as 2025")
                    }
                case .phase:
                    if value.isEmpty { break }
                    if let p = Phase(named: value) { item.phase = p } else {
                        fail("unknown phase `\(value)`", help: Suggestion.help(for: value, among: Phase.allNames)
                                ?? "phases are \(Phase.allCases.map(\.id).joined(separator: " "))")
                    }
                case .page:
                    if value.isEmpty { break }
                    if let p = Int(value), p >= 0, p <= Int(UInt16.max) { item.page = p } else {
                        fail("bad page number `\(value)`")
                    }
                case .table:
                    if let t = TableID(named: value) { item.table = t } else {
                        fail("unknown table `\(value)`", help: Suggestion.help(for: value, among: TableID.allNames))
                    }
                case .column:
                    if let c = ColumnID(named: value) { item.column = c } else {
                        fail("unknown column `\(value)`", help: Suggestion.help(for: value, among: ColumnID.allNames))
                    }
                case .amount:
                    switch Amount.parse(value, unit: .wan) {
                    case .success(let a): item.amount = a
                    case .failure(let e): fail("bad amount `\(value)`: \(e.explanation)", help: "amounts are decimals in 万元, such as 2021.03")
                    }
                case .line:
                    if value.isEmpty { break }
                    if let l = Int(value), l > 0, l <= Int(UInt32.max) { item.line = l } else {
                        fail("bad line number `\(value)`")
                    }
                case .level:
                    if !value.isEmpty, Int(value) == nil { fail("bad level `\(value)`", help: "a level is 0, 1, 2 or 3") }
                }
            }
            if item.dept.isEmpty { fail("empty dept") }
            if !hasDistrict { item.district = DistrictName.of(dept: item.dept) }
            if rowOK { items.append(item) }
        }
        if !problems.isEmpty {
            if problems.count >= maxReported {
                problems.append(Diagnostic(.note, "stopped after \(maxReported) problems", origin: SourceOrigin(name: path, firstLine: 0)))
            }
            throw DiagnosticList(problems)
        }
        return items
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A file name without its extension: the `doc` of its line items.
    static func stem(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), dot > file.startIndex else { return file }
        return String(file[..<dot])
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
