/// A line item's fields, by the names the query language uses (§2).
public enum Field: String, CaseIterable, Sendable {
    case doc, district, dept, year, table, code, name, column, amount, level, line

    public enum Kind: Sendable {
        /// Free text: `=` is a substring match, `==` the whole value.
        case text
        /// A fixed vocabulary (table and column ids and their Chinese aliases).
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
        case .doc, .district, .dept, .name: .text
        case .table, .column: .identifier
        case .code: .code
        case .year, .level, .line: .number
        case .amount: .amount
        }
    }

    /// The fields `list` prints, in order.
    public static let listed: [Field] = [.doc, .district, .dept, .year, .table, .code, .name, .column, .amount, .line]

    public static var names: [String] { allCases.map(\.rawValue) }
}
