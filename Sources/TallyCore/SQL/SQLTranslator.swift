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
        try translate(query, plan: Planner.plan(query, source: source, store: store), store: store)
    }

    /// The query as SQL, stating the defaults `plan` applied. `as columns` reads `store` for
    /// the values it spreads: the SQL names each column it makes, as tally's result has them.
    public func translate(_ query: Query, plan: QueryPlan, store: LineItemStore, cancel: Cancellation = .never) throws(Diagnostic) -> String {
        let shape = try Planner.shape(of: query, source: source)
        let spread = try plan.pivot.map { field throws(Diagnostic) in try spreadColumns(query, plan, field, store, cancel) }
        var conditions: [String] = []
        if let filter = query.filter { conditions.append(try condition(filter)) }
        // Targets, each with its default table, as the planner does.
        var targets: [String] = []
        for value in query.targets {
            let pattern = CodePattern(value.text)
            var parts: [String] = []
            if pattern.text != "*" { parts.append(codeMatch(pattern)) }
            if shape.tableDefault { parts.append("\(q("table")) = \(literal(pattern.defaultTable.id))") }
            targets.append(parts.isEmpty ? "TRUE" : parts.joined(separator: " AND "))
        }
        if targets.isEmpty, shape.tableDefault { targets.append("\(q("table")) = 'expenditure'") }
        if !targets.isEmpty { conditions.append(targets.count == 1 ? targets[0] : targets.map { "(\($0))" }.joined(separator: " OR ")) }
        if shape.columnDefault { conditions.append("\(q("column")) = 'total'") }
        if !shape.byColumns.isEmpty {
            conditions.append("\(q("column")) IN (\(shape.byColumns.map { literal($0.id) }.joined(separator: ", ")))")
        }
        // Each document's own year and phase (§3): a 决算 is a document with any final figure.
        if plan.ownYear { conditions.append("\(q("year")) = \(q("budget_year"))") }
        if plan.ownPhase {
            let phase = q("phase")
            conditions.append("\(phase) = CASE WHEN doc IN (SELECT doc FROM items WHERE \(phase) = 'final') THEN 'final' ELSE 'budget' END")
        }
        let whereClause = conditions.isEmpty ? "" : "\n  WHERE " + conditions.map { conditions.count > 1 ? "(\($0))" : $0 }.joined(separator: "\n    AND ")

        if query.verb == .list {
            // The fields tally's `list` prints for these documents: `phase` and `page` where they have them.
            let listed = plan.listedFields ?? Field.listed(hasPhases: store.hasPhases, hasPages: store.hasPages)
            let fields = listed.map { q($0.rawValue) }.joined(separator: ", ")
            return "SELECT \(fields)\nFROM items\(whereClause.replacingAll("\n  ", with: "\n"))\nORDER BY doc, \(q("table")), code, year, \(q("phase")), \(q("column")), line;"
        }

        let topmost = query.verb == .sum || query.verb == .top
        let groupFields = shape.groupFields.filter { $0 != plan.pivot }
        let groups = groupFields.map(groupExpression)
        var selects = zip(groupFields, groups).map { field, expr in expr == q(field.rawValue) ? expr : "\(expr) AS \(q(field.rawValue))" }
        let valueTitle = switch query.verb {
        case .sum, .top: shape.columnDefault ? "total" : "sum"
        default: query.verb.rawValue
        }
        if let spread {
            selects += spread.selects
        } else if shape.byColumns.isEmpty {
            selects.append("\(aggregate(query.verb, column: nil)) AS \(q(valueTitle))")
        } else {
            for column in shape.byColumns { selects.append("\(aggregate(query.verb, column: column)) AS \(q(column.id))") }
        }
        if let per = plan.per, let limit = query.limit {
            // `top N per FIELD`: each group ranked within its FIELD by the first amount column.
            let first = aggregate(query.verb, column: shape.byColumns.first)
            selects.append("row_number() OVER (PARTITION BY \(groupExpression(per)) ORDER BY \(first) DESC) <= \(limit) AS top_in_group")
        }
        var sql = "WITH m AS (\n  SELECT * FROM items\(whereClause)\n)" + (plan.oneSide ? ",\n" + rankedTotals() : "") + "\n"
        sql += "SELECT " + selects.joined(separator: ", ") + "\nFROM " + (plan.oneSide ? "s AS m" : "m")
        if topmost { sql += "\n" + notUnderAMatchedRow() }
        if plan.oneSide {
            let tables = TableID.allCases.filter(\.isTwoSided).map { literal($0.id) }.joined(separator: ", ")
            sql += (topmost ? "\n  AND " : "\nWHERE ") + "NOT (\(q("table")) IN (\(tables)) AND has_total = 1 AND side_rank > 1)"
        }
        if !groups.isEmpty { sql += "\nGROUP BY " + groups.joined(separator: ", ") }
        var names = groupFields.map(\.rawValue)
            + (spread?.headers ?? (shape.byColumns.isEmpty ? [valueTitle] : shape.byColumns.map(\.id)))
        let ranked = query.verb == .top
        let derived = spread?.derived ?? []
        let onResult = query.per != nil || !query.computed.isEmpty || query.having != nil || !derived.isEmpty
        if ranked, query.per == nil {
            sql += "\nORDER BY \(q(shape.byColumns.first?.id ?? valueTitle)) DESC"
            if let limit = query.limit { sql += "\nLIMIT \(limit)" }
        } else if !groups.isEmpty, query.order.isEmpty, !onResult {
            sql += "\nORDER BY " + groups.joined(separator: ", ")
        }
        if onResult {
            (sql, names) = try resultClauses(sql, query, plan, columns: names, derived: derived, groups: groupFields.count)
        }
        guard !query.order.isEmpty else { return sql + ";" }
        return try ordered(sql, by: query.order, columns: names, groups: groupFields.count, ranked: ranked || onResult) + ";"
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
    private var levelExpression: String {
        "CASE length(code) WHEN 3 THEN 1 WHEN 5 THEN 2 WHEN 7 THEN 3 ELSE 0 END"
    }

    private func condition(_ expr: Expr) throws(Diagnostic) -> String {
        switch expr {
        case .condition(let c): return try condition(c)
        case .not(let e, _): return "NOT (\(try condition(e)))"
        case .parenthesized(let e, _): return "(\(try condition(e)))"
        case .isEmpty(_, _, let range):
            throw .error("`is empty` tests a result's column", in: source, at: range, help: "use it after `having`")
        case .and(let es):
            var parts: [String] = []
            for e in es { parts.append(try condition(e)) }
            return parts.joined(separator: " AND ")
        case .or(let es):
            var parts: [String] = []
            for e in es { parts.append(try condition(e)) }
            return "(" + parts.joined(separator: " OR ") + ")"
        }
    }

    /// The condition as SQL, as `ConditionMeaning` reads it for the planner too.
    private func condition(_ c: Condition) throws(Diagnostic) -> String {
        let meaning = try ConditionMeaning.of(c, source: source)
        let field = meaning.field
        let column = field == .level ? levelExpression : q(field.rawValue)
        func number(_ n: Int64) -> String { field == .amount ? Amount(fen: n).plain(in: .wan) : String(n) }
        let positive: String
        switch meaning.test {
        case .contains(let values): positive = any(values.map { contains(column, $0) })
        case .whole(let values): positive = any(values.map { "\(column) = \(literal($0))" })
        case .matches(_, let patterns): positive = any(patterns.map { regex(column, $0) })
        case .identifiers(let ids):
            positive = ids.isEmpty ? "1 = 0" : "\(column) IN (\(ids.map { literal($0.id) }.joined(separator: ", ")))"
        case .codePatterns(let patterns): positive = any(patterns.map { $0.text == "*" ? "TRUE" : codeMatch($0) })
        case .codes(let codes): positive = any(codes.map { "code = \(literal($0))" })
        case .anyOf(let numbers):
            positive = numbers.count == 1 ? "\(column) = \(number(numbers[0]))" : "\(column) IN (\(numbers.map(number).joined(separator: ", ")))"
        case .between(let low, let high): positive = "\(column) BETWEEN \(number(low)) AND \(number(high))"
        case .compared(let op, let n): positive = "\(column) \(op.rawValue) \(number(n))"
        }
        return meaning.negated ? "NOT (\(positive))" : positive
    }

    private func codeMatch(_ pattern: CodePattern) -> String {
        guard pattern.hasWildcard else { return "code = \(literal(pattern.text))" }
        // Codes are digits (and letters at most): no LIKE metacharacters to escape.
        let like = String(pattern.text.map { $0 == "*" ? "%" : ($0 == "?" ? "_" : $0) })
        return "code LIKE \(literal(like))"
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

    private func any(_ parts: [String]) -> String {
        parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
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
