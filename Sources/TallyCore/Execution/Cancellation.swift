/// How a running query learns that the user pressed Ctrl-C. The front end owns the signal
/// handling; the engine only asks, every few thousand rows and between scans.
public struct Cancellation: Sendable {
    public let isCancelled: @Sendable () -> Bool

    public init(_ isCancelled: @escaping @Sendable () -> Bool) {
        self.isCancelled = isCancelled
    }

    public static let never = Cancellation { false }

    static let cancelledError = Diagnostic(.error, "cancelled")

    /// What the file readers ask while a load runs. Loading goes through `InputFile.read`,
    /// whose signature carries no cancellation, so the session binds this for the length of
    /// one load (`Session.load`). A task-local, so two sessions loading at once (tests run in
    /// parallel) never see each other's Ctrl-C; work handed to other threads takes it along.
    @TaskLocal static var duringLoad: Cancellation = .never

    func check() throws(Diagnostic) {
        if isCancelled() { throw Self.cancelledError }
    }
}
