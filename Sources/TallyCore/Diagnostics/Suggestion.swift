/// "Did you mean …?" for a misspelt name: the closest candidate by edit distance,
/// if it is close enough to be a plausible typo.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(target.count, best.name.count) / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// "did you mean `dept`?" or nil.
    public static func help(for word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "did you mean `\($0)`?" }
    }

    /// Damerau–Levenshtein distance (with adjacent transpositions) over characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
