import Foundation
import Synchronization
import Testing
@testable import TallyCore

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

    @Test(arguments: [(16 << 20, "16 MB"), (1 << 30, "1.0 GB"), (1_258_291_200, "1.1 GB")])
    func sizes(_ bytes: Int, _ text: String) {
        #expect(LoadProgress.size(bytes) == text)
    }
}
