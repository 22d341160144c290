/// `tally --report`: per document, the tables found with their line items, the placements
/// made by identities, shifted tables, and every figure not placed, each with file:line (and
/// page, for a PDF).
public enum ImportReportRenderer {
    public static func render(_ report: ImportReport) -> String {
        var out = "\(report.path)\n"
        let kind = report.isFinal ? "final accounts (决算)" : "budget (预算)"
        out += "  layout \(report.layout), \(kind), dept \(report.dept), year \(report.year), \(report.itemCount) line items\n"
        out += "  tables:\n"
        let width = report.tables.map { DisplayWidth.of($0.table.id) }.max() ?? 0
        for t in report.tables {
            let what = t.emptyStatement.map { "empty: \($0)" } ?? "\(t.items) items"
            out += "    " + DisplayWidth.pad(t.table.id, to: width) + "  line \(t.line)\(t.page > 0 ? " page \(t.page)" : "")  \(what)  \(t.title)\n"
        }
        let empty = report.tables.filter { $0.emptyStatement != nil }.map(\.table.id)
        out += "  required tables missing: " + (report.missing.isEmpty ? "none" : report.missing.map(\.id).joined(separator: ", ")) + "\n"
        out += "  tables published empty: " + (empty.isEmpty ? "none" : empty.joined(separator: ", ")) + "\n"
        if let notRead = report.notRead, !notRead.isEmpty {
            out += "  tables not read (\(notRead.count)): " + notRead.map { "\($0.title) (line \($0.line)\($0.page > 0 ? ", page \($0.page)" : ""), \($0.rows) rows of figures)" }
                .joined(separator: "; ") + "\n"
        }
        if report.placements.isEmpty {
            out += "  placements by identities: none\n"
        } else {
            out += "  placements by identities (\(report.placements.count)):\n"
            for p in report.placements {
                out += "    \(report.path):\(p.line): \(p.table.id) \(p.code.isEmpty ? "合计" : p.code) → \(p.how)\n"
            }
        }
        out += report.shifted.isEmpty ? "  shifted tables: none\n" : "  shifted tables:\n" + report.shifted.map { "    \($0)\n" }.joined()
        if let turned = report.turnedPages, !turned.isEmpty {
            out += "  pages set sideways, read turned upright: " + turned.map(String.init).joined(separator: ", ") + "\n"
        }
        if let counts = report.notAmounts, !counts.isEmpty {
            out += "  figures that are no amount, not stored (\(counts.count)):\n"
            for d in counts {
                out += "    " + DiagnosticRenderer().render(d).split(separator: "\n").joined(separator: "\n    ") + "\n"
            }
        }
        if report.unplaced.isEmpty {
            out += "  figures not placed: none\n"
        } else {
            out += "  figures not placed (\(report.unplaced.count)):\n"
            for d in report.unplaced {
                out += "    " + DiagnosticRenderer().render(d).split(separator: "\n").joined(separator: "\n    ") + "\n"
            }
        }
        return out
    }
}
