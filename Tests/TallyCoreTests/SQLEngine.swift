import Foundation
@testable import TallyCore

/// An SQL engine `explain sql` writes for, run through its Python package: DuckDB itself, and
/// ClickHouse as chdb (ClickHouse in-process). Both packages come from pip (`make deps`); a
/// missing one is a failure naming it, never a skipped test (PRODUCT §7).
enum SQLEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case duckdb
    case chdb

    /// The Python package, as pip and `import` name it.
    var package: String { rawValue }
    var description: String { package }

    var dialect: SQLTranslator.Dialect {
        switch self {
        case .duckdb: .duckdb
        case .chdb: .clickhouse
        }
    }

    /// The statement that reads an exported TSV into `items`.
    func load(_ path: String) -> String {
        switch self {
        case .duckdb: SQLTranslator.duckdbLoad(path)
        case .chdb: SQLTranslator.clickhouseLoad(path)
        }
    }

    /// Python defining `load(sql)` and `run(sql)`, the rows of text cells with None for NULL.
    private var connection: String {
        switch self {
        case .duckdb:
            """
            import duckdb, decimal
            con = duckdb.connect()
            def load(sql): con.execute(sql)
            def cell(v):
                if v is None: return None
                if isinstance(v, decimal.Decimal): return format(v, "f")
                return str(v)
            def run(sql): return [[cell(v) for v in row] for row in con.execute(sql).fetchall()]
            """
        case .chdb:
            // Numbers kept as the text ClickHouse writes (decimals exact), NULL as null: its
            // JSONCompactStrings would spell NULL `ᴺᵁᴸᴸ`.
            """
            from chdb import session
            con = session.Session()
            def load(sql): con.query(sql)
            def run(sql):
                rows = json.loads(str(con.query(sql, "JSONCompact")), parse_float=str, parse_int=str)["data"]
                return [[v if v is None else str(v) for v in row] for row in rows]
            """
        }
    }

    /// The package can be imported, or an error saying how to install it.
    func requireInstalled() throws {
        let result = try Self.python(["-c", "import \(package)"])
        guard result.status == 0 else { throw Missing(package: package, stderr: result.stderr) }
    }

    /// Loads the file and runs each query, returning its rows as normalized TSV lines.
    func run(load: String, queries: [String], folder: String) throws -> [[String]] {
        let script = """
            import json, sys
            \(connection)
            load(sys.argv[1])
            out = []
            for q in json.load(open(sys.argv[2])):
                out.append(["\\t".join("" if v is None else v for v in row) for row in run(q)])
            json.dump(out, sys.stdout, ensure_ascii=False)
            """
        let queriesFile = folder + "/queries-\(package).json"
        try JSONSerialization.data(withJSONObject: queries).write(to: URL(fileURLWithPath: queriesFile))
        let result = try Self.python(["-c", script, load, queriesFile])
        guard result.status == 0, let answers = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]] else {
            throw Failure(package: package, message: result.stderr)
        }
        return answers.map { rows in
            rows.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { Self.plainNumber(String($0)) }.joined(separator: "\t") }.sorted()
        }
    }

    /// `3020.970000` and `3020.97` alike become `3020.97`; `12.0` becomes `12`.
    static func plainNumber(_ cell: String) -> String {
        guard cell.contains("."), cell.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return cell }
        var trimmed = cell
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    struct Missing: Error, CustomStringConvertible {
        var package: String
        var stderr: String
        var description: String {
            "the Python package `\(package)` is not installed, so tally's SQL cannot be checked in it: "
                + "run `python3 -m pip install duckdb chdb` (make deps does)\n\(stderr)"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var package: String
        var message: String
        var description: String { "\(package) failed: \(message)" }
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is read on its own thread: a child filling one pipe while we wait on the other would hang.
        nonisolated(unsafe) var errData = Data()
        let errRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errRead.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
