#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The import reports a snapshot keeps beside its store (its `reports` section), so the audit
/// of a reopened snapshot has the documents' own evidence — remarks, empty tables' statements,
/// year-on-year and execution statements, performance targets, missing tables — as it had on
/// the documents. They are small next to the columns, so plain JSON of their Codable form.
extension Snapshot {
    static func encode(_ reports: [ImportReport]) -> [UInt8] {
        let encoder = JSONEncoder()
        // Dictionaries (a document's page of each line) in one order, so one store saves to one file.
        encoder.outputFormatting = [.sortedKeys]
        // Every field is a plain value: encoding cannot fail.
        return Array((try? encoder.encode(reports)) ?? Data("[]".utf8))
    }

    /// The reports of a `reports` section, or why they are unusable. Decoding checks every
    /// field's type and every enum's value; `unusable` then checks the values the audit does
    /// arithmetic with, so a crafted file cannot make a rule overflow.
    static func decodeReports(_ bytes: UnsafeRawBufferPointer) -> Result<[ImportReport], SnapshotReportError> {
        let reports: [ImportReport]
        do {
            reports = try JSONDecoder().decode([ImportReport].self, from: Data(bytes))
        } catch {
            return .failure(.init(what: "its import reports are malformed"))
        }
        if let what = unusable(reports) { return .failure(.init(what: what)) }
        return .success(reports)
    }

    struct SnapshotReportError: Error { var what: String }

    static func unusable(_ reports: [ImportReport]) -> String? {
        var docs = Set<String>()
        for r in reports {
            guard docs.insert(r.doc).inserted else { return "it holds two import reports for document \(r.doc)" }
            var places = r.tables.flatMap { [$0.line, $0.page] } + r.placements.map(\.line)
            places += r.remarks.flatMap { [$0.line, $0.page] } + r.changes.flatMap { [$0.line, $0.page] }
            places += r.performance.flatMap { p in [p.line, p.page] + p.figures.flatMap { [$0.line, $0.page] } + p.parts.map(\.line) }
            places += r.execution.pages.flatMap { [$0.key, $0.value] } + [r.execution.threshold?.line ?? 0]
            for s in r.execution.statements {
                places += [s.final.line, s.budget?.line ?? 0, s.adjusted?.line ?? 0, s.rate?.line ?? 0, s.reason?.line ?? 0]
            }
            places += r.unplaced.compactMap { $0.origin.map { [$0.firstLine, $0.page] } }.flatMap { $0 }
            places += r.tables.map(\.items) + r.performance.compactMap(\.count)
            guard places.allSatisfy({ $0 >= 0 && $0 <= Int(Int32.max) }) else {
                return "an import report of document \(r.doc) holds a negative or huge line, page or count"
            }
            // What the importer can read: a rate of at most 6 decimals, a threshold under 1000%.
            guard r.execution.statements.allSatisfy({ ($0.rate?.decimals ?? 0) >= 0 && ($0.rate?.decimals ?? 0) <= 6 }),
                  r.execution.threshold.map({ $0.basisPoints >= 0 && $0.basisPoints < 100_000 }) ?? true
            else { return "an import report of document \(r.doc) holds a rate or threshold no document states" }
        }
        return nil
    }
}
