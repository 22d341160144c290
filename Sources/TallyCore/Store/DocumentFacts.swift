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
            while documents.count <= d { documents.append(Document(firstRow: -1)) }
            if documents[d].firstRow < 0 { documents[d].firstRow = row }
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
        var taken = Set<String>()
        for d in documents.indices where documents[d].firstRow >= 0 {
            let row = documents[d].firstRow
            if builder.label[row] == unlabelled { needed.append(d) } else { taken.insert(labels[builder.label[row]]) }
        }
        // A label is its first part (a district, or a department's short name), the budget
        // year's four digits and 决算 or nothing, so labels are compared as those three: the
        // text of a part is hashed once per district or department, not once per document.
        var parts = TextDictionary()
        var districtPart: [UInt32: UInt32] = [:]
        var shortPart: [UInt32: UInt32] = [:]
        func candidates(_ d: Int) -> (byDistrict: Candidate, byDepartment: Candidate) {
            let row = documents[d].firstRow
            let dept = builder.dept[row], district = builder.district[row]
            // A department's short name, once per department: many documents (its years, its
            // 预算 and 决算) share one, and finding its district is a text search.
            let short = shortPart[dept] ?? {
                let id = parts.intern(DepartmentName.short(builder.depts[dept]))
                shortPart[dept] = id
                return id
            }()
            let place = districtPart[district] ?? {
                let name = builder.districts[district]
                let id = name.isEmpty ? UInt32.max : parts.intern(name)
                districtPart[district] = id
                return id
            }()
            let year = budgetYear[row], isFinal = documents[d].isFinal
            return (Candidate(part: place == .max ? short : place, year: year, isFinal: isFinal),
                    Candidate(part: short, year: year, isFinal: isFinal))
        }
        func text(_ c: Candidate) -> String { parts[c.part] + String(c.year) + (c.isFinal ? Phase.final.aliases[0] : "") }
        // How many documents would have each label; one given to a document already counts.
        var counts: [Candidate: Int] = [:]
        func count(_ c: Candidate) -> Int { counts[c, default: 0] + (taken.isEmpty || !taken.contains(text(c)) ? 0 : 1) }

        let choices = needed.map(candidates)
        for c in choices { counts[c.byDistrict, default: 0] += 1 }
        var chosen = [String?](repeating: nil, count: documents.count)
        var colliding: [Int] = []
        for (i, d) in needed.enumerated() {
            if count(choices[i].byDistrict) == 1 { chosen[d] = text(choices[i].byDistrict) } else { colliding.append(i) }
        }
        // Those sharing a district label take the department's short name, where that is unique
        // in turn; the rest add their file's name.
        for i in colliding { counts[choices[i].byDepartment, default: 0] += 1 }
        for i in colliding {
            let (byDistrict, byDepartment) = choices[i]
            chosen[needed[i]] = count(byDepartment) == 1 && byDepartment != byDistrict
                ? text(byDepartment) : text(byDistrict) + "·" + builder.docs[UInt32(needed[i])]
        }
        let ids = chosen.map { $0.map { labels.intern($0) } ?? unlabelled }
        return builder.doc.indices.map { row in
            builder.label[row] == unlabelled ? ids[Int(builder.doc[row])] : builder.label[row]
        }
    }

    /// A label's parts but its text: which district or short name, which year, 决算 or not.
    private struct Candidate: Hashable {
        var part: UInt32
        var year: Int16
        var isFinal: Bool
    }
}
