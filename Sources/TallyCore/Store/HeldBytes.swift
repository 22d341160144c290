/// What the store holds, column by column, in bytes: the figure BENCHMARKS.md quotes per line
/// item, and the one that says which column to narrow next.
extension LineItemStore {
    public func heldBytes() -> [(column: String, bytes: Int)] {
        func bytes<T>(_ values: [T]) -> Int { values.count * MemoryLayout<T>.stride }
        func bytes<T>(_ values: StoredColumn<T>) -> Int { values.count * MemoryLayout<T>.stride }
        let dictionaries = [docs, labels, districts, depts, names].reduce(0) { total, d in
            total + d.values.reduce(0) { $0 + $1.utf8.count + 16 }
        } + codes.codes.reduce(0) { $0 + $1.utf8.count + 16 }
        return [
            ("amount", bytes(amount)), ("doc (row ranges)", doc.heldBytes), ("code", code.heldBytes),
            ("name", name.heldBytes), ("line", line.heldBytes), ("parent", parent.heldBytes), ("year", bytes(year)),
            ("phase", bytes(phase)),
            ("table", bytes(table)), ("column", bytes(column)), ("page", page.heldBytes), ("label", label.heldBytes),
            ("district", district.heldBytes), ("dept", dept.heldBytes), ("budget_year", budgetYear.heldBytes),
            ("document phases", bytes(ownPhase)),
            ("dictionaries (text, approximate)", dictionaries),
        ]
    }
}
