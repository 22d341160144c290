/// One token of a statement: its kind, where it is (UTF-8 byte range), and its text.
/// For a quoted string, `text` is the value inside the quotes.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A bare word: a keyword, field, code pattern, number or Chinese text.
        case word
        /// Text in single or double quotes.
        case quoted
        case equal, doubleEqual, notEqual, less, lessEqual, greater, greaterEqual, tilde
        case comma, dotDot, leftParen, rightParen, semicolon
        case end
        /// Something the lexer could not read; `text` says what. Lexer errors travel on
        /// tokens and the parser reports them.
        case invalid
    }

    public var kind: Kind
    public var range: SourceRange
    public var text: String

    public init(_ kind: Kind, _ range: SourceRange, _ text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }

    /// True for a bare word equal to `keyword`, ignoring ASCII case.
    public func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    public var isComparison: Bool {
        switch kind {
        case .equal, .doubleEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .tilde: true
        default: false
        }
    }
}
