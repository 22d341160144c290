/// The columns a query's result will have, known before any row is read — group fields,
/// amount columns, `change` and `pct`, computed columns — so that computed columns and
/// `having` are checked (names, kinds, the numbers they compare with) with a caret at the
/// statement, not after a scan. Headers made by `as columns` come from the data: any other
/// name then stands for one of them, of the amount columns' kind, and is looked up once the
/// result has them.
struct ResultColumns {
    enum Kind: Equatable {
        /// A group field's values: text, or numbers (`year`).
        case text, number
        /// Money in fen, a count, an exact quotient.
        case amount, count, ratio

        var name: String {
            switch self {
            case .text: "text"
            case .number: "a number"
            case .amount: "an amount"
            case .count: "a count"
            case .ratio: "a ratio"
            }
        }
    }

    private(set) var names: [String] = []
    private(set) var kinds: [Kind] = []
    private(set) var groups: Set<String> = []
    /// Set under `as columns`: the kind of the headers made from the data.
    var spreadKind: Kind?
    /// Set under `as columns`: the field whose values the headers are.
    private(set) var spreadField: String?

    init(_ plan: QueryPlan) {
        let valueKind: Kind = plan.verb == .count ? .count : .amount
        for field in plan.groupFields where field != plan.pivot {
            add(field.rawValue, field.kind == .number ? .number : .text, group: true)
        }
        if let pivot = plan.pivot {
            spreadKind = valueKind
            spreadField = pivot.rawValue
            if pivot == .year, plan.valueColumns.count == 1, valueKind == .amount {
                add("change", .amount)
                add("pct", .ratio)
            }
        } else {
            for column in plan.valueColumns { add(column.title, valueKind) }
        }
    }

    mutating func add(_ name: String, _ kind: Kind, group: Bool = false) {
        names.append(name)
        kinds.append(kind)
        if group { groups.insert(name) }
    }

    /// The kind of the column a name means, or nil for none. Under `as columns` a name the
    /// result does not have yet may be a header from the data ("2025", 基本支出) — but not a
    /// field's name: `dept` is a header of no spread, so without `by dept` it is no column,
    /// and saying so beats reading `万盛` as an amount. Nor a near miss of a column it has
    /// (`deptt` beside `dept`): that is a typo, said with the nearest name before any row is
    /// read, not a header that would match nothing or fail as an amount.
    func kind(of name: String) -> Kind? {
        if let i = Self.index(of: name, among: names) { return kinds[i] }
        if Field(rawValue: name.lowercased()) != nil { return nil }
        if spreadKind != nil, !name.allSatisfy(\.isNumber), Suggestion.closest(to: name, among: names) != nil { return nil }
        return spreadKind
    }

    func isGroup(_ name: String) -> Bool {
        Self.index(of: name, among: names).map { groups.contains(names[$0]) } ?? false
    }

    /// Which of `names` a name written in a statement means: the name as printed (ASCII
    /// letters in any case), or a column id's Chinese alias (`基本支出` for `basic`). One
    /// rule for computed columns, `having` and `order by`.
    static func index(of written: String, among names: [String]) -> Int? {
        if let i = names.firstIndex(of: written) ?? names.firstIndex(where: { $0.lowercased() == written.lowercased() }) {
            return i
        }
        if let id = ColumnID.allCases.first(where: { $0.aliases.contains(written) })?.id { return names.firstIndex(of: id) }
        return nil
    }

    /// "the result has no column `x`", listing the ones it has.
    /// Before a scan, the headers of `as columns` are not known yet: `spread` names their field.
    static func missing(_ name: String, at range: SourceRange, among names: [String], spread: String? = nil, source: String) -> Diagnostic {
        var listed = names.map { $0.allSatisfy(\.isNumber) ? "\"\($0)\"" : $0 }.joined(separator: ", ")
        if let spread { listed += (listed.isEmpty ? "" : ", and ") + "one for each `\(spread)`" }
        return .error("the result has no column `\(name)`", in: source, at: range,
                      help: Suggestion.help(for: name, among: names).map { $0 + " (its columns: \(listed))" }
                        ?? "its columns: \(listed)")
    }

    func missing(_ name: String, at range: SourceRange, source: String) -> Diagnostic {
        Self.missing(name, at: range, among: names, spread: spreadField, source: source)
    }
}
