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

    static func folder(_ files: [(String, String)], subfolder: Bool = false) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, source) in files {
            if source.hasPrefix("/") { try FileManager.default.copyItem(atPath: source, toPath: dir + "/" + name) }
            else { try source.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        }
        if subfolder { try FileManager.default.createDirectory(atPath: dir + "/more", withIntermediateDirectories: true) }
        return dir
    }

    /// Hundreds of downloads hold a scan or a notice among them: what a folder holds that cannot
    /// be read is passed over with a warning, and the rest are loaded and asked; files and folders
    /// tally does not read are named. A file named on its own that cannot be read stays an error.
    @Test func aFoldersUnreadableFilesArePassedOverAndNamed() throws {
        let dir = try Self.folder([("a.txt", Self.seeds + "/000_c097f75d2d163fee.txt"), ("notice.txt", "关于召开会议的通知\n请各单位准时参加。\n"),
                                   ("scan.png", "not read")], subfolder: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(session.load(paths: [dir]))
        #expect(session.reports.map(\.doc) == ["a"] && !session.hadError)
        #expect(err.contains("notice.txt: warning:"), "\(err)")
        #expect(err.contains("1 of 2 files found in folders could not be read and are not loaded (above); the rest are"))
        #expect(err.contains("passed over: 1 file tally does not read (scan.png) and 1 folder inside it (more)"))
        let alone = Session(format: .tsv, out: { _ in }, err: { _ in })
        #expect(!alone.load(path: dir + "/notice.txt") && alone.hadError)
        // A folder of which nothing can be read is an error.
        let none = try Self.folder([("notice.txt", "关于召开会议的通知\n")])
        defer { try? FileManager.default.removeItem(atPath: none) }
        let empty = Session(format: .tsv, out: { _ in }, err: { _ in })
        #expect(!empty.load(paths: [none]) && empty.hadError)
    }

    /// A PDF and its `pdftotext -layout` text side by side are one document: the same
    /// department, year and figures are loaded once; other figures under the same department,
    /// year and kind are loaded with a warning that a sum adds both.
    @Test func aPDFAndItsTextAreOneDocument() throws {
        let corpus = CorpusImportTests.corpus.path
        // The other's text with one figure retyped (办公费 110.00 → 111.00).
        let retyped = try String(contentsOfFile: corpus + "/text/js_cppcc_2019_tables.txt", encoding: .utf8)
            .replacingOccurrences(of: "办公费                       110.00", with: "办公费                       111.00")
        let dir = try Self.folder([("b.pdf", corpus + "/pdf/sh_putuo_welfare_2024_unit.pdf"), ("b.txt", corpus + "/text/sh_putuo_welfare_2024_unit.txt"),
                                   ("c.pdf", corpus + "/pdf/js_cppcc_2019_tables.pdf"), ("c.txt", retyped)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var err = ""
        let session = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(session.load(paths: [dir]))
        #expect(err.contains("b.txt: warning: the same department, year and figures as \(dir)/b.pdf: not loaded again"), "\(err)")
        // The other's text differs by a figure: two documents, said so.
        #expect(session.reports.map(\.doc) == ["b", "c", "c-2"])
        #expect(err.contains("is also 江苏省政协办公厅's 2019 预算, with other figures: a sum over both adds them"))
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

    /// The file digest reads 8 bytes at a time: any byte changed, at any place (in a word or
    /// in the tail of fewer than 8), or a byte more, gives another digest.
    @Test(arguments: [1, 7, 8, 9, 64, 1000])
    func everyByteOfAFileCountsInItsDigest(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        func digest(_ b: [UInt8]) -> UInt64 { b.withUnsafeBufferPointer(Folder.wideDigest) }
        let original = digest(bytes)
        #expect(digest(bytes) == original)
        for place in Set([0, length / 2, length - 1]) {
            var changed = bytes
            changed[place] ^= 1
            #expect(digest(changed) != original, "byte \(place) of \(length)")
        }
        #expect(digest(bytes + [0]) != original)
        #expect(digest(Array(bytes.dropLast())) != original)
    }
}
