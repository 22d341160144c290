/// A fast 64-bit checksum of a snapshot section: four lanes of multiply-xor over 8-byte words,
/// so checking a few hundred megabytes costs a few tens of milliseconds. It guards against
/// truncation and corruption, not against tampering.
enum Checksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
        var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
        let n = bytes.count
        var i = 0
        if let p = bytes.baseAddress {
            while i + 32 <= n {
                a = (a ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
                b = (b ^ p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* k
                c = (c ^ p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* k
                d = (d ^ p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* k
                a ^= a >> 31; b ^= b >> 31; c ^= c >> 31; d ^= d >> 31
                i += 32
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail ^= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift = (shift + 8) & 63
                i += 1
            }
            a ^= tail
        }
        var h = a ^ (b &* 3) ^ (c &* 5) ^ (d &* 7) ^ UInt64(n)
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }
}
