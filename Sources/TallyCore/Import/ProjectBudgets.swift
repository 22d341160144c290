/// Project budgets from the performance-target tables (项目支出绩效目标表): each 项目名称
/// with its 当年预算 / 资金总额 becomes a `projects` line item, the project's code (when the
/// name starts with one, `50011022T000002062489-…`) as its code.
enum ProjectBudgets {
    static let amountLabels = ["当年预算", "资金总额", "年度资金总额", "项目资金", "当年预算金额", "预算金额"]

    static func find(_ lines: [SourceLine], context: TableContext, report: inout ImportReport) -> [LineItem] {
        var items: [LineItem] = []
        var project: (code: String, name: String, line: Int)?
        // Nil after a unit line naming a unit tally does not read (百万元).
        var unit: DisplayUnit? = .wan
        var unitWord = ""
        for line in lines where line.cells.count >= 2 {
            let cells = line.cells.map { $0.replacingAll(" ", with: "") }
            switch TabbedTables.unitStatement(line.text) {
            case .known(let u)?: unit = u
            case .unknown(let word)?: (unit, unitWord) = (nil, word)
            case nil: break
            }
            if ["项目名称", "专项资金名称", "一级项目名称"].contains(cells[0]), cells.count > 1, !cells[1].isEmpty {
                project = split(cells[1], line: line.number)
                continue
            }
            guard let current = project, let label = amountLabels.first(where: { cells[0].hasPrefix($0) }) else { continue }
            guard let valueText = cells.dropFirst().first(where: { !$0.isEmpty }) else { continue }
            let cellUnit: DisplayUnit? = cells[0].contains("(元)") || cells[0].contains("（元）") ? .yuan : (cells[0].contains("万元") ? .wan : unit)
            guard let cellUnit else {
                report.unplaced.append(.fileError("project \(current.name): \(label) `\(valueText)` is in \(unitWord), a unit tally does not read (\(Vocabulary.readableUnits))",
                                                  file: context.path, line: line.number))
                project = nil
                continue
            }
            switch Amount.parse(valueText, unit: cellUnit) {
            case .success(let amount):
                items.append(context.item(.projects, code: current.code, name: current.name, column: .total,
                                          amount: amount, line: line.number))
                project = nil
            case .failure(let e):
                report.unplaced.append(.fileError("project \(current.name): \(label) `\(valueText)` is \(e.explanation)",
                                                  file: context.path, line: line.number))
            }
        }
        return items
    }

    /// `50011022T000002062489-企业退休人员…` → the code and the name.
    static func split(_ text: String, line: Int) -> (code: String, name: String, line: Int) {
        if let dash = text.firstIndex(of: "-") {
            let code = text[..<dash]
            if code.count >= 6, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) {
                return (String(code), String(text[text.index(after: dash)...]), line)
            }
        }
        return ("", text, line)
    }
}
