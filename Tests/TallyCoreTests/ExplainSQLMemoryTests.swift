import Testing
@testable import TallyCore

/// Issue 13 §1: these statements crashed release builds (a heap use-after-free in the code
/// pattern the translator built; AddressSanitizer shows it in the optimized test run that
/// `.ci/run` makes). Each must translate, in both dialects, to the SQL it means.
struct ExplainSQLMemoryTests {
    static let cases: [(statement: String, expected: String)] = [
        ("count where code=208*", "code LIKE '208%'"),
        ("count where code!=208*", "NOT (code LIKE '208%')"),
        ("count where code=2*", "code LIKE '2%'"),
        ("count where code=2080101", "code = '2080101'"),
        ("list where code=208 year=2025", "code = '208'"),
        ("count where code=20?,3*", "(code LIKE '20_' OR code LIKE '3%')"),
        ("count where code==208", "code = '208'"),
        ("count where code=*", "TRUE"),
    ]

    @Test(arguments: cases)
    func translates(statement: String, expected: String) throws {
        let query = try #require(Self.query(statement))
        for dialect in SQLTranslator.Dialect.allCases {
            let sql = try SQLTranslator(dialect: dialect, source: statement).translate(query)
            #expect(sql.contains(expected), "\(dialect): \(sql)")
        }
    }

    @Test(arguments: cases.map(\.statement))
    func explainsInASession(statement: String) {
        var out = "", err = ""
        let session = Session(format: .tsv, out: { out += $0 }, err: { err += $0 })
        session.run("explain sql " + statement, origin: .commandLine)
        #expect(err == "")
        #expect(session.exitStatus == 0)
        #expect(out.contains("-- DuckDB") && out.contains("-- ClickHouse"))
    }

    static func query(_ text: String) -> Query? {
        guard case .query(let q)? = try? Parser.parse(text) else { return nil }
        return q
    }
}
