// libFuzzer entry for the snapshot reader (issue 13 §2: a `.tally` file is untrusted input).
// Each input is read as it is, and again with every checksum recomputed — anyone can do
// that, so the checks behind the checksums must hold on their own. Built by scripts/fuzz
// together with TallyCore's sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    read(bytes)
    if resealed(&bytes) { read(bytes) }
    return 0
}

private func read(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
        guard let store = try? Snapshot.read(buffer, path: "fuzz.tally") else { return }
        // A store that loads must answer: sums walk parent links, `list` reads every id.
        for text in ["sum by doc", "sum 2* by code", "list", "count by dept, name"] {
            guard case .query(let query)? = try? Parser.parse(text),
                let plan = try? Planner.plan(query, source: text, store: store) else { continue }
            _ = try? Executor.run(plan, on: store, cancel: .never)
        }
    }
}

/// Recomputes each section's checksum (where its bounds lie in the file) and the header's.
private func resealed(_ bytes: inout [UInt8]) -> Bool {
    let headerEnd = Snapshot.fixedHeader + Snapshot.Kind.sectionCount * Snapshot.entrySize
    guard bytes.count >= headerEnd + 8 else { return false }
    func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
    func put(_ v: UInt64, _ at: Int) { for i in 0..<8 { bytes[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) } }
    for i in 0..<Snapshot.Kind.sectionCount {
        let entry = Snapshot.fixedHeader + i * Snapshot.entrySize
        let offset = u64(entry + 8), length = u64(entry + 16)
        guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
        let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)])) }
        put(sum, entry + 24)
    }
    put(bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<headerEnd])) }, headerEnd)
    return true
}
