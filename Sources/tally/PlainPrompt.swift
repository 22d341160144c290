import TallyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A prompt without line editing: reads lines, shows `tally> ` and the continuation prompt
/// while a statement is incomplete. The libedit REPL replaces it on terminals.
enum PlainPrompt {
    static func run(_ session: Session) {
        let loaded = session.loadedFiles.joined(separator: ", ")
        StandardStreams.out("tally — \(session.store.count) line items loaded (\(loaded.isEmpty ? "nothing" : loaded)). .help for help, .quit or Ctrl-D to leave.\n")
        var pending = ""
        while !session.wantsQuit {
            StandardStreams.out(pending.isEmpty ? "tally> " : "   ...> ")
            guard let line = readLine(strippingNewline: true) else { break }
            pending += pending.isEmpty ? line : "\n" + line
            let trimmed = pending.trimmingPrefix(while: { $0 == " " })
            if trimmed.hasPrefix(".") || StatementSplitter.isComplete(pending) {
                session.runScript(pending, origin: .commandLine)
                pending = ""
            }
        }
        if !session.wantsQuit { StandardStreams.out("\n") }
    }
}

extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}
