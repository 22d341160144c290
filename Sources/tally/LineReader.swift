import TallyCore

/// Where the REPL's lines come from: libedit on a terminal, or plain reads when libedit
/// cannot start. The REPL itself knows nothing of C.
protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line, without its line break.
    func readLine(prompt: String) -> LineInput
    /// Records a statement the user ran, for Up and for the next session.
    func remember(_ statement: String)
    /// Whether the user pressed Ctrl-C since `clearInterrupt`; asked by running queries.
    var interruption: Cancellation { get }
    func clearInterrupt()
}

enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: drop what was typed and prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case end
}

/// Lines from standard input without editing.
final class PlainLineReader: LineReader {
    func readLine(prompt: String) -> LineInput {
        StandardStreams.out(prompt)
        return Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }

    func remember(_ statement: String) {}
    var interruption: Cancellation { .never }
    func clearInterrupt() {}
}
