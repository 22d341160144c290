#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One user's session: the loaded line items, the output settings, and the evaluator that
/// runs statements and dot-commands. The REPL, `-c`, `-f` and stdin all go through `run`.
public final class Session {
    public private(set) var store: LineItemStore = .empty
    private var builder = StoreBuilder()
    public private(set) var loadedFiles: [String] = []
    /// What the importer found in each disclosure loaded.
    public private(set) var reports: [ImportReport] = []

    public var format: OutputFormat
    public var unit: DisplayUnit = .wan
    public var timer = false
    /// Colour diagnostics (only on a terminal, never with NO_COLOR).
    public var color = false
    public internal(set) var wantsQuit = false
    /// Set when any statement or load failed; the exit status is then 2.
    public private(set) var hadError = false
    /// Set when a check failed; the exit status is then 1 (unless there was an error).
    public private(set) var hadFailure = false

    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    var output: OutputTarget = .standard
    /// Asked by running queries whether the user pressed Ctrl-C.
    public var cancellation: Cancellation = .never
    /// `.read` nesting, so a script that reads itself stops.
    var readDepth = 0

    public init(format: OutputFormat = .table, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.format = format
        writeOut = out
        writeErr = err
    }

    public var exitStatus: Int32 { hadError ? 2 : (hadFailure ? 1 : 0) }

    // MARK: - output

    func emit(_ text: String) {
        switch output {
        case .standard: writeOut(text)
        case .file(let file): file.write(text)
        }
    }

    func report(_ diagnostics: [Diagnostic]) {
        if diagnostics.contains(where: { $0.severity == .error }) { hadError = true }
        writeErr(DiagnosticRenderer(color: color).render(diagnostics))
    }

    func report(_ diagnostic: Diagnostic) { report([diagnostic]) }

    // MARK: - loading

    /// Loads a file whole, or reports why not and leaves the store as it was.
    @discardableResult
    public func load(path: String) -> Bool {
        do {
            let loaded = try InputFile.read(path: path)
            add(loaded.items, from: path)
            if let imported = loaded.report {
                reports.append(imported)
                if !imported.unplaced.isEmpty {
                    report(imported.unplaced.map { var d = $0; d.severity = .warning; return d })
                }
            }
            return true
        } catch {
            report(error.diagnostics)
            return false
        }
    }

    /// Loads line items already read (the built-in sample data, or an importer's output).
    public func add(_ items: [LineItem], from name: String) {
        builder.append(contentsOf: items)
        store = builder.build()
        loadedFiles.append(name)
    }

    /// The built-in sample data: the seed disclosures' tables as line items.
    public func loadSampleData() {
        do {
            let items = try LineItemFile.read(Array(SampleData.lineItemsTSV.utf8), path: SampleData.name)
            add(items, from: SampleData.name)
        } catch {
            report(error.diagnostics)
        }
    }

    // MARK: - running

    /// Runs a whole script: statements split by `;` and lines, dot-commands, comments.
    /// Every statement runs even after one fails.
    public func runScript(_ text: String, origin: SourceOrigin) {
        for piece in StatementSplitter.split(text) {
            if wantsQuit { return }
            let pieceOrigin = SourceOrigin(name: origin.name, firstLine: origin.firstLine + piece.line)
            run(piece.text, origin: pieceOrigin, isDotCommand: piece.isDotCommand)
        }
    }

    /// Runs one statement or dot-command.
    public func run(_ text: String, origin: SourceOrigin, isDotCommand: Bool? = nil) {
        let trimmed = text.trimmingCharacters(in: " \t\n\r")
        if trimmed.isEmpty { return }
        let started = Timing.now()
        if isDotCommand ?? trimmed.hasPrefix(".") {
            runDotCommand(trimmed, origin: origin)
        } else {
            runStatement(trimmed, origin: origin)
        }
        if timer { emit(Timing.since(started).description + "\n") }
    }

    private func runStatement(_ text: String, origin: SourceOrigin) {
        do {
            let result = try evaluate(text, origin: origin)
            emit(format.render(result, unit: unit))
        } catch {
            report(error)
        }
    }

    /// Parses, plans and executes one statement. Warnings are reported; errors thrown.
    public func evaluate(_ text: String, origin: SourceOrigin = .commandLine) throws(Diagnostic) -> ResultTable {
        do {
            let statement = try Parser.parse(text)
            switch statement {
            case .query(let query):
                let plan = try Planner.plan(query, source: text, store: store)
                if !plan.notes.isEmpty {
                    report(plan.notes.map { var d = $0; d.origin = origin; return d })
                }
                return try Executor.run(plan, on: store, cancel: cancellation)
            }
        } catch {
            var diagnostic = error
            if diagnostic.origin == nil { diagnostic.origin = origin }
            throw diagnostic
        }
    }
}

/// Where results go: standard output, or a file named with `.output`.
enum OutputTarget {
    case standard
    case file(OutputFile)
}

final class OutputFile {
    let path: String
    private let handle: UnsafeMutablePointer<FILE>

    init?(path: String) {
        guard let handle = fopen(path, "w") else { return nil }
        self.path = path
        self.handle = handle
    }

    func write(_ text: String) {
        fputs(text, handle)
        fflush(handle)
    }

    deinit { fclose(handle) }
}
