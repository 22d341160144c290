/// Where a finding's evidence is printed: each of its lines is on one PDF page, known from
/// the line items on that line, or from the import report (a table's title, a remark, a
/// figure not placed). Found once for all findings after the rules have run, so no rule
/// has to carry pages beside its lines, and only the lines some finding cites are looked up.
extension AuditRules {
    mutating func attachPages() {
        guard !findings.isEmpty else { return }
        // The lines each document's findings cite, by doc id.
        var cited = [Set<Int>?](repeating: nil, count: store.docs.count)
        var idOf: [String: Int] = [:]
        for f in findings where !f.lines.isEmpty {
            guard let id = idOf[f.doc] ?? store.docs.id(of: f.doc).map(Int.init), id < cited.count else { continue }
            idOf[f.doc] = id
            cited[id] = (cited[id] ?? []).union(f.lines)
        }
        guard !idOf.isEmpty else { return }
        var pageOf = [[Int: Int]](repeating: [:], count: store.docs.count)
        func note(_ doc: Int, _ line: Int, _ page: Int) {
            guard page > 0, cited[doc]?.contains(line) == true, pageOf[doc][line] == nil else { return }
            pageOf[doc][line] = page
        }
        // Text input has no pages: only documents with a page and a cited line are read.
        for d in cited.indices where cited[d] != nil && store.page.byDocument?[d] != 0 {
            for row in store.rows(ofDocument: d) where scope.contains(row) {
                let page = store.page[row]
                if page != 0 { note(d, Int(store.line[row]), Int(page)) }
            }
        }
        for report in reports {
            guard let doc = idOf[report.doc] else { continue }
            for t in report.tables { note(doc, t.line, t.page) }
            for r in report.remarks { note(doc, r.line, r.page) }
            for c in report.changes { note(doc, c.line, c.page) }
            for (line, page) in report.execution.pages { note(doc, line, page) }
            for s in report.performance {
                note(doc, s.line, s.page)
                for f in s.figures { note(doc, f.line, f.page) }
            }
            for d in report.unplaced { if let o = d.origin { note(doc, o.firstLine, o.page) } }
        }
        for i in findings.indices {
            guard let doc = idOf[findings[i].doc] else { continue }
            var pages: [Int] = []
            for line in findings[i].lines { if let p = pageOf[doc][line], !pages.contains(p) { pages.append(p) } }
            findings[i].pages = pages
        }
    }
}
