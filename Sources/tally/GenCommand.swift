import ArgumentParser
import TallyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tally gen N`: synthetic line items for benchmarks and reconciliation tests (issue 6).
struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write N synthetic line items as line-item TSV to standard output.",
        discussion: """
            About 40 districts × 60 departments × 8 years, real function and economic code trees,
            every parent the sum of its children and total = basic + project (personnel + public).
            The same seed writes the same file. --corrupt K changes K figures and lists them on
            standard error; `audit tree` and `audit rows` find each of them and nothing else.

              tally gen 1000000 --shuffle > items.tsv
            """)

    @Argument(help: "How many line items to write.")
    var count: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Flag(help: "Write the rows in random order.")
    var shuffle = false

    @Option(help: "Change this many figures so that they no longer add up.")
    var corrupt = 0

    func validate() throws {
        guard count >= 0 else { throw ValidationError("N must be 0 or more") }
        guard count <= Generator.maxCount else {
            throw ValidationError("N must be at most 100,000,000: gen holds the items in memory to shuffle and corrupt them; run it several times with different --seed values for more")
        }
        guard corrupt >= 0 else { throw ValidationError("--corrupt must be 0 or more") }
    }

    func run() throws {
        let options = Generator.Options(count: count, seed: seed, shuffle: shuffle, corrupt: corrupt)
        do {
            let planted = try Generator.generate(options) { chunk in
                var offset = 0
                while offset < chunk.count {
                    let n = Glibc.write(STDOUT_FILENO, chunk.baseAddress! + offset, chunk.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        // A closed pipe: nobody is reading, nothing to say. Anything else
                        // (a full disk, a closed stream) is said: every write is checked.
                        if errno != EPIPE { StandardStreams.err("error: cannot write the line items: \(String(cString: strerror(errno)))\n") }
                        Glibc.exit(2)
                    }
                    offset += n
                }
            }
            for p in planted { StandardStreams.err("planted\t\(p)\n") }
        } catch .tooManyCorruptions(let available) {
            StandardStreams.err("error: --corrupt \(corrupt): only \(available) documents to corrupt at N=\(count)\n")
            Glibc.exit(2)
        } catch .tooMany(let limit) {
            StandardStreams.err("error: N must be at most \(limit)\n")
            Glibc.exit(2)
        }
    }
}
