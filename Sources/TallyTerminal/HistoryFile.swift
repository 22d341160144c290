import TallyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's history across runs: one statement a line in a file only its owner can read
/// (0600, in a 0700 directory). Each statement is appended with a single `write` on an
/// `O_APPEND` descriptor, so two sessions at once interleave lines instead of overwriting
/// each other's, as a whole-file save would.
public struct HistoryFile {
    public let path: String
    /// Past this many statements the file is cut back to the newest ones when opened.
    public var limit: Int

    public init(path: String, limit: Int = 2000) {
        self.path = path
        self.limit = limit
    }

    /// `$XDG_STATE_HOME/tally/history`, else `~/.local/state/tally/history`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/tally/history"
        }
        guard let home = environment["HOME"] ?? passwordHome(), !home.isEmpty else { return nil }
        return home + "/.local/state/tally/history"
    }

    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }

    /// Why the history file cannot be used, or nil: it is never followed through a symbolic
    /// link (§4), which would append statements to, and chmod, whatever the link names.
    public func refusal() -> Diagnostic? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }  // not there yet: created on first use
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK:
            return Diagnostic(.warning, "history not kept: the history file is a symbolic link, which tally does not follow",
                              origin: SourceOrigin(name: path), help: "remove the link to keep history there again")
        default:
            return Diagnostic(.warning, "history not kept: the history file is not a regular file", origin: SourceOrigin(name: path))
        }
    }

    /// The statements saved so far, oldest first. Trims the file when it has grown past the limit.
    public func load() -> [String] {
        guard refusal() == nil, let bytes = try? readWhole() else { return [] }
        var entries = bytes.split(separator: UInt8(ascii: "\n")).map { Self.decode(Array($0)) }
        if entries.count > limit {
            entries = Array(entries.suffix(limit))
            rewrite(entries)
        }
        return entries
    }

    /// Adds one statement to the end of the file, creating the file and its directory.
    @discardableResult
    public func append(_ statement: String) -> Bool { appendChecked(statement) == nil }

    /// As `append`, saying why a statement could not be kept: a link in the file's place is
    /// refused (O_NOFOLLOW), and a short or failed write is a failure, not a quiet loss.
    public func appendChecked(_ statement: String) -> Diagnostic? {
        func failure(_ why: String) -> Diagnostic {
            Diagnostic(.warning, "history not kept: \(why)", origin: SourceOrigin(name: path))
        }
        guard !statement.isEmpty else { return nil }
        guard makeDirectory() else { return failure("cannot create its folder: \(String(cString: strerror(errno)))") }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP, let refusal = refusal() { return refusal }
            return failure(String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return failure("the history file is not a regular file")
        }
        fchmod(fd, 0o600)
        let line = Self.encode(statement) + [UInt8(ascii: "\n")]
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let writeError = errno
        if close(fd) != 0 || written != line.count {
            return failure(written < 0 ? String(cString: strerror(writeError)) : "the disk is full (a short write)")
        }
        return nil
    }

    // MARK: - format

    /// A statement on one line: `\` and line breaks escaped.
    static func encode(_ statement: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in statement.utf8 {
            switch b {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): continue
            default: out.append(b)
            }
        }
        return out
    }

    static func decode(_ line: [UInt8]) -> String {
        var out: [UInt8] = []
        var escaped = false
        for b in line {
            if escaped {
                out.append(b == UInt8(ascii: "n") ? UInt8(ascii: "\n") : b)
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - files

    private func readWhole() throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw HistoryError() }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    /// Replaces the file with `entries` through a new file renamed over it, so a reader
    /// never sees half a file (a failure leaves the old file as it was).
    private func rewrite(_ entries: [String]) {
        guard let file = try? ReplacementFile(path: path, mode: 0o600) else { return }
        var bytes: [UInt8] = []
        for entry in entries { bytes += Self.encode(entry) + [UInt8(ascii: "\n")] }
        // A failed trim is not an error worth a statement: commit() then removes the new file and
        // the old one stays whole, so nothing is lost and the next start trims again.
        _ = bytes.withUnsafeBytes { file.write($0) }
        try? file.commit()
    }

    /// Creates each missing directory on the way to the file, readable by its owner only.
    private func makeDirectory() -> Bool {
        var prefix = path.hasPrefix("/") ? "" : "."
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        for part in parts {
            prefix += "/" + part
            var info = stat()
            if stat(prefix, &info) == 0 { continue }
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}

struct HistoryError: Error {}
