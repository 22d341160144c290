/// A 三公 table that prints 会议费 and 培训费 (and 机关运行经费) beside the 三公 has one 合计 or
/// two. Its header does not say whether a lone 合计 adds the 三公 alone or everything printed
/// beside them; the figures do: a 合计 equal to 因公出国 + 公务用车 + 公务接待 — and not to that
/// with 会议费 and 培训费, which are not nothing — is the 三公 total. Each year and phase (a
/// 决算's 预算数 block and 决算数 block) is told apart.
enum ThreePublicTotals {
    static func settle(_ table: inout RawTable) {
        guard table.title.table == .threePublic, var slots = table.slots else { return }
        for grand in slots.indices where slots[grand].column == .grandTotal {
            let (year, phase) = (slots[grand].year, slots[grand].phase)
            func index(_ column: ColumnID) -> Int? { slots.firstIndex { $0.column == column && $0.year == year && $0.phase == phase } }
            guard index(.total) == nil else { continue }
            var alone = 0, withOthers = 0
            for row in table.rows {
                func fen(_ column: ColumnID) -> Int64? {
                    guard let i = index(column), i < row.cells.count, !row.cells[i].isEmpty,
                        case .figure(let ascii) = FigureText.read(row.cells[i]), case .success(let a) = Amount.parse(ascii, unit: table.unit)
                    else { return nil }
                    return a.fen
                }
                func sum(_ parts: [Int64?]) -> Int64? {
                    parts.reduce(Int64(0) as Int64?) { total, part in
                        guard let total else { return nil }
                        let (s, overflow) = total.addingReportingOverflow(part ?? 0)
                        return overflow ? nil : s
                    }
                }
                guard let total = fen(.grandTotal), let others = sum([fen(.meeting), fen(.training)]), others != 0,
                    let vehicle = fen(.vehicle) ?? sum([fen(.vehiclePurchase), fen(.vehicleOperation)]),
                    let threePublic = sum([fen(.overseas), vehicle, fen(.reception)]), let everything = sum([threePublic, others])
                else { continue }
                if total == threePublic { alone += 1 } else if total == everything { withOthers += 1 }
            }
            guard alone > 0, withOthers == 0 else { continue }
            slots[grand].column = .total
            table.repairs.append((table.titleLine, "the 合计 adds the 三公 alone, not 会议费 and 培训费 beside them: read as the 三公 total"))
        }
        table.slots = slots
    }
}
