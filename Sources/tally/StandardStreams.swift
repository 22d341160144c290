import TallyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and error through their file descriptors (C's `stdout` and
/// `stderr` globals are not concurrency-safe in Swift 6). Callers hand over whole results,
/// so each write is one system call or a few.
enum StandardStreams {
    /// Set when a write to standard output failed (a full disk, a closed stream): the exit
    /// status is then 2 (§4: every write is checked), and the failure is said once on stderr.
    nonisolated(unsafe) private(set) static var outputFailed = false
    /// Standard output was closed when tally started (`>&-`).
    nonisolated(unsafe) private static var outputClosed = false

    static func out(_ text: String) {
        if outputFailed { return }
        if outputClosed { return failed(EBADF) }
        if let error = write(text, to: STDOUT_FILENO) { failed(error) }
    }

    static func err(_ text: String) { _ = write(text, to: STDERR_FILENO) }

    private static func failed(_ error: Int32) {
        outputFailed = true
        // A reader that went away (`| head`) is no news to the user; anything else is.
        if error == EPIPE { return }
        let d = error == EBADF
            ? Diagnostic(.error, "cannot write results: standard output is closed",
                         help: "give tally somewhere to write, such as `> results.txt`")
            : Diagnostic(.error, "cannot write results to standard output: \(String(cString: strerror(error)))",
                         help: "free some space, or send the results somewhere else")
        err(DiagnosticRenderer(color: false).render([d]))
    }

    /// The exit status with standard output's fate counted in.
    static func exitStatus(_ status: Int32) -> Int32 { outputFailed ? 2 : status }

    /// Descriptors 0, 1 and 2 closed at start would be handed to the next file tally opens, and
    /// its results and messages would land in an exported file. Each is held on /dev/null
    /// instead; a closed standard output is remembered, so writing results to it still fails.
    static func holdClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
            if fd == STDOUT_FILENO { outputClosed = true }
        }
    }

    /// Writes all of `text`; the errno of a failure, or nil.
    static func write(_ text: String, to fd: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// Everything on standard input, as text.
    static func readAllInput() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
