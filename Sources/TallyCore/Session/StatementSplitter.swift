/// Cuts script text into statements. A statement ends at `;` or at the end of a line, unless
/// a quote or a parenthesis is still open or the line ends with `\`. A line starting with
/// `.` is a dot-command; a line starting with `#` is a comment.
///
/// It reads the statements through the lexer's tokens (with line breaks, continuations and
/// comments), so a `;` or `（` typed full-width, or a quote, means here what the parser reads.
/// The same rules tell the REPL when to show the continuation prompt (`isComplete`) and what
/// to keep in history (`historyEntry`).
public enum StatementSplitter {
    public struct Piece: Equatable, Sendable {
        public var text: String
        /// 0-based line of the script on which the piece starts.
        public var line: Int
        public var isDotCommand: Bool
    }

    public static func split(_ script: String) -> [Piece] {
        let bytes = Array(script.utf8)
        var lexer = Lexer(script, trivia: true)
        var lines = LineCounter(bytes: bytes)
        var pieces: [Piece] = []
        var statement: Statement?
        var depth = 0
        var atLineStart = true

        func flush() {
            if let statement { pieces.append(statement.piece(bytes, line: lines.line(at: statement.start))) }
            statement = nil
            depth = 0
        }

        while true {
            if statement == nil, atLineStart, let command = dotCommand(bytes, from: lexer.offset) {
                let text = String(decoding: bytes[command], as: UTF8.self)
                pieces.append(Piece(text: text, line: lines.line(at: command.lowerBound), isDotCommand: true))
                lexer.offset = command.upperBound
                atLineStart = false
                continue
            }
            let token = lexer.next()
            switch token.kind {
            case .end:
                flush()
                return pieces
            case .newline:
                atLineStart = true
                if depth <= 0 { flush() }
                continue
            case .comment:
                continue
            case .continuation:
                statement?.continuations.append(token.range.start)
                atLineStart = statement == nil
                continue
            case .semicolon where depth <= 0:
                flush()
                atLineStart = false
                continue
            case .leftParen: depth += 1
            case .rightParen: depth -= 1
            default: break
            }
            if statement == nil { statement = Statement(start: token.range.start, end: token.range.end) }
            statement?.end = token.range.end
            atLineStart = false
        }
    }

    /// False while a statement needs more lines: an open quote or parenthesis, or a
    /// trailing `\` (a `\` and then an empty line ends it).
    public static func isComplete(_ text: String) -> Bool {
        var lexer = Lexer(text, trivia: true)
        var depth = 0
        var last = Token(.end, .at(0), "")
        while true {
            let token = lexer.next()
            switch token.kind {
            case .end:
                // `\` at the very end: the next line is to come. `\` and an empty line: done.
                let endsContinued = last.kind == .continuation && !text.utf8.dropFirst(last.range.start).contains(UInt8(ascii: "\n"))
                return depth <= 0 && !endsContinued
            case _ where token.isUnclosedQuote: return false
            case .leftParen: depth += 1
            case .rightParen: depth -= 1
            default: break
            }
            last = token
        }
    }

    /// A statement as history keeps it: as it ran, each `\` that continued it onto the next
    /// line taken out with the line break, so Up gives a statement that runs again.
    /// A statement spread over lines by an open parenthesis keeps its lines, but not its
    /// comments: Up shows it on one line, where a comment would swallow the lines after it.
    public static func historyEntry(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let tokens = Lexer.tokens(text, trivia: true)
        let firstBreak = tokens.firstIndex { $0.kind == .newline } ?? tokens.endIndex
        let severalLines = tokens[firstBreak...].contains { !$0.isTrivia && $0.kind != .end }
        var out: [UInt8] = []
        var copied = 0
        func trimBlanks() {
            while let b = out.last, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { out.removeLast() }
        }
        for token in tokens {
            switch token.kind {
            case .continuation:
                out += bytes[copied..<token.range.start]
                trimBlanks()
                copied = token.range.end
                while copied < bytes.count, bytes[copied] == UInt8(ascii: " ") || bytes[copied] == UInt8(ascii: "\t") { copied += 1 }
                out.append(UInt8(ascii: " "))
            case .comment where severalLines:
                out += bytes[copied..<token.range.start]
                trimBlanks()
                copied = token.range.end
            default: continue
            }
        }
        out += bytes[copied...]
        while let b = out.last, b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte range of a dot-command when the line from `offset` is one: blanks, then
    /// `.` (not `..`), to the end of the line.
    private static func dotCommand(_ bytes: [UInt8], from offset: Int) -> Range<Int>? {
        var start = offset
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "."),
              start + 1 == bytes.count || bytes[start + 1] != UInt8(ascii: ".") else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var trimmed = end
        while trimmed > start, bytes[trimmed - 1] == UInt8(ascii: "\r") { trimmed -= 1 }
        return start..<trimmed
    }

    /// The tokens of one statement so far: from the first to the last, and where its `\`
    /// continuations are.
    private struct Statement {
        var start: Int
        var end: Int
        var continuations: [Int] = []

        /// The statement's text as written, each continuing `\` a space (its line breaks
        /// kept, so an error on a later line gives that line's number).
        func piece(_ bytes: [UInt8], line: Int) -> Piece {
            var text = Array(bytes[start..<end])
            for offset in continuations where offset >= start && offset < end { text[offset - start] = UInt8(ascii: " ") }
            // An unclosed quote runs to the end of the script, blank lines included.
            while let b = text.last, b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\t") {
                text.removeLast()
            }
            return Piece(text: String(decoding: text, as: UTF8.self), line: line, isDotCommand: false)
        }
    }

    /// Line numbers of byte offsets asked in increasing order, counted once.
    private struct LineCounter {
        let bytes: [UInt8]
        var counted = 0
        var lines = 0

        mutating func line(at offset: Int) -> Int {
            while counted < min(offset, bytes.count) {
                if bytes[counted] == UInt8(ascii: "\n") { lines += 1 }
                counted += 1
            }
            return lines
        }
    }
}
