/// A sentence of a document the audit may cite: a note under a table (注：/说明：), the
/// statement of a table published empty, a sentence naming a classified item, a carry-over
/// with its amount or a fund the department does not have, and template text left in.
public struct Remark: Sendable, Equatable, Codable {
    public var line: Int
    /// Its PDF page (0 for text input).
    public var page: Int = 0
    /// The line's text without spaces, run on into the next line when the sentence does.
    public var text: String
}

/// Picks the remarks out of a document's lines while it is imported, so the audit can
/// cite the document's own words without the document (AuditVocabulary holds the phrases).
enum DocumentRemarks {
    /// At most this many per document, each at most `longest` characters: a remark is
    /// evidence, not a copy of the text.
    static let limit = 500
    static let longest = 400

    /// `pageOfLine`: a PDF's page of each line, by line number (empty for text).
    static func find(_ lines: [SourceLine], pageOfLine: [Int] = []) -> [Remark] {
        var found = find(lines.map { ($0.number, $0.text) })
        for i in found.indices where found[i].line > 0 && found[i].line < pageOfLine.count { found[i].page = pageOfLine[found[i].line] }
        return found
    }

    static func find(_ lines: [(number: Int, text: String)]) -> [Remark] {
        var out: [Remark] = []
        var next = lines.first.map { squeezed($0.text) } ?? ""
        for i in lines.indices {
            let own = next
            next = i + 1 < lines.count ? squeezed(lines[i + 1].text) : ""
            guard !own.isEmpty else { continue }
            // A phrase may run over the line's end: look in both lines, keep what starts in this one.
            let window = own + next
            guard worthKeeping(own: own, window: window) else { continue }
            var text = own
            if !own.hasSuffix("。"), !next.isEmpty, !Vocabulary.isNote(next) {
                let rest = next.firstIndex(of: "。").map { next[...$0] } ?? next[...]
                text += rest
            }
            out.append(Remark(line: lines[i].number, text: String(text.prefix(longest))))
            if out.count >= limit { break }
        }
        return out
    }

    /// The text without blanks (space, tab, the form feed that starts a page, carriage return,
    /// the ideographic space U+3000 = E3 80 80): a sentence wrapped over a page break is one.
    static func squeezed(_ text: String) -> String {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0C || b[i] == 0x0D { i += 1; continue }
            if b[i] == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { i += 3; continue }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func worthKeeping(own: String, window: String) -> Bool {
        let v = AuditVocabulary.self
        if Vocabulary.isNote(own) || Vocabulary.isEmptyStatement(own) { return true }
        if startsWithin(own, window, v.classified) { return true }
        if startsWithin(own, window, v.carryover), window.contains(utf8: "万元") { return true }
        if startsWithin(own, window, v.tableFund.flatMap(\.1)), v.absent.contains(where: { window.contains(utf8: $0) }) { return true }
        return templateText(in: own) != nil
    }

    /// Whether one of `phrases` occurs in `window` starting inside `own`, the text it begins
    /// with (on UTF-8 bytes: every line of a document is asked).
    static func startsWithin(_ own: String, _ window: String, _ phrases: [String]) -> Bool {
        var window = window
        let ownBytes = own.utf8.count
        return window.withUTF8 { w in
            phrases.contains { phrase in
                var phrase = phrase
                return phrase.withUTF8 { p in UTF8Search.first(p, in: w, from: 0).map { $0 < ownBytes } ?? false }
            }
        }
    }

    /// The template text the line holds, if any (`XX` only away from other Latin letters and digits).
    static func templateText(in text: String) -> String? {
        for phrase in AuditVocabulary.templateText where text.contains(utf8: phrase) {
            var search = text.startIndex..<text.endIndex
            while let r = text[search].firstRange(of: phrase) {
                let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
                let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
                let latin = phrase.allSatisfy { $0.isASCII && $0.isLetter }
                if !latin || !(isLatinOrDigit(before) || isLatinOrDigit(after)) { return phrase }
                search = r.upperBound..<text.endIndex
            }
        }
        return nil
    }

    private static func isLatinOrDigit(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// The clause of `text` around `phrase` (between the punctuation either side).
    static func clause(_ text: String, around phrase: String) -> String {
        guard let r = text.firstRange(of: phrase) else { return "" }
        let stops: Set<Character> = ["。", "；", "，", "：", ";", ","]
        var start = r.lowerBound
        while start > text.startIndex, !stops.contains(text[text.index(before: start)]) { start = text.index(before: start) }
        var end = r.upperBound
        while end < text.endIndex, !stops.contains(text[end]) { end = text.index(after: end) }
        return String(text[start..<end])
    }

    /// What a citation shows of a remark: the whole of a short one, the clause around
    /// `phrase` of a long one.
    static func excerpt(_ text: String, around phrase: String) -> String {
        guard text.count > 60 else { return text }
        let c = clause(text, around: phrase)
        return c.isEmpty ? String(text.prefix(80)) : String(c.prefix(80))
    }
}
