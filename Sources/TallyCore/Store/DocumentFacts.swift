/// What the store knows of each document as a whole, gathered from its rows: its budget
/// year (as the input gave it, or its latest figure's year), whether it is a 决算, and what
/// it is called — so that a line-item file without these fields reads like an imported one.
struct DocumentFacts {
    struct Document {
        var firstRow: Int
        var statedYear: Int16 = 0
        var latestYear: Int16 = .min
        var isFinal = false
    }

    /// Indexed by doc id.
    var documents: [Document] = []

    init(_ builder: StoreBuilder) {
        documents = []
        documents.reserveCapacity(builder.docs.count)
        for row in builder.doc.indices {
            let d = Int(builder.doc[row])
            while documents.count <= d { documents.append(Document(firstRow: row)) }
            if builder.budgetYear[row] != 0 { documents[d].statedYear = builder.budgetYear[row] }
            documents[d].latestYear = max(documents[d].latestYear, builder.year[row])
            if Phase.marksFinalAccount(builder.phase[row]) { documents[d].isFinal = true }
        }
    }

    func budgetYear(of doc: Int) -> Int16 {
        documents[doc].statedYear != 0 ? documents[doc].statedYear : documents[doc].latestYear
    }

    /// Every row's budget year: as stated, else its document's.
    func budgetYears(_ builder: StoreBuilder) -> [Int16] {
        if !builder.budgetYear.contains(0) { return builder.budgetYear }
        return builder.doc.indices.map { row in
            builder.budgetYear[row] != 0 ? builder.budgetYear[row] : budgetYear(of: Int(builder.doc[row]))
        }
    }

    /// Every row's label id: as given, else one made for its document that no other
    /// document has (§2: district and budget year, then the department's short name, 决算
    /// for final accounts).
    func labels(_ builder: StoreBuilder, budgetYear: [Int16], into labels: inout TextDictionary) -> [UInt32] {
        guard let unlabelled = labels.id(of: ""), builder.label.contains(unlabelled) else { return builder.label }
        var needed: [Int] = []
        var taken: [String: Int] = [:]
        var seen = Set<Int>()
        for row in builder.doc.indices {
            let d = Int(builder.doc[row])
            guard seen.insert(d).inserted else { continue }
            if builder.label[row] == unlabelled { needed.append(d) } else { taken[labels[builder.label[row]], default: 0] += 1 }
        }
        // A department's short name, once per department: many documents (its years, its
        // 预算 and 决算) share one, and finding its district is a text search.
        var shortNames: [UInt32: String] = [:]
        func facts(_ d: Int) -> (district: String, short: String, year: String, suffix: String) {
            let row = documents[d].firstRow
            let dept = builder.dept[row]
            let short = shortNames[dept] ?? {
                let name = DepartmentName.short(builder.depts[dept])
                shortNames[dept] = name
                return name
            }()
            return (builder.districts[builder.district[row]], short,
                    String(budgetYear[row]), documents[d].isFinal ? Phase.final.aliases[0] : "")
        }
        var chosen: [Int: String] = [:]
        let byDistrict = needed.map { d -> String in
            let f = facts(d)
            return (f.district.isEmpty ? f.short : f.district) + f.year + f.suffix
        }
        var counts = taken
        for label in byDistrict { counts[label, default: 0] += 1 }
        for (i, d) in needed.enumerated() where counts[byDistrict[i]] == 1 { chosen[d] = byDistrict[i] }
        // Those sharing a district label take the department's short name, where that is unique
        // in turn; the rest add their file's name.
        let colliding = needed.indices.filter { chosen[needed[$0]] == nil }
        let byDepartment = colliding.map { i -> String in
            let f = facts(needed[i])
            return f.short + f.year + f.suffix
        }
        for label in byDepartment { counts[label, default: 0] += 1 }
        for (k, i) in colliding.enumerated() {
            let label = byDepartment[k]
            chosen[needed[i]] = counts[label] == 1 && label != byDistrict[i] ? label : byDistrict[i] + "·" + builder.docs[UInt32(needed[i])]
        }
        let ids = (0..<documents.count).map { d in chosen[d].map { labels.intern($0) } ?? unlabelled }
        return builder.doc.indices.map { row in
            builder.label[row] == unlabelled ? ids[Int(builder.doc[row])] : builder.label[row]
        }
    }
}
