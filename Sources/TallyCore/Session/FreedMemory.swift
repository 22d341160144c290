/// A load frees more than it keeps (the parsed parts, the columns before they were put in
/// document order); glibc's allocator holds freed heap pages for reuse, so without this a user's
/// process would stay as large as the load's peak. Giving them back costs a walk of the heap,
/// once per load.
enum FreedMemory {
    static func giveBack() {
        #if canImport(Glibc)
        _ = trimMallocArenas(0)
        #endif
    }
}

#if canImport(Glibc)
@_silgen_name("malloc_trim")
private func trimMallocArenas(_ pad: Int) -> Int32
#endif
