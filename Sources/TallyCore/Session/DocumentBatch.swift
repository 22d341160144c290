import Dispatch
import Synchronization

/// Reading many files at once (§4, §6): `tally DIR` or several files are read on both cores,
/// each file whole by one core, with a progress line on a terminal; the session then adds
/// them in order, so the result is the same as reading them one by one.
enum DocumentBatch {
    typealias Read = Result<InputFile.Loaded, DiagnosticList>

    /// One file; Ctrl-C (`cancel`) stops a long read and leaves nothing half added.
    static func read(_ path: String, cancel: Cancellation) -> Read {
        if let refusal = Session.deviceRefusal(path) { return .failure(DiagnosticList([refusal])) }
        // withValue rethrows untyped: the result carries the typed error out instead.
        return Cancellation.$duringLoad.withValue(cancel) {
            do throws(DiagnosticList) { return .success(try InputFile.read(path: path)) } catch { return .failure(error) }
        }
    }

    /// Every file, two at a time; `progress` hears how many are done.
    static func read(_ paths: [String], cancel: Cancellation, progress: (@Sendable (LoadEvent) -> Void)?) -> [Read] {
        let results = Mutex<[Read?]>(Array(repeating: nil, count: paths.count))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let lanes = min(2, paths.count)
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < paths.count else { return }
                let read: Read = cancel.isCancelled() ? .failure(DiagnosticList([Cancellation.cancelledError])) : read(paths[i], cancel: cancel)
                results.withLock { $0[i] = read }
                let finished = done.add(1, ordering: .relaxed).newValue
                progress?(.read(done: finished, count: paths.count, path: paths[i]))
            }
        }
        progress?(.batchRead)
        return results.withLock { $0.map { $0 ?? .failure(DiagnosticList([Cancellation.cancelledError])) } }
    }
}
