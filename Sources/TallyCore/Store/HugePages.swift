#if canImport(Glibc)
import Glibc
#endif

/// Large columns are written once, front to back, right after they are allocated (a snapshot's
/// copy, the reordering at load). Asking the kernel for 2 MB pages there turns ~500 page faults
/// per megabyte into one, which was a third of opening a snapshot. Where the system does not
/// give them (or this is not Linux), nothing changes.
enum HugePages {
    static let threshold = 4 << 20

    /// Advises the whole 2 MB pages inside `buffer`, before anything is written to it.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if canImport(Glibc)
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, Int32(MADV_HUGEPAGE))
        #endif
    }
}
