/// What a check compares: one amount, or one amount per group (joined on the group's values).
/// Counts compare as numbers; a literal takes the kind of what it is compared with.
struct Measure {
    enum Kind: Equatable { case money, count, literal }

    var kind: Kind
    /// Group field names; empty for a single value.
    var fields: [String]
    /// A group's values as the query's result holds them (text, numbers), so that groups join
    /// on what they are, not on how they print; a single value has key [].
    typealias Key = [ResultTable.Cell]
    /// Group values → amount (fen for money, plain for counts).
    var values: [Key: Int64]
    /// Group order as the query gave it.
    var order: [Key]
    /// For a literal: its decimal text, read once its kind is known.
    var literal: Value?

    static func single(_ value: Int64, kind: Kind) -> Measure {
        Measure(kind: kind, fields: [], values: [[]: value], order: [[]], literal: nil)
    }

    var isGrouped: Bool { !fields.isEmpty }

    /// The value for a group: a single value stands beside every group of the other side.
    func value(at key: Key) -> Int64? { isGrouped ? values[key] : values[[]] }

    /// The groups two sides are joined on: the grouped side's fields, and the keys of either
    /// (the left's order, then the right's others); nil when both are grouped, differently.
    static func joined(_ a: Measure, _ b: Measure) -> (fields: [String], keys: [Key])? {
        if a.isGrouped && b.isGrouped && a.fields != b.fields { return nil }
        var keys = a.isGrouped ? a.order : (b.isGrouped ? b.order : [[]])
        if a.isGrouped && b.isGrouped {
            let seen = Set(keys)
            keys += b.order.filter { !seen.contains($0) }
        }
        return (a.isGrouped ? a.fields : b.fields, keys)
    }

    /// The literal read as money (万元) or as a count.
    func resolved(as kind: Kind, source: String) throws(Diagnostic) -> Measure {
        guard self.kind == .literal, let literal else { return self }
        if kind == .count {
            guard let n = Int64(literal.text) else {
                throw .error("a count is a whole number, not `\(literal.text)`", in: source, at: literal.range)
            }
            return .single(n, kind: .count)
        }
        switch Amount.parse(literal.text, unit: .wan) {
        case .success(let a): return .single(a.fen, kind: .money)
        case .failure(let e):
            throw .error("`\(literal.text)` is \(e.explanation)", in: source, at: literal.range,
                         help: "numbers in a check are amounts in 万元, such as 104 or 0.02")
        }
    }
}
