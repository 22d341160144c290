#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whatever a user names on the command line or with `.load`, and turns it into line
/// items: a line-item TSV/CSV (§2 "Generic input").
public enum InputFile {
    /// The largest file tally reads, so a wrong path (a disk image, say) fails fast.
    public static let maxBytes = 1 << 31

    public static func read(path: String) throws(DiagnosticList) -> [LineItem] {
        let bytes = try readBytes(path)
        if LineItemFile.looksLikeLineItems(bytes) {
            return try LineItemFile.read(bytes, path: path)
        }
        if bytes.isEmpty {
            throw DiagnosticList([.fileError("the file is empty", file: path)])
        }
        throw DiagnosticList([.fileError(
            "not a line-item file: its first line is not a header naming fields such as dept year table code column amount",
            file: path, line: 1)])
    }

    public static func readBytes(_ path: String) throws(DiagnosticList) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DiagnosticList([.fileError("cannot read: \(String(cString: strerror(errno)))", file: path)])
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticList([.fileError("is a directory, not a file", file: path)])
        }
        guard let handle = fopen(path, "rb") else {
            throw DiagnosticList([.fileError("cannot read: \(String(cString: strerror(errno)))", file: path)])
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if bytes.count > maxBytes {
                throw DiagnosticList([.fileError("larger than \(maxBytes >> 20) MiB", file: path)])
            }
            if n < chunk.count {
                if ferror(handle) != 0 {
                    throw DiagnosticList([.fileError("cannot read: \(String(cString: strerror(errno)))", file: path)])
                }
                break
            }
        }
        return bytes
    }
}
