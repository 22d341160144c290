import Foundation
import Testing
@testable import TallyCore

/// Replays the fuzzers' seed corpora and every input they ever crashed on
/// (Tests/FuzzCorpus/TARGET/regressions, kept by scripts/fuzz) through the same entry points.
struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let root = Fixtures.path("Tests/FuzzCorpus/\(target)")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { !$0.hasSuffix(".keep") && !$0.hasSuffix("/") && !$0.isEmpty }
            .map { root + "/" + $0 }
            .filter { var isDir: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue }
            .sorted()
    }

    @Test func corporaExist() {
        #expect(Self.inputs("query").count >= 5)
        #expect(Self.inputs("importer").count >= 4)
        #expect(Self.inputs("explain").count >= 5)
        #expect(Self.inputs("snapshot").count >= 2)
    }

    @Test func queryInputsEndInOutputOrDiagnostics() throws {
        let session = Session(format: .tsv, out: { _ in }, err: { _ in })
        session.loadSampleData()
        for path in Self.inputs("query") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            if text.contains(".output") || text.contains(".read") || text.contains(".load") || text.contains(".save") { continue }
            // What is checked is that each input returns: a trap or an ASan report ends the run.
            session.runScript(text, origin: .commandLine)
        }
    }

    /// `explain sql` on each input, as Fuzz/ExplainSQLTarget.swift runs it.
    @Test func explainInputsTranslateOrGiveDiagnostics() throws {
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        session.loadSampleData()
        for path in Self.inputs("explain") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            guard !text.contains("\n"), !text.contains(";") else { continue }
            out = ""
            err = ""
            session.run("explain sql " + text, origin: .commandLine)
            #expect(out.contains("-- DuckDB") || err.contains("error"), "\(path): neither SQL nor an error")
        }
    }

    /// The snapshot reader on each input, as it is and with its checksums recomputed (as the
    /// fuzzer reads it): a store that answers queries, or "not a usable tally snapshot".
    @Test func snapshotInputsLoadOrAreRefused() throws {
        for path in Self.inputs("snapshot") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            var resealed = SnapshotValidationTests.Crafted(bytes: bytes)
            if bytes.count >= SnapshotValidationTests.Crafted.headerEnd + 8 { resealed.seal() }
            for candidate in [bytes, resealed.bytes] {
                candidate.withUnsafeBufferPointer { buffer in
                    do throws(Diagnostic) {
                        let store = try Snapshot.read(buffer, path: path)
                        #expect(store.parent.allSatisfy { $0 >= -1 && Int($0) < store.count })
                        for text in ["sum by doc", "sum 2* by code", "list", "count by dept, name"] {
                            guard case .query(let query)? = try? Parser.parse(text),
                                let plan = try? Planner.plan(query, source: text, store: store) else { continue }
                            _ = try? Executor.run(plan, on: store, cancel: .never)
                        }
                    } catch {
                        #expect(error.message.contains("snapshot"), "\(path): \(error.message)")
                    }
                }
            }
        }
    }

    @Test func importerInputsEndInItemsOrDiagnostics() throws {
        for path in Self.inputs("importer") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            _ = try? LineItemFile.read(bytes, path: "fuzz.tsv")
            if let text = String(validating: bytes, as: UTF8.self) {
                do {
                    let result = try DocumentImporter.read(text, path: path)
                    #expect(result.items.allSatisfy { StoreBuilder.years.contains($0.year) || $0.year == 0 }, "\(path)")
                } catch {
                    #expect(!error.diagnostics.isEmpty)
                }
            }
        }
    }
}
