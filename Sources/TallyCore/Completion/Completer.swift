/// Decides what Tab completes from where the cursor stands: a verb at the start, codes after
/// the verb, fields after `where` and `by`, a field's values after `=`, dot-commands and
/// their arguments (file names after `.load` and `.read`).
public struct Completer {
    public let store: LineItemStore
    /// Names in a directory that start with a prefix; injected so tests need no files.
    public var fileNames: (_ path: String) -> [String]
    /// How many candidates a list shows at most.
    public var limit = 200

    public init(store: LineItemStore, fileNames: @escaping (_ path: String) -> [String] = FileNameCompletion.candidates) {
        self.store = store
        self.fileNames = fileNames
    }

    public static let verbs = Keywords.statementStarts

    /// `line` is the whole input line, `cursor` a byte offset into it.
    public func complete(_ line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8)
        let before = Array(bytes[0..<min(max(cursor, 0), bytes.count)])
        let lead = before.prefix { $0 == space || $0 == tab }.count
        if before.dropFirst(lead).first == UInt8(ascii: ".") {
            return completeDotCommand(before)
        }
        // The statement as the parser will read it: the lexer's tokens up to the cursor.
        var tokens = Lexer.tokens(String(decoding: before, as: UTF8.self), trivia: true).filter {
            $0.kind != .end && $0.kind != .newline && $0.kind != .continuation
        }
        if tokens.last?.kind == .comment { return Completion(wordStart: before.count, word: "", candidates: []) }
        tokens.removeAll { $0.kind == .comment }
        // Only the statement the cursor is in: `count; sum 20` completes `sum 20`.
        if let semicolon = tokens.lastIndex(where: { $0.kind == .semicolon }) { tokens.removeFirst(semicolon + 1) }
        // The word Tab completes: a bare word, or quoted text still open, ending at the cursor.
        var typing: Token?
        if let last = tokens.last, last.range.end == before.count, last.kind == .word || last.isUnclosedQuote {
            typing = tokens.removeLast()
        }
        let start = typing?.range.start ?? before.count
        let word = String(decoding: before[start...], as: UTF8.self)
        let candidates: [Completion.Candidate]
        if let field = fieldBeforeValue(tokens) {
            if let typing, typing.isUnclosedQuote {
                candidates = quotedValues(of: field, typed: word)
            } else {
                candidates = values(of: field, matching: word)
            }
        } else if typing?.isUnclosedQuote == true {
            candidates = []
        } else {
            candidates = keywordsAndFields(before: tokens, word: word)
        }
        return Completion(wordStart: start, word: word, candidates: Array(candidates.prefix(limit)))
    }

    // MARK: - what precedes the word

    private let space = UInt8(ascii: " ")
    private let tab = UInt8(ascii: "\t")

    /// The field whose value the word is: `dept=綦` or `table=income,gpb_` give `dept` and
    /// `table`. Nil when the word is not after a comparison.
    private func fieldBeforeValue(_ tokens: [Token]) -> Field? {
        var i = tokens.count - 1
        // back over earlier values of a list or range (`a,b,`, `2023..`) to the operator
        while i >= 1, tokens[i].kind == .comma || tokens[i].kind == .dotDot,
              tokens[i - 1].kind == .word || tokens[i - 1].kind == .quoted {
            i -= 2
        }
        guard i >= 1, tokens[i].isComparison, tokens[i - 1].kind == .word else { return nil }
        return Field(rawValue: tokens[i - 1].text.lowercased())
    }

    // MARK: - statements

    private func keywordsAndFields(before tokens: [Token], word: String) -> [Completion.Candidate] {
        let words = tokens.filter { $0.kind == .word }.map { $0.text.lowercased() }
        guard let first = words.first else {
            return matching(word, Self.verbs.map { Completion.Candidate($0, suffix: " ") })
        }
        let clause = words.last { $0 == "where" || $0 == "by" || $0 == "having" }
        // `top N per ` takes a field.
        if words.count == 3, first == "top", words[2] == "per" { return matching(word, fieldCandidates()) }
        // `having` tests the result's columns: the groups and amount columns, `is empty`.
        if clause == "having" {
            return matching(word, fieldCandidates() + columnCandidates(word)
                + ["total", "change", "pct", "is", "empty", "not", "and", "or", "order"].map { Completion.Candidate($0, suffix: " ") })
        }
        // `order by ` takes a column of the result, then `asc` or `desc`.
        if clause == "by", let at = words.lastIndex(of: "by"), at > 0, words[at - 1] == "order" {
            return matching(word, fieldCandidates() + columnCandidates(word)
                + ["total", "change", "pct", "asc", "desc"].map { Completion.Candidate($0, suffix: " ") })
        }
        if clause == "by" {
            return matching(word, fieldCandidates() + columnCandidates(word)
                + ["having", "order"].map { Completion.Candidate($0, suffix: " ") })
        }
        if clause == "where" {
            return matching(word, fieldCandidates() + ["and", "or", "not", "by", "order"].map { Completion.Candidate($0, suffix: " ") })
        }
        if first == "audit" {
            return matching(word, AuditRules.all.map { Completion.Candidate($0, suffix: " ") } + [Completion.Candidate("where", suffix: " ")])
        }
        if first == "let", words.count == 1 { return [] }
        if first == "explain", words.count == 1 { return matching(word, [Completion.Candidate("sql", suffix: " ")]) }
        if first == "chart" && words.count == 1 || first == "explain" && words.count == 2 {
            return matching(word, Self.verbs.prefix(7).map { Completion.Candidate($0, suffix: " ") })
        }
        if first == "export", words.count == 1 { return files(word) }
        let keywords = (Keywords.clauses + Keywords.checkClauses + (first == "top" && words.count == 2 ? ["per"] : []))
            .map { Completion.Candidate($0, suffix: " ") }
        if word.first?.isNumber == true { return codeCandidates(word) }
        if word.isEmpty { return keywords + codeCandidates("") }
        return matching(word, keywords + Self.verbs.map { Completion.Candidate($0, suffix: " ") })
    }

    private func fieldCandidates() -> [Completion.Candidate] {
        Field.allCases.map { Completion.Candidate($0.rawValue, note: HelpText.fieldMeaning($0)) }
    }

    /// Column ids with their Chinese header beside them; the Chinese aliases themselves
    /// once the word is Chinese.
    private func columnCandidates(_ word: String, suffix: String = "") -> [Completion.Candidate] {
        ColumnID.allCases.flatMap { column in
            isChinese(word)
                ? column.aliases.map { Completion.Candidate($0, note: column.id, suffix: suffix) }
                : [Completion.Candidate(column.id, note: column.aliases.first ?? "", suffix: suffix)]
        }
    }

    private func isChinese(_ word: String) -> Bool { word.unicodeScalars.contains { !$0.isASCII } }

    // MARK: - values

    private func values(of field: Field, matching word: String) -> [Completion.Candidate] {
        switch field {
        case .dept, .district, .doc, .label, .name: return text(store.textColumn(field).dictionary.values, word)
        case .table:
            return matching(word, TableID.allCases.flatMap { table in
                isChinese(word)
                    ? table.aliases.map { Completion.Candidate($0, note: table.id, suffix: " ") }
                    : [Completion.Candidate(table.id, note: table.aliases.first ?? "", suffix: " ")]
            })
        case .column:
            return matching(word, columnCandidates(word, suffix: " "))
        case .code: return codeCandidates(word)
        case .year, .budgetYear:
            let years = (field == .year ? Set(store.year) : Set(store.budgetYear)).sorted().map { Completion.Candidate(String($0), suffix: " ") }
            return matching(word, years)
        case .phase:
            return matching(word, Phase.allCases.flatMap { phase in
                isChinese(word)
                    ? phase.aliases.map { Completion.Candidate($0, note: phase.id, suffix: " ") }
                    : [Completion.Candidate(phase.id, note: phase.aliases.first ?? "", suffix: " ")]
            })
        case .level:
            return matching(word, [("1", "类"), ("2", "款"), ("3", "项")].map { Completion.Candidate($0.0, note: $0.1, suffix: " ") })
        case .amount, .line, .page: return []
        }
    }

    /// Text values match by their start, and — for Chinese typed from the middle of a name,
    /// as `綦江` in `重庆市綦江区…` — anywhere, since `=` on text is a substring match.
    private func text(_ values: [String], _ word: String) -> [Completion.Candidate] {
        let starting = values.filter { $0.hasPrefix(word) && !$0.isEmpty }.sorted()
        let inside = word.isEmpty ? [] : values.filter { !$0.hasPrefix(word) && $0.contains(word) }.sorted()
        return (starting + inside).map { Completion.Candidate(Lexer.literal($0), suffix: " ") }
    }

    /// A text field's values for quoted text still open (`dept="重庆市綦`): each closed in the
    /// quote typed, a quote inside doubled, as the lexer reads it.
    private func quotedValues(of field: Field, typed word: String) -> [Completion.Candidate] {
        guard field.kind == .text else { return [] }
        let values = store.textColumn(field).dictionary.values
        guard let quote = word.first else { return [] }
        let typed = Lexer.tokens(word + String(quote)).first?.text ?? ""
        let starting = values.filter { $0.hasPrefix(typed) && !$0.isEmpty }.sorted()
        let inside = typed.isEmpty ? [] : values.filter { !$0.hasPrefix(typed) && $0.contains(typed) }.sorted()
        let q = String(quote)
        return (starting + inside).map {
            Completion.Candidate(q + $0.split(separator: quote, omittingEmptySubsequences: false).joined(separator: q + q) + q, suffix: " ")
        }
    }

    /// Codes starting with the digits typed, one level down (`208` offers `20801 20802 …`),
    /// each with its name; the typed code itself too when it exists.
    private func codeCandidates(_ word: String) -> [Completion.Candidate] {
        let prefix = String(word.prefix { $0.isASCII && $0.isNumber })
        guard prefix.count == word.count else { return [] }
        let range = store.codes.ids(withPrefix: prefix)
        let longer = range.map { store.codes.codes[$0] }.filter { $0.count > prefix.count }
        guard let nextLength = longer.map(\.count).min() else {
            return store.codes.id(of: prefix) != nil && !prefix.isEmpty ? [Completion.Candidate(prefix, note: codeName(prefix), suffix: " ")] : []
        }
        var codes = longer.filter { $0.count == nextLength }
        if store.codes.id(of: prefix) != nil, !prefix.isEmpty { codes.insert(prefix, at: 0) }
        let names = codeNames(Set(codes))
        return codes.map { Completion.Candidate($0, note: names[$0] ?? "", suffix: " ") }
    }

    private func codeName(_ code: String) -> String { codeNames([code])[code] ?? "" }

    /// The name each code goes by, from the first row that carries it.
    private func codeNames(_ codes: Set<String>) -> [String: String] {
        let ids = Set(codes.compactMap { store.codes.id(of: $0) })
        var names: [String: String] = [:]
        for row in 0..<store.count where ids.contains(store.code[row]) {
            let code = store.codes[store.code[row]]
            if names[code] == nil { names[code] = store.names[store.name[row]] }
            if names.count == ids.count { break }
        }
        return names
    }

    // MARK: - dot-commands

    private func completeDotCommand(_ before: [UInt8]) -> Completion {
        let text = String(decoding: before, as: UTF8.self)
        let lead = text.prefix { $0 == " " || $0 == "\t" }.utf8.count
        let body = text.dropFirst(text.prefix { $0 == " " || $0 == "\t" }.count)
        guard let gap = body.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let candidates = Session.dotCommands.map { Completion.Candidate($0.name, note: $0.summary, suffix: " ") }
            return Completion(wordStart: lead, word: String(body), candidates: matching(String(body), candidates))
        }
        let command = body[..<gap].lowercased()
        var start = before.count
        while start > 0, before[start - 1] != space, before[start - 1] != tab { start -= 1 }
        let word = String(decoding: before[start...], as: UTF8.self)
        let options: [Completion.Candidate]
        switch command {
        case ".load", ".read", ".save":
            return Completion(wordStart: start, word: word, candidates: files(word))
        case ".output":
            return Completion(wordStart: start, word: word, candidates: matching(word, [Completion.Candidate("stdout")]) + files(word))
        case ".mode": options = OutputFormat.allCases.map { Completion.Candidate($0.rawValue) }
        case ".unit": options = DisplayUnit.allCases.map { Completion.Candidate($0.rawValue) }
        case ".timer": options = ["on", "off"].map { Completion.Candidate($0) }
        case ".maxrows": options = ["all", "auto"].map { Completion.Candidate($0) }
        case ".help": options = HelpText.topics.map { Completion.Candidate($0) }
        default: options = []
        }
        return Completion(wordStart: start, word: word, candidates: matching(word, options))
    }

    private func files(_ word: String) -> [Completion.Candidate] {
        fileNames(word).sorted().prefix(limit).map {
            Completion.Candidate($0, suffix: $0.hasSuffix("/") ? "" : " ")
        }
    }

    // MARK: -

    /// Candidates starting with the word, ignoring ASCII case.
    private func matching(_ word: String, _ candidates: [Completion.Candidate]) -> [Completion.Candidate] {
        let lowered = word.lowercased()
        var seen = Set<String>()
        return candidates.filter { $0.text.lowercased().hasPrefix(lowered) && seen.insert($0.text).inserted }
    }
}
