#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.maxrows` (§4): how many rows of a long result a table or markdown shows at the prompt,
/// the rest said in one line (`… 212 more rows`). It applies only where a person reads the
/// result on the terminal; pipes, `.output` files, `-c` and `-f` get every row.
public enum RowLimit: Equatable, Sendable {
    /// The default: what fits the terminal, its height less the lines around a result.
    case screen
    case rows(Int)
    /// `.maxrows all` (or `off`, or `0`): every row.
    case unlimited

    /// `.maxrows N`, `.maxrows all|off|0`, `.maxrows auto`; nil for anything else.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .screen
        case "all", "off", "0": self = .unlimited
        default:
            guard let n = Int(argument), n > 0 else { return nil }
            self = .rows(n)
        }
    }

    /// The most rows shown of a result in `format` on a screen `height` lines high; nil
    /// when every row is shown.
    public func rows(screenHeight height: Int, format: OutputFormat) -> Int? {
        switch (self, format) {
        case (_, .csv), (_, .tsv), (_, .json), (_, .bar), (.unlimited, _): return nil
        case (.rows(let n), _): return n
        case (.screen, _):
            // Around the rows: the header (markdown adds its `|---|` line), the statement
            // typed above, the "… more rows" line and the next prompt below.
            let around = (format == .markdown ? 2 : 1) + 3
            return max(3, height - around)
        }
    }

    /// What `.maxrows` alone says.
    public func describe(screenHeight height: Int?) -> String {
        switch self {
        case .unlimited: return "all"
        case .rows(let n): return String(n)
        case .screen:
            guard let height, let rows = rows(screenHeight: height, format: .table) else {
                return "auto (at a terminal prompt, what fits the screen; here every row)"
            }
            return "auto (what fits the terminal: \(rows) rows)"
        }
    }

    /// The line after a result cut short.
    public static func moreRows(_ count: Int) -> String {
        "… \(count) more row\(count == 1 ? "" : "s") (.maxrows all shows every row)\n"
    }

    /// The height of the terminal on `fd` in lines; 24 when it does not say.
    public static func terminalHeight(_ fd: Int32) -> Int {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }
}
