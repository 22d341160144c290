import Testing
@testable import TallyCore

/// `tally gen`: the generated file loads with the ordinary loader, holds exactly N line items,
/// adds up everywhere, and the planted mismatches are exactly what the audit finds.
struct GeneratorTests {
    static func generate(_ options: Generator.Options) throws -> (bytes: [UInt8], planted: [Generator.Planted]) {
        var bytes: [UInt8] = []
        let planted = try Generator.generate(options) { bytes.append(contentsOf: $0) }
        return (bytes, planted)
    }

    static func audit(_ bytes: [UInt8], _ rule: String) throws -> [[String]] {
        let items = try LineItemFile.read(bytes, path: "gen.tsv")
        var out = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { out += $0 })
        session.add(items, from: "gen.tsv")
        session.runScript("audit \(rule)", origin: .commandLine)
        return out.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func sameSeedSameBytesAndExactCount() throws {
        let a = try Self.generate(.init(count: 5_000, seed: 7, shuffle: true))
        let b = try Self.generate(.init(count: 5_000, seed: 7, shuffle: true))
        let c = try Self.generate(.init(count: 5_000, seed: 8, shuffle: true))
        #expect(a.bytes == b.bytes)
        #expect(a.bytes != c.bytes)
        let items = try LineItemFile.read(a.bytes, path: "gen.tsv")
        #expect(items.count == 5_000)
        #expect(Set(items.map(\.year)) == Set(2018...2025))
        #expect(items.contains { $0.district == "綦江" && $0.code == "2080101" } || items.contains { $0.code.hasPrefix("208") })
    }

    @Test func everythingAddsUpWithoutCorruption() throws {
        let (bytes, planted) = try Self.generate(.init(count: 20_000, seed: 3, shuffle: true))
        #expect(planted.isEmpty)
        #expect(try Self.audit(bytes, "tree").isEmpty)
        #expect(try Self.audit(bytes, "rows").isEmpty)
    }

    @Test func auditFindsExactlyThePlantedMismatches() throws {
        let (bytes, planted) = try Self.generate(.init(count: 20_000, seed: 11, shuffle: true, corrupt: 5))
        #expect(planted.count == 5)
        let tree = try Self.audit(bytes, "tree").map { [$0[0], $0[2], $0[4], $0[5], $0[6], $0[9]] }
        let rows = try Self.audit(bytes, "rows").map { [$0[0], $0[2], $0[4], $0[5], $0[6], $0[9]] }
        // A raised figure makes its parent's printed figure short, and its row's total short.
        let expectedTree = planted.map { [$0.doc, "tree", "expenditure", $0.parentCode, $0.column.id, "-" + $0.delta.plain(in: .wan)] }
        let expectedRows = planted.map { [$0.doc, "rows", "expenditure", $0.code, "total", "-" + $0.delta.plain(in: .wan)] }
        #expect(Set(tree) == Set(expectedTree))
        #expect(tree.count == 5)
        #expect(Set(rows) == Set(expectedRows))
        #expect(rows.count == 5)
    }

    @Test func tooManyCorruptionsIsAnError() {
        #expect(throws: Generator.Failure.self) { try Self.generate(.init(count: 30, corrupt: 10)) }
    }
}
