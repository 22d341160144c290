import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast path for large line-item TSVs (§6): the bytes are read where they lie (a mapped
/// file), split at line boundaries into one part per core, and each part parsed straight into
/// columns, text fields interned by their bytes. No String is made per row.
///
/// It vouches only for files it reads completely: CSV, or any row the careful reader
/// (`LineItemFile.read`) would report or treat specially, gives nil, and the careful reader
/// then runs and says exactly what is wrong, as before.
enum FastLineItemTSV {
    /// Below this size one core does the work: splitting costs more than it saves.
    static let parallelThreshold = 1 << 20

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, parts: Int = 2) -> [ColumnBatch]? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var headerEnd = start
        while headerEnd < bytes.count, bytes[headerEnd] != UInt8(ascii: "\n") { headerEnd += 1 }
        guard let headerText = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<headerEnd]), as: UTF8.self),
            headerText.contains("\t")
        else { return nil }
        let header = headerText.hasSuffix("\r") ? String(headerText.dropLast()) : headerText
        var fields: [Field] = []
        for name in header.split(separator: "\t", omittingEmptySubsequences: false) {
            guard let field = Field(rawValue: name.trimmingCharacters(in: " ")), !fields.contains(field) else { return nil }
            fields.append(field)
        }
        guard LineItemFile.requiredFields.allSatisfy(fields.contains) else { return nil }
        // A backslash may be an escape (`\t`, `\n` … as `export` writes them): the careful
        // reader decodes those; this path interns bytes as they are.
        if memchr(base, Int32(UInt8(ascii: "\\")), bytes.count) != nil { return nil }

        // Parts end at line ends.
        let dataStart = min(headerEnd + 1, bytes.count)
        let partCount = bytes.count - dataStart < parallelThreshold ? 1 : max(1, parts)
        var bounds = [dataStart]
        for k in 1..<partCount {
            var cut = max(bounds[k - 1], dataStart + (bytes.count - dataStart) * k / partCount)
            while cut < bytes.count, bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(bytes.count)

        let results = UnsafeMutablePointer<Part?>.allocate(capacity: partCount)
        results.initialize(repeating: nil, count: partCount)
        defer {
            results.deinitialize(count: partCount)
            results.deallocate()
        }
        let shared = Shared(base: base, results: results, bounds: bounds, fields: fields, cancel: Cancellation.duringLoad)
        DispatchQueue.concurrentPerform(iterations: partCount) { k in
            var part = Part(base: shared.base, fields: shared.fields, cancel: shared.cancel)
            if part.parse(from: shared.bounds[k], to: shared.bounds[k + 1]) { shared.results[k] = part }
        }

        // One batch: the parts' dictionaries are merged byte for byte (cheap), so the store
        // hashes each distinct value as a String once, not once per part.
        guard var whole = results[0] else { return nil }
        results[0] = nil
        for k in 1..<partCount {
            guard let part = results[k] else { return nil }
            results[k] = nil
            whole.absorb(part)
        }
        // The header is line 1.
        return whole.batch(firstLine: 2, doc: LineItemFile.stem(LineItemFile.baseName(path))).map { [$0] }
    }

    /// What the parts share: read-only, each part writing only its own result slot.
    private struct Shared: @unchecked Sendable {
        let base: UnsafePointer<UInt8>
        let results: UnsafeMutablePointer<Part?>
        let bounds: [Int]
        let fields: [Field]
        /// Read on the loading thread: the parts run on others, where the task-local is not bound.
        let cancel: Cancellation
    }

    /// One core's share of the file, parsed into columns of ids into its own dictionaries.
    struct Part {
        let base: UnsafePointer<UInt8>
        let fields: [Field]
        let cancel: Cancellation
        var docs, labels, districts, depts, names, codes, tables, columns, phases: ByteDictionary
        var doc: [UInt32] = [], label: [UInt32] = [], district: [UInt32] = [], dept: [UInt32] = [], name: [UInt32] = []
        var code: [UInt32] = [], table: [UInt32] = [], column: [UInt32] = [], phase: [UInt32] = []
        var year: [Int16] = [], budgetYear: [Int16] = [], amount: [Int64] = [], line: [UInt32] = [], page: [UInt16] = []
        /// Lines in the part, blank ones included (for line numbers of later parts).
        var lines = 0

        init(base: UnsafePointer<UInt8>, fields: [Field], cancel: Cancellation = .never) {
            self.base = base
            self.fields = fields
            self.cancel = cancel
            docs = ByteDictionary()
            labels = ByteDictionary()
            phases = ByteDictionary()
            districts = ByteDictionary()
            depts = ByteDictionary()
            names = ByteDictionary()
            codes = ByteDictionary()
            tables = ByteDictionary()
            columns = ByteDictionary()
        }

        /// Parses lines in `from..<to`; false at the first row the careful reader should see.
        mutating func parse(from: Int, to end: Int) -> Bool {
            let estimate = (end - from) / 100
            for field in fields {
                switch field {
                case .doc: doc.reserveCapacity(estimate)
                case .district: district.reserveCapacity(estimate)
                case .dept: dept.reserveCapacity(estimate)
                case .name: name.reserveCapacity(estimate)
                case .code: code.reserveCapacity(estimate)
                case .table: table.reserveCapacity(estimate)
                case .column: column.reserveCapacity(estimate)
                case .year: year.reserveCapacity(estimate)
                case .amount: amount.reserveCapacity(estimate)
                case .line: line.reserveCapacity(estimate)
                case .label: label.reserveCapacity(estimate)
                case .budgetYear: budgetYear.reserveCapacity(estimate)
                case .phase: phase.reserveCapacity(estimate)
                case .page: page.reserveCapacity(estimate)
                case .level: break
                }
            }
            let hasLine = fields.contains(.line)
            let fieldCount = fields.count
            var pos = from
            var sinceAsked = 0
            while pos < end {
                // Ctrl-C asked every 32,768 lines (~3 MB, a few milliseconds): a cancelled
                // part gives nil, and the careful reader then says "cancelled" at once.
                sinceAsked &+= 1
                if sinceAsked & 0x7FFF == 0, cancel.isCancelled() { return false }
                let newline = memchr(base + pos, Int32(UInt8(ascii: "\n")), end - pos)
                let lineEnd = newline.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
                var e = lineEnd
                if e > pos, base[e - 1] == UInt8(ascii: "\r") { e -= 1 }
                defer {
                    lines += 1
                    pos = lineEnd + 1
                }
                if e == pos { continue }
                var cell = pos
                var index = 0
                while true {
                    let cellEnd = Self.tab(base, from: cell, to: e)
                    guard index < fieldCount else { return false }
                    var s = cell
                    var t = cellEnd
                    while s < t, base[s] == UInt8(ascii: " ") { s += 1 }
                    while t > s, base[t - 1] == UInt8(ascii: " ") { t -= 1 }
                    switch fields[index] {
                    case .doc: doc.append(docs.intern(base + s, t - s))
                    case .label: label.append(labels.intern(base + s, t - s))
                    case .phase: phase.append(phases.intern(base + s, t - s))
                    case .budgetYear:
                        if s == t {
                            budgetYear.append(0)
                        } else {
                            guard let y = Self.integer(base, s, t), y >= 1900, y <= 2999 else { return false }
                            budgetYear.append(Int16(y))
                        }
                    case .page:
                        if s == t {
                            page.append(0)
                        } else {
                            guard let p = Self.integer(base, s, t), p <= Int(UInt16.max) else { return false }
                            page.append(UInt16(p))
                        }
                    case .district: district.append(districts.intern(base + s, t - s))
                    case .dept:
                        guard t > s else { return false }
                        dept.append(depts.intern(base + s, t - s))
                    case .name: name.append(names.intern(base + s, t - s))
                    case .code: code.append(codes.intern(base + s, t - s))
                    case .table: table.append(tables.intern(base + s, t - s))
                    case .column: column.append(columns.intern(base + s, t - s))
                    case .year:
                        guard let y = Self.integer(base, s, t), y >= 1900, y <= 2999 else { return false }
                        year.append(Int16(y))
                    case .amount:
                        guard let fen = Self.fen(base, s, t) else { return false }
                        amount.append(fen)
                    case .line:
                        guard let l = Self.integer(base, s, t), l > 0, l <= Int(UInt32.max) else { return false }
                        line.append(UInt32(l))
                    case .level:
                        guard s == t || Self.integer(base, s, t) != nil else { return false }
                    }
                    index += 1
                    if cellEnd >= e { break }
                    cell = cellEnd + 1
                }
                guard index == fieldCount else { return false }
                if !hasLine { line.append(UInt32(truncatingIfNeeded: lines)) }  // made absolute in `batch`
            }
            return true
        }

        /// The first tab in `from..<end`, or `end`: eight bytes at a time.
        @inline(__always)
        static func tab(_ b: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
            var i = from
            let raw = UnsafeRawPointer(b)
            while i + 8 <= end {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0909_0909_0909_0909
                let found = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
            while i < end, b[i] != UInt8(ascii: "\t") { i += 1 }
            return i
        }

        /// Plain digits, up to 18 of them.
        @inline(__always)
        static func integer(_ b: UnsafePointer<UInt8>, _ s: Int, _ t: Int) -> Int? {
            guard t > s, t - s <= 18 else { return nil }
            var v = 0
            for i in s..<t {
                let d = Int(b[i]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }

        /// A plain decimal in 万元 (`-2021.03`) as fen; anything else (separators, too many
        /// places, overflow) is left to the careful reader.
        @inline(__always)
        static func fen(_ b: UnsafePointer<UInt8>, _ s: Int, _ t: Int) -> Int64? {
            var i = s
            var negative = false
            if i < t, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var value: Int64 = 0
            var digits = 0
            var places = -1
            while i < t {
                let c = b[i]
                if c == UInt8(ascii: ".") {
                    guard places < 0 else { return nil }
                    places = 0
                } else {
                    let d = Int64(c) &- 48
                    guard d >= 0, d <= 9 else { return nil }
                    value = value &* 10 &+ d
                    digits += 1
                    if places >= 0 { places += 1 }
                }
                i += 1
            }
            guard digits > 0, digits <= 17, places != 0, places <= 6 else { return nil }
            var scale: Int64 = 1
            for _ in 0..<(6 - max(places, 0)) { scale *= 10 }
            let (fen, overflow) = value.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            return negative ? -fen : fen
        }

        /// `next`'s rows after this part's: its values interned into this part's dictionaries,
        /// its ids mapped to theirs, its line counts going on from this part's.
        mutating func absorb(_ next: Part) {
            Self.merge(next.docs, next.doc, into: &docs, &doc)
            Self.merge(next.labels, next.label, into: &labels, &label)
            Self.merge(next.districts, next.district, into: &districts, &district)
            Self.merge(next.depts, next.dept, into: &depts, &dept)
            Self.merge(next.names, next.name, into: &names, &name)
            Self.merge(next.codes, next.code, into: &codes, &code)
            Self.merge(next.tables, next.table, into: &tables, &table)
            Self.merge(next.columns, next.column, into: &columns, &column)
            Self.merge(next.phases, next.phase, into: &phases, &phase)
            year += next.year
            budgetYear += next.budgetYear
            amount += next.amount
            page += next.page
            if fields.contains(.line) {
                line += next.line
            } else {
                let offset = UInt32(truncatingIfNeeded: lines)
                line += next.line.map { $0 &+ offset }
            }
            lines += next.lines
        }

        private static func merge(_ values: ByteDictionary, _ ids: [UInt32], into dictionary: inout ByteDictionary, _ column: inout [UInt32]) {
            guard !ids.isEmpty else { return }
            let remap = (0..<values.count).map { id in
                let bytes = values.bytes(id)
                return dictionary.intern(bytes.baseAddress!, bytes.count)
            }
            column.reserveCapacity(column.count + ids.count)
            for id in ids { column.append(remap[Int(id)]) }
        }

        /// The part as a batch of the store's columns: table and column names resolved once per
        /// distinct value, fields the file lacks filled in as the careful reader does.
        func batch(firstLine: Int, doc docName: String) -> ColumnBatch? {
            var batch = ColumnBatch()
            let n = amount.count
            guard let deptValues = depts.strings(), let codeValues = codes.strings() else { return nil }
            batch.depts = deptValues
            batch.dept = dept
            batch.codes = codeValues
            batch.code = code
            if fields.contains(.doc) {
                guard let values = docs.strings() else { return nil }
                batch.docs = values
                batch.doc = doc
            } else {
                batch.docs = [docName]
                batch.doc = [UInt32](repeating: 0, count: n)
            }
            if fields.contains(.name) {
                guard let values = names.strings() else { return nil }
                batch.names = values
                batch.name = name
            } else {
                batch.names = [""]
                batch.name = [UInt32](repeating: 0, count: n)
            }
            // A district left empty or absent comes from the dept's name (worked out only then).
            if fields.contains(.district) {
                guard let values = districts.strings() else { return nil }
                if let empty = values.firstIndex(of: "").map(UInt32.init) {
                    batch.districts = values + deptValues.map { DistrictName.of(dept: $0) }
                    let offset = UInt32(values.count)
                    batch.district = zip(district, dept).map { d, p in d == empty ? offset + p : d }
                } else {
                    batch.districts = values
                    batch.district = district
                }
            } else {
                batch.districts = deptValues.map { DistrictName.of(dept: $0) }
                batch.district = dept
            }
            guard let tableNames = tables.strings(), let columnNames = columns.strings() else { return nil }
            var tableIDs: [UInt8] = []
            for t in tableNames {
                guard let id = TableID(named: t) else { return nil }
                tableIDs.append(id.rawValue)
            }
            var columnIDs: [UInt8] = []
            for c in columnNames {
                guard let id = ColumnID(named: c) else { return nil }
                columnIDs.append(id.rawValue)
            }
            if fields.contains(.label) {
                guard let values = labels.strings() else { return nil }
                batch.labels = values
                batch.label = label
            }
            if fields.contains(.phase) {
                guard let phaseNames = phases.strings() else { return nil }
                var phaseIDs: [UInt8] = []
                for p in phaseNames {
                    if p.isEmpty { phaseIDs.append(Phase.budget.rawValue); continue }
                    guard let id = Phase(named: p) else { return nil }
                    phaseIDs.append(id.rawValue)
                }
                batch.phase = phase.map { phaseIDs[Int($0)] }
            }
            if fields.contains(.budgetYear) { batch.budgetYear = budgetYear }
            if fields.contains(.page) { batch.page = page }
            batch.table = table.map { tableIDs[Int($0)] }
            batch.column = column.map { columnIDs[Int($0)] }
            batch.year = year
            batch.amount = amount
            batch.line = fields.contains(.line) ? line : line.map { $0 &+ UInt32(firstLine) }
            return batch
        }
    }
}
