/// Where each field lives in the store and how it reads: the one place the executor, the
/// planner and the filters ask, so a field added to §2 is added here once.
extension LineItemStore {
    /// The dictionary ids of a free-text field, and their dictionary. All but `name` have one
    /// value per document, held once per document where the input agrees.
    func textColumn(_ field: Field) -> (ids: TextIDs, dictionary: TextDictionary) {
        switch field {
        case .doc: (.perDocument(documentIDs), docs)
        case .label: (.perDocument(label), labels)
        case .district: (.perDocument(district), districts)
        case .dept: (.perDocument(dept), depts)
        default: (.perRow(name), names)
        }
    }

    /// The byte ids of a fixed-vocabulary field (table, column, phase), row by row.
    func identifierColumn(_ field: Field) -> StoredColumn<UInt8> {
        switch field {
        case .table: table
        case .phase: phase
        default: column
        }
    }

    /// A field's value on one row as an integer: a dictionary or vocabulary id for text and
    /// identifiers, the number itself for numbers, fen for amounts.
    func integer(_ field: Field, row: Int) -> Int64 {
        switch field {
        case .doc: Int64(doc[row])
        case .label: Int64(label[row])
        case .district: Int64(district[row])
        case .dept: Int64(dept[row])
        case .name: Int64(name[row])
        case .code: Int64(code[row])
        case .year: Int64(year[row])
        case .budgetYear: Int64(budgetYear[row])
        case .phase: Int64(phase[row])
        case .table: Int64(table[row])
        case .column: Int64(column[row])
        case .level: Int64(level(row))
        case .line: Int64(line[row])
        case .page: Int64(page[row])
        case .amount: amount[row]
        }
    }

    /// What `integer(field, row:)` gave, as the user reads it.
    func cell(_ field: Field, integer value: Int64) -> ResultTable.Cell {
        switch field.kind {
        case .text: return .text(textColumn(field).dictionary[UInt32(value)])
        case .code: return .text(codes[UInt32(value)])
        case .identifier: return .text(Self.identifierName(field, UInt8(truncatingIfNeeded: value)))
        case .number: return .number(value)
        case .amount: return .amount(Amount(fen: value))
        }
    }

    func cell(_ field: Field, row: Int) -> ResultTable.Cell { cell(field, integer: integer(field, row: row)) }

    static func identifierName(_ field: Field, _ raw: UInt8) -> String {
        switch field {
        case .table: TableID(rawValue: raw)?.id ?? ""
        case .phase: Phase(rawValue: raw)?.id ?? ""
        default: ColumnID(rawValue: raw)?.id ?? ""
        }
    }

    /// Every name of every value of a fixed-vocabulary field, with its raw id.
    static func identifierNames(_ field: Field) -> [(names: [String], raw: UInt8)] {
        func all<T: NamedID>(_: T.Type) -> [(names: [String], raw: UInt8)] { T.allCases.map { ([$0.id] + $0.aliases, $0.rawValue) } }
        switch field {
        case .table: return all(TableID.self)
        case .phase: return all(Phase.self)
        default: return all(ColumnID.self)
        }
    }

    /// Whether any figure is not a budget's, and whether any came from a PDF: `list` shows
    /// `phase` and `page` only then.
    public var hasPhases: Bool { phase.contains { $0 != Phase.budget.rawValue } }
    public var hasPages: Bool { (page.byDocument ?? page.byRow).contains { $0 != 0 } }
}

extension LineItemStore {
    /// The label of a document, by its doc id.
    public func labelOf(doc name: String) -> String? {
        guard let id = docs.id(of: name) else { return nil }
        let rows = rows(ofDocument: Int(id))
        return rows.isEmpty ? nil : labels[label[rows.lowerBound]]
    }
}

/// A text field's ids: a per-document field (held per document, or per row where a file's rows
/// disagree), or `name`, which differs row by row and is held compactly.
enum TextIDs {
    case perDocument(DocumentColumn<UInt32>)
    case perRow(CompactColumn)

    @inline(__always)
    subscript(row: Int) -> UInt32 {
        switch self {
        case .perDocument(let ids): ids[row]
        case .perRow(let ids): ids[row]
        }
    }
}
