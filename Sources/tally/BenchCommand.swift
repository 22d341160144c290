import ArgumentParser
import TallyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tally bench`: the benchmark of issue 6 (run it from a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time loading, Q1–Q7, snapshots and memory on generated line items.",
        discussion: """
            Generates N shuffled line items (or reads --file), loads them, and prints for each core
            query the median of several runs and rows/s, plus load seconds, snapshot save/open
            seconds and resident bytes per line item. Build with -c release first:

              swift run -c release tally bench --rows 1000000
            """)

    @Option(help: "How many line items to generate.")
    var rows = 1_000_000

    @Option(help: "Benchmark this line-item TSV instead of generating one.")
    var file: String?

    @Option(help: "Runs of each query; the median is reported.")
    var runs = 5

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 1

    @Flag(help: "Print the table as TSV.")
    var tsv = false

    @Option(help: "Write each query's answer as CSV to this file (sections headed `## Qn`).")
    var answers: String?

    func run() throws {
        let directory = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
        var path = file ?? ""
        if file == nil {
            path = "\(directory)/tally-bench-\(getpid()).tsv"
            guard let out = fopen(path, "w") else { throw ValidationError("cannot write \(path)") }
            let started = Benchmark.seconds()
            try Generator.generate(.init(count: rows, seed: seed, shuffle: true, corrupt: min(10, rows / 1000))) { chunk in
                _ = fwrite(chunk.baseAddress, 1, chunk.count, out)
            }
            fclose(out)
            StandardStreams.err("generated \(rows) line items in \(Benchmark.seconds() - started) s\n")
        }
        defer { if file == nil { unlink(path) } }
        let snapshot = "\(directory)/tally-bench-\(getpid()).tally"
        guard let report = Benchmark.run(path: path, runs: runs, snapshotPath: snapshot, progress: { StandardStreams.err($0 + "\n") })
        else { Glibc.exit(2) }
        StandardStreams.out(Benchmark.render(report, tsv: tsv))
        if let answers {
            let text = report.answers.map { "## \($0.id)\n\($0.csv)" }.joined()
            guard let out = fopen(answers, "w") else { throw ValidationError("cannot write \(answers)") }
            fputs(text, out)
            fclose(out)
        }
    }
}
