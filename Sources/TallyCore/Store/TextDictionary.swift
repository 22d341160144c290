/// Distinct strings of one text field, each given a small integer id in first-seen order,
/// so that a column stores ids and a filter compares integers, never strings.
public struct TextDictionary: Sendable {
    public private(set) var values: [String] = []
    private var ids: [String: UInt32] = [:]

    public init() {}

    /// A dictionary of distinct `values`, ids in their order (a snapshot's).
    init(_ values: [String]) {
        for v in values { _ = intern(v) }
    }

    public var count: Int { values.count }

    public mutating func intern(_ value: String) -> UInt32 {
        if let id = ids[value] { return id }
        let id = UInt32(values.count)
        values.append(value)
        ids[value] = id
        return id
    }

    public func id(of value: String) -> UInt32? { ids[value] }

    public subscript(id: UInt32) -> String { values[Int(id)] }

    /// A table indexed by id: true where the value satisfies `predicate`. Evaluated once per
    /// distinct value, so a scan tests one array element per row.
    public func mask(_ predicate: (String) -> Bool) -> [Bool] { values.map(predicate) }

    /// Ranks the ids a result holds by their string value, for sorting its groups; ids it
    /// does not hold rank 0. Only those are compared: a result of ten depts sorts ten
    /// strings, not the whole dictionary (Unicode comparison of Chinese text is slow).
    public func sortRanks<Ids: Sequence>(of ids: Ids) -> [UInt32] where Ids.Element == UInt32 {
        var seen = [Bool](repeating: false, count: values.count)
        var present: [Int] = []
        for id in ids where Int(id) < values.count && !seen[Int(id)] {
            seen[Int(id)] = true
            present.append(Int(id))
        }
        present.sort { values[$0] < values[$1] }
        var ranks = [UInt32](repeating: 0, count: values.count)
        for (rank, id) in present.enumerated() { ranks[id] = UInt32(rank) }
        return ranks
    }
}
