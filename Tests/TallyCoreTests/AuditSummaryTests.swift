import Foundation
import Testing
@testable import TallyCore

/// `audit` over many documents (issue 15 item 4): one summary line per document, whose counts
/// are the findings the tsv lists for it, then the material findings; `audit where label=…`
/// narrows to one document, listed in full as a one-document audit always was.
struct AuditSummaryTests {
    /// A session with the five seeds loaded from their texts (so the import reports are there).
    static func seeds(_ format: OutputFormat) -> (Session, () -> String) {
        final class Buffer: @unchecked Sendable { var text = "" }
        let out = Buffer()
        let session = Session(format: format, out: { out.text += $0 }, err: { out.text += "error: " + $0 })
        for name in SeedImportTests.names {
            _ = session.load(path: Fixtures.seeds.appendingPathComponent(name + ".txt").path)
        }
        return (session, { defer { out.text = "" }; return out.text })
    }

    static func run(_ format: OutputFormat, _ scripts: [String]) -> [String] {
        let (session, take) = seeds(format)
        _ = take()
        return scripts.map { session.runScript($0, origin: .commandLine); return take() }
    }

    /// The tsv findings as (doc, severity, whole row).
    static func tsvFindings(_ tsv: String) -> [(doc: String, severity: String, row: String)] {
        tsv.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(f[0]), String(f[3]), String(line))
        }
    }

    /// The label of each seed, as its line items carry it.
    static let labels: [String: String] = {
        let (session, _) = seeds(.tsv)
        var labels: [String: String] = [:]
        for row in 0..<session.store.count {
            let doc = session.store.docs[session.store.doc[row]]
            if labels[doc] == nil { labels[doc] = session.store.labels[session.store.label[row]] }
        }
        return labels
    }()

    /// "4 explained, 2 label" → ["explained": 4, "label": 2].
    static func parseCounts(_ text: String) -> [String: Int] {
        guard text != "no findings" else { return [:] }
        var counts: [String: Int] = [:]
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ")
            if words.count == 2, let n = Int(words[0]) { counts[String(words[1])] = n }
        }
        return counts
    }

    @Test(arguments: ["audit", "audit tree", "audit names tables"])
    func oneSummaryLinePerDocumentCountsItsFindings(_ script: String) throws {
        let out = Self.run(.table, [script, ".mode tsv", script])
        let (table, tsv) = (out[0], out[2])
        let lines = table.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("result") && $0.contains("findings") })
        var seen: [String: [String: Int]] = [:]
        for line in lines[(header + 1)...] {
            let cells = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
            guard cells.count == 4, SeedImportTests.names.contains(cells[2]) else { break }
            #expect(cells[1] == Self.labels[cells[2]], "\(line)")
            #expect(seen[cells[2]] == nil, "\(cells[2]) summarised twice")
            seen[cells[2]] = Self.parseCounts(cells[3].trimmingCharacters(in: .whitespaces))
            #expect(cells[0] == (seen[cells[2]]?["material"] == nil ? "PASS" : "FAIL"), "\(line)")
        }
        #expect(Set(seen.keys) == Set(SeedImportTests.names))
        let findings = Self.tsvFindings(tsv)
        for doc in SeedImportTests.names {
            let mine = findings.filter { $0.doc == doc }
            let expected = Dictionary(grouping: mine, by: \.severity).mapValues(\.count)
            #expect(seen[doc] == expected, "\(doc)")
        }
        // Then the material findings, and only those: one table row each, under its document.
        let material = findings.filter { $0.severity == "material" }
        let materialRows = lines[(header + 1)...].filter { $0.contains("  material  ") }
        #expect(materialRows.count == material.count)
        #expect(!lines.contains { $0.contains("  rounding  ") || $0.contains("  explained  ") })
        for doc in Set(material.map(\.doc)) {
            let n = material.count { $0.doc == doc }
            #expect(table.contains("FAIL  \(doc) (\(Self.labels[doc] ?? "")): \(n) material\n"), "\(doc)")
        }
    }

    @Test(arguments: SeedImportTests.names)
    func auditWhereLabelNarrowsToThatDocument(_ doc: String) throws {
        let label = try #require(Self.labels[doc])
        #expect(!label.isEmpty)
        let out = Self.run(.tsv, ["audit", "audit where label=\(label)", ".mode table", "audit where label=\(label)"])
        let all = Self.tsvFindings(out[0]).filter { $0.doc == doc }.map(\.row)
        let narrowed = Self.tsvFindings(out[1])
        #expect(narrowed.allSatisfy { $0.doc == doc })
        #expect(narrowed.map(\.row) == all)
        // One document: listed in full, as before any summary (no summary table).
        let table = out[3]
        let counts = AuditSummary.counts(all.map { row in
            Finding(doc: doc, rule: "", severity: Finding.Severity(rawValue: String(row.split(separator: "\t", omittingEmptySubsequences: false)[3]))!,
                    table: nil, code: "", column: nil, expected: nil, actual: nil, lines: [], message: "")
        })
        // Its heading names the document by doc id and label.
        let heading = "\(doc) (\(Self.labels[doc] ?? "")): \(counts)\n"
        #expect(table.hasPrefix("PASS  " + heading) || table.hasPrefix("FAIL  " + heading), "\(table)")
        #expect(!table.contains("documents audited"))
        #expect(table.split(separator: "\n").count == 1 + (all.isEmpty ? 0 : 1 + all.count))
    }

    @Test func manyCleanDocumentsAreOneLine() {
        var docs = (0..<25).map { AuditedDocument(doc: String(format: "%03d", $0), label: "L\($0)") }
        let finding = Finding(doc: "007", rule: "tree", severity: .material, table: .income, code: "208", column: .total,
                              expected: Amount(fen: 100), actual: Amount(fen: 200), lines: [3], message: "m")
        // (The seeds have no material finding once loaded with their import reports, so the
        // material section is shown here.) Only the material finding is listed in full.
        var rounding = finding
        rounding.doc = "009"
        rounding.severity = .rounding
        rounding.message = "r"
        docs[7].findings = [finding]
        docs[9].findings = [rounding]
        let out = ReconcileOutput.render([finding, rounding], docs: AuditedDocuments(docs), format: .table, unit: .wan, color: false)
        #expect(out.contains("PASS    L9     009  1 rounding\n"))
        #expect(!out.contains(" r\n") && out.contains(" m\n"))
        #expect(out.hasSuffix("every finding of one document: audit where label=…\n"))
        #expect(out.hasPrefix("FAIL  25 documents audited: 1 with material findings\n"))
        #expect(out.contains("PASS  23 other documents: no findings\n"))
        #expect(out.contains("FAIL    L7     007  1 material\n"))
        #expect(out.contains("FAIL  007 (L7): 1 material\n"))
        #expect(!out.contains("L8") && !out.contains("009 (L9)"))
    }

    /// The terminal's folder audit of the seeds, exactly.
    @Test func folderAuditIsGolden() throws {
        let out = Self.run(.table, ["audit", "audit tree"])
        let text = ">>> audit\n" + out[0] + "\n>>> audit tree\n" + out[1]
        let path = Fixtures.path("Tests/TallyCoreTests/Golden/audit-seeds-folder.txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    /// Every flat format carries the document's label right after its doc id (§5's fields with
    /// `label` added), and a document listed in full is headed by both.
    @Test func findingsCarryTheirDocumentsLabel() throws {
        let out = Self.run(.tsv, ["audit where label=綦江2025", ".mode json", "audit where label=綦江2025", ".mode table", "audit where label=綦江2025"])
        let rows = out[0].split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ReconcileOutput.findingColumns)
        #expect(Array(ReconcileOutput.findingColumns.prefix(3)) == ["doc", "label", "rule"])
        #expect(rows.count > 1 && rows.dropFirst().allSatisfy { $0[0] == "001_4c5f2662bf6b4376" && $0[1] == "綦江2025" })
        #expect(out[2].contains(#""doc": "001_4c5f2662bf6b4376", "label": "綦江2025", "rule": "#),
                "\(out[2].prefix(300))")
        #expect(out[4].hasPrefix("PASS  001_4c5f2662bf6b4376 (綦江2025): "))
        // The table under the heading does not repeat them.
        #expect(out[4].split(separator: "\n").dropFirst().first?.hasPrefix("rule ") == true)
    }
}
