/// The distinct classification codes of the store, sorted by their bytes, so that every code
/// starting with a prefix has an id inside one contiguous range (§6) and code order is id order.
/// Id 0 is the empty code (rows such as 合计) when any row has one.
public struct CodeDictionary: Sendable {
    public let codes: [String]
    /// 1/2/3 for 类/款/项 by code length, 0 otherwise; indexed by id.
    public let levels: [UInt8]
    private let utf8Codes: [[UInt8]]
    private let ids: [String: UInt32]

    init(_ distinct: Set<String>) {
        let sorted = distinct.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        utf8Codes = sorted
        codes = sorted.map { String(decoding: $0, as: UTF8.self) }
        levels = codes.map { UInt8(CodeLevel.of($0)) }
        var ids: [String: UInt32] = [:]
        for (i, code) in codes.enumerated() { ids[code] = UInt32(i) }
        self.ids = ids
    }

    public var count: Int { codes.count }

    public func id(of code: String) -> UInt32? { ids[code] }

    public subscript(id: UInt32) -> String { codes[Int(id)] }

    /// Ids of every code that starts with `prefix` (the empty prefix: every code).
    public func ids(withPrefix prefix: String) -> Range<Int> {
        let p = Array(prefix.utf8)
        let lower = partition { !$0.lexicographicallyPrecedes(p) }
        let upper = partition { code in
            // true once a code sorts after every code with this prefix
            if code.starts(with: p) { return false }
            return !code.lexicographicallyPrecedes(p)
        }
        return lower..<max(lower, upper)
    }

    /// First index at which `isAfter` becomes true; `isAfter` must be monotonic over the sort.
    private func partition(_ isAfter: ([UInt8]) -> Bool) -> Int {
        var lo = 0
        var hi = utf8Codes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isAfter(utf8Codes[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// For each code id, the ids of codes in the dictionary that are proper prefixes of it,
    /// longest first. Parent links are looked for only among these.
    func properPrefixIDs() -> [[UInt32]] {
        utf8Codes.map { code in
            guard code.count > 1 else { return [] }
            var found: [UInt32] = []
            for length in stride(from: code.count - 1, through: 1, by: -1) {
                let prefix = String(decoding: code[0..<length], as: UTF8.self)
                if let id = ids[prefix] { found.append(id) }
            }
            return found
        }
    }
}
