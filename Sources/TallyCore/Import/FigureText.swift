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
        guard let first = word.unicodeScalars.first else { return .text }
        switch first.value {
        case 0x2D, 0x2014, 0xFF0D, 0x2013, 0x2F, 0x2212: if blanks.contains(word) { return .blank }
        default: break
        }
        // Most words of a page are names: the first glyph that no figure has ends the reading.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(word.utf8.count)
        var digits = 0
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: ascii.append(UInt8(scalar.value)); digits += 1
            case 0xFF10...0xFF19: ascii.append(UInt8(scalar.value - 0xFF10 + 0x30)); digits += 1
            case 0x2C, 0xFF0C: ascii.append(UInt8(ascii: ","))
            case 0x2E, 0xFF0E: ascii.append(UInt8(ascii: "."))
            case 0x2D, 0x2212, 0xFF0D: ascii.append(UInt8(ascii: "-"))
            case 0x28, 0xFF08: ascii.append(UInt8(ascii: "("))
            case 0x29, 0xFF09: ascii.append(UInt8(ascii: ")"))
            case 0xA0, 0x202F, 0x2009: continue
            default: return .text
            }
        }
        guard digits > 0 else { return .text }
        // （123.45） is how an account prints a negative figure.
        if ascii.count >= 2, ascii[0] == UInt8(ascii: "("), ascii[ascii.count - 1] == UInt8(ascii: ")") {
            ascii = [UInt8(ascii: "-")] + ascii[1..<(ascii.count - 1)]
        }
        guard isDecimal(ascii) else { return .unreadable }
        return .figure(String(decoding: ascii, as: UTF8.self))
    }

    /// `-?d{1,3}(,ddd)*(.d+)?` or `-?d+(.d+)?`.
    static func isDecimal(_ b: [UInt8]) -> Bool {
        var i = b.first == UInt8(ascii: "-") ? 1 : 0
        // The whole part: digits, or groups of three after a first group of one to three.
        var groupLength = 0, groups = 0, firstGroup = 0
        while i < b.count, b[i] != UInt8(ascii: ".") {
            switch b[i] {
            case 48...57: groupLength += 1
            case UInt8(ascii: ","):
                guard groupLength > 0, groups == 0 || groupLength == 3 else { return false }
                if groups == 0 { firstGroup = groupLength }
                groups += 1
                groupLength = 0
            default: return false
            }
            i += 1
        }
        guard groupLength > 0, groups == 0 || (firstGroup <= 3 && groupLength == 3) else { return false }
        guard i < b.count else { return true }
        // The fraction: one digit or more, nothing after.
        i += 1
        guard i < b.count else { return false }
        return b[i...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A figure as printed, with separators or without (whole 元: `115801300`).
    static func isFigure(_ word: String) -> Bool {
        if case .figure = read(word) { return true }
        return false
    }

    /// A figure a row is recognised by: with a decimal point or a thousands separator, so a
    /// bare code (`201`, `06`) or a page number is not taken for money.
    static func isMarkedFigure(_ word: String) -> Bool {
        guard case .figure(let ascii) = read(word) else { return false }
        return ascii.contains(".") || ascii.contains(",")
    }
}
