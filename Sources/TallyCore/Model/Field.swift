/// A line item's fields, by the names the query language uses (§2).
public enum Field: String, CaseIterable, Sendable {
    case doc, label, district, dept, year
    case budgetYear = "budget_year"
    case phase, table, code, name, column, amount, level, line, page

    public enum Kind: Sendable {
        /// Free text: `=` is a substring match, `==` the whole value.
        case text
        /// A fixed vocabulary (table, column and phase ids and their Chinese aliases).
        case identifier
        /// A classification code: `=` takes code patterns.
        case code
        /// Compared as numbers.
        case number
        /// Money, compared as exact decimals in 万元.
        case amount
    }

    public var kind: Kind {
        switch self {
        case .doc, .label, .district, .dept, .name: .text
        case .table, .column, .phase: .identifier
        case .code: .code
        case .year, .budgetYear, .level, .line, .page: .number
        case .amount: .amount
        }
    }

    /// The fields `list` always prints, in order (§3).
    public static let listed: [Field] = [.doc, .district, .dept, .year, .table, .code, .name, .column, .amount, .line]

    /// The fields `list` prints for a store: `phase` where any figure is not a budget's,
    /// `page` where any came from a PDF.
    public static func listed(hasPhases: Bool, hasPages: Bool) -> [Field] {
        var fields = listed
        if hasPhases { fields.insert(.phase, at: fields.firstIndex(of: .year)! + 1) }
        if hasPages { fields.append(.page) }
        return fields
    }

    /// What `export` writes: every stored field (`level` is the code's), so a reload is the same store.
    public static let exported: [Field] = allCases.filter { $0 != .level }

    public static var names: [String] { allCases.map(\.rawValue) }
}

/// A fixed vocabulary of ids with the Chinese names users call them by (tables, columns,
/// phases): one way to name them, wherever a name is read.
public protocol NamedID: CaseIterable, RawRepresentable, Sendable where RawValue == UInt8, AllCases == [Self] {
    var id: String { get }
    var aliases: [String] { get }
}

extension NamedID {
    /// The value named by an id or an exact Chinese alias.
    public init?(named name: String) {
        guard let found = Self.allCases.first(where: { $0.id == name || $0.aliases.contains(name) }) else { return nil }
        self = found
    }

    public static var allNames: [String] { allCases.flatMap { [$0.id] + $0.aliases } }
}
