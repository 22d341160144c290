#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that tally writes (`export`, `.output`, `.save`, the history's trimming) is replaced
/// whole or not at all (§4): the bytes go to a new temporary file beside the target, every
/// write is checked, and only a complete file is renamed over the target. A full disk, a
/// quota or an I/O error leaves the target as it was and is an error, never a quiet success.
///
/// The temporary is opened O_CREAT|O_EXCL|O_NOFOLLOW under a name no one can predict, so a
/// link planted beside the target is never written through, and an existing file is never
/// reused. An existing target must be a plain file: a device, a directory, a pipe or a
/// symbolic link in its place is refused, so nothing but a regular file is ever replaced.
public final class ReplacementFile {
    public let path: String
    private let temporary: String
    private var fd: Int32
    /// The first failure (strerror's words); once set, nothing more is written.
    public private(set) var failure: String?
    private static let counter = Counter()

    /// Creates the temporary file, or says why not (the diagnostic names the target).
    public init(path: String, mode: mode_t = 0o644) throws(Diagnostic) {
        self.path = path
        var info = stat()
        var keepMode = mode
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw .fileError("cannot write: it is not a regular file (a link, a folder or a device)", file: path,
                                 help: "name a new file or an existing plain file")
            }
            keepMode = info.st_mode & 0o7777
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var lastError: Int32 = 0
        for _ in 0..<16 {
            let name = folder + "." + base + ".\(getpid())-\(Self.counter.next())-\(UInt32.random(in: 0...UInt32.max)).partial"
            let opened = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, keepMode)
            if opened >= 0 {
                temporary = name
                fd = opened
                fchmod(opened, keepMode)
                return
            }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw .fileError("cannot write: \(String(cString: strerror(lastError)))", file: path,
                         help: "write to a folder you can create files in")
    }

    /// Appends bytes; false (and `failure` set) when they could not all be written.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil else { return false }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return false
            }
            done += n
        }
        return true
    }

    @discardableResult
    public func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Flushes, closes and renames the file over its target; on any failure removes it and throws.
    public func commit() throws(Diagnostic) {
        guard fd >= 0 else { return }
        if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        fd = -1
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .fileError("cannot write: \(failure)", file: path,
                             help: "free some space or choose another place; the file was left as it was")
        }
    }

    /// Gives up: the temporary is removed and the target left as it was.
    public func abandon() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(temporary)
    }

    deinit { abandon() }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        init() { pthread_mutex_init(lock, nil) }
        func next() -> Int {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            value += 1
            return value
        }
    }
}
