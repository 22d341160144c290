import Foundation
import Synchronization
import Testing
@testable import TallyCore

/// Many documents at once (§4): read on both cores but added in order, so the store is the
/// one a file-by-file load makes; a progress line while it works; a summary line per
/// document; two files with the same name get distinct doc ids.
struct FolderLoadingTests {
    static let seeds = Fixtures.seeds.path

    static func rows(_ store: LineItemStore) -> [LineItem] { (0..<store.count).map(store.item) }

    @Test func bothCoresGiveTheStoreOneByOneGives() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds).sorted().map { Self.seeds + "/" + $0 }
        let together = Session(format: .tsv, out: { _ in }, err: { _ in })
        #expect(together.load(paths: [Self.seeds]))
        let oneByOne = Session(format: .tsv, out: { _ in }, err: { _ in })
        for file in files { #expect(oneByOne.load(path: file)) }
        #expect(Self.rows(together.store) == Self.rows(oneByOne.store))
        #expect(together.reports.map(\.doc) == oneByOne.reports.map(\.doc))
    }

    @Test func aTerminalSeesProgressAndALinePerDocument() {
        let events = Mutex<[LoadEvent]>([])
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        session.progress = { event in events.withLock { $0.append(event) } }
        #expect(session.load(paths: [Self.seeds]))
        let told = events.withLock { $0 }
        // Each file's read counted, in the order they finish, then the batch's end.
        #expect(told.compactMap { if case .read(let done, 5, _) = $0 { done } else { nil } } == [1, 2, 3, 4, 5], "\(told)")
        #expect(told.last == .batchRead)
        // One note per document, naming its label and what was read.
        let notes = err.split(separator: "\n").filter { $0.contains("line items,") && $0.contains("tables") }
        #expect(notes.count == 5, "\(err)")
        #expect(notes.contains { $0.contains("北碚2025") })
    }

    @Test func filesWithTheSameNameGetDistinctDocs() throws {
        let folder = NSTemporaryDirectory() + "tally-stems-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["a", "b"] { try FileManager.default.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: Self.seeds + "/000_c097f75d2d163fee.txt", toPath: "\(folder)/a/budget.txt")
        try FileManager.default.copyItem(atPath: Self.seeds + "/004_867d4fd29c913767.txt", toPath: "\(folder)/b/budget.txt")
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(session.load(paths: ["\(folder)/a/budget.txt", "\(folder)/b/budget.txt"]), "\(err)")
        #expect(session.store.docs.values.sorted() == ["budget", "budget-2"])
        #expect(session.reports.map(\.doc) == ["budget", "budget-2"])
    }
}
