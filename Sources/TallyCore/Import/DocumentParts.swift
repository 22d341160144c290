/// A 部门预算 document often prints the department's tables and then each budget unit's
/// (本级, 下属单位): the same tables again, under another unit's name (单位名称：…（本级）).
/// Each part is a document of its own — adding the parts together counts the unit's money
/// twice, once in the department's 合计 and once in its own.
enum DocumentParts {
    /// The tables by part, in order: a part ends where a table it already holds is printed
    /// again under another unit's name.
    static func split(_ tables: [RawTable]) -> [[RawTable]] {
        var parts: [[RawTable]] = [[]]
        var seen = Set<TableID>()
        var unit: String?
        for table in tables {
            let id = table.title.table
            if seen.contains(id), let name = table.unitName, let current = unit, name != current {
                parts.append([])
                seen = []
                unit = nil
            }
            parts[parts.count - 1].append(table)
            seen.insert(id)
            if unit == nil { unit = table.unitName }
        }
        return parts
    }
}
