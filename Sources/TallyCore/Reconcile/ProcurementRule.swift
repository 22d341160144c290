/// The `procurement` rule: a 政府采购 table's 合计 is its 货物 + 工程 + 服务, in each column,
/// where the categories are printed (a category left out is 0).
extension AuditRules {
    mutating func procurement() {
        for doc in documents() where !stopping() {
            let rows = rows(of: doc.id, .procurement, year: doc.year)
            guard !rows.isEmpty else { continue }
            var total: [ColumnID: (Int64, Int)] = [:]
            var parts: [ColumnID: [(name: String, amount: Int64, row: Int)]] = [:]
            for r in rows {
                guard let col = column(r) else { continue }
                let (plain, _) = TwoSidedTotals.unnumbered(store.names[store.name[r]].replacingAll(" ", with: ""))
                if AuditVocabulary.bareTotals.contains(plain) {
                    if total[col] == nil { total[col] = (store.amount[r], r) }
                } else if let category = Self.procurementCategory(plain), !(parts[col] ?? []).contains(where: { $0.name == category }) {
                    parts[col, default: []].append((category, store.amount[r], r))
                }
            }
            guard let anyRow = rows.first else { continue }
            if total.isEmpty || parts.isEmpty {
                findings.append(Finding(doc: doc.name, rule: "procurement", severity: .insufficient, table: .procurement, code: "", column: .total,
                                        expected: nil, actual: nil, lines: [Int(store.line[anyRow])],
                                        message: total.isEmpty ? "the 政府采购 table prints no 合计 to hold its categories to"
                                            : "the 政府采购 table prints no 货物, 工程 or 服务 row to add up"))
                continue
            }
            for (col, printed) in total.sorted(by: { $0.key < $1.key }) {
                guard let mine = parts[col], !mine.isEmpty else { continue }
                guard let sum = Self.sum(mine.map(\.amount)) else { continue }
                compare(doc, rule: "procurement", printed, "procurement 合计 \(col.id)", (sum, mine[0].row),
                        mine.map(\.name).joined(separator: " + "), table: .procurement, column: col, figures: mine.count, missing: "")
            }
        }
    }

    /// `一、货物A`, `货物类`, `服务` → the category; a line of the table (会议服务…) is none.
    static func procurementCategory(_ name: String) -> String? {
        var n = Substring(name)
        if n.hasSuffix("类") { n = n.dropLast() }
        if let last = n.last, last.isASCII, last.isLetter, n.count > 1 { n = n.dropLast() }
        return AuditVocabulary.procurementCategories.first { $0 == n }
    }
}
