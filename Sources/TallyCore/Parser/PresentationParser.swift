/// Statements that present or hand on a query rather than answer it: `chart`, `explain sql`
/// and `export`.
extension Parser {
    // chart = "chart" query ;
    mutating func parseChart() throws(Diagnostic) -> Query {
        _ = advance()
        return try parseQuery()
    }

    // explain = "explain" "sql" query ;
    mutating func parseExplain() throws(Diagnostic) -> Query {
        let keyword = advance()
        guard current.isKeyword("sql") else {
            throw unexpected(current, expected: "expected `sql` after `explain`",
                             help: "`explain sql sum 2080* by dept` prints the query as SQL for DuckDB and ClickHouse")
        }
        _ = advance()
        if current.kind == .end {
            throw error("expected a query after `explain sql`", at: keyword.range.union(current.range),
                        help: "for example `explain sql sum 2080* by dept`")
        }
        return try parseQuery()
    }

    // export = "export" value [ "where" or_expr ] ;
    mutating func parseExport() throws(Diagnostic) -> Export {
        let keyword = advance()
        let file = current
        guard file.kind == .word || file.kind == .quoted, !file.isKeyword("where") else {
            throw unexpected(file, expected: "expected a file name after `export`",
                             help: "for example `export items.tsv` or `export \"my items.csv\" where district=北碚`")
        }
        _ = advance()
        var export = Export(path: Value(text: file.text, range: file.range, quoted: file.kind == .quoted), filter: nil, range: keyword.range)
        if current.isKeyword("where") {
            _ = advance()
            if current.kind == .end {
                throw unexpected(current, expected: "expected a condition after `where`")
            }
            export.filter = try parseOrExpr()
        }
        export.range = keyword.range.union(tokens[max(0, position - 1)].range)
        return export
    }
}
