import Foundation
import ThawTensor

/// The two languages of the shipped word lists.
public enum Language: String, CaseIterable, Sendable {
    case english, spanish

    var fileName: String { "\(rawValue)-words.txt.gz" }
}

/// The English and Spanish word lists (10,000 words each; see datasets/README.md) and the
/// tasks built on them: language identification and next-character data.
public enum Words {
    /// The longest word in the shipped lists, in characters.
    public static let longestWord = 12

    /// A language's words, in file order (alphabetical).
    public static func load(_ language: Language, from directory: URL? = nil) throws -> [String] {
        let url = try DatasetsFolder.file(language.fileName, in: directory)
        let lines = try TextFile.lines(of: url)
        for (i, word) in lines.enumerated() where word.isEmpty || word.count > longestWord {
            throw DataError(.corrupt, file: url.path, line: i + 1, "expected a word of 1 to \(longestWord) letters")
        }
        guard !lines.isEmpty else { throw DataError(.empty, file: url.path, "no words in the file") }
        return lines
    }

    /// Language identification: `count` words, a `spanishShare` of them Spanish (0.5 is
    /// balanced; 0.05 makes Spanish a rare class, where accuracy flatters and recall tells the
    /// truth). Labels: 0 english, 1 spanish. Each word is `<start> letters <end>` padded to
    /// `length` ids (`Vocabulary.words`), so an encoder sees a fixed-size input.
    ///
    /// Words are drawn without replacement from each list; ids are the word's line in its list,
    /// plus 100,000 for Spanish, so ids never collide.
    public static func languageID(count: Int = 4000, spanishShare: Double = 0.5,
                                  length: Int = longestWord + 2, rng: inout RNG,
                                  from directory: URL? = nil) throws -> Dataset {
        precondition(length >= longestWord + 2, "length \(length) cannot hold a \(longestWord)-letter word with start and end")
        precondition(spanishShare >= 0 && spanishShare <= 1, "spanishShare is a fraction")
        let spanishCount = Int((Double(count) * spanishShare).rounded())
        let wanted = [Language.english: count - spanishCount, .spanish: spanishCount]
        var values: [Float] = [], labels: [Int] = [], ids: [Int] = []
        for (label, language) in Language.allCases.enumerated() {
            let words = try load(language, from: directory)
            let n = wanted[language]!
            precondition(n <= words.count, "\(n) \(language) words asked for, \(words.count) available")
            for row in rng.permutation(words.count).prefix(n).sorted() {
                values += Vocabulary.words.encode(words[row], length: length)!.map(Float.init)
                labels.append(label)
                ids.append(label * 100_000 + row)
            }
        }
        let pct = Int((spanishShare * 100).rounded())
        return Dataset(name: "language ID (\(pct)% Spanish)", features: Tensor(values, shape: [labels.count, length]),
                       labels: labels, classNames: Language.allCases.map(\.rawValue), ids: ids,
                       kind: .text(Vocabulary.words))
    }

    /// Next-character data for one language's words: one window per word (with the default
    /// context, every word fits), over the shared `Vocabulary.words`.
    public static func charLM(_ language: Language, context: Int = longestWord + 1,
                              from directory: URL? = nil) throws -> SequenceData {
        SequenceData(texts: try load(language, from: directory), vocabulary: .words,
                     context: context, name: "\(language.rawValue) words")
    }
}
