import ArgumentParser
import TallyCore
import TallyTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFormat: ExpressibleByArgument {}

extension DisplayUnit: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
}

@main
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Query Chinese government department budget disclosures (部门预算公开).",
        discussion: """
            With no FILE, tally loads its built-in sample data. With no -c or -f, it reads
            statements at the prompt (or from standard input when that is not a terminal).

              tally -c 'sum 2080* where dept=綦江 year=2025 by basic,project'
              tally items.tsv -f checks.tq --format csv

            Exit status: 0 all fine, 1 a check failed, 2 an error.
            """,
        subcommands: ExtraCommands.all)

    @Argument(help: "Line-item TSV/CSV files to load.")
    var files: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a statement and exit (may repeat).", valueName: "query"))
    var commands: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run a script file and exit (may repeat).", valueName: "script"))
    var scripts: [String] = []

    @Option(help: "Output format: table, csv, tsv, json, markdown or bar (a chart).")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Unit amounts are shown in: 元, 千元, 万元 (the default) or 亿元 (also yuan, qian, wan, yi).", valueName: "unit"))
    var unit: DisplayUnit = .wan

    @Flag(help: "Start without the built-in sample data.")
    var empty = false

    @Flag(help: "Print what the importer found in each document (tables, placements, figures not placed) and exit.")
    var report = false

    /// Argument errors exit 2 like every other error (ArgumentParser's default is 64).
    static func main() {
        StandardStreams.holdClosedDescriptors()
        ExtraCommands.runIfNamed()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .success {
                StandardStreams.out(fullMessage(for: error) + "\n")
                Glibc.exit(0)
            }
            StandardStreams.err("error: \(message(for: error))\n\(usageString())\n")
            Glibc.exit(2)
        }
    }

    static func usageString() -> String {
        "usage: tally [FILE…] [-c QUERY]… [-f SCRIPT]… [--format table|csv|tsv|json|markdown|bar] [--unit 元|万元|亿元] [--empty]"
    }

    func run() throws {
        let stderrIsTerminal = isatty(STDERR_FILENO) == 1
        // §4: colour only on a terminal, never with NO_COLOR set or TERM=dumb.
        let noColor = (getenv("NO_COLOR").map { $0.pointee != 0 } ?? false)
            || (getenv("TERM").map { String(cString: $0) == "dumb" } ?? false)
        let session = Session(
            format: format,
            out: StandardStreams.out,
            err: StandardStreams.err)
        session.unit = unit
        if stderrIsTerminal {
            let drawing = LoadDrawing(write: { StandardStreams.err($0) })
            session.progress = { drawing.show($0) }
        }
        session.color = stderrIsTerminal && !noColor
        session.colorResults = isatty(STDOUT_FILENO) == 1 && !noColor
        if isatty(STDOUT_FILENO) == 1 { session.terminalWidth = { LineEditor.terminalColumns() } }

        if files.isEmpty && !empty && !report { session.loadSampleData() }
        if !files.isEmpty { session.load(paths: files) }
        if report {
            for imported in session.reports { StandardStreams.out(ImportReportRenderer.render(imported)) }
            Glibc.exit(StandardStreams.exitStatus(session.exitStatus))
        }

        let actions = orderedActions()
        // A question asked of data that did not load would get a confident wrong answer
        // (a sum over nothing is 0): without a prompt to fix it at, stop here.
        if session.hadError && (!actions.isEmpty || isatty(STDIN_FILENO) != 1) {
            StandardStreams.err("tally: no statement was run, because a file above could not be loaded\n")
            Glibc.exit(2)
        }
        if !actions.isEmpty {
            for action in actions {
                if session.wantsQuit { break }
                switch action {
                case .command(let text): session.runScript(text, origin: .commandLine)
                case .script(let path): runScriptFile(path, session)
                }
            }
        } else if isatty(STDIN_FILENO) == 1 {
            runInteractive(session)
        } else {
            let input = StandardStreams.readAllInput()
            session.runScript(input, origin: SourceOrigin(name: "<stdin>"))
        }
        session.finish()
        Glibc.exit(StandardStreams.exitStatus(session.exitStatus))
    }

    /// The REPL. Its exit status is 0: errors at the prompt were shown and answered there.
    func runInteractive(_ session: Session) -> Never {
        LineEditor.prepareLocale()
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        let history = HistoryFile.defaultPath(environment: environment).map { HistoryFile(path: $0) }
        if isatty(STDOUT_FILENO) == 1 { session.screenHeight = { RowLimit.terminalHeight(STDOUT_FILENO) } }
        let reader: LineReader = LineEditor(historyFile: history, completer: { Completer(store: session.store) })
            ?? PlainLineReader()
        Repl.run(session, reader: reader)
        session.finish()
        Glibc.exit(StandardStreams.exitStatus(0))
    }

    enum Action {
        case command(String)
        case script(String)
    }

    /// `-c` and `-f` in the order given, so `-c '.mode csv' -f q.tq` sets the mode first.
    func orderedActions() -> [Action] {
        var ordered: [Action] = []
        var args = CommandLine.arguments.dropFirst().makeIterator()
        while let arg = args.next() {
            if arg == "--" { break }
            if arg == "-c", let value = args.next() { ordered.append(.command(value)) }
            else if arg == "-f", let value = args.next() { ordered.append(.script(value)) }
            else if arg == "--format" || arg == "--unit" { _ = args.next() }
        }
        let commandCount = ordered.filter { if case .command = $0 { true } else { false } }.count
        if commandCount != commands.count || ordered.count != commands.count + scripts.count {
            return scripts.map(Action.script) + commands.map(Action.command)
        }
        return ordered
    }

    func runScriptFile(_ path: String, _ session: Session) {
        session.run(".read \(path)", origin: SourceOrigin(name: "-f"), isDotCommand: true)
    }
}
