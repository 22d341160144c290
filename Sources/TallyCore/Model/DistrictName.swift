/// The district in a budget unit's name: 重庆市綦江区社会保险事务中心 → 綦江,
/// 重庆市万盛经济技术开发区… → 万盛, …县… → the county.
///
/// Names are searched scalar by scalar (they are CJK without combining marks): String's
/// Character search cost about 25 µs a name, which a load of many documents paid per document.
public enum DistrictName {
    public static func of(dept: String) -> String {
        let district = below(dept: dept)
        if !district.isEmpty { return district }
        let name = Scalars(dept.hasPrefix("中共") ? String(dept.dropFirst(2)) : dept)
        var start = 0
        var province = ""
        if let p = name.first("省"), p <= 3 {
            province = name.text(0..<p)
            start = p + 1
        }
        // A city's unit (苏州市人民检察院, 江苏省苏州市…, 上海市财政局): the city; a province's: the province.
        if let city = name.first("市", from: start), city - start >= 2, city - start <= 4 {
            return name.text(start..<city)
        }
        return province
    }

    static let markers = ["经济技术开发区", "高新技术产业开发区", "开发区", "经开区", "高新区", "新区", "区", "县"].map(Scalars.init)

    static func below(dept: String) -> String {
        let name = Scalars(dept)
        var start = 0
        if let p = name.first("省"), p <= 5 { start = p + 1 }
        if let city = name.first("市", from: start), city - start <= 4 { start = city + 1 }
        // The earliest marker wins: 万盛经济技术开发区 ends at 经济技术开发区, 北碚区…新区 at 区.
        // A marker first found at the very start (区委…) marks nothing.
        var best: Int?
        for marker in markers {
            if let found = name.first(marker, from: start), found > start, best.map({ found < $0 }) ?? true { best = found }
        }
        return best.map { name.text(start..<$0) } ?? ""
    }
}

/// A department's name without the region it belongs to: 上海市普陀区财政局 → 财政局; a
/// party organ keeps its level (中共上海市普陀区委社会工作部 → 区委社会工作部).
public enum DepartmentName {
    static let levels = ["经济技术开发区", "经开区", "新区", "区", "县", "省", "市"].map(Scalars.init)
    static let party = Scalars("委")

    public static func short(_ dept: String) -> String {
        let name = Scalars(dept.hasPrefix("中共") ? String(dept.dropFirst(2)) : dept)
        let district = DistrictName.of(dept: dept)
        let districtScalars = Scalars(district)
        guard !district.isEmpty, let at = name.first(districtScalars) else { return name.text(0..<name.count) }
        var rest = at + districtScalars.count
        for marker in levels where name.has(marker, at: rest) {
            if !name.has(party, at: rest + marker.count) { rest += marker.count }
            break
        }
        return rest < name.count ? name.text(rest..<name.count) : name.text(0..<name.count)
    }
}

/// A name's Unicode scalars, for searching by position.
struct Scalars {
    let scalars: [Unicode.Scalar]
    init(_ text: String) { scalars = Array(text.unicodeScalars) }
    var count: Int { scalars.count }

    /// Where `needle` first starts at or after `from`.
    func first(_ needle: Scalars, from: Int = 0) -> Int? {
        let n = needle.scalars
        guard !n.isEmpty, scalars.count - from >= n.count, from >= 0 else { return nil }
        for i in from...(scalars.count - n.count) where scalars[i] == n[0] && has(needle, at: i) { return i }
        return nil
    }

    func first(_ needle: String, from: Int = 0) -> Int? { first(Scalars(needle), from: from) }

    func has(_ needle: Scalars, at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= scalars.count else { return false }
        for k in 0..<needle.count where scalars[i + k] != needle.scalars[k] { return false }
        return true
    }

    func text(_ r: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[r])
        return String(s)
    }
}
