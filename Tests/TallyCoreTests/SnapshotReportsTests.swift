import Foundation
import Testing
@testable import TallyCore

/// Issues 15–16: a snapshot keeps the documents' import reports, so `audit` and `--report` on
/// the reopened snapshot say exactly what they say on the documents.
struct SnapshotReportsTests {
    static let shared = Fixtures.seeds.deletingLastPathComponent()

    /// The files of a folder ending in `suffix` (a converted text's `.raw.txt` left out), by name.
    static func files(_ folder: String, _ suffix: String) -> [String] {
        let dir = shared.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) && !$0.hasSuffix(".raw.txt") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    static let documentSets: [String: [String]] = [
        "seeds": files("seeds", ".txt"), "corpus text": files("corpus/text", ".txt"), "corpus pdf": files("corpus/pdf", ".pdf"),
    ]

    /// What a session says to `audit` (tsv) and what `--report` prints for it.
    static func answers(_ session: Session, _ out: () -> String) -> (audit: String, report: String) {
        session.runScript("audit", origin: .commandLine)
        return (out(), session.reports.map(ImportReportRenderer.render).joined())
    }

    final class Captured: @unchecked Sendable { var text = "" }

    static func session() -> (Session, Captured) {
        let out = Captured()
        return (Session(format: .tsv, out: { out.text += $0 }, err: { _ in }), out)
    }

    @Test(arguments: ["seeds", "corpus text", "corpus pdf"])
    func auditAndReportAreTheSameOnTheReopenedSnapshot(set: String) throws {
        let paths = try #require(Self.documentSets[set])
        try #require(!paths.isEmpty, "no documents in \(set)")
        let (documents, first) = Self.session()
        #expect(documents.load(paths: paths))
        let onDocuments = Self.answers(documents) { first.text }

        let path = SnapshotTests.temporaryPath("reports-\(UUID().uuidString).tally")
        defer { unlink(path) }
        documents.run(".save \(path)", origin: .commandLine)
        let (reopened, second) = Self.session()
        #expect(reopened.load(path: path))
        let onSnapshot = Self.answers(reopened) { second.text }

        #expect(onDocuments.audit.count > 100)
        #expect(onSnapshot.audit == onDocuments.audit)
        #expect(onSnapshot.report == onDocuments.report)
        #expect(Snapshot.encode(reopened.reports) == Snapshot.encode(documents.reports))
        #expect(reopened.reports.map(\.doc) == documents.reports.map(\.doc))
    }

    /// Into a session that holds one of its documents already: the snapshot's copy is `doc-2`,
    /// with its own report, and every report names a document of the store (or one without items).
    @Test func aSnapshotIntoASessionHoldingItsDocumentRenamesIt() throws {
        let seeds = try #require(Self.documentSets["seeds"])
        let (documents, _) = Self.session()
        #expect(documents.load(paths: seeds))
        let path = SnapshotTests.temporaryPath("reports-into-\(UUID().uuidString).tally")
        defer { unlink(path) }
        documents.run(".save \(path)", origin: .commandLine)

        let (session, out) = Self.session()
        #expect(session.load(path: seeds[0]))
        let alone = session.reports[0].doc, aloneCount = session.store.count
        #expect(session.load(path: path))
        #expect(session.reports.count == seeds.count + 1)
        #expect(Set(session.reports.map(\.doc)).count == session.reports.count)
        #expect(session.reports.map(\.doc).contains("\(alone)-2"))
        for report in session.reports where report.itemCount > 0 {
            #expect(session.store.docs.id(of: report.doc) != nil, "\(report.doc)")
        }
        #expect(session.store.count == documents.store.count + aloneCount)
        // The renamed copy is audited as the saved one was: the same findings, under its new name.
        session.runScript("audit where doc == \"\(alone)-2\"", origin: .commandLine)
        let renamed = out.text
        let (saved, savedOut) = Self.session()
        #expect(saved.load(path: path))
        saved.runScript("audit where doc == \"\(alone)\"", origin: .commandLine)
        #expect(renamed.replacingOccurrences(of: "\(alone)-2", with: alone) == savedOut.text)
    }

    /// A snapshot remembers the files it was made from: one of them loaded after it is the same
    /// document, not loaded again (as a file loaded twice is not).
    @Test func aFileLoadedAfterItsSnapshotIsNotAddedAgain() throws {
        let seeds = try #require(Self.documentSets["seeds"])
        let (documents, _) = Self.session()
        #expect(documents.load(paths: seeds))
        let path = SnapshotTests.temporaryPath("reports-then-\(UUID().uuidString).tally")
        defer { unlink(path) }
        documents.run(".save \(path)", origin: .commandLine)
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(session.load(path: path))
        #expect(session.load(path: seeds[2]))
        #expect(session.store.count == documents.store.count && session.reports.count == seeds.count)
        #expect(err.contains("the same document as \(seeds[2]) (in \(path)) (identical content): not loaded again"), "\(err)")
    }

    /// A reports section that decodes but holds what no import gives is refused.
    @Test(arguments: [
        ("two reports for one document", "[R,R]", "two import reports for document"),
        ("a negative line", "[R]", "negative or huge line"),
        ("an unknown table", "[R]", "import reports are malformed"),
        ("not JSON", "[", "import reports are malformed"),
    ])
    func aCraftedReportsSectionIsRefused(name: String, shape: String, expected: String) throws {
        var report = ImportReport(doc: "d", path: "d.txt", layout: "text", dept: "甲", year: 2025)
        report.tables = [.init(table: .income, title: "收入总表", line: 3, items: 1)]
        var json = String(decoding: Snapshot.encode([report]), as: UTF8.self).dropFirst().dropLast()[...]
        if name == "a negative line" { json = json.replacingOccurrences(of: "\"line\":3", with: "\"line\":-3")[...] }
        if name == "an unknown table" { json = json.replacingOccurrences(of: "\"table\":2", with: "\"table\":99")[...] }
        let blob = Array(shape.replacingOccurrences(of: "R", with: String(json)).utf8)
        var crafted = try SnapshotValidationTests.good()
        let entry = crafted.entry(.reports)
        let offset = crafted.offset(.reports)
        try #require(offset + Int(crafted.u64(entry + 16)) == crafted.bytes.count, "the reports section is last")
        crafted.bytes = Array(crafted.bytes.prefix(offset)) + blob
        crafted.put64(UInt64(blob.count), at: entry + 16)
        crafted.seal()
        let message = SnapshotValidationTests.outcome(crafted.bytes)
        #expect(message.contains("not a usable tally snapshot: "), "\(name): \(message)")
        #expect(message.contains(expected), "\(name): \(message)")
    }
}
