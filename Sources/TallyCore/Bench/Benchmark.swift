#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tally bench` (issue 6): load a line-item TSV, time the core queries Q1–Q7 (median of
/// several runs), snapshot save and open, and resident memory per line item. A benchmark,
/// never a test: the figures depend on the machine.
public struct Benchmark {
    public static let queries: [(id: String, text: String)] = [
        ("Q1", "sum 2080??? where district=綦江 year=2025 by total,basic,project"),
        ("Q2", "sum 2080??? where district=綦江 year=2025 by dept, total, basic, project"),
        ("Q3", "sum 2080101 by year"),
        ("Q4", "top 10 208 where year=2025 by dept"),
        ("Q5", "count by table"),
        ("Q6", "audit tree"),
        ("Q7", "audit rows"),
    ]

    public struct Figure {
        public var id: String
        public var text: String
        public var medianSeconds: Double
        public var runs: [Double]
    }

    public struct Report {
        public var rows: Int
        public var fileBytes: Int
        public var loadSeconds: Double
        public var residentBytes: Int
        public var saveSeconds: Double
        public var openSeconds: Double
        /// Resident memory an open snapshot adds: after opening it, and after Q3 has read its
        /// code, year and amount columns (they are read where they lie in the file's mapping).
        public var openResidentBytes = 0
        public var touchedResidentBytes = 0
        public var figures: [Figure]
        /// Each query's result as CSV, to compare with another engine's.
        public var answers: [(id: String, csv: String)]
        /// The store's columns after the load, in bytes (`LineItemStore.heldBytes`).
        public var columnBytes: [(column: String, bytes: Int)] = []

        public var bytesPerItem: Double { rows == 0 ? 0 : Double(residentBytes) / Double(rows) }
    }

    public static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Resident set size of this process, in bytes (Linux; 0 elsewhere).
    public static func residentBytes() -> Int {
        #if canImport(Glibc)
        FreedMemory.giveBack()  // memory freed during the load is not the store's
        guard let bytes = try? InputFile.readBytes("/proc/self/statm") else { return 0 }
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return 0
        #endif
    }

    /// Runs the benchmark on `path`; `progress` hears about each step as it finishes.
    public static func run(path: String, runs: Int, snapshotPath: String, progress: (String) -> Void) -> Report? {
        var fileSize = stat()
        _ = stat(path, &fileSize)
        var sink = ""
        var errors = ""
        // The load is timed like the queries, median of up to three: one load alone swings by
        // half between runs of the same binary on the same file. The loads before the kept one
        // are thrown away with their sessions.
        var loadTimes: [Double] = []
        for _ in 1..<max(1, min(runs, 3)) {
            let thrownAway = Session(format: .csv, out: { _ in }, err: { _ in })
            let start = seconds()
            guard thrownAway.load(path: path) else { break }
            loadTimes.append(seconds() - start)
        }
        let session = Session(format: .csv, out: { sink += $0 }, err: { errors += $0 })
        let before = residentBytes()
        var start = seconds()
        guard session.load(path: path) else {
            progress("cannot load \(path): \(errors)")
            return nil
        }
        loadTimes.append(seconds() - start)
        let loadSeconds = loadTimes.sorted()[loadTimes.count / 2]
        let resident = residentBytes() - before
        let rows = session.store.count
        let columnBytes = session.store.heldBytes()
        progress("loaded \(rows) line items in \(format(loadSeconds)) s")

        var figures: [Figure] = []
        var answers: [(String, String)] = []
        for (id, text) in queries {
            var times: [Double] = []
            for run in 0..<max(1, runs) {
                sink = ""
                start = seconds()
                session.run(text, origin: .commandLine)
                times.append(seconds() - start)
                if run == 0 { answers.append((id, sink)) }
            }
            let median = times.sorted()[times.count / 2]
            figures.append(Figure(id: id, text: text, medianSeconds: median, runs: times))
            progress("\(id) \(format(median * 1000)) ms")
        }

        start = seconds()
        session.run(".save \(snapshotPath)", origin: .commandLine, isDotCommand: true)
        let saveSeconds = seconds() - start
        var openTimes: [Double] = []
        var openResident = 0, touchedResident = 0
        for _ in 0..<max(1, min(runs, 3)) {
            let reopened = Session(format: .csv, out: { _ in }, err: { errors += $0 })
            let before = residentBytes()
            start = seconds()
            _ = reopened.load(path: snapshotPath)
            openTimes.append(seconds() - start)
            openResident = residentBytes() - before
            reopened.run(queries[2].text, origin: .commandLine)
            touchedResident = residentBytes() - before
        }
        let openSeconds = openTimes.sorted()[openTimes.count / 2]
        unlink(snapshotPath)
        if !errors.isEmpty { progress(errors) }
        return Report(rows: rows, fileBytes: Int(fileSize.st_size), loadSeconds: loadSeconds, residentBytes: resident,
                      saveSeconds: saveSeconds, openSeconds: openSeconds, openResidentBytes: openResident,
                      touchedResidentBytes: touchedResident, figures: figures, answers: answers, columnBytes: columnBytes)
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The report as the table BENCHMARKS.md quotes, or as TSV for scripts.
    public static func render(_ r: Report, tsv: Bool) -> String {
        var lines: [[String]] = [["item", "median_ms", "rows_per_s", "detail"]]
        for f in r.figures {
            let rate = f.medianSeconds > 0 ? Int(Double(r.rows) / f.medianSeconds) : 0
            lines.append([f.id, format(f.medianSeconds * 1000), String(rate), f.text])
        }
        lines.append(["load", format(r.loadSeconds * 1000), r.loadSeconds > 0 ? String(Int(Double(r.rows) / r.loadSeconds)) : "0",
                      "\(r.rows) line items, \(r.fileBytes) bytes of TSV"])
        lines.append(["snapshot_save", format(r.saveSeconds * 1000), "", ""])
        lines.append(["snapshot_open", format(r.openSeconds * 1000), "",
                      "resident added: \(r.openResidentBytes) bytes open, \(r.touchedResidentBytes) after Q3"])
        lines.append(["bytes_per_item", format(r.bytesPerItem), "", "resident after load: \(r.residentBytes) bytes"])
        for (column, bytes) in r.columnBytes {
            lines.append(["held:" + column, format(Double(bytes) / Double(max(r.rows, 1))), "", "\(bytes) bytes held"])
        }
        if tsv { return lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n" }
        let widths = (0..<3).map { c in lines.map { $0[c].count }.max() ?? 0 }
        return lines.map { l in
            l[0].padding(widths[0]) + "  " + String(repeating: " ", count: widths[1] - l[1].count) + l[1] + "  "
                + String(repeating: " ", count: widths[2] - l[2].count) + l[2] + "  " + l[3]
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
