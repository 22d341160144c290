import Foundation
import Testing
@testable import TallyCore

/// Issue 13 §6: whatever a value holds, `export` then loading the file gives the same items,
/// in CSV (quoted per RFC 4180) and in TSV (backslash escapes).
struct ExportRoundTripTests {
    static let hostile = [
        "tab\there", "line\nbreak", "carriage\rreturn", "crlf\r\nend", "quote\"inside", "\"quoted\"", "comma,inside",
        "back\\slash", "literal \\n not a newline", "ends in \\", "\\t\\\\", "esc\u{1B}[31m", "中文\t名称\n第二行", ",\",\n",
    ]

    static func items() -> [LineItem] {
        hostile.enumerated().map { i, value in
            LineItem(doc: "doc\(i % 3) \(value)", district: "区\(value)", dept: "部门 \(value)", year: 2025, table: .expenditure,
                     code: "208\(i)", name: value, column: .total, amount: Amount(fen: Int64(i) * 1_234_567 - 500), line: i + 1)
        }
    }

    @Test(arguments: ["tsv", "csv"])
    func hostileValuesComeBackTheSame(_ format: String) throws {
        let folder = NSTemporaryDirectory() + "tally-roundtrip-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/items." + format

        var err = ""
        let first = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        first.add(Self.items(), from: "hostile")
        first.run("export \(path)", origin: .commandLine)
        #expect(err == "")
        #expect(first.exitStatus == 0)

        let second = Session(format: .tsv, out: { _ in }, err: { err += $0 })
        #expect(second.load(path: path), "\(err)")
        let before = (0..<first.store.count).map { first.store.item($0) }.sorted { $0.line < $1.line }
        let after = (0..<second.store.count).map { second.store.item($0) }.sorted { $0.line < $1.line }
        #expect(after.count == before.count)
        for (a, b) in zip(before, after) {
            #expect(a == b, "\(a.name.debugDescription) came back as \(b.name.debugDescription)")
        }
    }

    /// The TSV escape on its own: every hostile value decodes to itself, and an escaped cell
    /// never holds a raw tab or line break.
    @Test(arguments: hostile)
    func tsvEscapeIsReversible(_ value: String) {
        let line = DelimitedRenderer(separator: "\t").line([.text(value)])
        let cell = line.dropLast()
        #expect(!cell.contains("\t") && !cell.contains("\n") && !cell.contains("\r"))
        #expect(DelimitedText.unescapeTSV(cell) == value)
    }
}
