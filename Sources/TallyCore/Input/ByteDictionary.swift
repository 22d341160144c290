/// Distinct byte strings of one field of a file being loaded, each given an id in first-seen
/// order, found by hashing the bytes where they lie in the file: no String per row.
struct ByteDictionary {
    private let base: UnsafePointer<UInt8>
    private var slots: [Int32]
    private var mask: Int
    private(set) var starts: [Int] = []
    private(set) var lengths: [Int] = []
    private var hashes: [UInt64] = []

    init(base: UnsafePointer<UInt8>) {
        self.base = base
        slots = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    var count: Int { starts.count }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }

    /// Byte equality of two short strings, 8 bytes at a time (a call to memcmp costs more).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= n {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    mutating func intern(_ start: Int, _ length: Int) -> UInt32 {
        let p = base + start
        let h = Self.hash(p, length)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[i]
            if id < 0 { break }
            let k = Int(id)
            if hashes[k] == h, lengths[k] == length, Self.equal(base + starts[k], p, length) { return UInt32(id) }
            i = (i + 1) & mask
        }
        let id = Int32(starts.count)
        slots[i] = id
        starts.append(start)
        lengths.append(length)
        hashes.append(h)
        if starts.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }

    /// The value of `id` as bytes.
    func bytes(_ id: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + starts[id], count: lengths[id]) }

    /// Every value as a String, or nil when one is not valid UTF-8.
    func strings() -> [String]? {
        var out: [String] = []
        out.reserveCapacity(count)
        for id in 0..<count {
            guard let s = String(validating: bytes(id), as: UTF8.self) else { return nil }
            out.append(s)
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
