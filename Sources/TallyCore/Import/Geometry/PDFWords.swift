/// A PDF's words with their boxes, from poppler (§7): `pdftotext -tsv` lays out each page
/// and prints one word a row with its page, left, top, width and height in points.
enum PDFWords {
    /// What the Debian package is called, for the error when poppler is missing.
    static let package = "poppler-utils"

    static func looksLikePDF(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: Array("%PDF-".utf8))
    }

    /// What a PDF's pages give: their lines, and what was left out and why.
    struct Pages {
        var lines: [WordLine]
        /// Pages whose text runs sideways (a table turned 90° on the page): not read.
        var sideways: [Int] = []
        /// Pages whose text runs sideways, read turned upright.
        var turned: [Int] = []
        /// Characters far larger than the page's text, one or a few at a time (a watermark or
        /// stamp laid over the tables), by page: not read.
        var marks: [Int: Int] = [:]
        /// Numbers set in a size unlike the page's figures (a seal's year, a date stamped over
        /// a table), by page: not read.
        var stamps: [Int: [String]] = [:]
        /// The first error poppler reported while still giving text (a damaged file).
        var damage: String?
        /// The sheet each line's `page` stands on, where a sheet was read as two or more pages
        /// (SheetParts): lines' pages count the parts, so a table's page ends at its half's.
        var sheetOfPart: [Int: Int] = [:]

        /// The page of the PDF that a line's `page` is part of.
        func sheet(_ part: Int) -> Int { sheetOfPart[part] ?? part }
    }

    /// The document's lines, page by page, numbered from 1 over the whole document.
    static func lines(path: String) throws(DiagnosticList) -> Pages {
        let output: ChildProcess.Output
        switch ChildProcess.run("pdftotext", ["-tsv", "-enc", "UTF-8", path, "-"]) {
        case .success(let o): output = o
        case .failure(.notFound):
            throw DiagnosticList([.fileError(
                "reading a PDF needs poppler's pdftotext, which is not installed", file: path,
                help: "install it with `apt-get install \(package)` (or `make run`, which installs it), then load the file again")])
        case .failure(.cannotStart(let why)):
            throw DiagnosticList([.fileError("cannot run pdftotext: \(why)", file: path)])
        }
        guard output.status == 0 else {
            let message = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw DiagnosticList([.fileError(
                "poppler could not read this PDF (pdftotext exited \(output.status))\(message.isEmpty ? "" : ": \(message)")",
                file: path, help: "check that the file is a complete, unencrypted PDF")])
        }
        var pages = parse(output.stdout)
        pages.damage = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("Syntax Error") || $0.hasPrefix("Internal Error") }.map(String.init)
        return pages
    }

    /// Parses `pdftotext -tsv`: level 5 rows are words; columns are level, page_num, par_num,
    /// block_num, line_num, word_num, left, top, width, height, conf, text.
    static func parse(_ tsv: [UInt8]) -> Pages {
        var pages: [Int: [PlacedWord]] = [:]
        var pageOrder: [Int] = []
        for rawLine in tsv.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard rawLine.first == UInt8(ascii: "5") else { continue }
            let fields = rawLine.split(separator: UInt8(ascii: "\t"), maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count == 12, let page = Int(ascii(fields[1])), let left = Double(ascii(fields[6])),
                let top = Double(ascii(fields[7])), let width = Double(ascii(fields[8])), let height = Double(ascii(fields[9]))
            else { continue }
            let text = String(decoding: fields[11], as: UTF8.self).trimmingCharacters(in: " \r")
            if text.isEmpty || text.hasPrefix("###") || DocumentText.isRule(text) { continue }
            if pages[page] == nil { pageOrder.append(page) }
            let word = PlacedWord(text: text, left: left, right: left + width, top: top, bottom: top + height)
            pages[page, default: []] += splitRunTogether(word)
        }
        var read = Pages(lines: [])
        var sheets: [(page: Int, words: [PlacedWord])] = []
        let body = StampedNumbers.body(pageOrder.flatMap { pages[$0] ?? [] })
        for page in pageOrder.sorted() {
            var words = pages[page] ?? []
            if Self.runsSideways(words) {
                guard let upright = TurnedPages.upright(words), !Self.runsSideways(upright) else {
                    read.sideways.append(page)
                    continue
                }
                read.turned.append(page)
                words = upright
            }
            let kept = Self.withoutMarks(words)
            if kept.count < words.count { read.marks[page] = words.count - kept.count }
            let (unstamped, stamps) = StampedNumbers.split(kept, document: body)
            if !stamps.isEmpty { read.stamps[page] = stamps.map(\.text) }
            sheets.append((page, unstamped))
        }
        let cuts = SheetParts.cuts(sheets)
        let words = Dictionary(sheets.map { ($0.page, $0.words) }, uniquingKeysWith: { a, _ in a })
        for (sheet, k, number) in SheetParts.parts(of: sheets.map(\.page), cuts: cuts) {
            let sheetCuts = cuts[sheet] ?? []
            if number != sheet { read.sheetOfPart[number] = sheet }
            let all = words[sheet] ?? []
            let part = sheetCuts.isEmpty ? all : all.filter { SheetParts.part($0, cuts: sheetCuts) == k }
            read.lines += WordLines.group(part, page: number, firstNumber: read.lines.count + 1).map(LetterSpacedWords.join)
        }
        return read
    }

    /// Text turned on the page: most words of two or more characters stand in boxes taller than
    /// they are wide (a line of text is wider than high).
    static func runsSideways(_ words: [PlacedWord]) -> Bool {
        let long = words.filter { $0.text.count >= 2 }
        guard long.count >= 5 else { return false }
        let tall = long.filter { $0.bottom - $0.top > 1.5 * ($0.right - $0.left) }.count
        return tall * 5 >= long.count * 3
    }

    /// The page's words less a watermark's: poppler gives a watermark laid across a page one
    /// glyph a word, each at least four times as high as most of the page's words and far wider
    /// than their characters (a cover's or a table's title is a run of characters and not so
    /// much larger; a figure, a line or a list's number some generators box as high as its
    /// cell is narrow for its height: less than a third as wide as high).
    static func withoutMarks(_ words: [PlacedWord]) -> [PlacedWord] {
        guard words.count >= 10 else { return words }
        let heights = words.map { $0.bottom - $0.top }.sorted()
        let usual = heights[heights.count / 2]
        guard usual > 0 else { return words }
        return words.filter { w in
            w.text.count > 1 || w.bottom - w.top < 4 * usual || w.right - w.left < max(1.5 * usual, (w.bottom - w.top) / 3)
        }
    }

    /// Poppler joins two figures set close together into one word (`22,186,440.8022,186,440.80`).
    /// Figures with two decimals end unambiguously, so such a word is cut after each, and
    /// each part given its share of the box by its characters.
    static func splitRunTogether(_ word: PlacedWord) -> [PlacedWord] {
        let text = word.text
        guard text.utf8.count >= 8, text.utf8.filter({ $0 == 46 }).count >= 2,
            text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 44 || $0 == 46 || $0 == 45 })
        else { return [word] }
        let parts = text.matches(of: /-?\d{1,3}(?:,\d{3})*\.\d{2}|-?\d+\.\d{2}/).map { String($0.output) }
        guard parts.count >= 2, parts.joined() == text else { return [word] }
        let perCharacter = (word.right - word.left) / Double(text.count)
        var out: [PlacedWord] = []
        var left = word.left
        for part in parts {
            let right = left + perCharacter * Double(part.count)
            out.append(PlacedWord(text: part, left: left, right: right, top: word.top, bottom: word.bottom))
            left = right
        }
        return out
    }

    private static func ascii(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
