/// A snapshot loaded into a session that already holds documents: a document of the snapshot
/// whose `doc` the session already has is renamed `doc-2` (and so on), as a second document of
/// that name would be (§2), so that its rows and its import report stay its own. Names without
/// an import report on either side (line-item files) are left to merge, as they always have.
enum SavedDocuments {
    /// The new name of each snapshot document that needs one.
    static func renames(docs: [String], reports saved: [ImportReport], taken: Set<String>, reported: Set<String>) -> [String: String] {
        let savedReported = Set(saved.map(\.doc))
        var incoming = docs
        incoming += saved.map(\.doc).filter { !docs.contains($0) }
        var used = taken.union(incoming)
        var renames: [String: String] = [:]
        for name in incoming where taken.contains(name) && (reported.contains(name) || savedReported.contains(name)) {
            var n = 2
            while used.contains("\(name)-\(n)") { n += 1 }
            renames[name] = "\(name)-\(n)"
            used.insert("\(name)-\(n)")
        }
        return renames
    }

    static func apply(_ renames: [String: String], to batch: inout ColumnBatch, _ saved: inout [ImportReport]) {
        guard !renames.isEmpty else { return }
        batch.docs = batch.docs.map { renames[$0] ?? $0 }
        for i in saved.indices { saved[i].doc = renames[saved[i].doc] ?? saved[i].doc }
    }
}
