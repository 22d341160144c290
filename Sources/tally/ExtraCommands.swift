import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Subcommands beside the query front end (`tally gen`, `tally bench`), kept out of
/// TallyCommand.swift so each lives in its own file.
enum ExtraCommands {
    static let all: [any ParsableCommand.Type] = [GenCommand.self, BenchCommand.self]

    /// When the first argument names a subcommand, runs it and exits. The root command takes
    /// file names as positional arguments, which would otherwise swallow the subcommand's name.
    static func runIfNamed() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first,
            let command = all.first(where: { $0.configuration.commandName == name })
        else { return }
        do {
            var parsed = try command.parseAsRoot(Array(arguments.dropFirst()))
            try parsed.run()
            exit(0)
        } catch {
            if command.exitCode(for: error) == .success {
                StandardStreams.out(command.fullMessage(for: error) + "\n")
                exit(0)
            }
            StandardStreams.err("error: \(command.message(for: error))\n\(command.usageString())\n")
            exit(2)
        }
    }
}
