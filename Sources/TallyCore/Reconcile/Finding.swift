/// One thing an audit rule found: which document, which figures, how far apart, where.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// A real difference.
        case material
        /// A difference the document itself accounts for (a classified item, a carry-over, money
        /// other than 一般公共预算, a table published empty with its statement): listed, next to
        /// the material ones, with what it cites, and not a failure.
        case explained
        /// The rule could not be judged for want of data (a table it needs is missing): never a pass.
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
    /// What the document says that accounts for the finding (its text and line).
    public var explanations: [Explanation] = []
    /// The PDF pages its lines are on, each once, in the order of `lines` (empty for text
    /// input): filled in by the audit once every rule has run (Evidence.swift).
    public var pages: [Int] = []

    public var diff: Amount? {
        guard let expected, let actual else { return nil }
        let (d, overflow) = actual.fen.subtractingReportingOverflow(expected.fen)
        return overflow ? nil : Amount(fen: d)
    }

    /// Rounding: a gap no larger than half a cent (0.005 万元) for each figure involved.
    static func severity(gap: Int64, figures: Int) -> Severity {
        gap.magnitude <= UInt64(max(0, figures) + 1) * 5_000 ? .rounding : .material
    }

    /// A material finding the document accounts for becomes `explained`, citing the text and
    /// its line; anything else is left as it is (a rounding gap needs no excuse).
    func explained(by reasons: [Explanation]) -> Finding {
        guard severity == .material, !reasons.isEmpty else { return self }
        var f = self
        f.severity = .explained
        f.explanations = reasons
        for r in reasons where r.line > 0 && !f.lines.contains(r.line) { f.lines.append(r.line) }
        f.message += "; explained by " + reasons.map(\.citation).joined(separator: "; ")
        return f
    }
}

/// The document's own words (or printed figure) that account for a difference.
public struct Explanation: Sendable, Equatable {
    /// What kind of reason: 涉密, 上年结转, 其他资金, 空表说明 …
    public var reason: String
    /// The text cited, as printed (shortened around what matters).
    public var text: String
    /// Its line in the source (0 if unknown).
    public var line: Int

    var citation: String { "\(reason): “\(text)”" + (line > 0 ? " (line \(line))" : "") }
}
