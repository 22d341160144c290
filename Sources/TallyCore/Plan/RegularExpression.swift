/// `~`'s regular expressions (§3: "matched in time linear in the text: no pattern can hang
/// tally"). The pattern is compiled to a Thompson automaton and run as a Pike VM: every
/// position of the text is read once, with at most one thread per instruction, so
/// `(a+)+$` on a 50,000-character name costs 50,000 × a few steps, where a backtracking
/// matcher (Swift's `Regex`) takes time exponential in the length.
///
/// The syntax is what RE2 (DuckDB's and ClickHouse's engine, so `explain sql` means the same)
/// and Swift share: literals, `.`, `[…]` classes with ranges and `^`, `\d \w \s` (and
/// `\D \W \S`), `\b \B`, `^ $`, groups `( )` `(?: )` `(?<name> )`, `|`, and `* + ? {n} {n,}
/// {n,m}` (a lazy `?` after one is accepted: it changes no yes-or-no answer). What needs
/// backtracking — backreferences, lookaround — is refused with a message, never slow.
/// Matching is over Unicode scalars: `.` is one scalar, as a Chinese character is.
public struct RegularExpression: Sendable {
    /// The most instructions a pattern compiles to (`x{1000}{1000}` would be a million).
    static let maxProgram = 20_000
    static let maxRepeat = 1_000

    public struct SyntaxError: Error, CustomStringConvertible {
        public var description: String
    }

    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case any
        case set(ScalarSet)
        /// Try both: `first` and `second` (the order is irrelevant for a yes-or-no answer).
        case split(Int, Int)
        case jump(Int)
        case textStart, textEnd, wordBoundary, notWordBoundary
        case match
    }

    let program: [Instruction]

    public init(_ pattern: String) throws(SyntaxError) {
        var parser = RegularExpressionParser(Array(pattern.unicodeScalars))
        let tree = try parser.parseWhole()
        var program: [Instruction] = []
        try Self.compile(tree, into: &program)
        program.append(.match)
        self.program = program
    }

    // MARK: - compiling

    private static func compile(_ node: RegularExpressionParser.Node, into program: inout [Instruction]) throws(SyntaxError) {
        guard program.count <= maxProgram else {
            throw SyntaxError(description: "the expression is too large (over \(maxProgram) steps once its repetitions are spelt out)")
        }
        switch node {
        case .empty: break
        case .scalar(let s): program.append(.scalar(s))
        case .any: program.append(.any)
        case .set(let set): program.append(.set(set))
        case .textStart: program.append(.textStart)
        case .textEnd: program.append(.textEnd)
        case .wordBoundary: program.append(.wordBoundary)
        case .notWordBoundary: program.append(.notWordBoundary)
        case .sequence(let parts):
            for part in parts { try compile(part, into: &program) }
        case .either(let choices):
            // split L1, next; L1: a; jump end; next: split L2, … ; the last choice unguarded.
            var jumps: [Int] = []
            for (i, choice) in choices.enumerated() {
                if i < choices.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try compile(choice, into: &program)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try compile(choice, into: &program)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repeated(let body, let min, let max):
            for _ in 0..<min { try compile(body, into: &program) }
            if let max {
                // Each optional copy may be skipped to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try compile(body, into: &program)
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                // L: split body, out; body; jump L
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try compile(body, into: &program)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }

    // MARK: - matching

    /// Whether the pattern matches anywhere in `text`. Asks `cancel` every few thousand steps.
    public func matches(in text: String, cancel: Cancellation = .never) throws(Diagnostic) -> Bool {
        let n = program.count
        var current = ThreadList(capacity: n)
        var advanced: [Int] = []
        var stack: [Int] = []
        var previous: Unicode.Scalar?
        var steps = 0
        var scalars = text.unicodeScalars.makeIterator()
        var scalar = scalars.next()
        var atStart = true
        while true {
            // A new thread starts at every position: the search is unanchored.
            if add(0, to: &current, stack: &stack, previous: previous, scalar: scalar, atStart: atStart) { return true }
            guard let c = scalar else { return false }
            advanced.removeAll(keepingCapacity: true)
            for pc in current.members {
                let consumes: Bool
                switch program[pc] {
                case .scalar(let s): consumes = s == c
                case .any: consumes = c != "\n"
                case .set(let set): consumes = set.contains(c)
                default: consumes = false
                }
                if consumes { advanced.append(pc + 1) }
            }
            steps &+= current.members.count + 1
            if steps > 1 << 14 {
                steps = 0
                try cancel.check()
            }
            previous = c
            scalar = scalars.next()
            atStart = false
            // Follow jumps, splits and assertions from the threads that read `c`.
            current.clear()
            for pc in advanced {
                if add(pc, to: &current, stack: &stack, previous: previous, scalar: scalar, atStart: atStart) { return true }
            }
        }
    }

    /// Adds the thread at `pc` and every thread reachable from it without reading a scalar;
    /// true when one of them is a match.
    private func add(_ pc: Int, to list: inout ThreadList, stack: inout [Int], previous: Unicode.Scalar?,
                     scalar: Unicode.Scalar?, atStart: Bool) -> Bool {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match:
                stack.removeAll(keepingCapacity: true)
                return true
            case .jump(let to): stack.append(to)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .textStart: if atStart { stack.append(pc + 1) }
            case .textEnd: if scalar == nil { stack.append(pc + 1) }
            case .wordBoundary, .notWordBoundary:
                let boundary = ScalarSet.isWord(previous) != ScalarSet.isWord(scalar)
                if case .wordBoundary = program[pc] { if boundary { stack.append(pc + 1) } } else if !boundary { stack.append(pc + 1) }
            case .scalar, .any, .set: break
            }
        }
        return false
    }
}

/// The threads of one step: a sparse set of instruction indexes, cleared in O(1).
struct ThreadList {
    private var mark: [UInt32]
    private var generation: UInt32 = 1
    private(set) var members: [Int] = []

    init(capacity: Int) { mark = [UInt32](repeating: 0, count: capacity) }

    mutating func insert(_ pc: Int) -> Bool {
        if mark[pc] == generation { return false }
        mark[pc] = generation
        members.append(pc)
        return true
    }

    mutating func clear() {
        members.removeAll(keepingCapacity: true)
        generation &+= 1
        if generation == 0 {
            for i in mark.indices { mark[i] = 0 }
            generation = 1
        }
    }
}
