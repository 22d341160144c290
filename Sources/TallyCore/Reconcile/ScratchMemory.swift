#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch space of hundreds of megabytes for one pass (the row rule's entries at 10M line
/// items are 320 MB): mapped fresh and asked for 2 MB pages where the system gives them, so
/// filling it takes a few hundred page faults instead of eighty thousand — without, the
/// kernel's faulting and zeroing was a third of `audit rows`. Small sizes use the heap.
struct ScratchMemory<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    private let mapped: Int

    static var mappedBytes: Int { 8 << 20 }

    init(capacity: Int) {
        let bytes = max(1, capacity) * MemoryLayout<Element>.stride
        if bytes >= Self.mappedBytes,
            let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED
        {
            #if canImport(Glibc)
            _ = madvise(p, bytes, Int32(MADV_HUGEPAGE))
            #endif
            buffer = UnsafeMutableBufferPointer(start: p.bindMemory(to: Element.self, capacity: capacity), count: capacity)
            mapped = bytes
        } else {
            buffer = .allocate(capacity: max(1, capacity))
            mapped = 0
        }
    }

    /// Elements must be trivial: nothing is deinitialized.
    func release() {
        if mapped > 0 { munmap(UnsafeMutableRawPointer(buffer.baseAddress!), mapped) } else { buffer.deallocate() }
    }
}
