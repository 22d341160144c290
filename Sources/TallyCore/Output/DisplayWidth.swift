/// How many terminal cells text takes: 2 for East Asian Wide and Fullwidth characters and
/// emoji, 0 for combining marks and format characters, else 1. Measured per Character from
/// Unicode data, independent of the locale (wcwidth is neither, see notes/libedit-and-terminals).
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for character in text {
            width += of(character)
        }
        return width
    }

    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            guard let v = character.asciiValue, v >= 0x20, v != 0x7F else { return 0 }
            return 1
        }
        guard let first = character.unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if isWide(first.value) { return 2 }
        let scalars = character.unicodeScalars
        if first.properties.isEmojiPresentation { return 2 }
        // An emoji in text presentation turned into emoji presentation by U+FE0F.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        var lo = 0
        var hi = eastAsianWideRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let range = eastAsianWideRanges[mid]
            if value < range.lowerBound { hi = mid } else if value > range.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// `text` padded with spaces to `width` cells, on the right (left-aligned) or the left.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return alignRight ? fill + text : text + fill
    }
}
