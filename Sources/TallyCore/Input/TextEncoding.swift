#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text as users' machines make it, made into what the readers expect: UTF-8 without a byte
/// order mark, lines ending in LF. CRLF and CR endings are made LF (Swift reads `\r\n` as one
/// character, which no `\n` split would find); GB18030 (GBK's superset, the encoding Chinese
/// Windows saves text in) is converted through the system's iconv.
enum TextEncoding {
    enum Decoded {
        case text(String, note: String?)
        /// Neither UTF-8 nor GB18030: the first line that is not.
        case undecodable(line: Int)
    }

    static func decode(_ raw: [UInt8]) -> Decoded {
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        bytes = normalisedLineEndings(bytes)
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text, note: nil) }
        if let converted = gb18030ToUTF8(bytes), let text = String(validating: converted, as: UTF8.self) {
            return .text(text, note: "read as GB18030 text (converted to UTF-8)")
        }
        return .undecodable(line: InputFile.firstInvalidLine(bytes))
    }

    static func normalisedLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    static func gb18030ToUTF8(_ bytes: [UInt8]) -> [UInt8]? { convert(bytes, from: "GB18030", to: "UTF-8") }

    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        guard !bytes.isEmpty else { return [] }
        let converter = iconv_open(target, source)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let ok = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        output.removeLast(outLeft)
        return output
    }
}

extension TextEncoding {
    /// UTF-8 to GB18030, for tests that make GB18030 copies of UTF-8 documents.
    static func gb18030FromUTF8ForTests(_ bytes: [UInt8]) -> [UInt8]? {
        convert(bytes, from: "UTF-8", to: "GB18030")
    }
}
