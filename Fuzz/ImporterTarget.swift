// libFuzzer entry for the readers of untrusted files: the disclosure importer (every layout)
// with the audit over what it read, and the line-item TSV/CSV reader. Built by scripts/fuzz together with TallyCore's sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? LineItemFile.read(bytes, path: "fuzz.tsv")
    if let text = String(validating: bytes, as: UTF8.self) {
        _ = DocumentImporter.looksLikeDisclosure(text)
        // What was read goes through every audit rule too, with its report (remarks and all).
        if let read = try? DocumentImporter.read(text, path: "fuzz.txt") {
            var builder = StoreBuilder()
            builder.append(contentsOf: read.items)
            let store = builder.build()
            var rules = AuditRules(store: store, scope: RowSet(rowCount: store.count, all: true), reports: [read.report])
            rules.run(AuditRules.all)
        }
    }
    return 0
}
