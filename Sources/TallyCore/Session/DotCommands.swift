/// Dot-commands (§4): they work the same at the prompt, in scripts, in `-c` and on stdin.
extension Session {
    public struct DotCommand: Sendable {
        public var name: String
        public var arguments: String
        public var summary: String
    }

    public static let dotCommands: [DotCommand] = [
        DotCommand(name: ".help", arguments: "[TOPIC]", summary: "show help on the language or a dot-command"),
        DotCommand(name: ".load", arguments: "FILE", summary: "load a line-item file"),
        DotCommand(name: ".tables", arguments: "", summary: "the tables loaded, with line items per table"),
        DotCommand(name: ".fields", arguments: "", summary: "the fields a query can use"),
        DotCommand(name: ".depts", arguments: "", summary: "the departments loaded"),
        DotCommand(name: ".mode", arguments: "table|csv|tsv|json|markdown|bar", summary: "how results are written"),
        DotCommand(name: ".unit", arguments: "元|千元|万元|亿元", summary: "the unit amounts are shown in (default 万元)"),
        DotCommand(name: ".timer", arguments: "on|off", summary: "print the run time after each statement"),
        DotCommand(name: ".maxrows", arguments: "N|all|auto", summary: "how many rows of a long result the prompt shows (default: what fits)"),
        DotCommand(name: ".output", arguments: "FILE|stdout", summary: "write results to a file, or back to the screen"),
        DotCommand(name: ".save", arguments: "FILE.tally", summary: "save the loaded line items (and import reports) as a snapshot that reopens at once"),
        DotCommand(name: ".read", arguments: "FILE", summary: "run the statements in a script file"),
        DotCommand(name: ".quit", arguments: "", summary: "leave tally"),
    ]

    func runDotCommand(_ text: String, origin: SourceOrigin) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let command = words.first else { return }
        let arguments = Array(words.dropFirst())
        let rest = text.dropFirst(command.count).trimmingCharacters(in: " \t")

        func fail(_ message: String, help: String? = nil, atCommand: Bool = false) {
            let start = command.utf8.count
            let range = arguments.isEmpty || atCommand ? SourceRange(0, start) : SourceRange(start + 1, text.utf8.count)
            report(Diagnostic(.error, message, source: text, range: range, origin: origin, help: help))
        }

        switch command.lowercased() {
        case ".help":
            emit(HelpText.page(arguments.first))
        case ".quit", ".exit", ".q":
            wantsQuit = true
        case ".mode":
            guard arguments.count == 1, let mode = OutputFormat(rawValue: arguments[0].lowercased()) else {
                if arguments.isEmpty { emit("mode: \(format.rawValue)\n"); return }
                return fail("unknown mode `\(rest)`", help: Suggestion.help(for: rest, among: OutputFormat.allCases.map(\.rawValue))
                                ?? "modes are table csv tsv json markdown")
            }
            format = mode
        case ".unit":
            guard arguments.count == 1, let u = DisplayUnit(named: arguments[0]) else {
                if arguments.isEmpty { emit("unit: \(unit.rawValue)\n"); return }
                return fail("unknown unit `\(rest)`", help: "units are 元 万元 亿元 (or yuan wan yi)")
            }
            unit = u
        case ".timer":
            switch arguments.first?.lowercased() {
            case "on": timer = true
            case "off": timer = false
            default: fail("`.timer` takes on or off")
            }
        case ".maxrows":
            guard let argument = arguments.first else {
                emit("maxrows: \(maxRows.describe(screenHeight: screenHeight?()))\n")
                return
            }
            guard arguments.count == 1, let limit = RowLimit(argument: argument) else {
                return fail("`.maxrows` takes a number of rows, `all` or `auto`, not `\(rest)`",
                            help: "`.maxrows 20` shows 20 rows; `.maxrows all` (or 0, off) every row; `.maxrows auto` what fits")
            }
            maxRows = limit
        case ".tables":
            let rows = store.tableCounts().map { table, count in
                [ResultTable.Cell.text(table.id), .text(table.aliases.first ?? ""), .number(Int64(count))]
            }
            emit(format.render(ResultTable(columns: [.init("table", .text), .init("name", .text), .init("items", .number)], rows: rows), unit: unit))
        case ".fields":
            let rows = Field.allCases.map { [ResultTable.Cell.text($0.rawValue), .text(HelpText.fieldMeaning($0))] }
            emit(format.render(ResultTable(columns: [.init("field", .text), .init("meaning", .text)], rows: rows), unit: unit))
        case ".depts":
            do {
                try emitResult(try evaluate("count by district, dept", origin: origin))
            } catch {
                report(error)
            }
        case ".load":
            guard !rest.isEmpty else { return fail("`.load` needs a file name") }
            if load(path: rest) { emit("loaded \(rest): \(store.count) line items in all\n") }
        case ".save":
            guard !rest.isEmpty else { return fail("`.save` needs a file name, such as items.tally") }
            guard rest.hasSuffix(".tally") else { return fail("a snapshot's name ends in .tally", help: "`.save \(rest).tally`") }
            do throws(Diagnostic) {
                try Snapshot.write(store, reports: reports, to: rest)
                emit("saved \(store.count) line items to \(rest)\n")
            } catch {
                report(error)
            }
        case ".read":
            guard !rest.isEmpty else { return fail("`.read` needs a file name") }
            guard readDepth < 16 else { return fail("`.read` nested more than 16 deep (does a script read itself?)") }
            if let refusal = Self.deviceRefusal(rest) { return report(refusal) }
            do {
                let bytes = try InputFile.readBytes(rest)
                guard let script = String(validating: bytes, as: UTF8.self) else {
                    return report(.fileError("invalid UTF-8 text", file: rest))
                }
                readDepth += 1
                defer { readDepth -= 1 }
                runScript(script, origin: SourceOrigin(name: rest))
            } catch {
                report(error.diagnostics)
            }
        case ".output":
            closeOutput()
            if rest.isEmpty || rest == "stdout" { return }
            do throws(Diagnostic) {
                output = .file(try OutputFile(path: rest))
            } catch {
                fail("cannot write `\(rest)`: \(error.message.replacingAll("cannot write: ", with: ""))",
                     help: error.help ?? "name a new file or an existing plain file")
            }
        default:
            fail("unknown command `\(command)`",
                 help: Suggestion.help(for: command, among: Self.dotCommands.map(\.name)) ?? "`.help` lists the commands",
                 atCommand: true)
        }
    }
}
