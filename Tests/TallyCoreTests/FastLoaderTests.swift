import Testing
@testable import TallyCore

/// The fast TSV path gives exactly what the careful reader gives, and leaves every file it
/// cannot vouch for to the careful reader.
struct FastLoaderTests {
    static func store(_ items: [LineItem]) -> LineItemStore {
        var b = StoreBuilder()
        b.append(contentsOf: items)
        return b.build()
    }

    static func store(_ batches: [ColumnBatch]) -> LineItemStore {
        var b = StoreBuilder()
        for batch in batches { b.append(batch) }
        return b.build()
    }

    static func items(_ store: LineItemStore) -> [LineItem] { (0..<store.count).map(store.item) }

    @Test func generatedFileLoadsTheSameBothWays() throws {
        var bytes: [UInt8] = []
        try Generator.generate(.init(count: 30_000, seed: 2, shuffle: true)) { bytes.append(contentsOf: $0) }
        let careful = try LineItemFile.read(bytes, path: "x/gen.tsv")
        // Several parts, so the split at line ends and the line numbering across parts are exercised.
        let batches = try #require(bytes.withUnsafeBufferPointer { FastLineItemTSV.read($0, path: "x/gen.tsv", parts: 3) })
        let fast = Self.store(batches)
        let slow = Self.store(careful)
        #expect(Self.items(fast) == Self.items(slow))
        #expect(Array(fast.parent) == Array(slow.parent))
    }

    @Test func missingFieldsAreFilledInAsTheCarefulReaderDoes() throws {
        let text = "dept\tyear\ttable\tcode\tcolumn\tamount\n重庆市綦江区财政局\t2025\texpenditure\t208\ttotal\t1.5\n\n 重庆市北碚区财政局 \t2024\t部门支出总表\t\t合计\t-2\n"
        let bytes = Array(text.utf8)
        let careful = try LineItemFile.read(bytes, path: "d/items.tsv")
        let batches = try #require(bytes.withUnsafeBufferPointer { FastLineItemTSV.read($0, path: "d/items.tsv") })
        #expect(Self.items(Self.store(batches)) == Self.items(Self.store(careful)))
    }

    @Test func filesWithProblemsGoToTheCarefulReader() {
        let bad = [
            "dept,year,table,code,column,amount\n重庆市綦江区财政局,2025,expenditure,208,total,1\n",  // CSV
            "dept\tyear\ttable\tcode\tcolumn\tamount\n重庆市綦江区财政局\t2025\texpenditure\t208\ttotal\t1,0\n",
            "dept\tyear\ttable\tcode\tcolumn\tamount\n重庆市綦江区财政局\t2025\tnope\t208\ttotal\t1\n",
            "dept\tyear\ttable\tcode\tcolumn\tamount\n\t2025\texpenditure\t208\ttotal\t1\n",
            "dept\tyear\ttable\tcode\tcolumn\tamount\n重庆市綦江区财政局\t2025\texpenditure\t208\ttotal\n",
            "dept\tyear\ttable\tcode\tcolumn\tamount\n重庆市綦江区财政局\t1800\texpenditure\t208\ttotal\t1\n",
            "dept\tyear\ttable\tcode\tcolumn\tamount\n重庆市綦江区财政局\t2025\texpenditure\t208\ttotal\t1.1234567\n",
        ]
        for text in bad {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { FastLineItemTSV.read($0, path: "t.tsv") } == nil, "\(text)")
        }
        var invalid = Array("dept\tyear\ttable\tcode\tcolumn\tamount\n".utf8)
        invalid += [0xE9, 0x87] + Array("\t2025\texpenditure\t208\ttotal\t1\n".utf8)
        #expect(invalid.withUnsafeBufferPointer { FastLineItemTSV.read($0, path: "t.tsv") } == nil)
    }
}
