/// A PDF's words with their boxes, from poppler (§7): `pdftotext -tsv` lays out each page
/// and prints one word a row with its page, left, top, width and height in points.
enum PDFWords {
    /// What the Debian package is called, for the error when poppler is missing.
    static let package = "poppler-utils"

    static func looksLikePDF(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: Array("%PDF-".utf8))
    }

    /// The document's lines, page by page, numbered from 1 over the whole document.
    static func lines(path: String) throws(DiagnosticList) -> [WordLine] {
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
        return parse(output.stdout)
    }

    /// Parses `pdftotext -tsv`: level 5 rows are words; columns are level, page_num, par_num,
    /// block_num, line_num, word_num, left, top, width, height, conf, text.
    static func parse(_ tsv: [UInt8]) -> [WordLine] {
        var pages: [Int: [PlacedWord]] = [:]
        var pageOrder: [Int] = []
        for rawLine in tsv.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard rawLine.first == UInt8(ascii: "5") else { continue }
            let fields = rawLine.split(separator: UInt8(ascii: "\t"), maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count == 12, let page = Int(ascii(fields[1])), let left = Double(ascii(fields[6])),
                let top = Double(ascii(fields[7])), let width = Double(ascii(fields[8])), let height = Double(ascii(fields[9]))
            else { continue }
            let text = String(decoding: fields[11], as: UTF8.self).trimmingCharacters(in: " \r")
            if text.isEmpty || text.hasPrefix("###") { continue }
            if pages[page] == nil { pageOrder.append(page) }
            let word = PlacedWord(text: text, left: left, right: left + width, top: top, bottom: top + height)
            pages[page, default: []] += splitRunTogether(word)
        }
        var lines: [WordLine] = []
        for page in pageOrder.sorted() {
            lines += WordLines.group(pages[page] ?? [], page: page, firstNumber: lines.count + 1)
        }
        return lines
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
