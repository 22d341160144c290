/// A load frees more than it keeps (the parsed parts, the columns before they were put in
/// document order); glibc's allocator holds freed heap pages for reuse, so without this a user's
/// process would stay as large as the load's peak. Giving them back costs a walk of the heap,
/// once per load.
enum FreedMemory {
    /// A query's scratch (a bitmap of 10M rows is 1.25 MB, accumulators more) is allocated and
    /// freed per statement. By default glibc maps blocks that large afresh each time and hands
    /// freed heap back at once, so every query paid the kernel for zeroed pages again (a third
    /// of a 20 ms scan). Blocks up to 32 MB now come from the heap, and the heap is trimmed
    /// only after a load (`giveBack`). Set once per process.
    static let keepScratch: Void = {
        #if canImport(Glibc)
        _ = setMallocOption(-3, 32 << 20)  // M_MMAP_THRESHOLD (malloc.h)
        _ = setMallocOption(-1, Int32.max)  // M_TRIM_THRESHOLD
        #endif
    }()

    /// A load's transient blocks (the parsed parts, the columns before they were put in
    /// document order) mapped on their own while `body` runs, so that freeing them gives their
    /// pages back whole rather than leaving them in a heap that long-lived small blocks made
    /// during the load (names, dictionary entries) then pin one page at a time.
    static func whileLoading<R>(_ body: () -> R) -> R {
        #if canImport(Glibc)
        _ = setMallocOption(-3, 128 << 10)
        defer { _ = setMallocOption(-3, 32 << 20) }
        #endif
        return body()
    }

    static func giveBack() {
        #if canImport(Glibc)
        _ = trimMallocArenas(0)
        #endif
    }
}

#if canImport(Glibc)
@_silgen_name("malloc_trim")
private func trimMallocArenas(_ pad: Int) -> Int32

@_silgen_name("mallopt")
private func setMallocOption(_ option: Int32, _ value: Int32) -> Int32
#endif
