import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// tally on a pseudo-terminal, as a person at a terminal runs it: the test types keys into
/// the master side and reads back everything the program draws (escape sequences included).
/// The child gets its own session with the terminal as its controlling terminal, so Ctrl-C
/// typed here reaches it as SIGINT through the line discipline, as it would from a keyboard.
final class Terminal {
    let master: Int32
    private(set) var pid: pid_t = 0
    /// Everything read from the terminal so far.
    private(set) var screen: [UInt8] = []
    private var mark = 0
    private(set) var exitStatus: Int32?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `lines`: the terminal's height as the program asks it (TIOCGWINSZ); a fresh
    /// pseudo-terminal says 0 × 0 otherwise.
    init(arguments: [String], environment: [String: String], lines: Int? = nil) throws {
        master = PTY.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0,
              PTY.ptsname_r(master, &name, name.count) == 0 else {
            throw Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        if let lines {
            var size = winsize(ws_row: UInt16(lines), ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
            guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
                throw Failure(description: "cannot set the terminal's size: errno \(errno)")
            }
        }
        let slave = String(cString: name)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, so it becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc), not exported to Swift
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let path = TallyProcess.binary.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure(description: "posix_spawn \(path): \(status)") }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        if !hungUp { close(master) }
    }

    /// Types text as keys (`\t` Tab, `\r` Enter, `\u{03}` Ctrl-C, `\u{04}` Ctrl-D, `\u{1b}[A` Up).
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types keys once the line editor is reading them: libedit draws the prompt and only
    /// then turns the terminal's line discipline off, and a Ctrl-C or Ctrl-D that lands in
    /// between is taken by the cooked terminal, not the editor. A person never types that
    /// fast; a test must wait for it.
    func press(_ keys: String, seconds: Double = 10) {
        let deadline = Date().addingTimeInterval(seconds)
        var modes = termios()
        while Date() < deadline, tcgetattr(master, &modes) == 0, modes.c_lflag & tcflag_t(ICANON) != 0 {
            usleep(10_000)
        }
        type(keys)
    }

    /// Reads until `text` has appeared since the last thing waited for; false after `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        let wanted = Array(text.utf8)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let found = find(wanted) {
                mark = found + wanted.count
                return true
            }
            if !readSome(until: deadline) { break }
        }
        if let found = find(wanted) {
            mark = found + wanted.count
            return true
        }
        return false
    }

    /// What the program drew since the last thing waited for, as text.
    var recent: String { String(decoding: screen[min(mark, screen.count)...], as: UTF8.self) }
    var all: String { String(decoding: screen, as: UTF8.self) }

    /// Waits for the program to leave; its exit status, or nil if it is still running.
    func waitForExit(seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                // What the program wrote just before it left may still wait in the terminal's
                // buffer (seen on a loaded machine: a result cut off half-way).
                if !hungUp { drain() }
                return exitStatus
            }
            // Once hung up there is no terminal left to read what it draws.
            if hungUp { usleep(20_000) } else { _ = readSome(until: Date().addingTimeInterval(0.05)) }
        }
        return nil
    }

    /// Closes the terminal, as a window closing does, and waits for the program to leave.
    func hangUpAndWait(seconds: Double = 10) -> Int32? {
        close(master)
        hungUp = true
        return waitForExit(seconds: seconds)
    }

    private var hungUp = false

    /// Reads until the terminal has nothing more to give.
    private func drain() {
        while true {
            let before = screen.count
            guard readSome(until: Date().addingTimeInterval(0.05)), screen.count > before else { return }
        }
    }

    private func find(_ wanted: [UInt8]) -> Int? {
        guard screen.count - mark >= wanted.count else { return nil }
        var i = mark
        while i + wanted.count <= screen.count {
            if screen[i] == wanted[0] && Array(screen[i..<(i + wanted.count)]) == wanted { return i }
            i += 1
        }
        return nil
    }

    /// One read of what is there; false when the terminal has closed.
    private func readSome(until deadline: Date) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let waitMs = Int32(max(1, min(200, deadline.timeIntervalSinceNow * 1000)))
        guard poll(&poller, 1, waitMs) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        screen += buffer[0..<n]
        return true
    }
}

/// glibc declares the pseudo-terminal calls only under _XOPEN_SOURCE, which Swift's Glibc
/// module does not define, so they are looked up by name.
enum PTY {
    nonisolated(unsafe) private static let libc = dlopen(nil, RTLD_NOW)

    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(libc, name) else { fatalError("libc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname_r = function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
}
