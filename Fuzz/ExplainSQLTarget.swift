// libFuzzer entry for `explain sql`: each input is a query translated to both SQL dialects,
// through the session (planner first, as tally runs it) and through the translator alone.
// Built by scripts/fuzz together with TallyCore's sources. Issue 13 §1: the translator once
// freed memory it still used on `code=208*`; this target runs it optimized under ASan.

nonisolated(unsafe) private var session: Session?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExplainSQL(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if session == nil {
        let s = Session(format: .tsv, out: { _ in }, err: { _ in })
        s.loadSampleData()
        session = s
    }
    guard !text.contains("\n"), !text.contains(";") else { return 0 }
    session?.run("explain sql " + text, origin: .commandLine)
    if case .query(let query)? = try? Parser.parse(text) {
        for dialect in SQLTranslator.Dialect.allCases {
            _ = try? SQLTranslator(dialect: dialect, source: text).translate(query)
        }
    }
    return 0
}
