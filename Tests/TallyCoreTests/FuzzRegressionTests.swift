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
    }

    @Test func queryInputsEndInOutputOrDiagnostics() throws {
        let session = Session(format: .tsv, out: { _ in }, err: { _ in })
        session.loadSampleData()
        for path in Self.inputs("query") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            if text.contains(".output") || text.contains(".read") || text.contains(".load") || text.contains(".save") { continue }
            session.runScript(text, origin: .commandLine)
            #expect([0, 1, 2].contains(session.exitStatus), "\(path)")
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
