#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One user's session: the loaded line items, the output settings, and the evaluator that
/// runs statements and dot-commands. The REPL, `-c`, `-f` and stdin all go through `run`.
public final class Session {
    public private(set) var store: LineItemStore = .empty {
        didSet { documentsByName = nil }
    }
    /// The store's document ids in the order an audit lists documents (CodePointOrder), sorted
    /// once per store rather than on every audit.
    private var documentsByName: [Int]?
    private var builder = StoreBuilder()
    public private(set) var loadedFiles: [String] = []
    /// What the importer found in each disclosure loaded.
    public private(set) var reports: [ImportReport] = []

    public var format: OutputFormat
    public var unit: DisplayUnit = .wan
    public var timer = false
    /// Colour diagnostics: errors red (only when they go to a terminal, never with NO_COLOR).
    public var color = false
    /// Colour results: PASS green, FAIL and material findings red (same conditions, for stdout).
    public var colorResults = false
    public internal(set) var wantsQuit = false
    /// Set when any statement or load failed; the exit status is then 2.
    public private(set) var hadError = false
    /// Set when a check failed; the exit status is then 1 (unless there was an error).
    public private(set) var hadFailure = false

    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    var output: OutputTarget = .standard
    /// Results named with `let`.
    var names: [String: Measure] = [:]
    /// Told how a load is going, for the front end to show (on a terminal), else nil.
    public var progress: (@Sendable (LoadEvent) -> Void)?
    /// The terminal's width when results go to a terminal (charts draw to it), else nil.
    public var terminalWidth: (() -> Int)?
    /// `.maxrows`: how many rows of a table or markdown result the screen shows.
    public var maxRows: RowLimit = .screen
    /// The terminal's height, set only when statements are typed at a prompt on a terminal
    /// that shows the results; nil for pipes, `-c` and `-f`, which get every row.
    public var screenHeight: (() -> Int)?
    /// Asked by running queries whether the user pressed Ctrl-C.
    public var cancellation: Cancellation = .never
    /// `.read` nesting, so a script that reads itself stops.
    var readDepth = 0

    public init(format: OutputFormat = .table, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.format = format
        writeOut = out
        writeErr = err
        FreedMemory.keepScratch
    }

    public var exitStatus: Int32 { hadError ? 2 : (hadFailure ? 1 : 0) }

    /// The status of the last statement or dot-command alone (0, 1 or 2), where `exitStatus`
    /// keeps the worst so far: a test of one statement after another asks this.
    public private(set) var lastStatus: Int32 = 0

    // MARK: - output

    func emit(_ text: String) {
        switch output {
        case .standard: writeOut(text)
        case .file(let file):
            if !file.write(text) {
                // Said once: the file is abandoned and results go back to the screen.
                output = .standard
                file.file.abandon()
                report(.fileError("cannot write: \(file.file.failure ?? "write failed"); results go to the screen again",
                                  file: file.path, help: "free some space, or name another file with `.output`"))
            }
        }
    }

    /// Puts a `.output` file in place (complete) and goes back to standard output; a failure is an error.
    func closeOutput() {
        guard case .file(let file) = output else { return }
        output = .standard
        do throws(Diagnostic) {
            try file.file.commit()
        } catch {
            report(error)
        }
    }

    /// Ends the session's writes: a `.output` file still open is put in place. Call before exiting.
    public func finish() {
        closeOutput()
    }

    /// Escape codes never go into a file named with `.output`.
    private var isStandardOutput: Bool {
        if case .standard = output { return true }
        return false
    }

    func report(_ diagnostics: [Diagnostic]) {
        if diagnostics.contains(where: { $0.severity == .error }) {
            hadError = true
            lastStatus = 2
        }
        writeErr(DiagnosticRenderer(color: color).render(diagnostics))
    }

    func report(_ diagnostic: Diagnostic) { report([diagnostic]) }

    /// A check failed or an audit found something material: status 1 unless there was an error.
    private func failed() {
        hadFailure = true
        lastStatus = max(lastStatus, 1)
    }

    // MARK: - loading

    /// Loads a file whole, or every document of a folder, or reports why not and leaves the
    /// store as it was.
    @discardableResult
    public func load(path: String) -> Bool { load(paths: [path]) }

    /// Loads files and folders. Several documents are read on both cores, then added in the
    /// order given (a folder's in name order), each with its line on a terminal.
    @discardableResult
    public func load(paths: [String]) -> Bool {
        defer { FreedMemory.giveBack() }
        return FreedMemory.whileLoading { loadEach(paths) }
    }

    private func loadEach(_ paths: [String]) -> Bool {
        var files: [String] = []
        // Files found in a folder rather than named: one that cannot be read is passed over
        // with a warning, not a reason to leave the folder's other documents unasked.
        var inFolder = Set<String>()
        var allLoaded = true
        for path in paths {
            guard let listing = Folder.listing(of: path) else {
                files.append(path)
                continue
            }
            if listing.documents.isEmpty {
                report(.fileError("the folder holds no file tally reads", file: path,
                                  help: "tally reads \(Folder.extensions.map { "." + $0 }.joined(separator: ", ")) files"))
                allLoaded = false
            } else if !listing.otherFiles.isEmpty || !listing.folders.isEmpty {
                var passed: [String] = []
                if !listing.otherFiles.isEmpty { passed.append("\(listing.otherFiles.count) file\(listing.otherFiles.count == 1 ? "" : "s") tally does not read (\(listing.otherFiles.prefix(3).joined(separator: ", "))\(listing.otherFiles.count > 3 ? ", …" : ""))") }
                if !listing.folders.isEmpty { passed.append("\(listing.folders.count) folder\(listing.folders.count == 1 ? "" : "s") inside it (\(listing.folders.prefix(3).joined(separator: ", "))\(listing.folders.count > 3 ? ", …" : ""))") }
                report(Diagnostic(.note, "passed over: " + passed.joined(separator: " and "), origin: SourceOrigin(name: path, firstLine: 0),
                                  help: listing.folders.isEmpty ? nil : "a folder inside is loaded by naming it: `tally \(path.hasSuffix("/") ? path : path + "/")\(listing.folders[0])`"))
            }
            files += listing.documents
            inFolder.formUnion(listing.documents)
        }
        if files.count == 1 && inFolder.isEmpty { return loadFile(path: files[0]) && allLoaded }
        let read = DocumentBatch.read(files, cancel: cancellation, progress: progress)
        var passedOver: [String] = []
        for (path, result) in zip(files, read) {
            if cancellation.isCancelled() { return false }
            if inFolder.contains(path), case .failure(let failure) = result {
                report(failure.diagnostics.map { var d = $0; if d.severity == .error { d.severity = .warning }; return d })
                passedOver.append(path)
                continue
            }
            allLoaded = apply(result, path: path) && allLoaded
        }
        if !passedOver.isEmpty {
            let none = passedOver.count == inFolder.count && files.count == inFolder.count
            report(Diagnostic(none ? .error : .warning,
                              none ? "no file found in the folder could be read (above)"
                                   : "\(passedOver.count) of \(inFolder.count) files found in folders could not be read and are not loaded (above); the rest are",
                              help: none ? nil : "name a file to make its failure an error (`tally FILE`)"))
            if none { allLoaded = false }
        }
        return allLoaded
    }

    /// Digests of the documents loaded, so the same content is never added twice.
    private var loadedDigests: [UInt64: String] = [:]
    /// Digests of the documents' department, year and figures, and the documents by department,
    /// year and kind: the same document in another file is told apart from another document.
    private var loadedFigures: [UInt64: String] = [:]
    private var loadedKinds: [String: String] = [:]

    /// FNV-1a over a document's department, year, kind and its figures in a fixed order.
    static func figuresDigest(_ items: [LineItem], _ report: ImportReport) -> UInt64 {
        var keys = items.map { "\($0.table.rawValue)|\($0.code)|\($0.column.rawValue)|\($0.year)|\($0.phase.rawValue)|\($0.amount.fen)" }
        keys.sort()
        return Folder.fnv1a(([report.dept, String(report.year), String(report.isFinal)] + keys).joined(separator: "\n").utf8)
    }

    private func loadFile(path: String) -> Bool {
        progress?(.started(path: path))
        let read = DocumentBatch.read(path, cancel: cancellation)
        progress?(.finished(path: path))
        return apply(read, path: path)
    }

    /// Adds what reading one file gave, or reports why it could not be read.
    private func apply(_ read: Result<InputFile.Loaded, DiagnosticList>, path: String) -> Bool {
        switch read {
        case .failure(let error):
            report(error.diagnostics)
            return false
        case .success(let loaded):
            // A file that prints several units' documents (a 部门 and its 单位): each is added,
            // unless the file itself was loaded before.
            guard add(loaded, path: path, isPart: false), !loaded.parts.isEmpty else { return true }
            for part in loaded.parts { add(part, path: path, isPart: true) }
            let docs = ([loaded] + loaded.parts).compactMap(\.report).map { "\($0.doc) (\($0.dept))" }
            report([Diagnostic(.warning, "prints \(docs.count) units' tables, read as \(docs.count) documents: " + docs.joined(separator: ", "),
                               origin: SourceOrigin(name: path, firstLine: 0),
                               help: "a department's tables hold its units' money too: a sum over all of them counts it twice; name one with `where doc=…`")])
            return true
        }
    }

    /// Adds one document (or line-item file, or snapshot) a file gave. A file's later parts
    /// share its bytes: only the first is checked for having been loaded before.
    @discardableResult
    private func add(_ loaded: InputFile.Loaded, path: String, isPart: Bool) -> Bool {
        var loaded = loaded
        if !isPart, loaded.report != nil, let digest = Folder.digest(of: path) {
            if let first = loadedDigests[digest] {
                report([Diagnostic(.warning, "the same document as \(first) (identical content): not loaded again",
                                   origin: SourceOrigin(name: path, firstLine: 0))])
                return false
            }
            loadedDigests[digest] = path
            loaded.report?.digest = String(digest, radix: 16)
        }
        if let imported = loaded.report, !loaded.items.isEmpty {
            // A PDF and its converted text, or two downloads of one document under other
            // bytes: the same department, year and figures are one document.
            let figures = Self.figuresDigest(loaded.items, imported)
            if let first = loadedFigures[figures] {
                report([Diagnostic(.warning, "the same department, year and figures as \(first): not loaded again",
                                   origin: SourceOrigin(name: path, firstLine: 0),
                                   help: "a PDF and its `pdftotext -layout` text are one document; load one of them")])
                return false
            }
            loadedFigures[figures] = path
            let kind = "\(imported.dept)\t\(imported.year)\t\(imported.isFinal)"
            if !imported.dept.isEmpty, let other = loadedKinds[kind] {
                report([Diagnostic(.warning, "\(other) is also \(imported.dept)'s \(imported.year) \(imported.isFinal ? "决算" : "预算"), with other figures: a sum over both adds them",
                                   origin: SourceOrigin(name: path, firstLine: 0),
                                   help: "if they are one document (a PDF and its text), load one; else name one: `where doc=…`")])
            } else {
                loadedKinds[kind] = path
            }
        }
        if loaded.report != nil { distinguish(&loaded) }
        if let snapshot = loaded.store {
            var saved = loaded.savedReports
            // The files it was made from are loaded now: the same file again is not added.
            for r in saved {
                if let hex = r.digest, let digest = UInt64(hex, radix: 16), loadedDigests[digest] == nil {
                    loadedDigests[digest] = "\(r.path) (in \(path))"
                }
            }
            let renames = SavedDocuments.renames(
                docs: snapshot.docs.values, reports: saved, taken: Set(store.docs.values).union(reports.map(\.doc)),
                reported: Set(reports.map(\.doc)))
            // A snapshot into an empty session is the store as saved: nothing to rebuild.
            if builder.count == 0 && renames.isEmpty {
                builder = StoreBuilder(snapshot)
                store = snapshot
            } else {
                var batch = ColumnBatch(snapshot)
                SavedDocuments.apply(renames, to: &batch, &saved)
                builder.append(batch)
                store = builder.build()
            }
            // The documents' reports come back as if the documents had been loaded (their
            // warnings were given when they were).
            reports += saved
            loadedFiles.append(path)
        } else if !loaded.columns.isEmpty {
            for batch in loaded.columns { builder.append(batch) }
            store = builder.build()
            // The builder keeps the store's own columns (codes included), not a second copy.
            builder = StoreBuilder(store)
            loadedFiles.append(path)
        } else {
            add(loaded.items, from: path)
        }
        if let imported = loaded.report {
            reports.append(imported)
            if progress != nil {
                let tables = imported.tables.filter { $0.items > 0 || $0.emptyStatement != nil }.count
                let label = store.labelOf(doc: imported.doc) ?? imported.doc
                report([Diagnostic(.note, "\(label) (\(imported.dept)): \(tables) tables, \(imported.itemCount) line items, \(imported.unplaced.count) figures not placed",
                                   origin: SourceOrigin(name: path, firstLine: 0))])
            }
            if !imported.unplaced.isEmpty {
                var warnings = imported.unplaced.map { var d = $0; d.severity = .warning; return d }
                // Text laid out by a converter keeps columns only as character positions:
                // what it cannot place, the PDF's own geometry usually can.
                if imported.layout == Layout.layoutText.rawValue, var last = warnings.popLast() {
                    last.help = [last.help, (imported.unplaced.count == 1 ? "1 figure of this `pdftotext -layout` text is" : "\(imported.unplaced.count) figures of this `pdftotext -layout` text are") + " not placed: "
                        + "if the PDF is at hand, load it instead (`tally FILE.pdf`), which reads columns from the page itself"]
                        .compactMap { $0 }.joined(separator: "\n")
                    warnings.append(last)
                }
                report(warnings)
            }
            if !imported.missing.isEmpty {
                report([Diagnostic(.warning, "lacks tables every disclosure prints: \(imported.missing.map(\.id).joined(separator: ", "))",
                                   origin: SourceOrigin(name: path, firstLine: 0),
                                   help: "a table published empty is still printed with its statement; check the document is whole")])
            }
            // What the document does not say of itself is said, never made up.
            if imported.unitAssumed == true {
                report([Diagnostic(.warning, "states no unit: no table and no line of it says 单位：…, so its figures are read as 万元",
                                   origin: SourceOrigin(name: path, firstLine: 0),
                                   help: "if they are in 元, compare a total with the document's text (`audit narrative`) before relying on them")])
            }
            if imported.dept.isEmpty {
                report([Diagnostic(.warning, "names no department: no title or 编制单位 / 单位名称 line gives one, so its line items' dept is empty",
                                   origin: SourceOrigin(name: path, firstLine: 0), help: "select its items by their document: `where doc=\(imported.doc)`")])
            }
            if imported.year == 0 {
                report([Diagnostic(.warning, "states no budget year: no title names one, so its line items' year is 0",
                                   origin: SourceOrigin(name: path, firstLine: 0), help: "select its items by their document: `where doc=\(imported.doc)`")])
            }
        }
        return true
    }

    /// Two documents whose files share a name (`a/2025.pdf`, `b/2025.pdf`) get distinct `doc`
    /// ids: the second is `2025-2`, and so on (§2).
    private func distinguish(_ loaded: inout InputFile.Loaded) {
        guard var imported = loaded.report, store.docs.id(of: imported.doc) != nil || reports.contains(where: { $0.doc == imported.doc })
        else { return }
        var n = 2
        while store.docs.id(of: "\(imported.doc)-\(n)") != nil { n += 1 }
        let unique = "\(imported.doc)-\(n)"
        for i in loaded.items.indices { loaded.items[i].doc = unique }
        imported.doc = unique
        loaded.report = imported
    }

    /// A device (`/dev/zero`, a disk) never ends or is no document: refused before a byte is
    /// read, rather than read up to the 2 GB limit. Pipes and plain files are read.
    static func deviceRefusal(_ path: String) -> Diagnostic? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }  // the reader says why it cannot read
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFCHR || kind == S_IFBLK else { return nil }
        return .fileError("is a device, not a file", file: path, help: "name a document, a line-item file or a snapshot")
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
        var worst: Int32 = 0
        defer { lastStatus = worst }
        for piece in StatementSplitter.split(text) {
            if wantsQuit { return }
            let pieceOrigin = SourceOrigin(name: origin.name, firstLine: origin.firstLine + piece.line)
            run(piece.text, origin: pieceOrigin, isDotCommand: piece.isDotCommand)
            worst = max(worst, lastStatus)
        }
    }

    /// Runs one statement or dot-command.
    /// The longest statement tally reads; past it, a statement is refused rather than parsed.
    public static let maxStatementBytes = 100_000

    public func run(_ text: String, origin: SourceOrigin, isDotCommand: Bool? = nil) {
        lastStatus = 0
        let trimmed = text.trimmingCharacters(in: " \t\n\r")
        if trimmed.isEmpty { return }
        if trimmed.utf8.count > Self.maxStatementBytes {
            let preview = String(trimmed.prefix(60))
            report(Diagnostic(.error, "statement longer than \(Self.maxStatementBytes) bytes (\(trimmed.utf8.count))",
                              source: preview, range: SourceRange(0, preview.utf8.count), origin: origin,
                              help: "split it, or name long values once with `let`"))
            return
        }
        let started = Timing.now()
        if isDotCommand ?? trimmed.hasPrefix(".") {
            runDotCommand(trimmed, origin: origin)
        } else {
            runStatement(trimmed, origin: origin)
        }
        if timer { emit(Timing.since(started).description + "\n") }
    }

    private func runStatement(_ text: String, origin: SourceOrigin) {
        do throws(Diagnostic) {
            let statement: Statement
            do throws(Diagnostic) {
                statement = try Parser.parse(text)
            } catch {
                var d = error
                d.origin = origin
                throw d
            }
            switch statement {
            case .query(let query):
                try emitResult(try evaluate(query, source: text, origin: origin))
            case .chart(let query):
                let result = try evaluate(query, source: text, origin: origin)
                emit(chart.render(result))
            case .explainSQL(let query):
                emit(try located(origin) { () throws(Diagnostic) in try explain(query, source: text) })
            case .export(let export):
                try located(origin) { () throws(Diagnostic) in try self.export(export, source: text, origin: origin) }
            case .check(let check):
                let outcome = try reconciling(text, origin) { (evaluator) throws(Diagnostic) in try evaluator.evaluate(check) }
                if !outcome.passed { failed() }
                emit(ReconcileOutput.render(outcome, format: format.forVerdicts, unit: unit, color: colorResults && isStandardOutput))
            case .show(let expr):
                let result = try reconciling(text, origin) { (evaluator) throws(Diagnostic) in try evaluator.show(expr) }
                try emitResult(result)
            case .let(let binding):
                let measure = try reconciling(text, origin) { (evaluator) throws(Diagnostic) in
                    let m = try evaluator.measure(binding.value, shared: [])
                    return m.kind == .literal ? try m.resolved(as: .money, source: text) : m
                }
                names[binding.name.text] = measure
            case .audit(let audit):
                let findings = try located(origin) { () throws(Diagnostic) in try runAudit(audit, source: text) }
                if findings.findings.contains(where: { $0.severity == .material }) { failed() }
                emit(ReconcileOutput.render(findings.findings, docs: findings.docs, format: format.forVerdicts, unit: unit, color: colorResults && isStandardOutput))
            }
        } catch {
            report(error)
        }
    }

    /// `check`, `show` and `let`: `body` run by an evaluator over the store and the names given
    /// so far, its notes reported, its errors given this statement's origin.
    private func reconciling<T>(_ text: String, _ origin: SourceOrigin,
                                _ body: (inout CheckEvaluator) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        try located(origin) { () throws(Diagnostic) in
            var evaluator = CheckEvaluator(store: store, source: text, names: names, cancel: cancellation)
            let value = try body(&evaluator)
            warn(evaluator.notes, origin)
            return value
        }
    }

    /// Gives a diagnostic thrown by `body` this statement's origin.
    private func located<T>(_ origin: SourceOrigin, _ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        do throws(Diagnostic) {
            return try body()
        } catch {
            var d = error
            if d.origin == nil { d.origin = origin }
            throw d
        }
    }

    private func warn(_ notes: [Diagnostic], _ origin: SourceOrigin) {
        if !notes.isEmpty { report(notes.map { var d = $0; d.origin = origin; return d }) }
    }

    private func runAudit(_ audit: Audit, source: String) throws(Diagnostic) -> (findings: [Finding], docs: AuditedDocuments) {
        var rules: [String] = []
        for rule in audit.rules {
            let name = rule.text.lowercased()
            guard AuditRules.all.contains(name) else {
                throw .error("unknown audit rule `\(rule.text)`", in: source, at: rule.range,
                             help: Suggestion.help(for: rule.text, among: AuditRules.all) ?? "rules are \(AuditRules.all.joined(separator: " "))")
            }
            rules.append(name)
        }
        var scope = RowSet(rowCount: store.count, all: true)
        if let filter = audit.filter {
            let query = Query(verb: .count, verbRange: audit.range, limit: nil, targets: [], filter: filter, groups: [], range: audit.range)
            let plan = try Planner.plan(query, source: source, store: store, cancel: cancellation)
            scope = store.rows(matching: plan.filter)
        }
        var engine = AuditRules(store: store, scope: scope, reports: reports, cancel: cancellation)
        engine.run(rules.isEmpty ? AuditRules.all : rules)
        if engine.cancelled { throw Cancellation.cancelledError }
        // The documents in scope, by id, with the label of their first row and their findings:
        // no string hashed per row or per document, only one lookup per finding.
        // Rows are grouped by document: a document is in scope when any row of its range is.
        var findingsOf = [[Finding]](repeating: [], count: store.docs.count)
        for f in engine.findings { if let d = store.docs.id(of: f.doc) { findingsOf[Int(d)].append(f) } }
        let byName = documentsByName ?? CodePointOrder.sorted(Array(0..<store.docs.count), by: { store.docs[UInt32($0)] })
        documentsByName = byName
        let docs = AuditedDocuments(byName.filter { scope.intersects(store.rows(ofDocument: $0)) },
                                    hasFindings: { !findingsOf[$0].isEmpty }) { d in
            AuditedDocument(doc: store.docs[UInt32(d)], label: store.labels[store.label[store.documentStart[d]]],
                            findings: findingsOf[d])
        }
        return (engine.findings, docs)
    }

    /// Parses, plans and executes one statement. Warnings are reported; errors thrown.
    public func evaluate(_ text: String, origin: SourceOrigin = .commandLine) throws(Diagnostic) -> ResultTable {
        let statement: Statement
        do throws(Diagnostic) {
            statement = try Parser.parse(text)
        } catch {
            var diagnostic = error
            if diagnostic.origin == nil { diagnostic.origin = origin }
            throw diagnostic
        }
        guard case .query(let query) = statement else {
            throw Diagnostic(.error, "`\(statement.description.prefix(while: { $0 != " " }))` does not give a table of results here",
                             source: text, range: SourceRange(0, text.utf8.count), origin: origin)
        }
        return try evaluate(query, source: text, origin: origin)
    }

    func evaluate(_ query: Query, source text: String, origin: SourceOrigin, listing fields: [Field]? = nil)
        throws(Diagnostic) -> ResultTable
    {
        do throws(Diagnostic) {
            var plan = try Planner.plan(query, source: text, store: store, cancel: cancellation)
            if let fields { plan.listedFields = fields }
            if !plan.notes.isEmpty {
                report(plan.notes.map { var d = $0; d.origin = origin; return d })
            }
            let result = try Executor.run(plan, on: store, cancel: cancellation)
            if !result.notes.isEmpty {
                report(result.notes.map { var d = $0; d.origin = origin; return d })
            }
            return result
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

/// `.output FILE`: results go to a new file that replaces FILE only when complete — when
/// `.output` names another place or the session ends (`Session.finish`).
final class OutputFile {
    let file: ReplacementFile
    var path: String { file.path }

    init(path: String) throws(Diagnostic) {
        file = try ReplacementFile(path: path)
    }

    /// False once a write has failed; the file is then never put in place.
    func write(_ text: String) -> Bool { file.write(text) }
}
