import ArgumentParser
import TallyCore

/// `tally bench`: filled in below.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time the core queries on generated data.")
    func run() throws {}
}
