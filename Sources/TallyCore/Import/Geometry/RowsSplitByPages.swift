/// A row cut in two by a page: its code and the start of its name the last line of one page,
/// the rest of its name and its figures the first line of the next (under the header printed
/// again, or not):
///
///     210   04   10   突发公共卫生事                              (foot of a page)
///                     件应急处理      6,770,762.00   6,770,762.00  (top of the next)
///
/// Read as the one row it is, at its code's line. A 合计 row, or a row whose name begins an
/// item of its own (其中：…, 1. …), heads the next page by itself.
enum RowsSplitByPages {
    static func join(_ pieces: [TableReader.Piece], table: inout RawTable) -> [TableReader.Piece] {
        var out: [TableReader.Piece] = []
        for piece in pieces {
            // The head: the page's last row with a code, below it only its name's wrapped lines.
            if let last = out.last, last.line.page != piece.line.page,
                let h = out.lastIndex(where: { $0.hasCode || !$0.figures.isEmpty || !$0.choices.isEmpty }),
                out[h].line.page == last.line.page, isCut(out[h], from: piece)
            {
                var head = out[h]
                for wrapped in out[(h + 1)...] { head.labels += wrapped.labels }
                head.labels += piece.labels
                head.figures = piece.figures
                head.choices = piece.choices
                head.uncertain = piece.uncertain
                table.repairs.append((head.line.number, "a row cut by a page read as one: its name's end and its figures atop page \(piece.line.page), with its code"))
                out.removeLast(out.count - h)
                out.append(head)
                continue
            }
            out.append(piece)
        }
        return out
    }

    static func isCut(_ head: TableReader.Piece, from tail: TableReader.Piece) -> Bool {
        guard tail.line.page != head.line.page, head.hasCode, head.figures.isEmpty, head.choices.isEmpty, head.uncertain.isEmpty,
            !tail.hasCode, !tail.labels.isEmpty, !tail.figures.isEmpty || !tail.choices.isEmpty
        else { return false }
        let name = tail.labels.map(\.text).joined()
        return !Vocabulary.totalRowLabels.contains { name.contains($0) } && !name.contains("小计") && !Vocabulary.startsItem(name)
    }
}
