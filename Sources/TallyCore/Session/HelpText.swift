/// The text of `.help`: an overview, and a page per verb and dot-command.
enum HelpText {
    static func fieldMeaning(_ field: Field) -> String {
        switch field {
        case .doc: "source file name without extension"
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

        verbs     sum count avg min max list top N
        targets   code patterns: 208 (one code), 2080* (any rest), 208???? (one character each)
        where     field op value: dept=綦江 (contains), dept==… (whole), year=2023..2025,
                  year=2023,2025, amount>100, name~"^其他", and/or/not, parentheses
        by        fields (dept, year, code …) and column ids (basic, project …)

        `sum` adds only the topmost matching rows, so nothing is added twice; by default it
        reads the expenditure table for function codes (2xx), basic_econ for 3xx,
        basic_gov_econ for 5xx, and the total column.

        .help TOPIC for more: a verb (sum, list, top …), where, by, patterns, or a dot-command.

        """

    static func page(_ topic: String?) -> String {
        guard let topic = topic?.lowercased() else {
            let commands = Session.dotCommands.map { command in
                DisplayWidth.pad(command.name + " " + command.arguments, to: 36) + command.summary
            }
            return overview + "\n" + commands.joined(separator: "\n") + "\n"
        }
        let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let page = pages[name] { return page }
        if let command = Session.dotCommands.first(where: { $0.name == "." + name }) {
            return "\(command.name) \(command.arguments)\n  \(command.summary)\n"
        }
        return "no help on `\(topic)`; topics: \(pages.keys.sorted().joined(separator: " "))\n"
    }

    static let pages: [String: String] = [
        "sum": """
            sum [PATTERNS] [where …] [by …]
              Adds the topmost matching rows: a row whose parent row also matches is not added
              again. Defaults: table=expenditure for 2xx and no target, basic_econ for 3xx,
              basic_gov_econ for 5xx; column=total. A `where table=…`/`column=…`, `by table`,
              `by column` or `by <column ids>` replaces the default.
                sum 2080* where dept=綦江 year=2025 by basic,project
                sum where district=北碚 year=2025

            """,
        "count": """
            count [PATTERNS] [where …] [by …]
              Counts matching line items, in every table and column unless told otherwise.
                count by table
                count 208* where year=2025 by doc

            """,
        "avg": "avg|min|max [PATTERNS] [where …] [by …]\n  Over every matching row, with sum's defaults.\n    max 2080101 by year\n",
        "list": """
            list [PATTERNS] [where …]
              The matching line items themselves, every field, in document and code order.
                list 2080101 where district=北碚

            """,
        "top": """
            top N [PATTERNS] [where …] by …
              The N largest groups of a sum, largest first.
                top 3 208 where year=2025 by dept

            """,
        "where": """
            where CONDITION …
              Conditions joined by spaces or `and`, with `or`, `not` and parentheses.
              dept, district, name, doc: `=` contains, `==` whole text, `~` regular expression
              table, column: `=` an id or its Chinese alias;  code: `=` patterns
              year, amount, level, line: = != < <= > >=, lists 2023,2025, ranges 2023..2025
              Quote text with spaces or operators: name="一般 行政"

            """,
        "by": """
            by NAME, …
              Fields group rows (by dept, year); column ids become output columns
              (by dept, basic, project). Chinese aliases work too: by 基本支出,项目支出

            """,
        "patterns": """
            Code patterns: 208 one code; 2080* any rest; 208???? exactly four more characters;
            several joined by commas: 2080*,2101*; `*` or nothing for every code.

            """,
    ]
}
