/// A 部门预算 document often prints the department's tables and then each budget unit's
/// (本级, 下属单位): the same tables again, under another unit's name (单位名称：…（本级）).
/// Each part is a document of its own — adding the parts together counts the unit's money
/// twice, once in the department's 合计 and once in its own.
enum DocumentParts {
    /// The tables by part, in order. A part begins where the tables a part already holds are
    /// printed again — two of them in a row, so one table printed per unit is no new part —
    /// under another unit's name (its 单位名称 line, or its title's; a part may name its unit
    /// once, over its first table).
    static func split(_ tables: [RawTable]) -> [[RawTable]] {
        func unit(_ t: RawTable) -> String? { t.unitName ?? (t.title.unit.isEmpty ? nil : t.title.unit) }
        var parts: [[RawTable]] = [[]]
        var seen = Set<TableID>()
        var current: String?
        // (A title read with nothing under it — a contents line — is no table of a part.)
        func printed(_ t: RawTable) -> Bool { !t.rows.isEmpty || t.emptyStatement != nil }
        for (i, table) in tables.enumerated() {
            let id = table.title.table
            guard printed(table) else {
                parts[parts.count - 1].append(table)
                continue
            }
            let next = tables[(i + 1)...].first(where: printed)
            if seen.contains(id), let name = unit(table), let owner = current, name != owner, let next,
                seen.contains(next.title.table), unit(next) == name || unit(next) == nil
            {
                parts.append([])
                seen = []
                current = nil
            }
            parts[parts.count - 1].append(table)
            seen.insert(id)
            if current == nil { current = unit(table) }
        }
        return parts
    }
}
