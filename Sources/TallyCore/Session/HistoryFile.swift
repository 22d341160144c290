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

    /// The statements saved so far, oldest first. Trims the file when it has grown past the limit.
    public func load() -> [String] {
        guard let bytes = try? readWhole() else { return [] }
        var entries = bytes.split(separator: UInt8(ascii: "\n")).map { Self.decode(Array($0)) }
        if entries.count > limit {
            entries = Array(entries.suffix(limit))
            rewrite(entries)
        }
        return entries
    }

    /// Adds one statement to the end of the file, creating the file and its directory.
    @discardableResult
    public func append(_ statement: String) -> Bool {
        guard makeDirectory(), !statement.isEmpty else { return false }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let line = Self.encode(statement) + [UInt8(ascii: "\n")]
        return line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == line.count
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
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
    /// never sees half a file.
    private func rewrite(_ entries: [String]) {
        let temporary = path + ".\(getpid()).new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var bytes: [UInt8] = []
        for entry in entries { bytes += Self.encode(entry) + [UInt8(ascii: "\n")] }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written == bytes.count { rename(temporary, path) } else { unlink(temporary) }
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
