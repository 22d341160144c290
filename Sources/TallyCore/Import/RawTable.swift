/// A table as found in a document, before its figures are given columns.
struct RawTable {
    var title: TableTitle
    var titleLine: Int
    var unit: DisplayUnit = .wan
    /// Whether a unit line (单位：…) was read, rather than the default taken.
    var unitStated = false
    /// Whether neither the table nor its document states a unit, so 万元 was assumed.
    var unitAssumed = false
    /// A unit line naming a unit tally does not read (百万元), and its line: the table's
    /// figures are reported, not read in a unit they are not in.
    var unknownUnit: (line: Int, word: String)?
    /// Header rows as cells (tabbed layouts) or header fragments (pdf-text), in order.
    var header: [[String]] = []
    var rows: [RawRow] = []
    /// A statement such as 本表无数据 / 故此表无数据, for a table published empty.
    var emptyStatement: String?
    /// Lines that looked like rows of this table but could not be read.
    var unreadable: [(line: Int, text: String)] = []
    /// Figures of rows of this table that were seen and not placed, each with why.
    var unplaced: [(line: Int, why: String)] = []
    /// The PDF page of the title; 0 for text.
    var page: Int = 0
    /// Read off a page's geometry: the slot of each cell position of `rows[i].cells`, so no
    /// header needs reading again. Nil for layouts that give cells by tabs or by order.
    var slots: [ColumnSlot]?
    /// Two-sided tables read off a page: which cell positions hold labels, and every
    /// position's slot.
    var labelColumns: [Int]?
    var labelledSlots: [ColumnSlot] = []
    /// The budget unit's name printed beside the table (单位名称：…), where one is.
    var unitName: String?
    /// Codes read other than as printed, with why.
    var repairs: [(line: Int, what: String)] = []
}

extension RawTable {
    /// Takes the unit a line states.
    mutating func state(_ statement: UnitStatement, line: Int) {
        switch statement {
        case .known(let u):
            unit = u
            unknownUnit = nil
        case .unknown(let word):
            unknownUnit = (line, word)
        }
        unitStated = true
    }
}

/// One printed row: its code and name, and its figure cells.
struct RawRow {
    var line: Int
    var code: String
    var name: String
    /// Tabbed layouts: every cell right of the code and name, empty ones kept, so a cell's
    /// position is its column. pdf-text: only the figures, in order.
    var cells: [String]
    /// For two-sided summary tables: the cell index the row's label sits in.
    var labelColumn: Int = 0
    /// The PDF page; 0 for text.
    var page: Int = 0
    /// Figures whose column the page leaves open between two: the document's other tables
    /// may settle it (FigurePlacer).
    var choices: [FigureChoice] = []
}

/// A figure that stands under one of several slots, and why geometry cannot tell which.
struct FigureChoice {
    var slots: [Int]
    var text: String
    var why: String
}
