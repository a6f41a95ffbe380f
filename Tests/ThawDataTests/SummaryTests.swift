import Testing
import ThawData
import ThawTensor

@Suite("Summaries and previews")
struct SummaryTests {
    @Test func digitSummaryAndDrawing() throws {
        let digits = try Digits.load()
        #expect(digits.summary == """
            digits: 1797 examples of [64] (8x8 images, values in [0, 1]), 10 classes
              class counts  0:178  1:182  2:177  3:183  4:181  5:182  6:181  7:179  8:174  9:180
            """)
        let picture = digits.preview()
        print(picture)
        let lines = picture.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 9 && lines.last?.contains("“0”") == true)
        // Row 0 of the first digit is 0,0,5,13,9,1,0,0 sixteenths: blank, blank, ░, ▓, ▒, ' ', …
        #expect(lines[0] == "      ░░▓▓▒▒")
        #expect(picture.contains("██"))
        let three = digits.preview(8)
        #expect(three.split(separator: "\n", omittingEmptySubsequences: false).count == 9 + 1 + 9)
    }

    @Test func wordPreviewAndSequenceSummary() throws {
        var rng = RNG(seed: 1)
        let words = try Words.languageID(count: 10, rng: &rng)
        let preview = words.preview(3, from: 4)
        print(preview)
        #expect(preview.split(separator: "\n").count == 3 && preview.contains("english"))
        #expect(words.summary.hasPrefix("language ID (50% Spanish): 10 examples of [14] (token ids over 37 tokens), 2 classes"))
        let lm = try Words.charLM(.spanish)
        print(lm.summary)
        print(lm.preview(3))
        #expect(lm.summary.hasPrefix("spanish words: 10000 windows of 13 tokens"))
        #expect(lm.preview(2).split(separator: "\n").allSatisfy { $0.hasPrefix("  ^") && $0.hasSuffix("$") })
    }

    @Test func vectorPreviewAndEmptyPreview() {
        let data = Dataset(name: "t", features: Tensor([1, 2, 3, 4], shape: [2, 2]), labels: [0, 1], classNames: ["a", "b"])
        #expect(data.preview(2) == "  [1.0, 2.0]  a\n  [3.0, 4.0]  b")
        #expect(data.subset([]).preview() == "  (no examples)")
    }
}
