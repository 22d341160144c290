/// Cuts script text into statements. A statement ends at `;` or at the end of a line, unless
/// a quote or a parenthesis is still open or the line ends with `\`. A line starting with
/// `.` is a dot-command; a line starting with `#` is a comment.
///
/// The same rules tell the REPL when to show the continuation prompt (`isComplete`).
public enum StatementSplitter {
    public struct Piece: Equatable, Sendable {
        public var text: String
        /// 0-based line of the script on which the piece starts.
        public var line: Int
        public var isDotCommand: Bool
    }

    public static func split(_ script: String) -> [Piece] {
        var pieces: [Piece] = []
        var current: [UInt8] = []
        var startLine = 0
        var state = State()
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, rawLine) in lines.enumerated() {
            var line = Array(rawLine.utf8)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if current.isEmpty {
                let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                if trimmed.first == UInt8(ascii: ".") && !(trimmed.dropFirst().first == UInt8(ascii: ".")) {
                    pieces.append(Piece(text: String(decoding: trimmed, as: UTF8.self), line: number, isDotCommand: true))
                    continue
                }
                startLine = number
            }
            var inComment = false
            for b in line {
                if inComment {
                    current.append(b)
                    continue
                }
                if state.quote == nil && b == UInt8(ascii: ";") && state.depth <= 0 {
                    flush(&current, &pieces, startLine)
                    state = State()
                    startLine = number
                    continue
                }
                if state.quote == nil && b == UInt8(ascii: "#") { inComment = true }
                state.feed(b)
                if current.isEmpty && (b == UInt8(ascii: " ") || b == UInt8(ascii: "\t")) {
                    startLine = number
                    continue
                }
                current.append(b)
            }
            let continues = state.quote != nil || state.depth > 0 || (!inComment && current.last == UInt8(ascii: "\\"))
            if continues {
                if !inComment, current.last == UInt8(ascii: "\\"), state.quote == nil {
                    current[current.count - 1] = UInt8(ascii: " ")
                }
                if !current.isEmpty { current.append(UInt8(ascii: "\n")) }
            } else {
                flush(&current, &pieces, startLine)
                state = State()
            }
        }
        flush(&current, &pieces, startLine)
        return pieces
    }

    /// False while a statement needs more lines: an open quote or parenthesis, or a
    /// trailing `\`.
    public static func isComplete(_ text: String) -> Bool {
        var state = State()
        var inComment = false
        var last: UInt8 = 0
        for b in text.utf8 {
            if b == UInt8(ascii: "\n") { inComment = false }
            if inComment { continue }
            if state.quote == nil && b == UInt8(ascii: "#") {
                inComment = true
                continue
            }
            state.feed(b)
            if b != UInt8(ascii: " ") && b != UInt8(ascii: "\n") && b != UInt8(ascii: "\t") { last = b }
        }
        return state.quote == nil && state.depth <= 0 && last != UInt8(ascii: "\\")
    }

    private struct State {
        var quote: UInt8?
        var depth = 0

        mutating func feed(_ b: UInt8) {
            if let q = quote {
                if b == q { quote = nil }
                return
            }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            default: break
            }
        }
    }

    private static func flush(_ current: inout [UInt8], _ pieces: inout [Piece], _ line: Int) {
        while let last = current.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\n") || last == UInt8(ascii: "\t") {
            current.removeLast()
        }
        let text = String(decoding: current, as: UTF8.self)
        current = []
        // A piece that is only a comment is no statement.
        let meaningful = text.split(separator: "\n").contains { line in
            let t = line.drop { $0 == " " || $0 == "\t" }
            return !t.isEmpty && t.first != "#"
        }
        if meaningful { pieces.append(Piece(text: text, line: line, isDotCommand: false)) }
    }
}
