/// Reads a printed figure the way every layout prints it: thousands separators or none, the
/// full-width digits and punctuation of a Chinese font, U+2212 or an accountant's parentheses
/// for a minus, a non-breaking space inside. Returns plain ASCII (`-1234.56`) for `Amount`.
enum FigureText {
    enum Reading: Equatable {
        /// A figure, as an ASCII decimal with its separators.
        case figure(String)
        /// A mark for an empty cell: `-`, `—`, `/`.
        case blank
        /// Looks like a figure but is not one (`1,23.4`, `12.3.4`): reported, never dropped.
        case unreadable
        /// Not a figure at all: a word.
        case text
    }

    static let blanks: Set<String> = ["-", "—", "－", "–", "/", "—-", "——", "--", "－－", "\u{2212}"]

    static func read(_ word: String) -> Reading {
        if blanks.contains(word) { return .blank }
        var ascii = ""
        var digits = 0
        var other = 0
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: ascii.unicodeScalars.append(scalar); digits += 1
            case 0xFF10...0xFF19: ascii.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30))); digits += 1
            case 0x2C, 0xFF0C: ascii.append(",")
            case 0x2E, 0xFF0E: ascii.append(".")
            case 0x2D, 0x2212, 0xFF0D: ascii.append("-")
            case 0x28, 0xFF08: ascii.append("(")
            case 0x29, 0xFF09: ascii.append(")")
            case 0xA0, 0x202F, 0x2009: continue
            default: other += 1
            }
        }
        guard digits > 0, other == 0 else { return .text }
        // （123.45） is how an account prints a negative figure.
        if ascii.hasPrefix("("), ascii.hasSuffix(")") { ascii = "-" + ascii.dropFirst().dropLast() }
        guard isDecimal(ascii) else { return .unreadable }
        return .figure(ascii)
    }

    /// `-?d{1,3}(,ddd)*(.d+)?` or `-?d+(.d+)?`.
    static func isDecimal(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        if b.first == UInt8(ascii: "-") { b = b.dropFirst() }
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        }
        let groups = whole.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }) else { return false }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return false }
        }
        return true
    }

    /// A figure a row is recognised by: with a decimal point or a thousands separator, so a
    /// bare code (`201`, `06`) or a page number is not taken for money.
    static func isMarkedFigure(_ word: String) -> Bool {
        guard case .figure(let ascii) = read(word) else { return false }
        return ascii.contains(".") || ascii.contains(",")
    }
}
