import Foundation
import Synchronization
import Testing
import TallyCore
@testable import TallyTerminal

/// A long load says it is under way, then erases what it drew; a short one says nothing.
struct LoadProgressTests {
    final class Screen: Sendable {
        let text = Mutex("")
    }

    @Test func smallFilesShowNothing() {
        #expect(LoadProgress(path: "examples/sample-items.tsv", write: { _ in }) == nil)
        #expect(LoadProgress(path: "/nonexistent", write: { _ in }) == nil)
    }

    @Test func aLongLoadIsShownThenErased() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-progress-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data(count: LoadProgress.minimumBytes))
        let screen = Screen()
        let write: @Sendable (String) -> Void = { s in screen.text.withLock { $0 += s } }
        let progress = try #require(LoadProgress(path: path, after: 0, write: write))
        // A load still going when the display starts: wait until it has drawn something.
        let deadline = Date().addingTimeInterval(10)
        while screen.text.withLock({ $0.isEmpty }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        progress.finish()
        let shown = screen.text.withLock { $0 }
        #expect(shown.hasPrefix("\rloading \(path) (16 MB) … "))
        #expect(shown.contains(" s\r"))
        #expect(shown.hasSuffix("\r\u{1B}[K"))
    }

    /// A batch's files counted in place, the name escaped for the terminal, then erased.
    @Test(arguments: [
        ([LoadEvent.read(done: 1, count: 2, path: "/d/a.txt"), .read(done: 2, count: 2, path: "/d/b.txt"), .batchRead],
         "\r\u{1B}[Kloading 1/2: a.txt\r\u{1B}[Kloading 2/2: b.txt\r\u{1B}[K"),
        ([.read(done: 1, count: 1, path: "x\u{1B}[2J.txt"), .batchRead], "\r\u{1B}[Kloading 1/1: \(TerminalText.escaped("x\u{1B}[2J.txt"))\r\u{1B}[K"),
        // A short file's start and end draw nothing.
        ([.started(path: "examples/sample-items.tsv"), .finished(path: "examples/sample-items.tsv")], ""),
    ])
    func aBatchIsCountedThenErased(_ events: [LoadEvent], _ expected: String) {
        let screen = Screen()
        let drawing = LoadDrawing(write: { s in screen.text.withLock { $0 += s } })
        for event in events { drawing.show(event) }
        let shown = screen.text.withLock { $0 }
        #expect(shown == expected)
        // A file's name never reaches the terminal as a control sequence.
        #expect(!shown.contains("\u{1B}[2J"))
    }

    /// A session loading a folder, drawn as `tally` draws it on a terminal.
    @Test func aFolderLoadIsDrawn() {
        let screen = Screen()
        let drawing = LoadDrawing(write: { s in screen.text.withLock { $0 += s } })
        let session = Session(format: .tsv, out: { _ in }, err: { _ in })
        session.progress = { drawing.show($0) }
        #expect(session.load(paths: ["../shared/seeds"]))
        let shown = screen.text.withLock { $0 }
        #expect(shown.contains("loading 5/5: "), "\(shown)")
        #expect(shown.hasSuffix("\r\u{1B}[K"))
    }

    @Test(arguments: [(16 << 20, "16 MB"), (1 << 30, "1.0 GB"), (1_258_291_200, "1.1 GB")])
    func sizes(_ bytes: Int, _ text: String) {
        #expect(LoadProgress.size(bytes) == text)
    }
}
