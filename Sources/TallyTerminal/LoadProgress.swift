import Synchronization
import TallyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long load shows that it is under way (§4): after half a second, the file, its size and
/// the seconds so far, redrawn in place on the terminal and erased when the load ends. Short
/// loads print nothing; `tally` draws it only when stderr is a terminal.
///
/// The display runs on a thread of its own, not a Dispatch queue: the loader keeps both
/// cores' queue threads busy, and a ticker queued behind them would never tick.
public final class LoadProgress: Sendable {
    /// Files smaller than this load in well under a second.
    static let minimumBytes = 16 << 20

    private let done = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)
    private let label: String
    private let after: Double
    private let started: ContinuousClock.Instant
    private let write: @Sendable (String) -> Void

    /// `after`: seconds before anything is shown (a quick load shows nothing).
    public init?(path: String, after: Double = 0.5, write: @escaping @Sendable (String) -> Void) {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) >= Self.minimumBytes else { return nil }
        label = "loading \(path) (\(Self.size(Int(info.st_size))))"
        self.after = after
        self.write = write
        started = .now
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
            let elapsed = started.duration(to: .now).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
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
    public func finish() {
        done.store(true, ordering: .releasing)
        while !stopped.load(ordering: .acquiring) { usleep(1_000) }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30
            ? "\(bytes / (1 << 30)).\((bytes % (1 << 30)) * 10 / (1 << 30)) GB"
            : "\(bytes >> 20) MB"
    }
}

/// What `tally` shows on a terminal while documents load (`Session.progress`): a long file's
/// progress line, and a batch's count of files read, each erased when done.
public final class LoadDrawing: Sendable {
    private let write: @Sendable (String) -> Void
    private let underWay = Mutex<LoadProgress?>(nil)

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func show(_ event: LoadEvent) {
        switch event {
        case .started(let path):
            let progress = LoadProgress(path: path, write: write)
            underWay.withLock { $0 = progress }
        case .finished:
            underWay.withLock { progress in
                progress?.finish()
                progress = nil
            }
        case .read(let done, let count, let path):
            let name = path.split(separator: "/").last.map(String.init) ?? path
            write("\r\u{1B}[Kloading \(done)/\(count): \(TerminalText.escaped(name))")
        case .batchRead:
            write("\r\u{1B}[K")
        }
    }
}
