/// One figure of one table cell, with everything that says where it came from (§2).
/// The store holds line items column by column; this is the row-shaped view used
/// to add them and to read them back.
public struct LineItem: Hashable, Sendable {
    public var doc: String
    /// A short readable name for the document (北碚2025); empty until the store derives one.
    public var label: String
    public var district: String
    public var dept: String
    /// The year the figure is for.
    public var year: Int
    /// The document's own year; 0 until the store derives it (the document's latest year).
    public var budgetYear: Int
    public var phase: Phase
    public var table: TableID
    /// As printed; empty for a row without a code such as 合计.
    public var code: String
    public var name: String
    public var column: ColumnID
    public var amount: Amount
    /// 1-based line in the source file.
    public var line: Int
    /// The PDF page, 1-based; 0 for text input.
    public var page: Int

    public init(
        doc: String, label: String = "", district: String, dept: String, year: Int, budgetYear: Int = 0,
        phase: Phase = .budget, table: TableID, code: String, name: String, column: ColumnID, amount: Amount,
        line: Int, page: Int = 0
    ) {
        self.doc = doc
        self.label = label
        self.district = district
        self.dept = dept
        self.year = year
        self.budgetYear = budgetYear
        self.phase = phase
        self.table = table
        self.code = code
        self.name = name
        self.column = column
        self.amount = amount
        self.line = line
        self.page = page
    }

    /// 1/2/3 for 类/款/项 (3/5/7-digit codes), 0 otherwise.
    public var level: Int { CodeLevel.of(code) }
}

public enum CodeLevel {
    public static func of<S: StringProtocol>(_ code: S) -> Int {
        switch code.utf8.count {
        case 3: 1
        case 5: 2
        case 7: 3
        default: 0
        }
    }
}
