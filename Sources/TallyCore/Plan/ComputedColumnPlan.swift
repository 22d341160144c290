/// A computed column with its kind settled before any row is read (§3): amount ± amount and
/// amount × or ÷ a number are amounts, amount ÷ amount is a ratio. A number beside an amount
/// in `+`/`-` is in 万元, as everywhere in a query; beside a count, a count; beside a ratio,
/// a fraction. Its numbers are read here, once, as exact fractions in the units the row's
/// cells are read in (fen, counts, fractions).
struct ComputedColumnPlan: Sendable {
    var name: String
    var nameRange: SourceRange
    var value: Term
    var kind: ResultColumns.Kind

    indirect enum Term: Sendable {
        /// A column of the result by its name as written (looked up once the result has it).
        case column(Name)
        /// A number in the units of what it meets; `inFen` beside an amount (typed in 万元).
        case constant(Ratio, inFen: Bool)
        case negated(Term)
        case binary(ArithmeticOp, Term, Term, opRange: SourceRange)
    }

    /// The kinds an expression's parts may have while it is checked; a number takes the kind of
    /// what it is added to.
    private enum Part: Equatable {
        case column(ResultColumns.Kind)
        case number
    }

    static func plan(_ computed: ComputedColumn, columns: ResultColumns, source: String) throws(Diagnostic) -> ComputedColumnPlan {
        let checker = Checker(columns: columns, source: source)
        let part = try checker.kind(of: computed.value)
        guard case .column(let kind) = part else {
            throw .error("`\(computed.name.text)` is only numbers: a computed column needs a column of the result", in: source,
                         at: computed.value.range, help: "for example `share = project / total`")
        }
        let term = try checker.term(computed.value, as: kind)
        return ComputedColumnPlan(name: computed.name.text, nameRange: computed.name.range, value: term, kind: kind)
    }

    private struct Checker {
        let columns: ResultColumns
        let source: String

        func fail(_ message: String, _ range: SourceRange, help: String? = nil) -> Diagnostic {
            .error(message, in: source, at: range, help: help)
        }

        func kind(of expr: ColumnExpr) throws(Diagnostic) -> Part {
            switch expr {
            case .number(let v):
                guard Ratio.parse(v.text) != nil, !v.text.hasSuffix("%") else {
                    throw fail("`\(v.text)` is not a number", v.range)
                }
                return .number
            case .column(let v):
                guard let kind = columns.kind(of: v.text) else { throw columns.missing(v.text, at: v.range, source: source) }
                if columns.isGroup(v.text) || kind == .text || kind == .number {
                    throw fail("`\(v.text)` is a group field, not an amount", v.range,
                               help: "a computed column combines the result's amount columns, `change` and numbers")
                }
                return .column(kind)
            case .negated(let e, _), .parenthesized(let e, _):
                return try kind(of: e)
            case .binary(let op, let l, let r, let opRange):
                return try combine(op, try kind(of: l), try kind(of: r), at: opRange)
            }
        }

        private func combine(_ op: ArithmeticOp, _ a: Part, _ b: Part, at range: SourceRange) throws(Diagnostic) -> Part {
            switch (op, a, b) {
            case (_, .number, .number): return .number
            case (.add, _, .number), (.subtract, _, .number): return a
            case (.add, .number, _), (.subtract, .number, _): return b
            case (.add, .column(let x), .column(let y)), (.subtract, .column(let x), .column(let y)):
                guard x == y else { throw fail("cannot \(op == .add ? "add" : "subtract") \(y.name) and \(x.name)", range) }
                return a
            case (.multiply, .column(let x), .number), (.divide, .column(let x), .number), (.multiply, .number, .column(let x)):
                return .column(x)
            case (.divide, .number, .column(let x)):
                throw fail("a number divided by \(x.name) is neither an amount nor a ratio", range,
                           help: "divide an amount by a number or by another amount")
            case (.multiply, .column(let x), .column(let y)):
                if x == .ratio { return b }
                if y == .ratio { return a }
                throw fail("\(x.name) times \(y.name) is not a figure tally can show", range,
                           help: "multiply an amount by a number or a ratio")
            case (.divide, .column(let x), .column(let y)):
                if x == y { return .column(.ratio) }
                if y == .ratio { return a }
                throw fail("\(x.name) divided by \(y.name) is not a figure tally can show", range,
                           help: "divide an amount by an amount (a ratio) or by a number")
            }
        }

        /// The expression with its numbers read in the units of what they meet: `+ 100` beside an
        /// amount is 100 万元 (100,000,000 fen); `* 100` is a factor.
        func term(_ expr: ColumnExpr, as context: ResultColumns.Kind) throws(Diagnostic) -> Term {
            switch expr {
            case .number(let v):
                guard var value = Ratio.parse(v.text) else { throw fail("`\(v.text)` is not a number", v.range) }
                switch context {
                case .amount:
                    value = (value * Ratio(1_000_000)) ?? value
                    guard value.denominator == 1 else {
                        throw fail("`\(v.text)` has more decimal places than 0.01 元", v.range, help: "amounts are in 万元: 0.000001 is one fen")
                    }
                case .count:
                    guard value.denominator == 1 else { throw fail("a count is a whole number, not `\(v.text)`", v.range) }
                default: break
                }
                return .constant(value, inFen: context == .amount)
            case .column(let v): return .column(Name(text: v.text, range: v.range, quoted: v.quoted))
            case .negated(let e, _): return .negated(try term(e, as: context))
            case .parenthesized(let e, _): return try term(e, as: context)
            case .binary(let op, let l, let r, let opRange):
                // A factor or divisor is a plain number; an added number takes the other side's kind.
                if op == .multiply || op == .divide {
                    return .binary(op, try term(l, as: try factorContext(l)), try term(r, as: try factorContext(r)), opRange: opRange)
                }
                let side: ResultColumns.Kind
                switch (try kind(of: l), try kind(of: r)) {
                case (.column(let k), _), (_, .column(let k)): side = k
                default: side = context
                }
                return .binary(op, try term(l, as: side), try term(r, as: side), opRange: opRange)
            }
        }

        private func factorContext(_ e: ColumnExpr) throws(Diagnostic) -> ResultColumns.Kind {
            if case .column(let k) = try kind(of: e) { return k }
            return .ratio
        }
    }
}
