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
            + CheckEvaluator.groupColumns(outcome.fields, outcome.rows.map(\.key))
            + [ResultTable.Column("left", valueKind), .init("right", valueKind), .init("diff", valueKind)]
        columns.append(.init("result", .text))
        // A failed grouped check names only the groups that fail.
        let shown = outcome.passed ? outcome.rows : outcome.rows.filter { !$0.passed }
        let rows = shown.map { row -> [ResultTable.Cell] in
            let diff: Int64? = row.left.flatMap { l in row.right.map { l &- $0 } }
            var cells: [ResultTable.Cell] = flat ? [.text(outcome.title)] : []
            cells += row.key
            cells += [cell(row.left), cell(row.right), cell(diff)]
            let note = row.left == nil ? " (only on the right)" : (row.right == nil ? " (only on the left)" : "")
            cells.append(.text((row.passed ? "PASS" : "FAIL") + note))
            return cells
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// PASS in green or FAIL in red (plain without colour): the heading of every check and audit.
    static func verdict(passed: Bool, color: Bool) -> String {
        let word = passed ? "PASS" : "FAIL"
        return color ? "\u{1B}[\(passed ? "32" : "31")m\(word)\u{1B}[0m" : word
    }

    static func render(_ outcome: CheckEvaluator.Outcome, format: OutputFormat, unit: DisplayUnit, color: Bool) -> String {
        switch format {
        case .table, .markdown:
            let painted = verdict(passed: outcome.passed, color: color)
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

    static let findingColumns = ["doc", "label", "rule", "severity", "table", "code", "column", "expected", "actual", "diff", "page", "lines", "message"]

    /// The findings as rows of `findingColumns`, each with its document's label (`labels`: doc →
    /// label); a terminal's table leaves out `doc` and `label` when they are in the heading
    /// (`withDoc` false) and `page` when no finding has one (text input).
    static func findingsTable(_ findings: [Finding], withDoc: Bool, labels: [String: String] = [:], pageAlways: Bool = true) -> ResultTable {
        let withPage = pageAlways || findings.contains { !$0.pages.isEmpty }
        let shown = findingColumns.filter { (!["doc", "label"].contains($0) || withDoc) && ($0 != "page" || withPage) }
        let columns: [ResultTable.Column] = shown.map { name in
            ResultTable.Column(name, ["expected", "actual", "diff"].contains(name) ? .amount : .text)
        }
        func list(_ numbers: [Int]) -> ResultTable.Cell { .text(numbers.map(String.init).joined(separator: ",")) }
        let rows = findings.map { f -> [ResultTable.Cell] in
            shown.map { name -> ResultTable.Cell in
                switch name {
                case "doc": .text(f.doc)
                case "label": .text(labels[f.doc] ?? "")
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

    /// One document (or none) is listed in full as it always was; many open with a summary
    /// line each and then list only their material findings (AuditSummary.swift). csv/tsv/json
    /// stay one row per finding with the fields of §5, whatever the number of documents.
    static func render(_ findings: [Finding], docs: AuditedDocuments, format: OutputFormat, unit: DisplayUnit, color: Bool) -> String {
        switch format {
        case .table, .markdown:
            if docs.count > 1 { return AuditSummary.render(docs, format: format, unit: unit, color: color) }
            var out = ""
            for doc in docs.listed {
                let mine = doc.findings
                let material = mine.contains { $0.severity == .material }
                out += AuditSummary.mark(material, color: color) + "  \(AuditSummary.heading(doc)): \(AuditSummary.counts(mine))\n"
                if !mine.isEmpty { out += format.render(findingsTable(mine, withDoc: false, pageAlways: false), unit: unit) }
            }
            return out.isEmpty ? "no documents to audit\n" : out
        default:
            let labels = Dictionary(docs.listed.filter { !$0.findings.isEmpty }.map { ($0.doc, $0.label) }, uniquingKeysWith: { a, _ in a })
            return format.render(findingsTable(findings, withDoc: true, labels: labels), unit: unit)
        }
    }
}

extension CheckEvaluator.Outcome {
    var isGrouped: Bool { !fields.isEmpty }
}
