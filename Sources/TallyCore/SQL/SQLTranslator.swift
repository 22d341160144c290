/// `explain sql`: a query as SQL over a table `items` holding the line items as `export`
/// writes them (every field but level; amount a DECIMAL(18,6) in 万元), for users who take the same question to DuckDB or ClickHouse.
/// It follows the same defaults and the same no-double-counting rule as tally's own plan.
public struct SQLTranslator {
    public enum Dialect: String, CaseIterable, Sendable {
        case duckdb = "DuckDB"
        case clickhouse = "ClickHouse"
    }

    public let dialect: Dialect
    let source: String

    public init(dialect: Dialect, source: String) {
        self.dialect = dialect
        self.source = source
    }

    /// How DuckDB reads an exported TSV into `items`, with the exact types and the same text
    /// tally reads. DuckDB's reader knows no backslash escapes, so `tsv_unescape` decodes
    /// `export`'s (`\\ \t \n \r`; any other backslash kept, as tally's reader does): each
    /// escape's backslash first becomes a CR, which a cell cannot hold raw, so that `\\t` stays
    /// a backslash and a `t`; then each CR and the character after it become what the escape
    /// means (an unknown one gets its backslash back). Only cells with a backslash are
    /// touched: decoding every cell made loading a million rows three times slower.
    public static func duckdbLoad(_ path: String) -> String {
        let columns = "{" + Field.exported.map { "'\($0.rawValue)': '\(sqlType($0))'" }.joined(separator: ", ") + "}"
        let marked = #"regexp_replace(s, '\\(.)', chr(13) || '\1', 'g')"#
        let decoded = #"replace(replace(replace("# + marked + #", chr(13) || 't', chr(9)), chr(13) || 'n', chr(10)), chr(13) || '\', '\')"#
        let unescape = #"replace(regexp_replace("# + decoded + #", '\r([^r])', '\\\1', 'g'), chr(13) || 'r', chr(13))"#
        let text = Field.exported.filter { sqlType($0) == "VARCHAR" }.map(\.rawValue)
            .map { "tsv_unescape(\"\($0)\") AS \"\($0)\"" }.joined(separator: ", ")
        return #"CREATE MACRO tsv_unescape(s) AS CASE WHEN contains(s, '\') THEN "# + unescape + " ELSE s END; "
            + "CREATE TABLE items AS SELECT * REPLACE (\(text)) FROM read_csv('\(path.replacingAll("'", with: "''"))', "
            + "delim = '\\t', header = true, quote = '', escape = '', nullstr = '\\N', columns = \(columns));"
    }

    /// How ClickHouse reads an exported TSV into `items`: the same types (ClickHouse knows
    /// VARCHAR, INTEGER and DECIMAL as aliases) and the same text tally reads. Its own
    /// TabSeparated reader would drop the backslash of an escape it does not know (`\q`) and
    /// read `\x41` as `A`, where tally keeps them, so the file is read raw and `export`'s
    /// escapes are decoded as in `duckdbLoad`, written out per column: a function made with
    /// CREATE FUNCTION would outlive the session on a server.
    public static func clickhouseLoad(_ path: String) -> String {
        func unescape(_ s: String) -> String {
            let marked = #"replaceRegexpAll("# + s + #", '\\\\(.)', '\r\\1')"#
            let decoded = #"replaceAll(replaceAll(replaceAll("# + marked + #", '\rt', '\t'), '\rn', '\n'), '\r\\', '\\')"#
            return #"if(position("# + s + #", '\\') > 0, replaceAll(replaceRegexpAll("# + decoded + #", '\r([^r])', '\\\\\\1'), '\rr', '\r'), "# + s + ")"
        }
        let columns = Field.exported.map { "`\($0.rawValue)` \(sqlType($0))" }.joined(separator: ", ")
        let text = Field.exported.filter { sqlType($0) == "VARCHAR" }.map(\.rawValue)
            .map { "\(unescape("`\($0)`")) AS `\($0)`" }.joined(separator: ", ")
        func literal(_ text: String) -> String { "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'" }
        return "CREATE TABLE items ENGINE = Memory AS SELECT * REPLACE (\(text)) "
            + "FROM file(\(literal(path)), 'TabSeparatedRawWithNames', \(literal(columns)));"
    }

    /// The SQL type of an exported field.
    static func sqlType(_ field: Field) -> String {
        switch field.kind {
        case .number: "INTEGER"
        case .amount: "DECIMAL(18,6)"
        case .text, .identifier, .code: "VARCHAR"
        }
    }

    /// The query planned over `store` (only to resolve its meaning: the SQL names no id of it).
    public func translate(_ query: Query, over store: LineItemStore = .empty) throws(Diagnostic) -> String {
        try translate(Planner.plan(query, source: source, store: store), store: store)
    }

    /// The plan as SQL: the rows it reads with every default it applied (`plan.rows`), its
    /// groups and value columns, and the clauses on its result — nothing is decided again
    /// here. `as columns` reads `store` for the values it spreads: the SQL names each column
    /// it makes, as tally's result has them.
    public func translate(_ plan: QueryPlan, store: LineItemStore, cancel: Cancellation = .never) throws(Diagnostic) -> String {
        let spread = try plan.pivot.map { field throws(Diagnostic) in try spreadColumns(plan, field, store, cancel) }
        let rowsRead = whereClause(plan.rows)

        if plan.verb == .list {
            let fields = (plan.listedFields ?? Field.exported).map { q($0.rawValue) }.joined(separator: ", ")
            return "SELECT \(fields)\nFROM items\(rowsRead.replacingAll("\n  ", with: "\n"))\nORDER BY doc, \(q("table")), code, year, \(q("phase")), \(q("column")), line;"
        }

        let groupFields = plan.groupFields.filter { $0 != plan.pivot }
        let groups = groupFields.map(groupExpression)
        var selects = zip(groupFields, groups).map { field, expr in expr == q(field.rawValue) ? expr : "\(expr) AS \(q(field.rawValue))" }
        if let spread {
            selects += spread.selects
        } else {
            for column in plan.valueColumns { selects.append("\(aggregate(plan.verb, column: column.column)) AS \(q(column.title))") }
        }
        if let per = plan.per, let limit = plan.limit {
            // `top N per FIELD`: each group ranked within its FIELD by the first amount column.
            let first = aggregate(plan.verb, column: plan.valueColumns.first?.column)
            selects.append("row_number() OVER (PARTITION BY \(groupExpression(per)) ORDER BY \(first) DESC) <= \(limit) AS top_in_group")
        }
        var sql = "WITH m AS (\n  SELECT * FROM items\(rowsRead)\n)" + (plan.oneSide ? ",\n" + rankedTotals() : "") + "\n"
        sql += "SELECT " + selects.joined(separator: ", ") + "\nFROM " + (plan.oneSide ? "s AS m" : "m")
        if plan.topmost { sql += "\n" + notUnderAMatchedRow() }
        if plan.oneSide {
            let tables = TableID.allCases.filter(\.isTwoSided).map { literal($0.id) }.joined(separator: ", ")
            sql += (plan.topmost ? "\n  AND " : "\nWHERE ") + "NOT (\(q("table")) IN (\(tables)) AND has_total = 1 AND side_rank > 1)"
        }
        if !groups.isEmpty { sql += "\nGROUP BY " + groups.joined(separator: ", ") }
        var names = groupFields.map(\.rawValue) + (spread?.headers ?? plan.valueColumns.map(\.title))
        let ranked = plan.verb == .top
        let derived = spread?.derived ?? []
        let onResult = plan.per != nil || !plan.computed.isEmpty || plan.having != nil || !derived.isEmpty
        if ranked, plan.per == nil {
            sql += "\nORDER BY \(q(plan.valueColumns.first?.title ?? "total")) DESC"
            if let limit = plan.limit { sql += "\nLIMIT \(limit)" }
        } else if !groups.isEmpty, plan.order.isEmpty, !onResult {
            sql += "\nORDER BY " + groups.joined(separator: ", ")
        }
        if onResult {
            (sql, names) = try resultClauses(sql, plan, columns: names, derived: derived, groups: groupFields.count)
        }
        guard !plan.order.isEmpty else { return sql + ";" }
        return try ordered(sql, by: plan.order, columns: names, groups: groupFields.count, ranked: ranked || onResult) + ";"
    }

    /// `order by`: the result's columns by their output names, empty (NULL) last either way
    /// as tally sorts them, ties in the groups' order; after a `top`'s LIMIT, around it.
    private func ordered(_ sql: String, by keys: [OrderKey], columns: [String], groups: Int, ranked: Bool) throws(Diagnostic) -> String {
        var terms: [String] = []
        var named: Set<String> = []
        for key in keys {
            let name = columns[try RowOrder.column(key.column, among: columns, source: source)]
            named.insert(name)
            terms.append(q(name) + (key.descending ? " DESC" : " ASC") + " NULLS LAST")
        }
        terms += columns.prefix(groups).filter { !named.contains($0) }.map(q)
        let order = "ORDER BY " + terms.joined(separator: ", ")
        return ranked ? "SELECT * FROM (\n\(sql)\n) AS ranked\n" + order : sql + "\n" + order
    }

    // MARK: - the no-double-counting rule

    /// The matched rows, each cell's rows ranked as `oneSideOfTwoSidedTotals` ranks a 总表's
    /// totals: total rows first, the largest, the earliest line, then by name; `has_total` says
    /// whether the cell matched any total row.
    private func rankedTotals() -> String {
        let isTotal = "CASE WHEN code = '' AND " + any(TotalRow.words.map { contains("name", $0) }) + " THEN 1 ELSE 0 END"
        let cell = "PARTITION BY " + Self.sameCell.map(q).joined(separator: ", ")
        return """
            s AS (
              SELECT *, row_number() OVER (\(cell) ORDER BY \(isTotal) DESC, amount DESC, line, name) AS side_rank,
                max(\(isTotal)) OVER (\(cell)) AS has_total
              FROM m
            )
            """
    }

    /// A row is added only when no matched row is its ancestor: a row of the same doc,
    /// table, column, year and phase whose code is a proper prefix of its code — the 合计 row's
    /// empty code is a prefix of every code. (Where a table has two empty-code rows that
    /// are both totals, tally links neither as the parent; this SQL treats both as one.)
    private static let sameCell = ["doc", "table", "column", "year", "phase"]

    private func notUnderAMatchedRow() -> String {
        let same = Self.sameCell.map { "a.\(q($0)) = m.\(q($0))" }.joined(separator: " AND ")
        switch dialect {
        case .duckdb:
            return """
                WHERE NOT EXISTS (
                  SELECT 1 FROM m AS a
                  WHERE \(same)
                    AND a.code <> m.code AND starts_with(m.code, a.code)
                )
                """
        case .clickhouse:
            // ClickHouse joins on equality only: spell out each row's ancestor codes.
            let key = (Self.sameCell + ["code"]).map { q($0) }.joined(separator: ", ")
            let sameC = Self.sameCell.map { "a.\(q($0)) = c.\(q($0))" }.joined(separator: " AND ")
            return """
                WHERE (\(key)) NOT IN (
                  SELECT \((Self.sameCell + ["code"]).map { "c." + q($0) }.joined(separator: ", "))
                  FROM (
                    SELECT \(key), arrayJoin(arrayConcat(
                      [''], arrayMap(i -> substring(code, 1, i), range(1, toUInt64(length(code)))))) AS ancestor
                    FROM m WHERE code <> ''
                  ) AS c
                  INNER JOIN m AS a ON \(sameC) AND a.code = c.ancestor
                )
                """
        }
    }

    // MARK: - pieces

    func aggregate(_ verb: Verb, column: ColumnID?) -> String {
        aggregate(verb, where: column.map { "\(q("column")) = \(literal($0.id))" })
    }

    /// The verb's aggregate over the rows that pass `test` (all rows without one).
    func aggregate(_ verb: Verb, where test: String?) -> String {
        let function = switch verb {
        case .sum, .top: "sum(amount)"
        case .count: "count(*)"
        case .avg: "avg(amount)"
        case .min: "min(amount)"
        case .max: "max(amount)"
        case .list: "amount"
        }
        // ClickHouse's sum of no rows is 0, its min or max the type's default: -OrNull makes
        // them NULL, as in DuckDB, so a figure no row gives stays empty as tally shows it.
        func orNull(_ function: String) -> String { function.replacingAll("(amount", with: "OrNull(amount") }
        guard let test else { return dialect == .clickhouse ? orNull(function) : function }
        switch dialect {
        case .duckdb: return "\(function) FILTER (WHERE \(test))"
        case .clickhouse:
            return verb == .count ? "countIf(\(test))" : orNull(function.replacingAll("(amount)", with: "If(amount, \(test))"))
        }
    }

    func groupExpression(_ field: Field) -> String {
        field == .level ? levelExpression : q(field.rawValue)
    }

    /// 类/款/项 by the length of the code, as `CodeLevel` counts it.
    var levelExpression: String {
        "CASE length(code) WHEN 3 THEN 1 WHEN 5 THEN 2 WHEN 7 THEN 3 ELSE 0 END"
    }

    func contains(_ column: String, _ text: String) -> String {
        switch dialect {
        case .duckdb: "contains(\(column), \(literal(text)))"
        case .clickhouse: "position(\(column), \(literal(text))) > 0"
        }
    }

    func regex(_ column: String, _ pattern: String) -> String {
        switch dialect {
        case .duckdb: "regexp_matches(\(column), \(literal(pattern)))"
        case .clickhouse: "match(\(column), \(literal(pattern)))"
        }
    }

    func any(_ parts: [String]) -> String {
        parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// A number exactly as a decimal literal (`0.5`, `-12.25`); a fraction no decimal holds
    /// (none a statement can type) as a division.
    func decimal(_ r: Ratio) -> String {
        var scale: Int128 = 1
        var places = 0
        while scale % r.denominator != 0, places < 30 {
            scale *= 10
            places += 1
        }
        let (scaled, overflow) = r.numerator.multipliedReportingOverflow(by: scale / r.denominator)
        guard scale % r.denominator == 0, !overflow else { return "(\(r.numerator) / \(r.denominator))" }
        var digits = String(scaled.magnitude)
        if places > 0 {
            digits = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return r.numerator < 0 ? "(-\(digits))" : digits
    }

    func literal(_ text: String) -> String {
        let escaped = text.replacingAll("'", with: "''")
        return dialect == .clickhouse ? "'" + escaped.replacingAll("\\", with: "\\\\") + "'" : "'" + escaped + "'"
    }

    /// Identifiers that are SQL keywords (table, column, year …) are always quoted.
    func q(_ name: String) -> String {
        ["doc", "district", "dept", "code", "amount"].contains(name) ? name : "\"\(name)\""
    }
}
