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
        /// Trivia, given only to readers that ask for it (`Lexer(_:trivia:)`): the statement
        /// splitter and completion, which care where lines end. A line break outside quotes;
        /// a `\` that continues the statement on the next line (with the line break); a `#` comment.
        case newline, continuation, comment
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

    /// Quoted text that runs to the end of the source: the statement goes on.
    public var isUnclosedQuote: Bool { kind == .invalid && text == Lexer.unclosedQuote }

    public var isTrivia: Bool { kind == .newline || kind == .continuation || kind == .comment }

    public var isComparison: Bool {
        switch kind {
        case .equal, .doubleEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .tilde: true
        default: false
        }
    }
}
