/// A 三公 table that prints 会议费 and 培训费 (and 机关运行经费) beside the 三公 has one 合计 or
/// two. Its header does not say whether a lone 合计 adds the 三公 alone or everything printed
/// beside them; the figures do: a 合计 equal to 因公出国 + 公务用车 + 公务接待 — and not to that
/// with 会议费 and 培训费, which are not nothing — is the 三公 total.
enum ThreePublicTotals {
    static func settle(_ table: inout RawTable) {
        guard table.title.table == .threePublic, var slots = table.slots, !slots.contains(where: { $0.column == .total }),
            let grand = slots.firstIndex(where: { $0.column == .grandTotal })
        else { return }
        func index(_ column: ColumnID) -> Int? { slots.firstIndex { $0.column == column && $0.year == slots[grand].year && $0.phase == slots[grand].phase } }
        var alone = 0, withOthers = 0
        for row in table.rows {
            func fen(_ column: ColumnID) -> Int64? {
                guard let i = index(column), i < row.cells.count, !row.cells[i].isEmpty,
                    case .figure(let ascii) = FigureText.read(row.cells[i]), case .success(let a) = Amount.parse(ascii, unit: table.unit)
                else { return nil }
                return a.fen
            }
            guard let total = fen(.grandTotal) else { continue }
            let vehicle = fen(.vehicle) ?? ((fen(.vehiclePurchase) ?? 0) &+ (fen(.vehicleOperation) ?? 0))
            let threePublic = (fen(.overseas) ?? 0) &+ vehicle &+ (fen(.reception) ?? 0)
            let others = (fen(.meeting) ?? 0) &+ (fen(.training) ?? 0)
            guard others != 0 else { continue }
            if total == threePublic { alone += 1 } else if total == threePublic &+ others { withOthers += 1 }
        }
        guard alone > 0, withOthers == 0 else { return }
        slots[grand].column = .total
        table.slots = slots
        table.repairs.append((table.titleLine, "the 合计 adds the 三公 alone, not 会议费 and 培训费 beside them: read as the 三公 total"))
    }
}
