/// One thing an audit rule found: which document, which figures, how far apart, where.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// A real difference.
        case material
        /// The rule could not be judged: a table it needs is missing.
        case insufficient
        /// No larger than the rounding of the figures involved: (n+1) × 0.005 万元 for n added figures.
        case rounding
        /// Names disagree; amounts agree (or a presentation problem tally repaired).
        case label

        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var doc: String
    public var rule: String
    public var severity: Severity
    public var table: TableID?
    public var code: String
    public var column: ColumnID?
    public var expected: Amount?
    public var actual: Amount?
    public var lines: [Int]
    public var message: String

    public var diff: Amount? {
        guard let expected, let actual else { return nil }
        let (d, overflow) = actual.fen.subtractingReportingOverflow(expected.fen)
        return overflow ? nil : Amount(fen: d)
    }

    /// Rounding: a gap no larger than half a cent (0.005 万元) for each figure involved.
    static func severity(gap: Int64, figures: Int) -> Severity {
        abs(gap) <= Int64(figures + 1) * 5_000 ? .rounding : .material
    }
}
