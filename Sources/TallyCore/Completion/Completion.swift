/// What Tab offers at the cursor: the word being typed, what could replace it, and what to
/// put in its place now. Pure logic over the line and the store, so the REPL's C glue only
/// inserts text and prints the list, and tests can ask what Tab would do.
public struct Completion: Equatable, Sendable {
    public struct Candidate: Equatable, Sendable {
        public var text: String
        /// Shown beside the candidate in a list: a code's name, a dot-command's summary.
        public var note: String
        /// Typed after the candidate when it is the only one (a space after a keyword).
        public var suffix: String

        public init(_ text: String, note: String = "", suffix: String = "") {
            self.text = text
            self.note = note
            self.suffix = suffix
        }
    }

    /// Byte offset in the line where the word being completed starts.
    public var wordStart: Int
    /// The word before the cursor that Tab completes.
    public var word: String
    public var candidates: [Candidate]

    /// The text to put in place of `word`: the only candidate and its suffix, or the longest
    /// start all candidates share when that is longer than the word; nil when Tab should
    /// list the candidates instead.
    public var replacement: String? {
        if candidates.count == 1 { return candidates[0].text + candidates[0].suffix }
        guard let first = candidates.first else { return nil }
        var shared = Substring(first.text)
        for candidate in candidates.dropFirst() {
            shared = shared.commonPrefix(with: candidate.text)
        }
        return shared.count > word.count && shared.hasPrefix(word) ? String(shared) : nil
    }
}

extension Substring {
    fileprivate func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        var otherIndex = other.startIndex
        while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
            end = index(after: end)
            otherIndex = other.index(after: otherIndex)
        }
        return self[startIndex..<end]
    }
}
