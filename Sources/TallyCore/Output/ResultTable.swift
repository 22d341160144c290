/// What a statement produces, before any rendering: named columns and rows of cells.
public struct ResultTable: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text, number, amount
        /// An exact quotient (a computed `share = project / total`).
        case ratio
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// Amounts that are differences, shown with `+` when positive in table output.
        public var signed = false
        /// A value measured over rows (a sum, a count, a spread column of one) rather than a
        /// group's key: a count is a number as `year` is, and a chart draws only the measures.
        public var measure = false
        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Int64)
        case amount(Amount)
        case ratio(Ratio)
        /// No value, e.g. the avg of no rows.
        case empty
    }

    public var columns: [Column]
    public var rows: [[Cell]]
    /// Warnings about the figures, shown beside the result (a sum adding several years).
    public var notes: [Diagnostic] = []

    public init(columns: [Column], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }
}
