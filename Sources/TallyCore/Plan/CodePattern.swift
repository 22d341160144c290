/// A code pattern as users write it: digits with `*` (any rest, possibly nothing) and `?`
/// (exactly one character). `2080*` is 20801, 2080101 …; `208????` the 7-digit 项 under 208;
/// `*` every code, the empty code of a 合计 row included.
///
/// It holds only its text. It used to keep `Array(text)` as well, and Swift 6.3.1's optimizer
/// miscompiled a closure that built a pattern only to read its text (`explain sql` on
/// `code=208*`): the array's buffer was freed before it was filled — a heap use-after-free
/// that AddressSanitizer shows and that crashed release builds. Nothing is stored that a
/// caller may not read.
public struct CodePattern: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var description: String { text }

    /// `P*` with no other wildcard: matches exactly the codes with prefix P, a range of ids.
    public var literalPrefix: String? {
        guard text.last == "*" else { return nil }
        let head = text.dropLast()
        return head.contains("*") || head.contains("?") ? nil : String(head)
    }

    public var hasWildcard: Bool { text.contains("*") || text.contains("?") }

    /// The table a sum over this pattern reads by default, so money is never added twice:
    /// economic codes 3xx from basic_econ, 5xx from basic_gov_econ, everything else from
    /// the expenditure table.
    public var defaultTable: TableID {
        switch text.first {
        case "3": .basicEcon
        case "5": .basicGovEcon
        default: .expenditure
        }
    }

    public func matches(_ code: String) -> Bool {
        Self.glob(Array(text)[...], Array(code)[...])
    }

    private static func glob(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP: Int?
        var starT = 0
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if let s = starP {
                p = s + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}
