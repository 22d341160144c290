#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distinct byte strings of one field of a file being loaded, each given an id in first-seen
/// order, found by hashing the bytes where they lie in the file: no String per row.
///
/// Each distinct value is copied into a small arena, and the table's slots hold the hash and
/// length beside the id, so a lookup touches a few cache lines that stay hot — not the value's
/// first occurrence somewhere back in a gigabyte file.
///
/// A struct over raw memory (a class's stored properties would be checked for exclusive
/// access at run time on every lookup); `Memory` frees it when the last copy goes.
struct ByteDictionary {
    struct Slot {
        var hash: UInt64 = 0
        var id: Int32 = -1
        var offset: UInt32 = 0
        var length: Int32 = 0
    }

    final class Memory {
        var slots: UnsafeMutableBufferPointer<Slot>
        var arena: UnsafeMutablePointer<UInt8>
        init(slots: UnsafeMutableBufferPointer<Slot>, arena: UnsafeMutablePointer<UInt8>) {
            self.slots = slots
            self.arena = arena
        }
        deinit {
            slots.deallocate()
            arena.deallocate()
        }
    }

    private var slots: UnsafeMutableBufferPointer<Slot>
    private var mask: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaUsed = 0
    private(set) var offsets: [Int] = []
    private(set) var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private let memory: Memory

    init() {
        slots = .allocate(capacity: 1024)
        slots.initialize(repeating: Slot())
        mask = 1023
        arenaCapacity = 1 << 16
        arena = .allocate(capacity: arenaCapacity)
        memory = Memory(slots: slots, arena: arena)
    }

    var count: Int { offsets.count }

    /// A hash of the first, middle and last eight bytes and the length: enough to spread the
    /// values of one field (names differ in their district, department or ending), and
    /// cheap; equality is always checked byte for byte.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        if n >= 8 {
            h = (h ^ raw.loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h = (h ^ raw.loadUnaligned(fromByteOffset: n / 2 - 4, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
            h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        } else {
            var tail: UInt64 = 0
            for i in 0..<n { tail |= UInt64(p[i]) << UInt64(i * 8) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return h ^ (h >> 31)
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

    /// The id of the `length` bytes at `p`, adding them if new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        let h = Self.hash(p, length)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot.id < 0 { break }
            if slot.hash == h, Int(slot.length) == length, Self.equal(arena + Int(slot.offset), p, length) {
                return UInt32(slot.id)
            }
            i = (i + 1) & mask
        }
        let id = Int32(offsets.count)
        if arenaUsed + length > arenaCapacity {
            var capacity = arenaCapacity * 2
            while arenaUsed + length > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaUsed)
            arena.deallocate()
            arena = grown
            memory.arena = grown
            arenaCapacity = capacity
        }
        (arena + arenaUsed).update(from: p, count: length)
        offsets.append(arenaUsed)
        arenaUsed += length
        lengths.append(length)
        hashes.append(h)
        slots[i] = Slot(hash: h, id: id, offset: UInt32(arenaUsed - length), length: Int32(length))
        if offsets.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot())
        memory.slots = slots
        mask = size - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].id >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(hash: h, id: Int32(k), offset: UInt32(offsets[k]), length: Int32(lengths[k]))
        }
    }

    /// The value of `id` as bytes.
    func bytes(_ id: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: arena + offsets[id], count: lengths[id]) }

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
