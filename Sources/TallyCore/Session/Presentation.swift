/// Statements that present or hand on a result: charts, `explain sql`, `export`.
extension Session {
    /// A result in the session's format (`.mode bar` draws it as a chart).
    func render(_ result: ResultTable) -> String {
        format == .bar ? chart.render(result) : format.render(result, unit: unit)
    }

    /// Bars as wide as the terminal with block characters there; 80 columns of `#` in a
    /// pipe, a file or `.output`.
    var chart: BarChartRenderer {
        if case .standard = output, let width = terminalWidth?() {
            return BarChartRenderer(unit: unit, width: width, unicode: true)
        }
        return BarChartRenderer(unit: unit, width: 80, unicode: false)
    }

    func explain(_ query: Query, source: String) throws(Diagnostic) -> String {
        // Planned first, so every error tally would give is given here too.
        _ = try Planner.plan(query, source: source, store: store, cancel: cancellation)
        var out = "-- over a table items(doc, district, dept, year, table, code, name, column, amount, line) as `export` writes it;\n"
        out += "-- amount is DECIMAL(18,6) in 万元. DuckDB: \(SQLTranslator.duckdbLoad("items.tsv"))\n"
        for dialect in SQLTranslator.Dialect.allCases {
            out += "\n-- \(dialect.rawValue)\n" + (try SQLTranslator(dialect: dialect, source: source).translate(query)) + "\n"
        }
        return out
    }

    /// Writes the matching line items (every table and column, as `list` sees them) in the
    /// generic format, amounts exact in 万元, so they load back into tally or into DuckDB.
    func export(_ export: Export, source: String, origin: SourceOrigin) throws(Diagnostic) {
        let path = export.path.text
        let separator: Character
        if path.lowercased().hasSuffix(".csv") {
            separator = ","
        } else if path.lowercased().hasSuffix(".tsv") {
            separator = "\t"
        } else {
            throw .error("export writes a .tsv or .csv file, not `\(path)`", in: source, at: export.path.range,
                         help: "name the file items.tsv or items.csv")
        }
        let query = Query(verb: .list, verbRange: export.range, limit: nil, targets: [], filter: export.filter, groups: [], range: export.range)
        let result = try evaluate(query, source: source, origin: origin)
        guard let file = OutputFile(path: path) else {
            throw .error("cannot write `\(path)`", in: source, at: export.path.range,
                         help: "export replaces only a regular file, in a folder you can write to")
        }
        file.write(DelimitedRenderer(separator: separator, unit: .wan).render(result))
        emit("exported \(result.rows.count) line items to \(path)\n")
    }
}
