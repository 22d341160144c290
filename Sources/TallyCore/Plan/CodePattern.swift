/// A code pattern as users write it: digits with `*` (any rest, possibly nothing) and `?`
/// (exactly one character). `2080*` is 20801, 2080101 …; `208????` the 7-digit 项 under 208;
/// `*` every code, the empty code of a 合计 row included.
public struct CodePattern: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    private let characters: [Character]

    public init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    public var description: String { text }

    /// `P*` with no other wildcard: matches exactly the codes with prefix P, a range of ids.
    public var literalPrefix: String? {
        guard characters.last == "*" else { return nil }
        let head = characters.dropLast()
        return head.contains("*") || head.contains("?") ? nil : String(head)
    }

    public var hasWildcard: Bool { characters.contains("*") || characters.contains("?") }

    /// The table a sum over this pattern reads by default, so money is never added twice:
    /// economic codes 3xx from basic_econ, 5xx from basic_gov_econ, everything else from
    /// the expenditure table.
    public var defaultTable: TableID {
        switch characters.first {
        case "3": .basicEcon
        case "5": .basicGovEcon
        default: .expenditure
        }
    }

    public func matches(_ code: String) -> Bool {
        Self.glob(characters[...], Array(code)[...])
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
