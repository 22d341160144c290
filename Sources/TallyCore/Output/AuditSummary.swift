/// An audit of many documents on a terminal: one line per document (its label, doc id and
/// findings counted by severity), then only the material findings, each document's under its
/// heading. Hundreds of documents' rounding and label findings listed in full would bury the
/// few that matter; the counts keep every finding in sight (an explained or insufficient one is
/// never silently passed), and `audit where label=…` lists one document's in full.
struct AuditedDocument: Sendable, Equatable {
    /// The doc id (the `doc` field).
    var doc: String
    /// The document's `label` (e.g. 北碚2025); empty if its line items carry none.
    var label: String
}

enum AuditSummary {
    /// More clean documents than this are one line (a whole province), not one line each.
    static let cleanListed = 10

    /// "1 material, 4 explained": the findings counted by severity, most serious first.
    static func counts(_ findings: [Finding]) -> String {
        let parts = Finding.Severity.allCases.compactMap { s -> String? in
            let n = findings.count { $0.severity == s }
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        return parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
    }

    /// A document's findings are listed under its doc id with its label beside it.
    static func heading(_ d: AuditedDocument) -> String {
        TerminalText.escaped(d.doc) + (d.label.isEmpty ? "" : " (\(TerminalText.escaped(d.label)))")
    }

    static func mark(_ failed: Bool, color: Bool) -> String { ReconcileOutput.verdict(passed: !failed, color: color) }

    /// One row per document: result, label, doc, findings by severity (clean documents left
    /// out when there are more than `cleanListed` of them).
    static func table(_ docs: [AuditedDocument], byDoc: [String: [Finding]]) -> ResultTable {
        let listClean = docs.count { byDoc[$0.doc] == nil } <= cleanListed
        let rows = docs.compactMap { d -> [ResultTable.Cell]? in
            let mine = byDoc[d.doc] ?? []
            if mine.isEmpty && !listClean { return nil }
            let failed = mine.contains { $0.severity == .material }
            return [.text(failed ? "FAIL" : "PASS"), .text(d.label), .text(d.doc), .text(counts(mine))]
        }
        return ResultTable(columns: [.init("result", .text), .init("label", .text), .init("doc", .text), .init("findings", .text)],
                           rows: rows)
    }

    /// The summary, then each document's material findings (table and markdown formats).
    static func render(_ findings: [Finding], docs: [AuditedDocument], format: OutputFormat, unit: DisplayUnit, color: Bool) -> String {
        let byDoc = Dictionary(grouping: findings, by: \.doc)
        let failing = docs.filter { byDoc[$0.doc]?.contains { $0.severity == .material } == true }
        let clean = docs.count { byDoc[$0.doc] == nil }
        var out = mark(!failing.isEmpty, color: color) + "  \(thousands(docs.count)) documents audited: "
            + (failing.isEmpty ? "none" : thousands(failing.count)) + " with material findings\n"
        out += format.render(table(docs, byDoc: byDoc), unit: unit)
        if clean > cleanListed {
            out += mark(false, color: color) + "  \(thousands(clean)) \(clean == docs.count ? "" : "other ")documents: no findings\n"
        }
        for d in failing {
            let material = (byDoc[d.doc] ?? []).filter { $0.severity == .material }
            out += mark(true, color: color) + "  \(heading(d)): \(counts(material))\n"
            out += format.render(ReconcileOutput.findingsTable(material, withDoc: false, pageAlways: false), unit: unit)
        }
        if findings.contains(where: { $0.severity != .material }) {
            out += "every finding of one document: audit where label=…\n"
        }
        return out
    }
}

private func thousands(_ n: Int) -> String { groupedThousands(String(n)) }
