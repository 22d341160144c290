/// Turns statement text into tokens: the one reader of the language's characters, which the
/// parser, the statement splitter and completion all use, so they cannot disagree.
///
/// Whitespace (including the ideographic space U+3000) separates tokens; `#` starts a comment
/// to the end of the line; a `\` at the end of a line (blanks after it allowed) continues the
/// statement on the next. Outside quotes, the full-width punctuation a Chinese input method
/// types is read as ASCII (`InputMethodPunctuation`).
///
/// A bare word runs until whitespace, an operator character, a quote, a parenthesis,
/// a comma, a semicolon or `..`; so `2023..2025` is three tokens and `3020.97` one.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    /// Whether line breaks, continuations and comments come out as tokens.
    private let trivia: Bool

    public static let unclosedQuote = "this quoted text is never closed"

    public init(_ source: String, trivia: Bool = false) {
        bytes = Array(source.utf8)
        self.trivia = trivia
    }

    /// The byte offset the next token is read from; the statement splitter moves it past a
    /// dot-command's line, which is not the language.
    public var offset: Int {
        get { index }
        set { index = max(0, min(newValue, bytes.count)) }
    }

    public static func tokens(_ source: String, trivia: Bool = false) -> [Token] {
        var lexer = Lexer(source, trivia: trivia)
        var out: [Token] = []
        while true {
            let token = lexer.next()
            out.append(token)
            if token.kind == .end { return out }
        }
    }

    /// The text the lexer reads back as the one value `text`: the text itself when it is a
    /// single bare word, else in double quotes with any `"` doubled.
    public static func literal(_ text: String) -> String {
        let tokens = Lexer.tokens(text)
        if tokens.count == 2, tokens[0].kind == .word, tokens[0].text == text,
           tokens[0].range == SourceRange(0, text.utf8.count) {
            return text
        }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    public mutating func next() -> Token {
        if let token = skipSpace() { return token }
        let start = index
        guard index < bytes.count else { return Token(.end, .at(index), "") }
        let (b, length) = unit(at: index)

        func single(_ kind: Token.Kind) -> Token {
            index += length
            return Token(kind, SourceRange(start, index), String(UnicodeScalar(b)))
        }
        /// `=`, `<`, `>` or `!` followed by `=` (either of them full-width).
        func pair(_ two: Token.Kind, else one: Token.Kind) -> Token {
            let after = index + length
            if after < bytes.count, unit(at: after).byte == UInt8(ascii: "=") {
                index = after + unit(at: after).length
                return Token(two, SourceRange(start, index), String(UnicodeScalar(b)) + "=")
            }
            return single(one)
        }

        switch b {
        case UInt8(ascii: "="): return pair(.doubleEqual, else: .equal)
        case UInt8(ascii: "<"): return pair(.lessEqual, else: .less)
        case UInt8(ascii: ">"): return pair(.greaterEqual, else: .greater)
        case UInt8(ascii: "!"):
            let token = pair(.notEqual, else: .invalid)
            return token.kind == .invalid ? Token(.invalid, token.range, "`!` must be followed by `=`") : token
        case UInt8(ascii: "~"): return single(.tilde)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "#"):
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            return Token(.comment, SourceRange(start, index), String(decoding: bytes[start..<index], as: UTF8.self))
        case UInt8(ascii: "."):
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ".") {
                index += 2
                return Token(.dotDot, SourceRange(start, index), "..")
            }
            return word(from: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return quoted(from: start, quote: b)
        default:
            return word(from: start)
        }
    }

    /// The character at `i` as the language reads it: the ASCII form of input-method
    /// punctuation, else the byte itself.
    private func unit(at i: Int) -> (byte: UInt8, length: Int) {
        InputMethodPunctuation.ascii(in: bytes, at: i) ?? (bytes[i], 1)
    }

    private mutating func word(from start: Int) -> Token {
        var text: [UInt8] = []
        while index < bytes.count {
            let (b, length) = unit(at: index)
            if isDelimiter(b) || isSpace(b) || continuationLength(at: index) > 0 { break }
            if b == UInt8(ascii: "."), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "."), index > start { break }
            // Only `：` of the input-method forms can sit inside a word; the rest end it.
            text.append(b)
            index += length
        }
        // Every token moves on, so no reader of tokens can loop in place.
        if index == start { index += unit(at: start).length }
        return Token(.word, SourceRange(start, index), String(decoding: text, as: UTF8.self))
    }

    private mutating func quoted(from start: Int, quote: UInt8) -> Token {
        index += 1
        var value: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            if b == quote {
                // A doubled quote stands for one quote character.
                if index + 1 < bytes.count, bytes[index + 1] == quote {
                    value.append(quote)
                    index += 2
                    continue
                }
                index += 1
                return Token(.quoted, SourceRange(start, index), String(decoding: value, as: UTF8.self))
            }
            value.append(b)
            index += 1
        }
        return Token(.invalid, SourceRange(start, index), Self.unclosedQuote)
    }

    private func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "\""),
            UInt8(ascii: "'"), UInt8(ascii: "#"):
            true
        default: false
        }
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    /// The length of a line continuation at `i` — `\`, blanks, then a line break or the end
    /// of the text — or 0.
    private func continuationLength(at i: Int) -> Int {
        guard bytes[i] == UInt8(ascii: "\\") else { return 0 }
        var j = i + 1
        while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") || bytes[j] == UInt8(ascii: "\r") {
            j += 1
        }
        if j == bytes.count { return j - i }
        return bytes[j] == UInt8(ascii: "\n") ? j + 1 - i : 0
    }

    /// Skips whitespace; with trivia, returns the line break or continuation met instead.
    private mutating func skipSpace() -> Token? {
        while index < bytes.count {
            let start = index
            let (b, length) = unit(at: index)
            if b == UInt8(ascii: "\n") {
                index += 1
                if trivia { return Token(.newline, SourceRange(start, index), "\n") }
            } else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                index += length
            } else if case let n = continuationLength(at: index), n > 0 {
                index += n
                if trivia { return Token(.continuation, SourceRange(start, index), "\\") }
            } else if b == UInt8(ascii: "#"), !trivia {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else {
                return nil
            }
        }
        return nil
    }
}
