/// Reads a `~` pattern into a tree for `RegularExpression` to compile. Errors say what is
/// wrong and at which character, and name what is refused on purpose (what would need
/// backtracking to match).
struct RegularExpressionParser {
    indirect enum Node: Sendable {
        case empty
        case scalar(Unicode.Scalar)
        case any
        case set(ScalarSet)
        case textStart, textEnd, wordBoundary, notWordBoundary
        case sequence([Node])
        case either([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    private let pattern: [Unicode.Scalar]
    private var at = 0
    private var depth = 0

    init(_ pattern: [Unicode.Scalar]) { self.pattern = pattern }

    typealias SyntaxError = RegularExpression.SyntaxError

    private func fail(_ what: String) -> SyntaxError {
        SyntaxError(description: "\(what) (at character \(min(at, pattern.count) + 1))")
    }

    private var peek: Unicode.Scalar? { at < pattern.count ? pattern[at] : nil }

    mutating func parseWhole() throws(SyntaxError) -> Node {
        let node = try alternation()
        if at < pattern.count { throw fail("`)` without a `(`") }
        return node
    }

    private mutating func alternation() throws(SyntaxError) -> Node {
        var choices = [try sequence()]
        while peek == "|" {
            at += 1
            choices.append(try sequence())
        }
        return choices.count == 1 ? choices[0] : .either(choices)
    }

    private mutating func sequence() throws(SyntaxError) -> Node {
        var parts: [Node] = []
        while let c = peek, c != "|", c != ")" {
            var atom = try self.atom()
            if let (min, max) = try quantifier() {
                if case .textStart = atom { throw fail("nothing to repeat before the quantifier") }
                if case .textEnd = atom { throw fail("nothing to repeat before the quantifier") }
                atom = .repeated(atom, min: min, max: max)
                // `a**` or `a{2}{3}`: RE2 refuses a quantifier of a quantifier, and so does tally.
                var copy = self
                let counted = peek == "{" ? try copy.countedRepeat() : nil
                if let c = peek, c == "*" || c == "+" || c == "?" || counted != nil {
                    throw fail("nothing to repeat before `\(c)`: put the repeated part in parentheses")
                }
            }
            parts.append(atom)
        }
        return parts.count == 1 ? parts[0] : (parts.isEmpty ? .empty : .sequence(parts))
    }

    /// `* + ? {n} {n,} {n,m}`, with an optional lazy `?`; nil when none follows.
    private mutating func quantifier() throws(SyntaxError) -> (Int, Int?)? {
        guard let c = peek else { return nil }
        var result: (Int, Int?)
        switch c {
        case "*": result = (0, nil); at += 1
        case "+": result = (1, nil); at += 1
        case "?": result = (0, 1); at += 1
        case "{":
            guard let counted = try countedRepeat() else { return nil }
            result = counted
        default: return nil
        }
        if peek == "?" { at += 1 }  // lazy: the same yes-or-no answer
        else if peek == "+" { throw fail("a possessive quantifier (`*+`, `++`) is not supported") }
        return result
    }

    /// `{n}`, `{n,}`, `{n,m}`; anything else leaves `{` a literal, as Swift and RE2 do.
    private mutating func countedRepeat() throws(SyntaxError) -> (Int, Int?)? {
        var i = at + 1
        func number() -> Int? {
            var value: Int?
            while i < pattern.count, pattern[i].isASCII, let d = Int(String(pattern[i])) {
                value = min((value ?? 0) * 10 + d, RegularExpression.maxRepeat + 1)
                i += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if i < pattern.count, pattern[i] == "," {
            i += 1
            high = number()
        }
        guard i < pattern.count, pattern[i] == "}" else { return nil }
        guard low <= RegularExpression.maxRepeat, (high ?? 0) <= RegularExpression.maxRepeat else {
            throw fail("a repetition count above \(RegularExpression.maxRepeat)")
        }
        guard low <= (high ?? low) else { throw fail("the repetition `{\(low),\(high ?? low)}` runs backwards") }
        at = i + 1
        return (low, high)
    }

    private mutating func atom() throws(SyntaxError) -> Node {
        let c = pattern[at]
        at += 1
        switch c {
        case ".": return .any
        case "^": return .textStart
        case "$": return .textEnd
        case "*", "+", "?": throw fail("nothing to repeat before `\(c)`")
        case "[": return .set(try characterClass())
        case "\\": return try escape(inClass: false)
        case "(":
            if peek == "?" {
                at += 1
                switch peek {
                case ":": at += 1
                case "<" where at + 1 < pattern.count && pattern[at + 1] != "=" && pattern[at + 1] != "!":
                    // A named group: matched as a plain one.
                    while let n = peek, n != ">" { at += 1 }
                    guard peek == ">" else { throw fail("a group name is never closed with `>`") }
                    at += 1
                case "=", "!", "<": throw fail("lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) is not supported: it cannot be matched in linear time")
                default: throw fail("`(?` options are not supported")
                }
            }
            depth += 1
            guard depth <= 200 else { throw fail("groups nested more than 200 deep") }
            let inner = try alternation()
            depth -= 1
            guard peek == ")" else { throw fail("a `(` is never closed") }
            at += 1
            return inner
        default: return .scalar(c)
        }
    }

    private mutating func escape(inClass: Bool) throws(SyntaxError) -> Node {
        guard let c = peek else { throw fail("the pattern ends in a lone `\\`") }
        at += 1
        switch c {
        case "d": return .set(ScalarSet(classes: [.digit]))
        case "D": return .set(ScalarSet(classes: [.digit], negated: true))
        case "w": return .set(ScalarSet(classes: [.word]))
        case "W": return .set(ScalarSet(classes: [.word], negated: true))
        case "s": return .set(ScalarSet(classes: [.space]))
        case "S": return .set(ScalarSet(classes: [.space], negated: true))
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "b" where !inClass: return .wordBoundary
        case "B" where !inClass: return .notWordBoundary
        case "A" where !inClass: return .textStart
        case "z" where !inClass: return .textEnd
        case "1"..."9", "k":
            throw fail("backreferences (`\\\(c)`) are not supported: they cannot be matched in linear time")
        default:
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                throw fail("unknown escape `\\\(c)`")
            }
            return .scalar(c)
        }
    }

    /// `[…]` after its `[`: ranges, escapes, a leading `^`; a `]` first is a literal.
    private mutating func characterClass() throws(SyntaxError) -> ScalarSet {
        var set = ScalarSet()
        if peek == "^" {
            set.negated = true
            at += 1
        }
        var first = true
        while true {
            guard let c = peek else { throw fail("a `[` is never closed with `]`") }
            if c == "]" && !first {
                at += 1
                return set
            }
            first = false
            at += 1
            var low: Unicode.Scalar
            if c == "\\" {
                switch try escape(inClass: true) {
                case .scalar(let s): low = s
                case .set(let inner):
                    set.classes += inner.negated ? [] : inner.classes
                    if inner.negated { set.negatedClasses += inner.classes }
                    continue
                default: throw fail("that escape has no meaning inside `[…]`")
                }
            } else {
                low = c
            }
            if peek == "-", at + 1 < pattern.count, pattern[at + 1] != "]" {
                at += 1
                var high = pattern[at]
                at += 1
                if high == "\\" {
                    guard case .scalar(let s) = try escape(inClass: true) else { throw fail("a range ends in a class such as `\\d`") }
                    high = s
                }
                guard low <= high else { throw fail("the range `\(low)-\(high)` runs backwards") }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
    }
}

/// The scalars a `[…]` class or `\d \w \s` stands for.
struct ScalarSet: Sendable {
    enum Class: Sendable { case digit, word, space }
    var ranges: [ClosedRange<Unicode.Scalar>] = []
    var classes: [Class] = []
    /// Negated classes inside brackets: `[\D]`.
    var negatedClasses: [Class] = []
    var negated = false

    init(classes: [Class] = [], negated: Bool = false) {
        self.classes = classes
        self.negated = negated
    }

    func contains(_ s: Unicode.Scalar) -> Bool {
        let inside = ranges.contains { $0.contains(s) } || classes.contains { Self.is(s, $0) }
            || negatedClasses.contains { !Self.is(s, $0) }
        return inside != negated
    }

    static func `is`(_ s: Unicode.Scalar, _ c: Class) -> Bool {
        switch c {
        case .digit: s.properties.numericType == .decimal
        case .word: s == "_" || s.properties.isAlphabetic || s.properties.numericType == .decimal
        case .space: s.properties.isWhitespace
        }
    }

    static func isWord(_ s: Unicode.Scalar?) -> Bool { s.map { Self.is($0, .word) } ?? false }
}
