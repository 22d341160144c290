/// One fixed-width value per row, wherever the values lie: in the memory a `StoreBuilder`
/// filled, or in a snapshot's mapping, read where they lie (no copy, so reopening a saved store
/// costs no memory until a query touches a column). A column is immutable once made; its owner
/// (the builder's array, or the mapped file) lives as long as any copy of the column does.
public struct StoredColumn<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private let owner: AnyObject?
    private let values: UnsafeBufferPointer<Element>

    public init(_ array: [Element]) {
        let held = HeldArray(array)
        owner = held
        // A native array's elements stay where they are while the array is neither changed nor
        // freed: `held` keeps it, immutable, for as long as this column lives.
        values = held.array.withUnsafeBufferPointer { $0 }
    }

    /// `count` values at `start`, which `owner` keeps mapped; `start` is aligned for `Element`.
    init(mapped start: UnsafeRawPointer, count: Int, owner: AnyObject) {
        self.owner = owner
        values = UnsafeBufferPointer(start: start.assumingMemoryBound(to: Element.self), count: count)
    }

    /// The values as an array: the builder's own, shared, where the column holds one whole.
    public var array: [Element] {
        if let held = owner as? HeldArray<Element>, held.array.count == values.count { return held.array }
        return Array(values)
    }

    /// Whether the values lie in a mapped file (a snapshot's), not in memory of their own.
    var liesInMapping: Bool { owner is MappedFile }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    @inline(__always)
    public subscript(row: Int) -> Element {
        precondition(row >= 0 && row < values.count, "row \(row) is outside a column of \(values.count)")
        return values[row]
    }

    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        try body(values)
    }

    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(values))
    }
}

private final class HeldArray<Element> {
    let array: [Element]
    init(_ array: [Element]) { self.array = array }
}
