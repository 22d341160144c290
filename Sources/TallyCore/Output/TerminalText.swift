/// Text from the data shown on a terminal: control characters — C0 (ESC, BEL, CR, LF, tab …),
/// DEL and C1 (U+0080–U+009F, where CSI and OSC live too) — are shown as visible escapes
/// (`\e`, `\x07`, `\u{9b}`), never sent raw. A disclosure or a line-item file can hold any
/// bytes, and a raw ESC or OSC sequence could retitle the terminal, hide text or worse.
public enum TerminalText {
    /// `keepingTabs` for tally's own messages, whose tabs show a TSV header as it is.
    public static func escaped(_ text: String, keepingTabs: Bool = false) -> String {
        func escapes(_ s: Unicode.Scalar) -> Bool { isControl(s) && !(keepingTabs && s == "\t") }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard escapes(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": out += "\\e"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value <= 0x9F)
    }
}
