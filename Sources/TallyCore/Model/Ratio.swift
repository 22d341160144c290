/// An exact quotient — an amount divided by an amount, a share, a computed column's value
/// before it is rounded — held as a reduced fraction of 128-bit integers. Never binary
/// floating point: `project / total` is shown from the fraction itself, rounded once, half
/// away from zero (§3: `42.9%` in a table, `0.428571` in csv, tsv and json).
public struct Ratio: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The denominator is positive and shares no factor with the numerator.
    public private(set) var numerator: Int128
    public private(set) var denominator: Int128

    /// nil for a zero denominator.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        let g = Self.gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator / Int128(g), d = denominator / Int128(g)
        if d < 0 { n = -n; d = -d }
        self.numerator = n
        self.denominator = d
    }

    public init(_ whole: Int64) {
        numerator = Int128(whole)
        denominator = 1
    }

    /// A decimal as typed (`0.5`, `-12.25`, `1,000`), or a percentage with `%` (`42.9%`).
    public static func parse(_ text: String) -> Ratio? {
        var body = Substring(text)
        var scale: Int128 = 1
        if body.hasSuffix("%") {
            body = body.dropLast()
            scale = 100
        }
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let parts = body.replacingAll(",", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), parts.count == 1 || !parts[1].isEmpty
        else { return nil }
        // Past 38 digits a number leaves 128 bits: not one tally can compute with.
        var n: Int128 = 0
        var d: Int128 = 1
        func push(_ c: Character, _ value: inout Int128) -> Bool {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int128(c.asciiValue! - 48))
            value = next
            return !(o1 || o2)
        }
        for c in parts[0] where !push(c, &n) { return nil }
        if parts.count == 2 {
            for c in parts[1] {
                guard push(c, &n) else { return nil }
                let (next, overflow) = d.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                d = next
            }
        }
        let (denominator, overflow) = d.multipliedReportingOverflow(by: scale)
        return overflow ? nil : Ratio(negative ? -n : n, denominator)
    }

    public static func < (a: Ratio, b: Ratio) -> Bool {
        // Cross-multiplied; past 128 bits, compared through their integer parts first.
        let (l, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (r, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        if !o1 && !o2 { return l < r }
        let (qa, qb) = (a.numerator / a.denominator, b.numerator / b.denominator)
        if qa != qb { return qa < qb }
        return Ratio(a.numerator - qa * a.denominator, a.denominator)! < Ratio(b.numerator - qb * b.denominator, b.denominator)!
    }

    // MARK: arithmetic: nil when it leaves 128 bits, or for a division by zero.

    public static func + (a: Ratio, b: Ratio) -> Ratio? { a.combined(b, subtract: false) }
    public static func - (a: Ratio, b: Ratio) -> Ratio? { a.combined(b, subtract: true) }

    public static func * (a: Ratio, b: Ratio) -> Ratio? {
        // Cross-reduced first, so that shares of large amounts stay far inside the range.
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude))
        let g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        let (n, o1) = (a.numerator / g1).multipliedReportingOverflow(by: b.numerator / g2)
        let (d, o2) = (a.denominator / g2).multipliedReportingOverflow(by: b.denominator / g1)
        return o1 || o2 ? nil : Ratio(n, d)
    }

    public static func / (a: Ratio, b: Ratio) -> Ratio? {
        guard b.numerator != 0, let inverse = Ratio(b.denominator, b.numerator) else { return nil }
        return a * inverse
    }

    private func combined(_ b: Ratio, subtract: Bool) -> Ratio? {
        let g = Int128(Self.gcd(denominator.magnitude, b.denominator.magnitude))
        let (x, o1) = numerator.multipliedReportingOverflow(by: b.denominator / g)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: denominator / g)
        let (d, o3) = denominator.multipliedReportingOverflow(by: b.denominator / g)
        let (n, o4) = subtract ? x.subtractingReportingOverflow(y) : x.addingReportingOverflow(y)
        return o1 || o2 || o3 || o4 ? nil : Ratio(n, d)
    }

    // MARK: rounding and text

    /// The value × `scale`, rounded half away from zero; nil past 128 bits.
    public func rounded(times scale: Int128) -> Int128? {
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let q = scaled / denominator, r = scaled % denominator
        return r.magnitude * 2 >= denominator.magnitude ? q + (scaled < 0 ? -1 : 1) : q
    }

    /// The value rounded to a whole number that fits 64 bits (fen for an amount).
    public var rounded64: Int64? { rounded(times: 1).flatMap { Int64(exactly: $0) } }

    /// A percentage with one decimal: `42.9%`, `-5.0%`; `+` before a positive value when `signed`.
    public func percent(signed: Bool = false) -> String {
        guard let tenths = rounded(times: 1000) else { return "—" }
        let sign = tenths < 0 ? "-" : (signed && tenths > 0 ? "+" : "")
        let m = tenths.magnitude
        return "\(sign)\(m / 10).\(m % 10)%"
    }

    /// A decimal fraction with six places: `0.428571`, `-1.500000`.
    public var fraction: String {
        guard let millionths = rounded(times: 1_000_000) else { return "—" }
        let m = millionths.magnitude
        let digits = String(m % 1_000_000)
        return "\(millionths < 0 ? "-" : "")\(m / 1_000_000).\(String(repeating: "0", count: 6 - digits.count))\(digits)"
    }

    public var description: String { fraction }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
