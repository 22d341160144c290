#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search and replacement on UTF-8 bytes. The importer matches its vocabulary
/// (titles, header words, units) against every header cell and line of a document, and
/// String's Unicode-aware search (grapheme breaking, normalisation) was most of a PDF's
/// import time. UTF-8 is self-synchronising, so a byte match is a match of whole scalars;
/// budget text has no combining marks for a scalar match to split.
extension StringProtocol {
    /// Whether `needle` occurs in the text.
    func contains(utf8 needle: String) -> Bool {
        if needle.isEmpty { return true }
        return withUTF8Bytes { hay in
            var n = needle
            return n.withUTF8 { nb in
                UTF8Search.first(nb, in: hay, from: 0) != nil
            }
        }
    }

    /// The text with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return String(self) }
        return withUTF8Bytes { hay -> String in
            var t = target
            return t.withUTF8 { tb -> String in
                guard var found = UTF8Search.first(tb, in: hay, from: 0) else { return String(decoding: hay, as: UTF8.self) }
                var out: [UInt8] = []
                out.reserveCapacity(hay.count)
                var at = 0
                while true {
                    out.append(contentsOf: hay[at..<found])
                    out.append(contentsOf: replacement.utf8)
                    at = found + tb.count
                    guard let next = UTF8Search.first(tb, in: hay, from: at) else { break }
                    found = next
                }
                out.append(contentsOf: hay[at...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    private func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = String(self)
        return copy.withUTF8(body)
    }
}

enum UTF8Search {
    /// The offset of the first `needle` in `hay` at or after `start`: memchr for its first
    /// byte, then a compare.
    static func first(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let m = needle.count
        guard m > 0, let h = hay.baseAddress, let n = needle.baseAddress, hay.count - start >= m else { return nil }
        let lead = Int32(n[0])
        var at = start
        let last = hay.count - m
        while at <= last {
            guard let hit = memchr(h + at, lead, last - at + 1) else { return nil }
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(h)
            if memcmp(h + offset, n, m) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }
}
