/// Where a piece of source text came from, so an error can say "file:line".
public struct SourceOrigin: Hashable, Sendable, Codable {
    /// A file name, or a label such as `-c` or `<stdin>`.
    public var name: String
    /// The 1-based line in `name` on which the source text starts.
    public var firstLine: Int
    /// The PDF page the line is on; 0 for text.
    public var page: Int

    public init(name: String, firstLine: Int = 1, page: Int = 0) {
        self.name = name
        self.firstLine = firstLine
        self.page = page
    }

    /// A statement typed at the prompt or given with `-c`: errors show no file name.
    public static let commandLine = SourceOrigin(name: "")
}

/// One problem found in a statement or an input file. Stages return or throw these;
/// only `DiagnosticRenderer` turns them into text.
public struct Diagnostic: Error, Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning, note }

    public var severity: Severity
    public var message: String
    /// The statement or input line the problem is in; empty when there is none to show.
    public var source: String
    /// The offending bytes of `source`; nil when the problem has no single place.
    public var range: SourceRange?
    public var origin: SourceOrigin?
    /// A suggestion such as "did you mean `dept`?".
    public var help: String?

    public init(
        _ severity: Severity = .error, _ message: String, source: String = "", range: SourceRange? = nil,
        origin: SourceOrigin? = nil, help: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.source = source
        self.range = range
        self.origin = origin
        self.help = help
    }

    public static func error(_ message: String, in source: String, at range: SourceRange?, help: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, message, source: source, range: range, help: help)
    }

    /// An error about a line of an input file: `file:line: message`.
    public static func fileError(_ message: String, file: String, line: Int? = nil, help: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, message, origin: SourceOrigin(name: file, firstLine: line ?? 0), help: help)
    }
}

/// A group of diagnostics thrown together, e.g. every bad row of a file.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
