/// §3: a sum takes each document's own year and phase, so it never adds a 2024 column to
/// 2025 figures of the same document; but a group of several documents (北碚 by district,
/// with a 2023 and a 2025 document) may still add several years or phases. That is said in
/// a note, so a figure printed nowhere is never taken for one that was.
enum PeriodNote {
    static let shownGroups = 3
    /// Pivot columns that are documents, each headed by its label (district, year, phase).
    static let namesDocuments: Set<Field> = [.doc, .label, .district, .dept, .budgetYear]

    /// `groups` in the order shown, each with its group values and its accumulators.
    static func notes(_ plan: QueryPlan, groups: [(label: [ResultTable.Cell], accumulators: ArraySlice<Executor.Accumulator>)])
        -> [Diagnostic]
    {
        guard plan.ownYear || plan.ownPhase else { return [] }
        var notes = notes(plan, groups.map { group in
            var total = Executor.Accumulator()
            for a in group.accumulators where a.count > 0 { total.merge(a) }
            return (group.label, total)
        }, verb: plan.topmost ? "adds" : "takes")
        // `by dept, phase as columns` sets each group's cells side by side in one printed row, and
        // a computed `rate = final / budget` divides them: a 2024 决算 beside a 2025 预算 is no
        // execution rate, though no cell adds two years. Each printed row is looked at whole,
        // unless its cells are documents (`doc as columns`): their headers say their years.
        if notes.isEmpty, let pivot = plan.pivot, !Self.namesDocuments.contains(pivot),
           let spread = plan.groupFields.firstIndex(of: pivot) {
            var rows: [[ResultTable.Cell]: Int] = [:]
            var merged: [(label: [ResultTable.Cell], total: Executor.Accumulator)] = []
            for group in groups {
                var label = group.label
                label.remove(at: spread)
                let k = rows[label] ?? { rows[label] = merged.count; merged.append((label, Executor.Accumulator())); return merged.count - 1 }()
                for a in group.accumulators where a.count > 0 { merged[k].total.merge(a) }
            }
            var fields = plan.groupFields
            fields.remove(at: spread)
            notes = Self.notes(plan, merged, fields: fields, verb: "sets", side: " side by side")
        }
        return notes
    }

    private static func notes(_ plan: QueryPlan, _ groups: [(label: [ResultTable.Cell], total: Executor.Accumulator)],
                              fields: [Field]? = nil, verb: String, side: String = "") -> [Diagnostic] {
        var years: [String] = [], phases: [String] = []
        var yearExample: Int16?, phaseExample: Phase?
        for (label, total) in groups {
            guard total.count > 0 else { continue }
            // 北碚: 2023 and 2025; level 2: …, where a number alone would not say what it is.
            let name = zip(fields ?? plan.groupFields, label).map { field, cell in
                field.kind == .number ? "\(field.rawValue) \(Pivot.label(cell))" : Pivot.label(cell)
            }.joined(separator: " ")
            let prefix = name.isEmpty ? "" : name + ": "
            if plan.ownYear, total.minYear != total.maxYear {
                let list = Self.years(total)
                years.append(prefix + listed(list.map(String.init)))
                yearExample = yearExample ?? list.last
            }
            let phaseList = Phase.allCases.filter { total.phases & (1 << $0.rawValue) != 0 }
            if plan.ownPhase, phaseList.count > 1 {
                phases.append(prefix + listed(phaseList.map(\.id)))
                phaseExample = phaseExample ?? phaseList.last
            }
        }
        var out: [Diagnostic] = []
        if let example = yearExample {
            out.append(Diagnostic(.warning, "\(verb) figures of several years\(side): " + summary(years), source: plan.source,
                                  range: plan.verbRange,
                                  help: "each document gives its own year; add `by year` or `by doc` to see them apart, or name one: `where year=\(example)`"))
        }
        if let example = phaseExample {
            out.append(Diagnostic(.warning, "\(verb) figures of several phases\(side): " + summary(phases), source: plan.source,
                                  range: plan.verbRange,
                                  help: "each document gives its own phase (a 决算 its final figures); add `by phase` to see them apart, or name one: `where phase=\(example.id)`"))
        }
        return out
    }

    /// Every year a group added, from its lowest, highest and bits `year % 64`.
    static func years(_ a: Executor.Accumulator) -> [Int16] {
        guard a.maxYear >= a.minYear else { return [] }
        guard Int(a.maxYear) - Int(a.minYear) < 64 else { return [a.minYear, a.maxYear] }
        return (a.minYear...a.maxYear).filter { a.yearBits & (1 << UInt64($0 & 63)) != 0 }
    }

    /// "2023 and 2025", "2023, 2024 and 2025".
    static func listed(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// The first few groups, and how many more.
    static func summary(_ groups: [String]) -> String {
        let shown = groups.prefix(shownGroups).joined(separator: "; ")
        let more = groups.count - shownGroups
        return more > 0 ? shown + "; and \(more) more group\(more == 1 ? "" : "s")" : shown
    }
}
