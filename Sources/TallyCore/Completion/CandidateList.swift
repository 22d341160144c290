/// Several completions printed below the prompt, in as many columns as fit the terminal,
/// padded by display width so Chinese names line up (libedit's own list pads by bytes).
public enum CandidateList {
    public static func render(_ candidates: [Completion.Candidate], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let cells = candidates.map { $0.note.isEmpty ? $0.text : $0.text + "  " + shortened($0.note) }
        let cellWidth = cells.map { DisplayWidth.of($0) }.max()! + 2
        let columns = max(1, min(cells.count, max(width, 20) / cellWidth))
        let rows = (cells.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < cells.count else { break }
                let isLast = column == columns - 1 || (column + 1) * rows + row >= cells.count
                line += isLast ? cells[index] : DisplayWidth.pad(cells[index], to: cellWidth)
            }
            out += line + "\n"
        }
        return out
    }

    /// Notes are there to recognise a code, not to read: long ones are cut.
    static func shortened(_ note: String) -> String {
        var width = 0
        var kept = ""
        for character in note {
            width += DisplayWidth.of(character)
            if width > 28 { return kept + "…" }
            kept.append(character)
        }
        return kept
    }
}
