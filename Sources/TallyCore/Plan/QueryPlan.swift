/// A query with every name resolved against the store: what rows to read, how to group
/// them and which output columns to fill. The executor and `explain sql` need nothing else.
public struct QueryPlan: Sendable {
    public var verb: Verb
    public var limit: Int?
    /// The rows read, in the statement's terms with every default applied (ANDed): what the
    /// SQL emitter writes out.
    var rows: [RowTest] = []
    /// … bound to the store: what the executor scans.
    public var filter: RowFilter
    /// `sum` and `top` add only the topmost matching rows (§3).
    public var topmost: Bool
    /// … and of a two-sided 总表 only its grand total (`oneSideOfTwoSidedTotals`): set where
    /// the filter may match one.
    public var oneSide = false
    public var groupFields: [Field]
    public var valueColumns: [ValueColumn]
    /// The group field whose values become output columns (`by code, year as columns`).
    public var pivot: Field? = nil
    /// Where the statement names it, for errors about the spread.
    public var pivotRange: SourceRange? = nil
    /// `top N per FIELD`: the N largest within each value of FIELD (one of `groupFields`).
    public var per: Field? = nil
    /// `order by`: the keys, resolved against the result's columns once it has them (a
    /// pivot's headers come from the data).
    public var order: [OrderKey] = []
    /// `by …, NAME = EXPR`, kinds checked; computed once the result has its columns.
    var computed: [ComputedColumnPlan] = []
    /// `having COND`, values read; applied after the computed columns, before `order by`.
    var having: HavingPlan? = nil
    /// The fields `list` prints: those §3 names for these documents (`export` writes them all).
    public var listedFields: [Field]? = nil
    /// Warnings worth showing beside the result, e.g. a text filter that matched nothing.
    public var notes: [Diagnostic]
    /// Whether a sum takes from each document only its own year and its own phase (§3); the
    /// filter holds them, and the executor's notes (a group adding several years) ask here.
    public var ownYear = false
    public var ownPhase = false
    /// The statement, for notes the executor gives (a group adding several years).
    public var source = ""
    public var verbRange = SourceRange.at(0)

    /// One output amount column: all matching rows, or only the rows of one column id.
    public struct ValueColumn: Sendable, Equatable {
        public var title: String
        public var column: ColumnID?
    }
}

/// Which rows a query reads, with names already turned into ids. Masks are indexed by
/// dictionary id, so a scan does one array lookup a row.
public indirect enum RowFilter: Sendable {
    case all
    case none
    case text(Field, mask: [Bool])
    case codeRange(Range<Int>)
    case codeMask([Bool])
    /// A fixed-vocabulary field (table, column, phase): the raw ids it accepts.
    case identifier(Field, mask: [Bool])
    /// Numeric fields (year, budget_year, level, line, page, amount in fen): any of the closed intervals.
    case number(Field, intervals: [ClosedRange<Int64>])
    /// A figure for its document's own year (`year == budget_year`).
    case ownYear
    /// A figure of its document's own phase (`LineItemStore.ownPhase`).
    case ownPhase
    case not(RowFilter)
    case and([RowFilter])
    case or([RowFilter])

    /// Whether rows of `tables` may pass: false only where a table condition rules them out.
    func mayMatch(_ tables: [TableID]) -> Bool {
        switch self {
        case .none: false
        case .identifier(.table, let mask): tables.contains { mask[Int($0.rawValue)] }
        case .and(let parts): parts.allSatisfy { $0.mayMatch(tables) }
        case .or(let parts): parts.contains { $0.mayMatch(tables) }
        default: true
        }
    }
}
