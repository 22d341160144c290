/// What a load tells the front end while it runs (§4), for it to show: the engine draws
/// nothing itself. `Session.progress` hears these only where the front end asks (a terminal).
public enum LoadEvent: Sendable, Equatable {
    /// One file starts loading …
    case started(path: String)
    /// … and has ended, loaded or not.
    case finished(path: String)
    /// Of a batch of files read on both cores, `done` of `count` are read, the last `path`.
    case read(done: Int, count: Int, path: String)
    /// The whole batch is read.
    case batchRead
}
