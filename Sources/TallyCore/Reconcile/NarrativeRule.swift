/// The `narrative` rule (表文): the figures the text states (NarrativeFigures) against the tables
/// that print them, and the text's year-on-year statements against the prior year's figures
/// (NarrativeChanges.swift). Which table holds each stated figure is one table, below.
extension AuditRules {
    /// A figure the text states and where the tables print it.
    struct NarrativeSubject {
        /// The narrative line item's name and column (NarrativeFigures.statements).
        var name: String
        var column: ColumnID
        var table: TableID
        var code = ""
        var tableColumn: ColumnID
        /// The table's figure, as the finding names it.
        var what: String
        var need: Need

        enum Need {
            /// Compared whenever the text states it: without the table, `insufficient`.
            case table
            /// Compared only where the document prints the table (政府采购 is not required).
            case ifPrinted
            /// As `ifPrinted`, and a part the table leaves empty is zero (the 三公 parts).
            case blankIsZero
        }

        /// The table's figure by its table and column (`three_public reception`).
        var figure: String { need == .blankIsZero ? "\(table.id) \(column.id)" : what }

        /// How the finding names the text's figure.
        var stated: String {
            need == .blankIsZero ? "三公 \(column.id)" : name + (column == .total ? "" : " " + column.id)
        }
    }

    static let narrativeSubjects: [NarrativeSubject] = [
        .init(name: "收入预算", column: .total, table: .income, tableColumn: .total, what: "income 合计", need: .table),
        .init(name: "支出预算", column: .total, table: .expenditure, tableColumn: .total, what: "expenditure 合计", need: .table),
        .init(name: "一般公共预算财政拨款收入", column: .total, table: .gpbExpenditure, tableColumn: .total, what: "gpb_expenditure 合计", need: .table),
        .init(name: "一般公共预算财政拨款支出", column: .total, table: .gpbExpenditure, tableColumn: .total, what: "gpb_expenditure 合计", need: .table),
        .init(name: "一般公共预算财政拨款支出", column: .basic, table: .gpbExpenditure, tableColumn: .basic, what: "gpb_expenditure 合计 basic", need: .table),
        .init(name: "一般公共预算财政拨款支出", column: .project, table: .gpbExpenditure, tableColumn: .project, what: "gpb_expenditure 合计 project", need: .table),
        .init(name: "机关运行经费", column: .total, table: .basicEcon, code: "302", tableColumn: .total, what: "basic_econ 302", need: .table),
        .init(name: "政府采购", column: .total, table: .procurement, tableColumn: .total, what: "procurement 合计", need: .ifPrinted),
    ] + [ColumnID.total, .overseas, .vehiclePurchase, .vehicleOperation, .reception].map {
        .init(name: "三公经费", column: $0, table: .threePublic, tableColumn: $0, what: "the 三公 table", need: .blankIsZero)
    }

    static func narrativeSubject(_ name: String, _ column: ColumnID) -> NarrativeSubject? {
        narrativeSubjects.first { $0.name == name && $0.column == column }
    }

    mutating func narrative() {
        for doc in documents() where !stopping() {
            guard hasTable(doc.id, .narrative) else { continue }
            for subject in Self.narrativeSubjects {
                guard let text = figure(doc.id, .narrative, "", subject.column, name: subject.name) else { continue }
                if subject.need != .table && !hasTable(doc.id, subject.table) { continue }
                var printed = figure(doc.id, subject.table, subject.code, subject.tableColumn, year: doc.year)
                if subject.need == .blankIsZero && printed == nil { printed = (0, text.1) }
                compare(doc, rule: "narrative", text, "the text's \(subject.stated)", printed, subject.what,
                        table: subject.table, code: subject.code, column: subject.tableColumn,
                        missing: "the document has no \(subject.table.id) table")
            }
            yearOnYear(doc)
        }
    }
}
