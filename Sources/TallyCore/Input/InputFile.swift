#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whatever a user names on the command line or with `.load`, and turns it into line
/// items: a line-item TSV/CSV (§2 "Generic input") or a budget disclosure (the importer).
public enum InputFile {
    public struct Loaded: Sendable {
        public var items: [LineItem]
        /// For a disclosure: what the importer found and did.
        public var report: ImportReport?
        /// For a large line-item TSV: the items already in columns (then `items` is empty).
        public var columns: [ColumnBatch] = []
        /// For a disclosure that prints more than one unit's documents: those after the first.
        public var parts: [Loaded] = []
        /// For a snapshot: the store as saved, and the import reports saved with it.
        public var store: LineItemStore? = nil
        public var savedReports: [ImportReport] = []
    }

    /// The largest file tally reads, so a wrong path (a disk image, say) fails fast.
    public static let maxBytes = 1 << 31

    public static func read(path: String) throws(DiagnosticList) -> Loaded {
        if let mapped = MappedFile(path: path) {
            if Snapshot.looksLikeSnapshot(mapped.bytes) {
                do throws(Diagnostic) {
                    let saved = try Snapshot.open(mapped.bytes, path: path, mapping: mapped)
                    return Loaded(items: [], report: nil, store: saved.store, savedReports: saved.reports)
                } catch {
                    throw DiagnosticList([error])
                }
            }
            if LineItemFile.looksLikeLineItems(Array(mapped.bytes.prefix(4096))),
                let columns = FastLineItemTSV.read(mapped.bytes, path: path)
            {
                return Loaded(items: [], report: nil, columns: columns)
            }
        }
        if let mapped = MappedFile(path: path), PDFWords.looksLikePDF(mapped.bytes.prefix(8)) {
            let result = try DocumentImporter.readPDF(path: path)
            return Loaded(items: result.items, report: result.report, parts: result.parts.map { Loaded(items: $0.items, report: $0.report) })
        }
        let bytes = try readBytes(path)
        if path.hasSuffix(".tally") && !bytes.isEmpty {
            throw DiagnosticList([.fileError("not a tally snapshot: it does not start with the TALLYSNP header", file: path,
                                             help: "a .tally file is written by `.save FILE.tally`")])
        }
        if LineItemFile.looksLikeLineItems(bytes) {
            return Loaded(items: try LineItemFile.read(bytes, path: path), report: nil)
        }
        if bytes.isEmpty {
            throw DiagnosticList([.fileError("the file is empty", file: path)])
        }
        let text: String
        switch TextEncoding.decode(bytes) {
        case .text(let t, _): text = t
        case .undecodable(let line):
            throw DiagnosticList([.fileError("neither UTF-8 nor GB18030 text: not a text document", file: path, line: line,
                                             help: "tally reads PDFs, and text in UTF-8 or GB18030: a converted disclosure or a line-item TSV/CSV")])
        }
        guard DocumentImporter.looksLikeDisclosure(text) else {
            throw DiagnosticList([.fileError(
                "neither a budget disclosure (no table such as 部门支出总表 was found) nor a line-item file (no header naming fields such as dept year table code column amount)",
                file: path)])
        }
        let result = try DocumentImporter.read(text, path: path)
        return Loaded(items: result.items, report: result.report, parts: result.parts.map { Loaded(items: $0.items, report: $0.report) })
    }

    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
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
