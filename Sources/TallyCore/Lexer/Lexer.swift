/// Turns statement text into tokens. Whitespace (including the ideographic space U+3000)
/// separates tokens; `#` starts a comment to the end of the line.
///
/// A bare word runs until whitespace, an operator character, a quote, a parenthesis,
/// a comma, a semicolon or `..`; so `2023..2025` is three tokens and `3020.97` one.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ source: String) {
        bytes = Array(source.utf8)
    }

    public static func tokens(_ source: String) -> [Token] {
        var lexer = Lexer(source)
        var out: [Token] = []
        while true {
            let token = lexer.next()
            out.append(token)
            if token.kind == .end { return out }
        }
    }

    public mutating func next() -> Token {
        skipSpaceAndComments()
        let start = index
        guard index < bytes.count else { return Token(.end, .at(index), "") }
        let b = bytes[index]

        func single(_ kind: Token.Kind) -> Token {
            index += 1
            return Token(kind, SourceRange(start, index), String(decoding: bytes[start..<index], as: UTF8.self))
        }
        func pair(_ second: UInt8, _ two: Token.Kind, else one: Token.Kind) -> Token {
            if index + 1 < bytes.count, bytes[index + 1] == second {
                index += 2
                return Token(two, SourceRange(start, index), String(decoding: bytes[start..<index], as: UTF8.self))
            }
            return single(one)
        }

        switch b {
        case UInt8(ascii: "="): return pair(UInt8(ascii: "="), .doubleEqual, else: .equal)
        case UInt8(ascii: "<"): return pair(UInt8(ascii: "="), .lessEqual, else: .less)
        case UInt8(ascii: ">"): return pair(UInt8(ascii: "="), .greaterEqual, else: .greater)
        case UInt8(ascii: "!"):
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") { return pair(UInt8(ascii: "="), .notEqual, else: .invalid) }
            index += 1
            return Token(.invalid, SourceRange(start, index), "`!` must be followed by `=`")
        case UInt8(ascii: "~"): return single(.tilde)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: ";"): return single(.semicolon)
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

    private mutating func word(from start: Int) -> Token {
        while index < bytes.count {
            let b = bytes[index]
            if isDelimiter(b) || isSpace(at: index) > 0 { break }
            if b == UInt8(ascii: "."), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "."), index > start { break }
            index += 1
        }
        return Token(.word, SourceRange(start, index), String(decoding: bytes[start..<index], as: UTF8.self))
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
        return Token(.invalid, SourceRange(start, index), "this quoted text is never closed")
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

    /// The byte length of the whitespace at `i`, or 0.
    private func isSpace(at i: Int) -> Int {
        switch bytes[i] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return 1
        case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80: return 3  // U+3000
        default: return 0
        }
    }

    private mutating func skipSpaceAndComments() {
        while index < bytes.count {
            let n = isSpace(at: index)
            if n > 0 {
                index += n
            } else if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else {
                return
            }
        }
    }
}
