import Foundation
import Testing
@testable import TallyCore

/// §1: one wrong figure loses nothing but itself. Seed 000 (pdf-text, where the columns of
/// a row's figures are decided by the table's identities) has one 款 figure changed by 27.00
/// at a time, in every table that prints 款 rows: every other row still imports exactly as
/// before, and `audit` names the altered row by its line (and code, where it could be placed).
struct BadFigureTests {
    static let seed = Fixtures.seeds.appendingPathComponent("000_c097f75d2d163fee.txt")

    struct Alteration: Sendable, CustomStringConvertible {
        var line: Int
        var code: String
        var description: String { "line \(line) (\(code))" }
    }

    /// Every 款 row of the seed that carries figures, every fifth of them (about a dozen, in
    /// every kind of table).
    static let alterations: [Alteration] = {
        guard let text = try? String(contentsOf: seed, encoding: .utf8) else { return [] }
        var out: [Alteration] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ")
            guard let first = words.first, first.count == 5, first.allSatisfy(\.isNumber),
                words.contains(where: { Self.firstFigure(in: String($0)) != nil })
            else { continue }
            out.append(Alteration(line: i + 1, code: String(first)))
        }
        return out.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
    }()

    static func firstFigure(in text: String) -> Range<String.Index>? {
        text.firstRange(of: /\d{1,3}(,\d{3})*\.\d\d/)
    }

    /// The seed with the first figure on `line` raised by 27.00, written to a file of its own.
    static func altered(_ alteration: Alteration, in folder: String) throws -> String {
        var lines = try String(contentsOf: seed, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[alteration.line - 1]
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(words.firstIndex { $0.wholeMatch(of: /\d{1,3}(,\d{3})*\.\d\d/) != nil })
        let fen = try Amount.parse(words[at]).get().fen + Amount.parse("27.00").get().fen
        var changed = words
        changed[at] = Amount(fen: fen).display(in: .wan)
        lines[alteration.line - 1] = changed.joined(separator: " ")
        let path = folder + "/000_altered.txt"
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    struct Key: Hashable { var table: TableID, code: String, column: ColumnID, year: Int, amount: Amount, line: Int }

    static func keys(_ items: [LineItem]) -> Set<Key> {
        Set(items.map { Key(table: $0.table, code: $0.code, column: $0.column, year: $0.year, amount: $0.amount, line: $0.line) })
    }

    @Test func everyTableWithKuanRowsIsTried() {
        #expect(Self.alterations.count >= 8)
    }

    @Test(arguments: alterations)
    func oneWrongFigureCostsOnlyItsRow(_ alteration: Alteration) throws {
        let folder = NSTemporaryDirectory() + "tally-bad-figure-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.altered(alteration, in: folder)

        let original = Self.keys(try InputFile.read(path: Self.seed.path).items)
        let loaded = try InputFile.read(path: path)
        let got = Self.keys(loaded.items)
        let lost = original.filter { $0.line != alteration.line && !got.contains($0) }
        #expect(lost.isEmpty, "\(lost.count) items of other rows lost, e.g. \(lost.prefix(3).map { "\($0.table.id) \($0.code) \($0.column.id) line \($0.line)" })")
        let invented = got.filter { $0.line != alteration.line && !original.contains($0) }
        #expect(invented.isEmpty, "\(invented.count) items of other rows changed, e.g. \(invented.prefix(3).map { "\($0.table.id) \($0.code) \($0.column.id) \($0.amount)" })")

        var out = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { out += $0 })
        #expect(session.load(path: path))
        out = ""
        session.run("audit", origin: .commandLine)
        let findings = out.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        // A material finding at the altered line: about its code, or a figure there not placed.
        let lines = ReconcileOutput.findingColumns.firstIndex(of: "lines")!
        let named = findings.contains { f in
            f.count > lines && f[3] == "material" && (f[5] == alteration.code || f[2] == "extraction")
                && f[lines].split(separator: ",").contains(Substring(String(alteration.line)))
        }
        let alteredLine = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)[alteration.line - 1]
        #expect(named, "audit does not name \(alteration.code) at line \(alteration.line) (now `\(alteredLine)`):\n\(out)")
    }
}
