#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.timer on`: wall-clock, user and system time of a statement, printed as DuckDB's and
/// SQLite's shells do: `Run Time (s): real 0.012 user 0.010000 sys 0.001000`.
struct Timing: CustomStringConvertible {
    var real: Double
    var user: Double
    var system: Double

    struct Mark: @unchecked Sendable {
        var wall: timespec
        var usage: rusage
    }

    static func now() -> Mark {
        var wall = timespec()
        clock_gettime(CLOCK_MONOTONIC, &wall)
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        return Mark(wall: wall, usage: usage)
    }

    static func since(_ start: Mark) -> Timing {
        let end = now()
        func seconds(_ t: timespec) -> Double { Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Timing(
            real: seconds(end.wall) - seconds(start.wall),
            user: seconds(end.usage.ru_utime) - seconds(start.usage.ru_utime),
            system: seconds(end.usage.ru_stime) - seconds(start.usage.ru_stime))
    }

    var description: String {
        "Run Time (s): real \(fixed(real, 3)) user \(fixed(user, 6)) sys \(fixed(system, 6))"
    }

    private func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((max(0, value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = String(scaled % Int64(scale))
        return "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}

#if canImport(Glibc)
private let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
private let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif
