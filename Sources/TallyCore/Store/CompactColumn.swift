/// A column of unsigned values — dictionary ids (code, name), line numbers — held in 16 bits a
/// row when every value fits, else in 32. Most stores have fewer than 65,536 distinct codes and
/// names and no line past 65,535, so this halves the store's widest id columns; a store that
/// has more keeps all 32 bits. The width is chosen once, from the values themselves, so no value
/// is ever cut short. A scan asks `withBuffer` once and runs a loop specialised to the width,
/// rather than branching on it for every row.
public struct CompactColumn: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
        case narrow(StoredColumn<UInt16>)
        case wide(StoredColumn<UInt32>)
    }

    let storage: Storage

    /// The narrowest width that holds every value exactly.
    public init(_ values: [UInt32]) {
        if values.allSatisfy({ $0 <= UInt32(UInt16.max) }) {
            storage = .narrow(StoredColumn(values.map { UInt16(truncatingIfNeeded: $0) }))
        } else {
            storage = .wide(StoredColumn(values))
        }
    }

    init(narrow values: StoredColumn<UInt16>) { storage = .narrow(values) }
    init(wide values: StoredColumn<UInt32>) { storage = .wide(values) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .narrow(let v): v.count
        case .wide(let v): v.count
        }
    }

    @inline(__always)
    public subscript(row: Int) -> UInt32 {
        switch storage {
        case .narrow(let v): UInt32(v[row])
        case .wide(let v): v[row]
        }
    }

    /// Whether the values are held in 16 bits.
    public var isNarrow: Bool {
        if case .narrow = storage { return true }
        return false
    }

    var liesInMapping: Bool {
        switch storage {
        case .narrow(let v): v.liesInMapping
        case .wide(let v): v.liesInMapping
        }
    }

    /// Bytes a row: 2 or 4.
    public var elementSize: Int { isNarrow ? 2 : 4 }

    /// Every value at full width (a builder's or a batch's column).
    public var values: [UInt32] {
        switch storage {
        case .narrow(let v): v.map { UInt32($0) }
        case .wide(let v): Array(v)
        }
    }

    public var heldBytes: Int { count * elementSize }

    /// The column's buffer, handed to the body of its width: the one place a scan asks.
    @inline(__always)
    public func withBuffer<R>(
        narrow: (UnsafeBufferPointer<UInt16>) throws -> R, wide: (UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R {
        switch storage {
        case .narrow(let v): try v.withUnsafeBufferPointer(narrow)
        case .wide(let v): try v.withUnsafeBufferPointer(wide)
        }
    }

    /// The raw bytes as held (a snapshot writes them as they are).
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .narrow(let v): try v.withUnsafeBytes(body)
        case .wide(let v): try v.withUnsafeBytes(body)
        }
    }

    /// Whether every value is below `bound` (a dictionary's size): one pass at the held width.
    func allBelow(_ bound: Int) -> Bool {
        withBuffer(narrow: { $0.allSatisfy { Int($0) < bound } }, wide: { $0.allSatisfy { Int($0) < bound } })
    }
}

/// A compact column's values for the length of a call, read without reference counting or
/// bounds checks: for loops that read several columns at once and cannot be written once per
/// width. The width's branch is the same for every row, so it costs the loop next to nothing.
struct CompactBuffer {
    let narrow: UnsafePointer<UInt16>?
    let wide: UnsafePointer<UInt32>?

    @inline(__always)
    subscript(row: Int) -> UInt32 {
        if let narrow { return UInt32(narrow[row]) }
        return wide.unsafelyUnwrapped[row]
    }
}

extension CompactColumn {
    func withCompactBuffer<R>(_ body: (CompactBuffer) throws -> R) rethrows -> R {
        try withBuffer(narrow: { try body(CompactBuffer(narrow: $0.baseAddress, wide: nil)) },
                       wide: { try body(CompactBuffer(narrow: nil, wide: $0.baseAddress)) })
    }
}
