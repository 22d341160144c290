/// Statements that present or hand on a result: charts, `explain sql`, `export`.
extension Session {
    /// A result in the session's format (`.mode bar` draws it as a chart).
    func render(_ result: ResultTable) -> String {
        format == .bar ? chart.render(result) : format.render(result, unit: unit)
    }

    /// Emits a result as it is rendered, so a long one is written in pieces and Ctrl-C stops it.
    /// At the prompt, a table longer than `.maxrows` shows its first rows and how many more.
    func emitResult(_ result: ResultTable) throws(Diagnostic) {
        if format == .bar { return emit(chart.render(result)) }
        guard let limit = rowLimit, result.rows.count > limit else {
            return try format.stream(result, unit: unit, cancel: cancellation) { emit($0) }
        }
        var shown = result
        shown.rows = Array(result.rows.prefix(limit))
        try format.stream(shown, unit: unit, cancel: cancellation) { emit($0) }
        emit(RowLimit.moreRows(result.rows.count - limit))
    }

    /// The rows a result may show: nil (every row) but on the screen at the prompt.
    private var rowLimit: Int? {
        guard case .standard = output, let height = screenHeight?() else { return nil }
        return maxRows.rows(screenHeight: height, format: format)
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
        let plan = try Planner.plan(query, source: source, store: store, cancel: cancellation)
        var out = "-- over a table items(\(Field.exported.map(\.rawValue).joined(separator: ", "))) as `export` writes it;\n"
        out += "-- amount is DECIMAL(18,6) in 万元. DuckDB: \(SQLTranslator.duckdbLoad("items.tsv"))\n"
        out += "-- ClickHouse: \(SQLTranslator.clickhouseLoad("items.tsv"))\n"
        for dialect in SQLTranslator.Dialect.allCases {
            out += "\n-- \(dialect.rawValue)\n" + (try SQLTranslator(dialect: dialect, source: source).translate(plan, store: store, cancel: cancellation)) + "\n"
        }
        return out
    }

    /// Writes the matching line items (every table and column, as `list` sees them, with every
    /// field a reload needs) in the generic format, amounts exact in 万元, so they load back into tally or into DuckDB.
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
        let result = try evaluate(query, source: source, origin: origin, listing: Field.exported)
        // Written whole to a new file that replaces `path` only when complete (§4).
        let file: ReplacementFile
        do throws(Diagnostic) {
            file = try ReplacementFile(path: path)
        } catch {
            throw .error("cannot write `\(path)`: \(error.message.replacingAll("cannot write: ", with: ""))", in: source,
                         at: export.path.range, help: "export replaces only a regular file, in a folder you can write to")
        }
        let renderer = DelimitedRenderer(separator: separator, unit: .wan)
        var ok = file.write(renderer.header(result))
        var chunk = ""
        for (i, row) in result.rows.enumerated() where ok {
            if i % 4096 == 0 {
                if cancellation.isCancelled() { file.abandon(); throw Cancellation.cancelledError }
                ok = file.write(chunk)
                chunk = ""
            }
            chunk += renderer.line(row)
        }
        if ok { ok = file.write(chunk) }
        do throws(Diagnostic) {
            try file.commit()
        } catch {
            throw .error("cannot write `\(path)`: \(error.message.replacingAll("cannot write: ", with: "")); nothing was exported",
                         in: source, at: export.path.range, help: error.help)
        }
        emit("exported \(result.rows.count) line items to \(path)\n")
    }
}
