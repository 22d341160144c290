/// The text of `.help`: an overview, and a page per verb and dot-command.
enum HelpText {
    static func fieldMeaning(_ field: Field) -> String {
        switch field {
        case .doc: "source file name without extension"
        case .label: "a short name for the document (北碚2025, 财政局2024决算)"
        case .budgetYear: "the document's own year (2025 for a 2025 预算)"
        case .phase: "budget (预算), adjusted (调整预算) or final (决算)"
        case .page: "the PDF page; 0 for text input"
        case .district: "district, from the unit's name (北碚, 綦江 …)"
        case .dept: "the budget unit's full name"
        case .year: "the year the figure is for"
        case .table: "table id (expenditure, basic_econ …)"
        case .code: "classification code as printed; empty for 合计"
        case .name: "the row's label (科目名称)"
        case .column: "column id (total, basic, project …)"
        case .amount: "the figure, exact, in 万元"
        case .level: "1/2/3 for 类/款/项, 0 without a code"
        case .line: "line in the source file"
        }
    }

    static let overview = """
        tally answers questions about budget disclosures (部门预算公开).

          sum 2080* where dept=綦江 year=2025 by basic,project
          count by table
          top 5 208 where year=2025 by dept
          list 2080101 where district=北碚

        verbs     sum count avg min max list top N [per FIELD]
        checks    check A == B [within TOL];  let NAME = …;  audit [RULE …]
        more      chart QUERY;  explain sql QUERY;  export FILE.tsv [where …];  by …, year as columns
        computed  by …, NAME = EXPR: by label, total, project, share = project / total
        having    a result's rows: having total > 100;  having "2025" is empty;  having share > 0.5
        order by  a result's columns: order by total desc, dept;  order by "2025" desc
        show      show sum 208 - sum 208?? where dept=万盛;  show sum 208?? / sum 208
        targets   code patterns: 208 (one code), 2080* (any rest), 208???? (one character each)
        where     field op value: dept=綦江 (contains), dept==… (whole), year=2023..2025,
                  year=2023,2025, amount>100, name~"^其他", and/or/not, parentheses
        by        fields (dept, year, code …) and column ids (basic, project …)

        `sum` adds only the topmost matching rows, so nothing is added twice; by default it
        reads the expenditure table for function codes (2xx), basic_econ for 3xx,
        basic_gov_econ for 5xx, the total column, and each document's own year and phase.

        .help TOPIC for more: a verb (sum, list, top, check, audit, chart …), where, by,
        patterns, or a dot-command (.load, .mode …).

        """

    static func page(_ topic: String?) -> String {
        guard let topic = topic?.lowercased() else {
            let commands = Session.dotCommands.map { command in
                DisplayWidth.pad(command.name + " " + command.arguments, to: 36) + command.summary
            }
            return overview + "\n" + commands.joined(separator: "\n") + "\n"
        }
        let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let page = pages[name] ?? dotCommandPages[name] { return page }
        return "no help on `\(topic)`; topics: \(topics.joined(separator: " "))\n"
    }

    /// Every topic `.help TOPIC` knows: verbs, clauses, then dot-commands.
    static var topics: [String] { pages.keys.sorted() + dotCommandPages.keys.sorted().map { "." + $0 } }

    private static let averages = """
        avg|min|max [PATTERNS] [where …] [by …]
          Over every matching row, with sum's defaults (no topmost rule: each row counts once).
            max 2080101 by year
            avg 2080101 where year=2025 by district

        """

    static let pages: [String: String] = [
        "sum": """
            sum [PATTERNS] [where …] [by …]
              Adds the topmost matching rows: a row whose parent row also matches is not added
              again. Defaults: table=expenditure for 2xx and no target, basic_econ for 3xx,
              basic_gov_econ for 5xx; column=total. A `where table=…`/`column=…`, `by table`,
              `by column` or `by <column ids>` replaces the default. From each document it
              takes only its own year (budget_year) and phase (a 决算's final figures) unless
              the statement names `year` or `phase`; a group that still adds several years
              (北碚 2023 and 2025 by district) says so in a note, as does a row whose
              `as columns` cells set several years side by side. Of a 总表 printing 收入 and
              支出 side by side (summary, fiscal_summary) it adds one side's total, once.
              A figure no row gives is an empty cell, not 0.
                sum 2080* where dept=綦江 year=2025 by basic,project
                sum where district=北碚 year=2025

            """,
        "count": """
            count [PATTERNS] [where …] [by …]
              Counts matching line items, in every table and column unless told otherwise.
                count by table
                count 208* where year=2025 by doc

            """,
        "avg": averages,
        "min": averages,
        "max": averages,
        "list": """
            list [PATTERNS] [where …]
              The matching line items themselves, every field, in document and code order.
                list 2080101 where district=北碚

            """,
        "top": """
            top N [per FIELD] [PATTERNS] [where …] by …
              The N largest groups of a sum, largest first; with `per FIELD`, the N largest
              within each value of FIELD (its first group, in its own order).
                top 3 208 where year=2025 by dept
                top 1 per doc ??????? by code

            """,
        "where": """
            where CONDITION …
              Conditions joined by spaces or `and`, with `or`, `not` and parentheses.
              dept, district, name, doc: `=` contains, `==` whole text, `~` regular expression
              table, column: `=` an id or its Chinese alias;  code: `=` patterns
              year, amount, level, line: = != < <= > >=, lists 2023,2025, ranges 2023..2025
              Quote text with spaces or operators: name="一般 行政"
              Typed with a Chinese input method, ，＝（）：；＞＜！～ and the ideographic space
              outside quotes are read as , = ( ) : ; > < ! ~ and a space: dept＝綦江

            """,
        "by": """
            by NAME, …
              Fields group rows (by dept, year); column ids become output columns
              (by dept, basic, project). Chinese aliases work too: by 基本支出,项目支出
              NAME = EXPR adds a computed column: + - * / over the amount columns, change,
              "2025"-style headers of `as columns` and numbers. Amount ÷ amount is a ratio
              (42.9% here, 0.428571 in csv/tsv/json); amount × or ÷ a number an amount; a
              number added to an amount is in 万元. Exact, rounded once, half away from zero;
              a division by zero leaves the cell empty, with a note.
                sum * by label, total, project, share = project / total
                sum 2080* where district=北碚 by code, year as columns, growth = change / "2023"

            """,
        "order": """
            order by COLUMN [asc|desc], …
              Sorts a grouped result's rows by its columns: group fields, amount columns,
              change, pct, and headers made by `as columns` (quoted when numbers). Values
              compare as numbers and groups in their own order; empty cells come last.
                sum 208?? where year=2025 by dept order by total desc
                sum 2080* where district=北碚 by code, year as columns order by "2025" desc

            """,
        "having": """
            having CONDITION
              Keeps the rows of a grouped result whose columns satisfy CONDITION: the
              operators of `where` over the result's column names (quoted when numbers:
              "2025"). Amounts compare in 万元, ratios as fractions or percentages (0.5, 50%).
              `COLUMN is empty` / `is not empty` test for a missing figure; any other test
              of an empty cell is unknown, as in SQL, and does not keep the row.
                sum 2* where district=北碚 by code, year as columns having "2023" is empty
                sum 2080* where district=北碚 by code, year as columns having change < 0
                sum * by label, total, project, share = project / total having share > 0.5

            """,
        "show": """
            show EXPR
              The value of an expression of queries, `let` names and numbers, evaluated as a
              check evaluates a side: the last query's conditions on doc, district, dept or
              year apply to all its queries; grouped results are joined on their groups. An
              amount divided by an amount is their ratio.
                show sum 208 - sum 208?? where dept=万盛
                show sum 208?? / sum 208 where dept=万盛
                show sum 208 by doc - sum 208?? by doc

            """,
        "patterns": """
            Code patterns: 208 one code; 2080* any rest; 208???? exactly four more characters;
            several joined by commas: 2080*,2101*; `*` or nothing for every code.

            """,
        "check": """
            check EXPR OP EXPR [within TOL] [as "LABEL"]
              Compares two sides and prints PASS or FAIL with both sides and the difference.
              EXPR is a query, a number, a name from `let`, or + - * / of them; OP is
              == != < <= > >=. Grouped sides are joined on their groups, each passing or
              failing alone. A script goes on after a FAIL and exits 1.
                check sum 208 == sum 208?? where dept=南岸
                check sum 208 by doc == sum 208?? by doc within 0.02
                check sum 30217 + sum 30231 <= sum where table=three_public dept=北碚 year=2025 as "三公 within econ"

            """,
        "let": """
            let NAME = EXPR
              Names a result (a query, a number or arithmetic) for later checks.
                let spent = sum 2* where district=北碚 year=2025
                check spent == sum where district=北碚 year=2025 within 0.01

            """,
        "audit": """
            audit [RULE …] [where …]
              Runs the standard reconciliation rules over the loaded documents and lists each
              finding with its document, table, code, the two figures, the difference, and
              the PDF pages and source lines of its figures (--format tsv|csv|json:
              \(ReconcileOutput.findingColumns.joined(separator: " "))).
              The rules, each with a finding it gives on a real document (its label, the
              severity and the message, as `audit where label=…` prints them):
            \(AuditRules.helpLines.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
              Severities: material (a real difference: audit exits 1); rounding (within the
              rounding of the figures); label (names or presentation); explained (the document
              accounts for it — 涉密项目依法不予公开, 上年结转, 其他资金, an empty table's
              statement — and the finding cites that text and its line); insufficient (the
              rule lacks the data to decide: never a pass).
              Over many documents the terminal shows one line per document (its label, doc
              and findings by severity), then only the material findings; `where` narrows
              the audit to documents, and one document is listed in full (tsv|csv|json stay
              one row per finding).
                audit
                audit where label=北碚2025
                audit tree rows where district=万盛
                audit fiscal complete

            """,
        "chart": """
            chart QUERY
              Draws the result as horizontal bars, one per group: as wide as the terminal with
              block characters, or 80 columns of `#` in a pipe or a file. Negative amounts grow
              left of an axis. Amounts and ratios (`share`, `pct`, as percentages on their own
              scale) are bars; text columns label them. `.mode bar` charts every result.
                chart sum 2080* where year=2025 by dept
                chart count by table

            """,
        "explain": """
            explain sql QUERY
              Prints the query as SQL for DuckDB and ClickHouse over a table `items` holding the
              line items as `export` writes them, with tally's defaults and no-double-counting
              rule, so the same question runs on a bigger engine.
                explain sql sum 2080* where dept=綦江 year=2025 by basic,project

            """,
        "export": """
            export FILE.tsv|FILE.csv [where …]
              Writes the matching line items (every table and column) in the generic line-item
              format, amounts exact in 万元: they load back into tally, DuckDB or ClickHouse.
                export /tmp/tally-help-items.tsv where district=北碚

            """,
    ]

    static let dotCommandPages: [String: String] = [
        "help": ".help [TOPIC]\n  The overview, or a page on a verb, a clause or a dot-command.\n    .help sum\n    .help .load\n",
        "load": """
            .load FILE
              Loads a disclosure (pdf-text, tsv or markdown layout, or pdftotext -layout text) or a
              line-item TSV/CSV. A file that cannot be read is reported and nothing of it is kept.
                .load examples/sample-items.tsv

            """,
        "tables": ".tables\n  The tables loaded, with how many line items each holds.\n    .tables\n",
        "fields": ".fields\n  The fields a query can name in where and by, with what `=` means for each.\n    .fields\n",
        "depts": ".depts\n  The departments loaded, with their district and how many line items each has.\n    .depts\n",
        "mode": """
            .mode table|csv|tsv|json|markdown
              How results are written. csv, tsv and json give exact plain decimals.
                .mode csv
                .mode table

            """,
        "unit": """
            .unit 元|万元|亿元
              The unit amounts are shown in (default 万元, as the tables print them). Amounts stay
              exact: 元 shows every fen.
                .unit 元
                .unit 万元

            """,
        "timer": """
            .timer on|off
              After each statement, `Run Time (s): real R user U sys S`, as DuckDB's and
              SQLite's shells print it.
                .timer on
                .timer off

            """,
        "maxrows": """
            .maxrows N|all|auto
              At the prompt, a table or markdown result longer than N rows shows its first N
              and a line `… M more rows`. The default, auto, is what fits the terminal; all (or
              0, or off) shows every row. Pipes, .output files, -c and -f always get every row.
                .maxrows 20
                .maxrows all
                .maxrows auto

            """,
        "output": """
            .output FILE|stdout
              Writes results to FILE (replacing it; only a regular file), or back to the screen.
                .output stdout

            """,
        "save": """
            .save FILE.tally
              Saves every loaded line item as a snapshot: a versioned, checksummed columnar file
              that `tally FILE.tally` or `.load FILE.tally` opens by mapping it, far faster than
              reading a TSV again. What the importer found in each document (its notes, empty
              tables, statements of the text) is kept too, so `audit` and `--report` on the
              snapshot say what they say on the documents.
                .save /tmp/tally-help.tally

            """,
        "read": ".read FILE\n  Runs the statements of a script file, as -f does.\n    .read examples/overview.tq\n",
        "quit": ".quit\n  Leaves tally (Ctrl-D at an empty prompt does too).\n",
    ]
}
