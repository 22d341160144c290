#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names for `.load`, `.read` and `.output`: the entries of the directory named by the
/// word typed so far that start with its last part; directories end in `/`.
public enum FileNameCompletion {
    public static func candidates(_ word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let stem = slash.map { String(word[word.index(after: $0)...]) } ?? word
        guard let dir = opendir(directory.isEmpty ? "." : expandHome(directory)) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if !name.hasPrefix(stem) || (name.hasPrefix(".") && !stem.hasPrefix(".")) { continue }
            var info = stat()
            let path = (directory.isEmpty ? "" : expandHome(directory)) + name
            let isDirectory = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            names.append(directory + name + (isDirectory ? "/" : ""))
        }
        return names
    }

    private static func expandHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}
