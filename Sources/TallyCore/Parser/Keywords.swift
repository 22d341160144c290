/// The language's words, one table for the parser, its suggestions and completion (grammar.md
/// names each in a rule). Keywords are matched ignoring ASCII case.
enum Keywords {
    /// Never a code pattern, a field or a `let` name: they join and end a query's parts.
    static let reserved = ["where", "by", "and", "or", "not", "having"]
    /// What a statement other than a query starts with.
    static let statements = ["check", "let", "audit", "show", "chart", "explain", "export"]
    /// A query's clauses after its targets, in their order (`order` is followed by `by`).
    static let clauses = ["where", "by", "having", "order"]
    /// A check's own clauses after its comparison.
    static let checkClauses = ["within", "as"]
    /// What starts a statement at the prompt: the verbs, then the other statements.
    static var statementStarts: [String] { Verb.allCases.map(\.rawValue) + statements }
}
