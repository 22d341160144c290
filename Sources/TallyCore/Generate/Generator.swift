/// Synthetic line items for benchmarks and reconciliation tests (issue 6): every district ×
/// department × year is one document with an expenditure table (function codes; total =
/// basic + project) and a basic_econ table (economic codes; total = personnel + public),
/// each with a 合计 row, every parent the exact sum of its children. Written as the generic
/// line-item TSV, deterministic for a seed.
public enum Generator {
    public struct Options: Sendable {
        public var count: Int
        public var seed: UInt64 = 1
        /// Rows in random order, so no engine benefits from sorted input.
        public var shuffle = false
        /// How many figures to change so that they no longer add up.
        public var corrupt = 0

        public init(count: Int, seed: UInt64 = 1, shuffle: Bool = false, corrupt: Int = 0) {
            self.count = count
            self.seed = seed
            self.shuffle = shuffle
            self.corrupt = corrupt
        }
    }

    /// One figure the generator made wrong, and the two findings it must cause: `audit tree`
    /// at the parent row in the changed column, `audit rows` at the changed row's total.
    public struct Planted: Sendable, Equatable, CustomStringConvertible {
        public var doc: String
        public var table: TableID
        public var code: String
        public var parentCode: String
        public var column: ColumnID
        public var line: Int
        public var parentLine: Int
        public var delta: Amount

        public var description: String {
            "\(doc)\t\(table.id)\t\(code)\t\(column.id)\tline \(line)\t+\(delta.plain(in: .wan)) (tree at \(parentCode) line \(parentLine), rows at \(code) total)"
        }
    }

    public enum Failure: Error, Equatable {
        case tooManyCorruptions(available: Int)
        case tooMany(limit: Int)
    }

    /// The most rows one run makes: they are held in memory (to shuffle and corrupt them),
    /// about 40 bytes each, so this is some 4 GB — past it a run is refused, not attempted.
    public static let maxCount = 100_000_000

    /// The documents the generator lays its rows over: ~40 districts × 60 departments × 8 years.
    static let gridDocuments = Catalogue.districts.count * Catalogue.departments.count * Catalogue.years
    /// The fewest line items a document gets, so small runs still have whole trees.
    static let smallestDocument = 24

    public static let header = "doc\tdistrict\tdept\tyear\ttable\tcode\tname\tcolumn\tamount\tline\n"

    /// Generates the rows and hands the TSV to `write` in chunks of about a megabyte.
    @discardableResult
    public static func generate(_ options: Options, write: (UnsafeBufferPointer<UInt8>) -> Void) throws(Failure) -> [Planted] {
        guard options.count <= maxCount else { throw .tooMany(limit: maxCount) }
        var rng = SeededRandom(seed: options.seed)
        let shape = Shape()
        let perDocument = max(smallestDocument, options.count / gridDocuments)
        var records: [Record] = []
        records.reserveCapacity(options.count)
        // Rows of each document that may be corrupted: a function leaf's basic or project figure.
        var leafFigures: [(doc: UInt32, record: Int, parentLine: UInt32, parentEntry: UInt16)] = []
        var doc: UInt32 = 0
        while true {
            let made = shape.document(doc, target: perDocument, rng: &rng)
            if records.count + made.records.count > options.count { break }
            for leaf in made.leafFigures { leafFigures.append((doc, records.count + leaf.index, leaf.parentLine, leaf.parentEntry)) }
            records.append(contentsOf: made.records)
            doc += 1
        }
        // The rest (fewer than one document): project budgets, which belong to no tree.
        var line: UInt32 = 1
        while records.count < options.count {
            records.append(Record(doc: doc, line: line, cents: Int64(rng.below(50_000) + 1), entry: shape.projectEntry,
                                  table: TableID.projects.rawValue, column: ColumnID.total.rawValue))
            line += 1
        }
        let documents = Int(doc) + (records.last?.doc == doc ? 1 : 0)

        // Corruptions: one per chosen document, in a random leaf's basic or project figure.
        var planted: [Planted] = []
        if options.corrupt > 0 {
            var byDoc: [UInt32: [Int]] = [:]
            for (i, leaf) in leafFigures.enumerated() { byDoc[leaf.doc, default: []].append(i) }
            var candidates = byDoc.keys.sorted()
            guard options.corrupt <= candidates.count else { throw .tooManyCorruptions(available: candidates.count) }
            for k in 0..<options.corrupt {
                candidates.swapAt(k, k + rng.below(candidates.count - k))
                let choices = byDoc[candidates[k]]!
                let leaf = leafFigures[choices[rng.below(choices.count)]]
                let delta = Int64(100 + rng.below(100_000))
                records[leaf.record].cents += delta
                let r = records[leaf.record]
                planted.append(Planted(
                    doc: shape.documentName(r.doc), table: .expenditure, code: shape.entries[Int(r.entry)].code,
                    parentCode: shape.entries[Int(leaf.parentEntry)].code, column: ColumnID(rawValue: r.column)!,
                    line: Int(r.line), parentLine: Int(leaf.parentLine), delta: Amount(fen: delta * 10_000)))
            }
            planted.sort { ($0.doc, $0.line) < ($1.doc, $1.line) }
        }

        if options.shuffle {
            for i in stride(from: records.count - 1, to: 0, by: -1) { records.swapAt(i, rng.below(i + 1)) }
        }
        TSVWriter(shape: shape, documents: documents).write(records, to: write)
        return planted
    }

    /// One figure, compactly: 24 bytes, so ten million fit in memory before shuffling.
    struct Record {
        var doc: UInt32
        var line: UInt32
        /// Hundredths of 万元, as printed.
        var cents: Int64
        var entry: UInt16
        var table: UInt8
        var column: UInt8
    }
}
