// libFuzzer entry for the readers of untrusted files: the disclosure importer (every layout)
// and the line-item TSV/CSV reader. Built by scripts/fuzz together with TallyCore's sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? LineItemFile.read(bytes, path: "fuzz.tsv")
    if let text = String(validating: bytes, as: UTF8.self) {
        _ = DocumentImporter.looksLikeDisclosure(text)
        _ = try? DocumentImporter.read(text, path: "fuzz.txt")
    }
    return 0
}
