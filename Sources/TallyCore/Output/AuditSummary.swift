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
    /// The audit's findings on this document, in the audit's order. Attached once by doc id:
    /// looking 19,000 Chinese doc names up in a String-keyed dictionary (NFC hashing) was a
    /// sixth of `audit tree` at 1M line items.
    var findings: [Finding] = []
}

/// The documents an audit covered, in the order it lists them: every one with findings, and
/// the clean ones too where there are at most `AuditSummary.cleanListed` of them; past that
/// the clean ones are only counted (and never made into values: a whole province's clean
/// documents, one String each, were an eighth of `audit rows` at 1M line items).
struct AuditedDocuments: Sendable, Equatable {
    var listed: [AuditedDocument]
    var cleanNotListed: Int

    /// How many documents the audit covered.
    var count: Int { listed.count + cleanNotListed }

    /// The documents `ids` (in listing order), `hasFindings` telling which have any and
    /// `document` making the value of one that is listed.
    init(_ ids: [Int], hasFindings: (Int) -> Bool, document: (Int) -> AuditedDocument) {
        let clean = ids.count { !hasFindings($0) }
        if clean <= AuditSummary.cleanListed {
            listed = ids.map(document)
            cleanNotListed = 0
        } else {
            listed = ids.filter(hasFindings).map(document)
            cleanNotListed = clean
        }
    }

    /// Every document given, listed by the same rule.
    init(_ docs: [AuditedDocument]) {
        self.init(Array(docs.indices), hasFindings: { !docs[$0].findings.isEmpty }, document: { docs[$0] })
    }
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

    /// One row per document listed: result, label, doc, findings by severity.
    static func table(_ docs: [AuditedDocument]) -> ResultTable {
        let rows = docs.map { d -> [ResultTable.Cell] in
            let failed = d.findings.contains { $0.severity == .material }
            return [.text(failed ? "FAIL" : "PASS"), .text(d.label), .text(d.doc), .text(counts(d.findings))]
        }
        return ResultTable(columns: [.init("result", .text), .init("label", .text), .init("doc", .text), .init("findings", .text)],
                           rows: rows)
    }

    /// The summary, then each document's material findings (table and markdown formats).
    static func render(_ docs: AuditedDocuments, format: OutputFormat, unit: DisplayUnit, color: Bool) -> String {
        let failing = docs.listed.filter { $0.findings.contains { $0.severity == .material } }
        let clean = docs.cleanNotListed
        var out = mark(!failing.isEmpty, color: color) + "  \(thousands(docs.count)) documents audited: "
            + (failing.isEmpty ? "none" : thousands(failing.count)) + " with material findings\n"
        out += format.render(table(docs.listed), unit: unit)
        if clean > 0 {
            out += mark(false, color: color) + "  \(thousands(clean)) \(clean == docs.count ? "" : "other ")documents: no findings\n"
        }
        for d in failing {
            let material = d.findings.filter { $0.severity == .material }
            out += mark(true, color: color) + "  \(heading(d)): \(counts(material))\n"
            out += format.render(ReconcileOutput.findingsTable(material, withDoc: false, pageAlways: false), unit: unit)
        }
        if docs.listed.contains(where: { $0.findings.contains { $0.severity != .material } }) {
            out += "every finding of one document: audit where label=…\n"
        }
        return out
    }
}

private func thousands(_ n: Int) -> String { groupedThousands(String(n)) }
