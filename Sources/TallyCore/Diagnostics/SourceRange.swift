/// A half-open range of UTF-8 byte offsets into one piece of source text.
/// Line and column are computed only when a diagnostic is rendered.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}
