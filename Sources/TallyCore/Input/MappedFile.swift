#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only into memory: the loader and snapshots read them where they
/// lie, so a large file is never held twice. Unmapped when the value goes away.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?

    /// nil for anything that cannot be mapped (a directory, a pipe, an empty file): callers
    /// then read the careful way, which says why.
    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
            info.st_size <= InputFile.maxBytes
        else { return nil }
        let size = Int(info.st_size)
        // Every byte is read (parsed or checksummed) at once: the pages are faulted in one call
        // rather than one fault each.
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        mapping = p
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Hands the pages read so far back to the page cache: they stay there, shared, and come
    /// back on the next touch (a read-only private mapping of a file is never written, so
    /// nothing is lost), but no longer count as this process's resident memory.
    public func returnResidentPages() {
        #if os(Linux)
        if let mapping { _ = madvise(mapping, bytes.count, MADV_DONTNEED) }
        #endif
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
