#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tally DIR` and `.load DIR`: the documents in a folder, by name, that tally can read.
enum Folder {
    static let extensions = ["pdf", "txt", "md", "markdown", "tsv", "csv", "tally"]

    /// What a folder holds: the readable files directly in it, sorted by name, and what is
    /// passed over (other files, folders inside it), so a user is told rather than left to wonder.
    struct Listing {
        var documents: [String] = []
        var otherFiles: [String] = []
        var folders: [String] = []
    }

    /// The readable files directly in `path`, sorted by name; nil when `path` is not a folder.
    static func documents(in path: String) -> [String]? { listing(of: path)?.documents }

    static func listing(of path: String) -> Listing? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var listing = Listing()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            var fileInfo = stat()
            guard stat(full, &fileInfo) == 0 else { continue }
            let kind = fileInfo.st_mode & S_IFMT
            if kind == S_IFDIR { listing.folders.append(name); continue }
            guard kind == S_IFREG else { continue }
            if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
                listing.documents.append(full)
            } else {
                listing.otherFiles.append(name)
            }
        }
        listing.documents.sort()
        listing.otherFiles.sort()
        listing.folders.sort()
        return listing
    }

    /// A digest of a file's bytes: the same document under two names is loaded once. FNV-1a's
    /// step taken over 8 bytes at a time (then the last few one by one): a byte at a time, a
    /// 4 MB PDF cost more than reading its tables' titles.
    static func digest(of path: String) -> UInt64? {
        guard let mapped = MappedFile(path: path) else { return nil }
        return wideDigest(mapped.bytes)
    }

    static func wideDigest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return hash }
        let words = bytes.count / 8
        for k in 0..<words {
            hash ^= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self))
            hash = hash &* 0x100_0000_01b3
        }
        for byte in bytes[(words * 8)...] {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
