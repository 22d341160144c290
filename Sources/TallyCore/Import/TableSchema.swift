/// The columns a table kind has, in printed order, and the identities that hold across them.
/// Space-separated text loses empty cells, so a row's figures are matched against these.
struct TableSchema {
    var slots: [ColumnSlot]
    /// On every row: slots[target] = Σ slots[parts] (empty cells count as zero).
    var rowIdentities: [(target: Int, parts: [Int])]

    /// The identities every row of a table kind keeps, by column (an identity naming a
    /// column the table lacks does not apply). Income's depend on its sources, see `make`.
    static func rowIdentities(of table: TableID) -> [(ColumnID, [ColumnID])] {
        switch table {
        case .expenditure, .gpbExpenditure, .govFund, .soeCapital, .projectEcon, .projectGovEcon: [(.total, [.basic, .project, .reserve])]
        case .basicEcon, .basicGovEcon: [(.total, [.personnel, .public])]
        case .threePublic:
            [(.total, [.overseas, .vehicle, .reception]), (.vehicle, [.vehiclePurchase, .vehicleOperation]),
             (.grandTotal, [.total, .meeting, .training])]
        default: []
        }
    }

    /// Builds the schema from the table kind and the header fragments found near it
    /// (which years it shows; which income sources it has, in order).
    static func make(for table: RawTable, year: Int) -> TableSchema {
        let fragments = table.header.map { $0.joined(separator: " ") }
        let joined = fragments.joined().replacingAll(" ", with: "")
        let years = Set(fragments.flatMap(HeaderColumns.years(in:))).sorted()
        func group(_ columns: [ColumnID], year: Int) -> [ColumnSlot] {
            columns.map { ColumnSlot(column: $0, year: year, header: $0.id) }
        }
        var schema = TableSchema(slots: [], rowIdentities: [])
        func addGroup(_ columns: [ColumnID], year: Int, identities: [(ColumnID, [ColumnID])]) {
            let base = schema.slots.count
            schema.slots += group(columns, year: year)
            for (target, parts) in identities {
                guard let t = columns.firstIndex(of: target) else { continue }
                let p = parts.compactMap { columns.firstIndex(of: $0) }.map { $0 + base }
                schema.rowIdentities.append((t + base, p))
            }
        }
        switch table.title.table {
        case .expenditure, .gpbExpenditure, .govFund, .soeCapital, .projectEcon, .projectGovEcon:
            // A prior year's column comes first, as a single total (000's 表二: 2024年预算数).
            for prior in years where prior < year && table.title.table == .gpbExpenditure {
                addGroup([.total], year: prior, identities: [])
            }
            addGroup([.total, .basic, .project], year: year, identities: rowIdentities(of: .expenditure))
        case .basicEcon, .basicGovEcon:
            addGroup([.total, .personnel, .public], year: year, identities: rowIdentities(of: .basicEcon))
        case .threePublic:
            let groups = years.isEmpty ? [year] : years
            for y in groups {
                addGroup([.total, .overseas, .vehicle, .vehiclePurchase, .vehicleOperation, .reception], year: y,
                         identities: rowIdentities(of: .threePublic))
            }
        case .income:
            // Income sources in the order their headers appear.
            let sources: [(String, ColumnID)] = [
                ("上年结转", .carryover), ("一般公共预算", .gpb), ("政府性基金", .govFund), ("国有资本经营", .soeCapital),
                ("财政专户", .specialAccount), ("事业收入", .business), ("上级补助", .superior), ("附属单位", .affiliated),
                ("事业单位经营", .operating), ("其他收入", .other),
            ]
            var found = sources.compactMap { key, column in joined.firstRange(of: key).map { ($0.lowerBound, column) } }
            found.sort { $0.0 < $1.0 }
            var parts = found.map(\.1)
            if parts.isEmpty { parts = [.gpb] }
            addGroup([.total] + parts, year: year, identities: [(.total, parts)])
        default:
            addGroup([.total], year: year, identities: [])
        }
        return schema
    }
}
