import TallyCore

/// The interactive loop: prompts, gathers lines until a statement is complete, runs it
/// through the same `Session` that `-c` and `-f` use, and keeps going after errors and
/// Ctrl-C. Leaves on Ctrl-D or `.quit`.
enum Repl {
    static let prompt = "tally> "
    static let continuation = "   ...> "

    static func run(_ session: Session, reader: LineReader) {
        StandardStreams.out(welcome(session))
        session.cancellation = reader.interruption
        var pending = ""
        while !session.wantsQuit {
            switch reader.readLine(prompt: pending.isEmpty ? prompt : continuation) {
            case .end:
                if pending.isEmpty {
                    StandardStreams.out("\n")
                    return
                }
                // Ctrl-D inside an unfinished statement drops it, as Ctrl-C does.
                pending = ""
                StandardStreams.out("\n")
            case .interrupted:
                pending = ""
                reader.clearInterrupt()
                StandardStreams.out("\n")
            case .line(let line):
                pending += pending.isEmpty ? line : "\n" + line
                let trimmed = pending.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
                guard trimmed.hasPrefix(".") || StatementSplitter.isComplete(pending) else { continue }
                let statement = pending
                pending = ""
                if trimmed.isEmpty { continue }
                reader.remember(StatementSplitter.historyEntry(statement))
                reader.clearInterrupt()
                session.runScript(statement, origin: .commandLine)
                reader.clearInterrupt()
            }
        }
    }

    static func welcome(_ session: Session) -> String {
        let files = session.loadedFiles.joined(separator: ", ")
        let what = session.store.count == 0
            ? "nothing loaded (.load FILE)"
            : "\(session.store.count) line items from \(files)"
        return "tally — \(what). .help for help, Tab completes, Ctrl-D leaves.\n"
    }
}

extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}
