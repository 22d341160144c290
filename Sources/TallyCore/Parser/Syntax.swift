/// The syntax tree of a statement. Every node keeps its source range so an error can point
/// at its cause, and prints itself back as canonical source (`description`), which is what
/// parser tests compare.

public enum Verb: String, CaseIterable, Sendable {
    case sum, count, avg, min, max, list, top

    /// Verbs that add money, and so apply the default table and column (§3).
    public var addsMoney: Bool { self != .list && self != .count }
}

/// A name as written: a field, a column id, a keyword.
public struct Name: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var range: SourceRange
    /// Written in quotes: a result column named by a number (`having "2025" is empty`).
    public var quoted = false
    public var description: String { quoted ? Value(text: text, range: range, quoted: true).description : text }
}

/// A literal operand: a bare word or quoted text.
public struct Value: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var range: SourceRange
    public var quoted: Bool

    public var description: String {
        quoted ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }
}

public enum ComparisonOp: String, Sendable, CaseIterable {
    case equal = "=", whole = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case matches = "~"
}

public enum Operand: Hashable, Sendable, CustomStringConvertible {
    /// One value, or several joined by commas (any of them).
    case values([Value])
    /// `low..high`, both ends included.
    case range(Value, Value)

    public var range: SourceRange {
        switch self {
        case .values(let v): v[0].range.union(v[v.count - 1].range)
        case .range(let a, let b): a.range.union(b.range)
        }
    }

    public var description: String {
        switch self {
        case .values(let v): v.map(\.description).joined(separator: ",")
        case .range(let a, let b): "\(a)..\(b)"
        }
    }
}

/// `field op operand`, e.g. `dept=綦江`, `year=2023..2025`, `name~"^其他"`.
public struct Condition: Hashable, Sendable, CustomStringConvertible {
    public var field: Name
    public var op: ComparisonOp
    public var opRange: SourceRange
    public var operand: Operand

    public var range: SourceRange { field.range.union(operand.range) }
    public var description: String { "\(field)\(op.rawValue)\(operand)" }
}

public indirect enum Expr: Hashable, Sendable, CustomStringConvertible {
    case condition(Condition)
    case not(Expr, keyword: SourceRange)
    case and([Expr])
    case or([Expr])
    case parenthesized(Expr, SourceRange)
    /// `COLUMN is empty` / `COLUMN is not empty`: a result cell with no figure (`having` only).
    case isEmpty(Name, negated: Bool, range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .condition(let c): c.range
        case .isEmpty(_, _, let r): r
        case .not(let e, let k): k.union(e.range)
        case .and(let es), .or(let es): es[0].range.union(es[es.count - 1].range)
        case .parenthesized(_, let r): r
        }
    }

    public var description: String {
        switch self {
        case .condition(let c): c.description
        case .not(let e, _): "not \(e)"
        case .and(let es): es.map(\.description).joined(separator: " and ")
        case .or(let es): es.map(\.description).joined(separator: " or ")
        case .parenthesized(let e, _): "(\(e))"
        case .isEmpty(let n, let negated, _): "\(n) is \(negated ? "not " : "")empty"
        }
    }

    /// Whether any condition in the expression is on `field`.
    public func mentions(_ field: String) -> Bool {
        switch self {
        case .condition(let c): c.field.text.lowercased() == field
        case .isEmpty(let n, _, _): n.text.lowercased() == field
        case .not(let e, _), .parenthesized(let e, _): e.mentions(field)
        case .and(let es), .or(let es): es.contains { $0.mentions(field) }
        }
    }
}

/// `sum 2080* where dept=綦江 year=2025 by basic,project`
public struct Query: Hashable, Sendable, CustomStringConvertible {
    public var verb: Verb
    public var verbRange: SourceRange
    /// N of `top N`.
    public var limit: Int?
    /// FIELD of `top N per FIELD`: the N largest within each of its values.
    public var per: Name? = nil
    /// Code patterns; empty means every code.
    public var targets: [Value]
    public var filter: Expr?
    public var groups: [Name]
    /// The group written `year as columns`: its values become output columns (one of `groups`).
    public var pivot: Name?
    /// `by …, NAME = EXPR`: columns computed from the result's amount columns.
    public var computed: [ComputedColumn] = []
    /// `having COND`: the result rows whose columns satisfy COND.
    public var having: Expr? = nil
    /// `order by KEY [asc|desc], …`: the result's rows sorted by its columns.
    public var order: [OrderKey] = []
    public var range: SourceRange

    public var description: String {
        var parts = [verb.rawValue]
        if let limit { parts.append(String(limit)) }
        if let per { parts.append("per \(per)") }
        if !targets.isEmpty { parts.append(targets.map(\.description).joined(separator: ",")) }
        if let filter { parts.append("where \(filter)") }
        if !groups.isEmpty || !computed.isEmpty {
            parts.append("by " + (groups.map { $0 == pivot ? $0.text + " as columns" : $0.text } + computed.map(\.description))
                .joined(separator: ", "))
        }
        if let having { parts.append("having \(having)") }
        if !order.isEmpty { parts.append("order by " + order.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: " ")
    }
}

/// `share = project / total`: a result column computed row by row from the result's amount
/// columns, `change` and numbers (§3).
public struct ComputedColumn: Hashable, Sendable, CustomStringConvertible {
    public var name: Name
    public var value: ColumnExpr
    public var range: SourceRange { name.range.union(value.range) }
    public var description: String { "\(name) = \(value)" }
}

/// Arithmetic over a result's columns: `project / total`, `("2025" - "2024") * 100`.
public indirect enum ColumnExpr: Hashable, Sendable, CustomStringConvertible {
    /// A column of the result by its name (quoted when it is a number, `"2025"`).
    case column(Value)
    case number(Value)
    case negated(ColumnExpr, sign: SourceRange)
    case binary(ArithmeticOp, ColumnExpr, ColumnExpr, opRange: SourceRange)
    case parenthesized(ColumnExpr, SourceRange)

    public var range: SourceRange {
        switch self {
        case .column(let v), .number(let v): v.range
        case .negated(let e, let sign): sign.union(e.range)
        case .binary(_, let l, let r, _): l.range.union(r.range)
        case .parenthesized(_, let r): r
        }
    }

    public var description: String {
        switch self {
        case .column(let v): v.quoted || v.text.first?.isNumber == true ? Value(text: v.text, range: v.range, quoted: true).description : v.text
        case .number(let v): v.text
        case .negated(let e, _): "-\(e)"
        case .binary(let op, let l, let r, _): "\(l) \(op.rawValue) \(r)"
        case .parenthesized(let e, _): "(\(e))"
        }
    }
}

/// One key of `order by`: a result column's name as written (quoted when it is a number,
/// `"2025"`), largest first with `desc`.
public struct OrderKey: Hashable, Sendable, CustomStringConvertible {
    public var column: Value
    public var descending: Bool
    public var description: String { descending ? "\(column) desc" : column.description }
}

/// An amount to compare in a check: a query, a number (in 万元), a name given by `let`, or
/// arithmetic on them.
public indirect enum ValueExpr: Hashable, Sendable, CustomStringConvertible {
    case query(Query)
    case number(Value)
    case name(Name)
    case binary(ArithmeticOp, ValueExpr, ValueExpr, opRange: SourceRange)
    case parenthesized(ValueExpr, SourceRange)

    public var range: SourceRange {
        switch self {
        case .query(let q): q.range
        case .number(let v): v.range
        case .name(let n): n.range
        case .binary(_, let l, let r, _): l.range.union(r.range)
        case .parenthesized(_, let r): r
        }
    }

    public var description: String {
        switch self {
        case .query(let q): q.description
        case .number(let v): v.description
        case .name(let n): n.text
        case .binary(let op, let l, let r, _): "\(l) \(op.rawValue) \(r)"
        case .parenthesized(let e, _): "(\(e))"
        }
    }

    /// Every query in the expression, left to right.
    public var queries: [Query] {
        switch self {
        case .query(let q): [q]
        case .number, .name: []
        case .binary(_, let l, let r, _): l.queries + r.queries
        case .parenthesized(let e, _): e.queries
        }
    }
}

public enum ArithmeticOp: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// `check EXPR OP EXPR [within TOL] [as "label"]`
public struct Check: Hashable, Sendable, CustomStringConvertible {
    public var left: ValueExpr
    public var op: ComparisonOp
    public var opRange: SourceRange
    public var right: ValueExpr
    public var tolerance: Value?
    public var label: Value?
    public var range: SourceRange

    public var description: String {
        var text = "check \(left) \(op.rawValue) \(right)"
        if let tolerance { text += " within \(tolerance)" }
        if let label { text += " as \(Value(text: label.text, range: label.range, quoted: true))" }
        return text
    }
}

/// `let NAME = EXPR`
public struct Let: Hashable, Sendable, CustomStringConvertible {
    public var name: Name
    public var value: ValueExpr
    public var description: String { "let \(name.text) = \(value)" }
}

/// `audit [RULE…] [where …]`
public struct Audit: Hashable, Sendable, CustomStringConvertible {
    public var rules: [Name]
    public var filter: Expr?
    public var range: SourceRange

    public var description: String {
        var parts = ["audit"] + rules.map(\.text)
        if let filter { parts.append("where \(filter)") }
        return parts.joined(separator: " ")
    }
}

/// `export items.tsv where district=北碚`: the loaded line items, in the generic format.
public struct Export: Hashable, Sendable, CustomStringConvertible {
    public var path: Value
    public var filter: Expr?
    public var range: SourceRange

    public var description: String {
        var parts = ["export", path.description]
        if let filter { parts.append("where \(filter)") }
        return parts.joined(separator: " ")
    }
}

public enum Statement: Hashable, Sendable, CustomStringConvertible {
    case query(Query)
    case check(Check)
    case `let`(Let)
    case audit(Audit)
    /// `chart QUERY`: the result drawn as horizontal bars.
    case chart(Query)
    /// `explain sql QUERY`: the same question as SQL for DuckDB and ClickHouse.
    case explainSQL(Query)
    case export(Export)
    /// `show EXPR`: the value of an expression of queries, names and numbers.
    case show(ValueExpr)

    public var description: String {
        switch self {
        case .query(let q): q.description
        case .check(let c): c.description
        case .let(let l): l.description
        case .audit(let a): a.description
        case .chart(let q): "chart \(q)"
        case .explainSQL(let q): "explain sql \(q)"
        case .export(let e): e.description
        case .show(let e): "show \(e)"
        }
    }
}
