import Foundation
import Testing
@testable import TallyCore

/// A 决算 loaded beside a 预算 (issue 16, §3 defaults) on real documents: a default sum never
/// adds one's figures into the other's, and `phase as columns` sets each document's own
/// figures in its own phase's column, each equal to what the document gives loaded alone.
struct BudgetBesideActualTests {
    static let final = CorpusImportTests.corpus.appendingPathComponent("pdf/sh_putuo_fin_2024_final.pdf").path
    static let budget = CorpusImportTests.corpus.appendingPathComponent("pdf/sh_putuo_fin_2025_dept.pdf").path

    static func run(_ statement: String, paths: [String]) -> (out: String, err: String) {
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        #expect(session.load(paths: paths))
        err = ""  // the import's own warnings are not what is tested here
        session.runScript(statement, origin: SourceOrigin(name: "test"))
        return (out, err)
    }

    /// The one figure of a one-row tsv result (`total` under its header).
    static func single(_ out: String) -> String { out.split(separator: "\n").dropFirst().first.map(String.init) ?? "" }

    @Test func phaseAsColumnsSetsEachDocumentsOwnFigures() throws {
        let finalAlone = Self.single(Self.run("sum 2*", paths: [Self.final]).out)
        let budgetAlone = Self.single(Self.run("sum 2*", paths: [Self.budget]).out)
        #expect(!finalAlone.isEmpty && !budgetAlone.isEmpty && finalAlone != budgetAlone)
        let both = Self.run("sum 2* by label, phase as columns", paths: [Self.final, Self.budget]).out
        let rows = both.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["label", "budget", "final"], "\(both)")
        let byLabel = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Array($0.dropFirst())) })
        let finalRow = try #require(byLabel.first { $0.key.hasSuffix("决算") }?.value, "\(both)")
        let budgetRow = try #require(byLabel.first { !$0.key.hasSuffix("决算") }?.value, "\(both)")
        #expect(finalRow == ["", finalAlone])
        #expect(budgetRow == [budgetAlone, ""])
    }

    @Test func aDefaultSumSaysItAddsTwoPhases() {
        let (out, err) = Self.run("sum 2*", paths: [Self.final, Self.budget])
        #expect(err.contains("several phases"), "\(err)")
        let finalOnly = Self.run("sum 2* where phase=final", paths: [Self.final, Self.budget]).out
        #expect(finalOnly == Self.run("sum 2*", paths: [Self.final]).out)
        #expect(out != finalOnly)
    }
}
