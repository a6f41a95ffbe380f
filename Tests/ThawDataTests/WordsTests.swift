import Testing
import ThawData
import ThawTensor

@Suite("Words: vocabulary, language identification, next-character data")
struct WordsTests {
    @Test func vocabularyHandlesSpanishLetters() {
        let v = Vocabulary.words
        #expect(v.size == 37 && v.characters.count == 33)
        #expect(v.token(Vocabulary.pad) == "<pad>" && Vocabulary.pad == 0)
        let ids = v.encode("pingüino", length: 12)!
        #expect(ids.first == Vocabulary.start && ids[9] == Vocabulary.end && ids[10...].allSatisfy { $0 == 0 })
        #expect(v.decode(ids) == "pingüino")
        for word in ["año", "canción", "más", "pingüino", "él", "sí", "menú"] {
            #expect(v.decode(v.encode(word)) == word)
            #expect(!v.encode(word).contains(Vocabulary.unknown))
        }
        // "é" spelled as e + combining acute is the same character, so the same token.
        #expect(v.encode("caf\u{65}\u{301}") == v.encode("café"))
        #expect(v.encode("Zoë!") == [Vocabulary.unknown, v.id("o"), Vocabulary.unknown, Vocabulary.unknown])
        #expect(v.encode("abcdefghijklm", length: 14) == nil)
        let custom = Vocabulary.covering(["hola", "hi"])
        #expect(custom.characters == ["a", "h", "i", "l", "o"])
    }

    @Test func wordListsLoadAndDoNotOverlap() throws {
        let english = try Words.load(.english), spanish = try Words.load(.spanish)
        #expect(english.count == 10_000 && spanish.count == 10_000)
        #expect(Set(english).isDisjoint(with: spanish))
        #expect(english.allSatisfy { $0.count >= 2 && $0.count <= 12 && $0.allSatisfy { Vocabulary.words.contains($0) } })
        #expect(spanish.allSatisfy { $0.count >= 2 && $0.count <= 12 && $0.allSatisfy { Vocabulary.words.contains($0) } })
        #expect(spanish.contains { $0.contains("ñ") } && spanish.contains { $0.contains("ü") })
        #expect(english.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 97 && $0.value <= 122 } })
    }

    @Test func languageIDBalancedAndImbalanced() throws {
        var rng = RNG(seed: 1)
        let balanced = try Words.languageID(count: 4000, rng: &rng)
        #expect(balanced.count == 4000 && balanced.classCounts == [2000, 2000])
        #expect(balanced.classNames == ["english", "spanish"] && balanced.features.shape == [4000, 14])
        #expect(Set(balanced.ids).count == 4000)
        let rare = try Words.languageID(count: 2000, spanishShare: 0.05, rng: &rng)
        #expect(rare.classCounts == [1900, 100])
        let english = try Words.load(.english), spanish = try Words.load(.spanish)
        for i in [0, 1999, 3999] {
            let word = Vocabulary.words.decode(balanced.values(at: i).map { Int($0) })
            let list = balanced.labels[i] == 0 ? english : spanish
            #expect(list[balanced.ids[i] % 100_000] == word)
        }
        var a = RNG(seed: 2), b = RNG(seed: 2)
        #expect(try Words.languageID(count: 500, rng: &a).ids == Words.languageID(count: 500, rng: &b).ids)
        let split = balanced.stratifiedSplit(train: 0.8, seed: 0)
        #expect(split.train.classCounts == [1600, 1600] && split.test.classCounts == [400, 400])
    }

    @Test func charLMHasOneWindowPerWordAndShiftedTargets() throws {
        let english = try Words.charLM(.english)
        let words = try Words.load(.english)
        #expect(english.count == 10_000 && english.context == 13)
        #expect(english.inputs.shape == [10_000, 13] && english.targets.count == 130_000)
        #expect(english.predictedTokenCount == words.reduce(0) { $0 + $1.count + 1 })
        let t = english.context
        for i in [0, 123, 9_999] {
            let x = english.inputs.data[i * t ..< (i + 1) * t].map { Int($0) }
            let y = Array(english.targets[i * t ..< (i + 1) * t])
            #expect(x[0] == Vocabulary.start)
            #expect(Array(x.dropFirst()) == Array(y.dropLast()) || y.last == Vocabulary.pad)
            #expect(Vocabulary.words.decode(x) == words[i] && Vocabulary.words.decode(y) == words[i])
            #expect(english.text(at: i) == "^\(words[i])$")
        }
        let spanish = try Words.charLM(.spanish)
        #expect(spanish.count == 10_000 && spanish.vocabulary == english.vocabulary)
    }

    @Test func longTextsAreCutIntoWindows() {
        let data = SequenceData(texts: ["abcdefghij"], vocabulary: .covering(["abcdefghij"]), context: 4, name: "t")
        // <start> a…j <end> is 12 tokens, 11 predictions: windows of 4, 4 and 3.
        #expect(data.count == 3 && data.predictedTokenCount == 11)
        #expect((0..<3).map { data.text(at: $0) } == ["^abcd", "defgh", "hij$"])
        var rng = RNG(seed: 1)
        let (train, test) = data.randomSplit(train: 0.6, rng: &rng)
        #expect(train.count == 1 && test.count == 2 && Set(train.ids + test.ids) == [0])
    }
}
