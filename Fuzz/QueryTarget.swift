// libFuzzer entry for the statement pipeline: lexer → parser → planner → executor, check and
// audit, over the built-in sample data. Built by scripts/fuzz together with TallyCore's sources.
// An input ends in output or diagnostics; anything else (a trap, a hang) is a finding.

nonisolated(unsafe) private var session: Session?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if session == nil {
        let s = Session(format: .tsv, out: { _ in }, err: { _ in })
        s.loadSampleData()
        session = s
    }
    // Dot-commands that touch files are left out: the fuzzer must not write the disk.
    if text.contains(".output") || text.contains(".read") || text.contains(".load") || text.contains(".save") { return 0 }
    session?.runScript(text, origin: .commandLine)
    return 0
}
