/// Punctuation a Chinese input method types in place of ASCII (§3): outside quotes the lexer
/// reads `，＝（）：；＞＜！～` as `,=():;><!~` and the ideographic space U+3000 as a space, so
/// `by 基本支出，项目支出` and `dept＝綦江` mean what they say. Inside quotes they stay as typed.
///
/// Token ranges keep pointing at the original bytes, so a caret under `＝` is two cells wide.
enum InputMethodPunctuation {
    /// The ASCII byte the character at `i` stands for, and its length in bytes; nil when
    /// the character at `i` is not one of these.
    static func ascii(in bytes: [UInt8], at i: Int) -> (byte: UInt8, length: Int)? {
        guard i + 2 < bytes.count else { return nil }
        switch (bytes[i], bytes[i + 1], bytes[i + 2]) {
        case (0xE3, 0x80, 0x80): return (UInt8(ascii: " "), 3)  // U+3000 ideographic space
        case (0xEF, 0xBC, let last):
            // U+FF01…U+FF3F: EF BC 81…BF, the ASCII character 0xFEE0 below.
            let ascii = last &- 0x60
            return listed.contains(ascii) ? (ascii, 3) : nil
        case (0xEF, 0xBD, 0x9E): return (UInt8(ascii: "~"), 3)  // U+FF5E ～
        default: return nil
        }
    }

    /// The full-width forms §3 names (besides `～`, which lies in the next block).
    private static let listed: Set<UInt8> = Set(",=():;><!".utf8)
}
