/// An exact amount of money held as an integer count of fen (0.01 元).
/// 1 元 = 100 fen, 1 万元 = 1,000,000 fen. Never binary floating point.
public struct Amount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

    public var description: String { plain(in: .wan) }

    /// Why a decimal could not be read as an amount.
    public enum ParseError: Error, Equatable, Sendable {
        case malformed
        /// More decimal places than whole fen in that unit.
        case finerThanFen
        case tooLarge

        public var explanation: String {
            switch self {
            case .malformed: "not a decimal number"
            case .finerThanFen: "more decimal places than 0.01 元"
            case .tooLarge: "too large: amounts must stay within ±92,233,720,368,547,758.07 元"
            }
        }
    }

    /// Reads a decimal such as `2,021.03`, `-5`, `384.6732` given in `unit`.
    /// Thousands separators are accepted only in groups of three.
    public static func parse<S: StringProtocol>(_ text: S, unit: DisplayUnit = .wan) -> Result<Amount, ParseError> {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var seenPoint = false
        var groupLength = -1  // digits since the last separator; -1 before any separator
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint { fractionDigits.append(b - 48) } else {
                    integerDigits.append(b - 48)
                    if groupLength >= 0 { groupLength += 1 }
                }
            case UInt8(ascii: ","):
                if seenPoint || integerDigits.isEmpty || (groupLength >= 0 && groupLength != 3) {
                    return .failure(.malformed)
                }
                groupLength = 0
            case UInt8(ascii: "."):
                if seenPoint { return .failure(.malformed) }
                seenPoint = true
            default:
                return .failure(.malformed)
            }
        }
        if integerDigits.isEmpty && fractionDigits.isEmpty { return .failure(.malformed) }
        if groupLength >= 0 && groupLength != 3 { return .failure(.malformed) }
        if seenPoint && fractionDigits.isEmpty { return .failure(.malformed) }

        let scale = unit.decimalPlaces
        while fractionDigits.count > scale {
            guard fractionDigits.last == 0 else { return .failure(.finerThanFen) }
            fractionDigits.removeLast()
        }
        var value: Int64 = 0
        for d in integerDigits + fractionDigits + [UInt8](repeating: 0, count: scale - fractionDigits.count) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(d))
            if o1 || o2 { return .failure(.tooLarge) }
            value = next
        }
        return .success(Amount(fen: negative ? -value : value))
    }

    /// The exact value in `unit` with at least two decimals and as many as it needs,
    /// no separators: 3,846,732 元 in 万元 is `384.6732`.
    public func plain(in unit: DisplayUnit) -> String {
        let (whole, fraction) = split(in: unit)
        var digits = String(fraction)
        let width = unit.decimalPlaces
        digits = String(repeating: "0", count: width - digits.count) + digits
        while digits.count > 2, digits.last == "0" { digits.removeLast() }
        return (fen < 0 ? "-" : "") + String(whole) + "." + digits
    }

    /// Rounded half away from zero to two decimals in `unit`, with thousands separators:
    /// `12,226.43`.
    public func display(in unit: DisplayUnit, separators: Bool = true) -> String {
        let magnitude = fen.magnitude
        let perCent = UInt64(unit.fenPerUnit / 100)  // fen in 0.01 of the unit
        var cents = magnitude / perCent
        if (magnitude % perCent) * 2 >= perCent { cents += 1 }
        let whole = cents / 100
        let fraction = cents % 100
        var wholeText = String(whole)
        if separators { wholeText = groupedThousands(wholeText) }
        let sign = fen < 0 && cents > 0 ? "-" : ""
        return sign + wholeText + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    private func split(in unit: DisplayUnit) -> (UInt64, UInt64) {
        let per = UInt64(unit.fenPerUnit)
        return (fen.magnitude / per, fen.magnitude % per)
    }

    /// Adds, reporting overflow instead of wrapping.
    public func adding(_ other: Amount) -> Amount? {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        return overflow ? nil : Amount(fen: sum)
    }
}

/// The unit amounts are read and shown in. Documents publish in 万元 or 元, a few in 千元.
public enum DisplayUnit: String, CaseIterable, Sendable {
    case yuan = "元"
    case qian = "千元"
    case wan = "万元"
    case yi = "亿元"

    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: 100
        case .qian: 100_000
        case .wan: 1_000_000
        case .yi: 10_000_000_000
        }
    }

    /// A unit by its Chinese name or by its pinyin (`yuan`, `wan`, `yi`), for `--unit` and
    /// `.unit` typed without a Chinese keyboard.
    public init?(named name: String) {
        switch name.lowercased() {
        case "元", "yuan": self = .yuan
        case "千元", "千", "qian", "qianyuan": self = .qian
        case "万元", "万", "wan", "wanyuan": self = .wan
        case "亿元", "亿", "yi", "yiyuan": self = .yi
        default: return nil
        }
    }

    /// Decimal places that reach down to one fen.
    public var decimalPlaces: Int {
        switch self {
        case .yuan: 2
        case .qian: 5
        case .wan: 6
        case .yi: 10
        }
    }
}

/// "19135" → "19,135": the thousands separators of every amount and count tally prints.
func groupedThousands(_ digits: String) -> String {
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return out
}
