/// What an import found and did, per document: `tally --report` prints it.
public struct ImportReport: Sendable, Codable {
    public struct TableEntry: Sendable, Codable {
        public var table: TableID
        public var title: String
        public var line: Int
        public var items: Int
        /// The PDF page of its title; 0 for text.
        public var page = 0
        /// The table was published empty (its statement).
        public var emptyStatement: String?
    }

    /// A figure whose column was decided by the table's identities rather than read off
    /// its position.
    public struct Placement: Sendable, Codable {
        public var line: Int
        public var table: TableID
        public var code: String
        public var how: String
    }

    /// A table tally does not read (项目支出绩效目标表, 政府采购明细 …), by its title, and how
    /// many rows of figures it prints.
    public struct OtherTable: Sendable, Codable {
        public var title: String
        public var line: Int
        public var page = 0
        public var rows: Int
    }

    public var doc: String
    public var path: String
    public var layout: String
    public var dept: String
    public var year: Int
    /// Final accounts (部门决算) rather than a budget.
    public var isFinal = false
    public var tables: [TableEntry] = []
    public var placements: [Placement] = []
    /// Tables whose figures sat one cell left of their headers and were moved back.
    public var shifted: [String] = []
    /// PDF pages whose text was set sideways (turned 90°) and read turned upright (optional:
    /// reports saved before it was kept lack it).
    public var turnedPages: [Int]?
    /// Whether tables with figures state no unit, nor does the document, so 万元 was assumed
    /// (optional: reports saved before it was kept lack it).
    public var unitAssumed: Bool?
    /// Figures read that are no amount of money — counts (公务用车保有量（辆）), changes and
    /// rates (增减额, 增减%) — and so not stored: listed, never dropped in silence (optional:
    /// reports saved before it was kept lack it).
    public var notAmounts: [Diagnostic]?
    /// Figures not placed in any column: reported, never dropped silently.
    public var unplaced: [Diagnostic] = []
    /// Tables every disclosure must print that this one lacks.
    public var missing: [TableID] = []
    /// The source file's content digest (hex), so a snapshot remembers which files it holds
    /// and the same file loaded after it is not added again (optional: older snapshots lack it).
    public var digest: String?
    /// Titles of the tables not read (optional: reports saved before it was kept lack it).
    public var notRead: [OtherTable]?
    /// The document's own sentences the audit may cite (notes, empty tables' statements,
    /// a classified item, a carry-over, template text left in): DocumentRemarks.
    public var remarks: [Remark] = []
    /// The text's year-on-year statements (比上年增加 X 万元 …), which the audit holds to the
    /// prior year's figures: ChangeStatements.
    public var changes: [ChangeStatement] = []
    /// A 决算's statements of its budget carried out (年初预算 … 支出决算 … 原因): ExecutionStatements.
    public var execution = ExecutionText()
    /// The text's statements of its projects' performance targets (绩效目标: how many, how
    /// much money), wherever in the document: PerformanceStatements.
    public var performance: [PerformanceStatement] = []

    public var itemCount: Int { tables.reduce(0) { $0 + $1.items } }
}
