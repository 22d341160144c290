import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long load shows that it is under way (§4): after half a second, the file, its size and
/// the seconds so far, redrawn in place on the terminal and erased when the load ends. Short
/// loads print nothing; the front end passes a writer only when stderr is a terminal.
///
/// The display runs on a thread of its own, not a Dispatch queue: the loader keeps both
/// cores' queue threads busy, and a ticker queued behind them would never tick.
final class LoadProgress: Sendable {
    /// Files smaller than this load in well under a second.
    static let minimumBytes = 16 << 20

    private let done = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)
    private let label: String
    private let after: Double
    private let started: Timing.Mark
    private let write: @Sendable (String) -> Void

    /// `after`: seconds before anything is shown (a quick load shows nothing).
    init?(path: String, after: Double = 0.5, write: @escaping @Sendable (String) -> Void) {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) >= Self.minimumBytes else { return nil }
        label = "loading \(path) (\(Self.size(Int(info.st_size))))"
        self.after = after
        self.write = write
        started = Timing.now()
        var thread = pthread_t()
        let me = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { raw in
            let progress = Unmanaged<LoadProgress>.fromOpaque(raw!).takeRetainedValue()
            progress.run()
            return nil
        }, me)
        guard created == 0 else {
            Unmanaged<LoadProgress>.fromOpaque(me).release()
            return nil
        }
        pthread_detach(thread)
    }

    private func run() {
        var shown = false
        while !done.load(ordering: .acquiring) {
            usleep(100_000)
            let seconds = Timing.since(started).real
            if seconds >= after && !done.load(ordering: .acquiring) {
                let tenths = Int(seconds * 10)
                write("\r\(label) … \(tenths / 10).\(tenths % 10) s")
                shown = true
            }
        }
        if shown { write("\r\u{1B}[K") }
        stopped.store(true, ordering: .releasing)
    }

    /// Ends the display, and waits for it to be erased so nothing else is drawn over it.
    func finish() {
        done.store(true, ordering: .releasing)
        while !stopped.load(ordering: .acquiring) { usleep(1_000) }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30
            ? "\(bytes / (1 << 30)).\((bytes % (1 << 30)) * 10 / (1 << 30)) GB"
            : "\(bytes >> 20) MB"
    }
}
