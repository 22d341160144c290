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

    /// Ranks ids by their string value, for sorting groups.
    public func sortRanks() -> [UInt32] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [UInt32](repeating: 0, count: values.count)
        for (rank, id) in order.enumerated() { ranks[id] = UInt32(rank) }
        return ranks
    }
}
