import CLineEdit
import TallyCore
import TallyTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's lines from libedit: emacs keys (and the user's ~/.editrc), history across
/// runs, Tab completion printed by tally, Ctrl-C that clears the line. The only Swift file
/// that touches C; everything it decides comes from TallyCore (`Completer`) and
/// TallyTerminal (`HistoryFile`).
final class LineEditor: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    /// Nil once it has failed or been refused: the reason is said once, not per statement.
    private var historyFile: HistoryFile?
    /// The store can change under `.load`, so completion asks for it each time.
    private let completer: () -> Completer
    /// Read by libedit through the prompt callback; owned here (strdup/free).
    private var prompt: UnsafeMutablePointer<CChar>? = strdup("tally> ")

    /// The width of the terminal on standard output, for charts.
    static func terminalColumns() -> Int {
        Int(tally_terminal_columns(STDOUT_FILENO))
    }

    /// Must run before any input is read: libedit decodes keys with the C locale's rules.
    static func prepareLocale() {
        tally_use_utf8_locale()
    }

    init?(historyFile: HistoryFile?, completer: @escaping () -> Completer) {
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
              let errors = fdopen(STDERR_FILENO, "w") else { return nil }
        guard let editor = el_init("tally", input, output, errors) else { return nil }
        guard let history = tally_history_init(1000) else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.output = output
        self.historyFile = historyFile
        self.completer = completer

        tally_el_configure(editor, history, { el in
            guard let el, let client = tally_el_client(el) else { return nil }
            let me = Unmanaged<LineEditor>.fromOpaque(client).takeUnretainedValue()
            return me.prompt
        }, Unmanaged.passUnretained(self).toOpaque())
        tally_el_bind_completion(editor) { el, _ in
            guard let el, let client = tally_el_client(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(client).takeUnretainedValue().complete()
        }
        el_source(editor, nil)
        tally_install_sigint()
        if let refusal = historyFile?.refusal() {
            StandardStreams.err(DiagnosticRenderer(color: false).render([refusal]))
            self.historyFile = nil
        }
        for entry in self.historyFile?.load() ?? [] {
            tally_history_enter(history, Self.oneLine(entry))
        }
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(prompt)
    }

    func readLine(prompt: String) -> LineInput {
        free(self.prompt)
        self.prompt = strdup(prompt)
        el_resize(editor)
        var count: Int32 = 0
        guard let line = el_gets(editor, &count) else {
            // A read error that no Ctrl-C caused (the terminal hung up) ends the session, or a
            // REPL whose terminal went away would ask again for ever.
            if tally_interrupted() != 0 {
                // The half-typed line must not come back on the next prompt.
                el_reset(editor)
                return .interrupted
            }
            return .end
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    func remember(_ statement: String) {
        let line = Self.oneLine(statement)
        guard !line.allSatisfy({ $0 == " " }) else { return }
        tally_history_enter(history, line)
        if let problem = historyFile?.appendChecked(statement) {
            StandardStreams.err(DiagnosticRenderer(color: false).render([problem]))
            historyFile = nil
        }
    }

    var interruption: Cancellation { Cancellation { tally_interrupted() != 0 } }

    func clearInterrupt() { tally_clear_interrupt() }

    /// A statement typed over several lines comes back from Up as one line.
    private static func oneLine(_ statement: String) -> String {
        statement.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }.joined(separator: " ")
    }

    /// Tab: put in the only candidate or the start they all share; otherwise list them.
    private func complete() -> UInt8 {
        guard let info = el_line(editor) else { return UInt8(CC_ERROR) }
        let length = Int(tally_el_length(info))
        let cursor = Int(tally_el_cursor_offset(info))
        let bytes = UnsafeRawBufferPointer(start: info.pointee.buffer, count: length)
        let line = String(decoding: bytes, as: UTF8.self)
        let completion = completer().complete(line, cursor: cursor)
        if let replacement = completion.replacement {
            el_deletestr(editor, Int32(completion.word.unicodeScalars.count))
            el_insertstr(editor, replacement)
            return UInt8(CC_REFRESH)
        }
        if completion.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        let list = CandidateList.render(completion.candidates, width: Int(tally_terminal_columns(STDOUT_FILENO)))
        fputs("\n" + list, output)
        fflush(output)
        return UInt8(CC_REDISPLAY)
    }
}

extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}
