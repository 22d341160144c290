/// How checks and audits are shown: in a terminal table, a PASS/FAIL line over the figures
/// (findings grouped by document, material first); in csv/tsv/json, flat rows with every
/// field (§5), so a pipeline can read them.
enum ReconcileOutput {
    static func checkTable(_ outcome: CheckEvaluator.Outcome, flat: Bool) -> ResultTable {
        let valueKind: ResultTable.Kind = outcome.kind == .count ? .number : .amount
        func cell(_ v: Int64?) -> ResultTable.Cell {
            guard let v else { return .empty }
            return outcome.kind == .count ? .number(v) : .amount(Amount(fen: v))
        }
        var columns = (flat ? [ResultTable.Column("check", .text)] : [])
            + outcome.fields.map { ResultTable.Column($0, .text) }
            + [ResultTable.Column("left", valueKind), .init("right", valueKind), .init("diff", valueKind)]
        columns.append(.init("result", .text))
        // A failed grouped check names only the groups that fail.
        let shown = outcome.passed ? outcome.rows : outcome.rows.filter { !$0.passed }
        let rows = shown.map { row -> [ResultTable.Cell] in
            let diff: Int64? = row.left.flatMap { l in row.right.map { l &- $0 } }
            var cells: [ResultTable.Cell] = flat ? [.text(outcome.title)] : []
            cells += row.key.map { .text($0) }
            cells += [cell(row.left), cell(row.right), cell(diff)]
            let note = row.left == nil ? " (only on the right)" : (row.right == nil ? " (only on the left)" : "")
            cells.append(.text((row.passed ? "PASS" : "FAIL") + note))
            return cells
        }
        return ResultTable(columns: columns, rows: rows)
    }

    static func render(_ outcome: CheckEvaluator.Outcome, format: OutputFormat, unit: DisplayUnit, color: Bool) -> String {
        switch format {
        case .table, .markdown:
            let verdict = outcome.passed ? "PASS" : "FAIL"
            let painted = color ? "\u{1B}[\(outcome.passed ? "32" : "31")m\(verdict)\u{1B}[0m" : verdict
            var table = checkTable(outcome, flat: false)
            if !outcome.isGrouped {
                // One comparison: the verdict is in the heading already.
                table.columns.removeLast()
                table.rows = table.rows.map { Array($0.dropLast()) }
            }
            var heading = painted + "  " + TerminalText.escaped(outcome.title)
            if outcome.isGrouped {
                let failing = outcome.rows.filter { !$0.passed }.count
                heading += failing == 0 ? "  (\(outcome.rows.count) groups)" : "  (\(failing) of \(outcome.rows.count) groups \(failing == 1 ? "fails" : "fail"))"
            }
            return heading + "\n" + format.render(table, unit: unit)
        default:
            return format.render(checkTable(outcome, flat: true), unit: unit)
        }
    }

    static let findingColumns = ["doc", "rule", "severity", "table", "code", "column", "expected", "actual", "diff", "page", "lines", "message"]

    /// The findings as rows of `findingColumns`; a terminal's table leaves out `doc` when
    /// it is in the heading (`withDoc` false) and `page` when no finding has one (text input).
    static func findingsTable(_ findings: [Finding], withDoc: Bool, pageAlways: Bool = true) -> ResultTable {
        let withPage = pageAlways || findings.contains { !$0.pages.isEmpty }
        let shown = findingColumns.filter { ($0 != "doc" || withDoc) && ($0 != "page" || withPage) }
        let columns: [ResultTable.Column] = shown.map { name in
            ResultTable.Column(name, ["expected", "actual", "diff"].contains(name) ? .amount : .text)
        }
        func list(_ numbers: [Int]) -> ResultTable.Cell { .text(numbers.map(String.init).joined(separator: ",")) }
        let rows = findings.map { f -> [ResultTable.Cell] in
            shown.map { name -> ResultTable.Cell in
                switch name {
                case "doc": .text(f.doc)
                case "rule": .text(f.rule)
                case "severity": .text(f.severity.rawValue)
                case "table": .text(f.table?.id ?? "")
                case "code": .text(f.code)
                case "column": .text(f.column?.id ?? "")
                case "expected": f.expected.map { .amount($0) } ?? .empty
                case "actual": f.actual.map { .amount($0) } ?? .empty
                case "diff": f.diff.map { .amount($0) } ?? .empty
                case "page": list(f.pages)
                case "lines": list(f.lines)
                default: .text(f.message)
                }
            }
        }
        return ResultTable(columns: columns, rows: rows)
    }

    static func render(_ findings: [Finding], docs: [String], format: OutputFormat, unit: DisplayUnit, color: Bool) -> String {
        switch format {
        case .table, .markdown:
            var out = ""
            let byDoc = Dictionary(grouping: findings, by: \.doc)
            // Thousands of clean documents (a whole province) are one line, not thousands.
            let clean = docs.filter { byDoc[$0] == nil }
            let listClean = clean.count <= 10
            for doc in docs {
                let mine = byDoc[doc] ?? []
                if mine.isEmpty && !listClean { continue }
                let counts = Finding.Severity.allCases.compactMap { s -> String? in
                    let n = mine.filter { $0.severity == s }.count
                    return n == 0 ? nil : "\(n) \(s.rawValue)"
                }
                let material = mine.contains { $0.severity == .material }
                let heading = counts.isEmpty ? "no findings" : counts.joined(separator: ", ")
                let mark = material ? "FAIL" : "PASS"
                out += (color ? "\u{1B}[\(material ? "31" : "32")m\(mark)\u{1B}[0m" : mark) + "  \(TerminalText.escaped(doc)): \(heading)\n"
                if !mine.isEmpty { out += format.render(findingsTable(mine, withDoc: false, pageAlways: false), unit: unit) }
            }
            if !listClean {
                let mark = color ? "\u{1B}[32mPASS\u{1B}[0m" : "PASS"
                out += "\(mark)  \(grouped(clean.count)) \(byDoc.isEmpty ? "" : "other ")documents: no findings\n"
            }
            return out.isEmpty ? "no documents to audit\n" : out
        default:
            return format.render(findingsTable(findings, withDoc: true), unit: unit)
        }
    }
}

/// 19135 → "19,135".
private func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}

extension CheckEvaluator.Outcome {
    var isGrouped: Bool { !fields.isEmpty }
}
