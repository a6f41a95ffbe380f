import Foundation
import ThawData
import ThawNN
import ThawTensor

/// The data recipes of the pretrained starting points. Each is a few documented lines on
/// ThawData, with fixed seeds, so that a lesson can rebuild exactly the data a starting point
/// was trained on, and the data it was not (its held-out part, and the target half).
public enum PretrainingData: String, Sendable, CaseIterable {
    /// The clean source half of the digits training split, all 10 classes.
    case digitsSourceHalf = "digits-source-half"
    /// Digits 0–4 of the digits training split.
    case digits0to4 = "digits-0-4"
    /// English words as next-character data.
    case englishWords = "english-words"
    /// Language identification, English vs Spanish, balanced.
    case languageID = "language-id"

    /// The seed of the one digits split every lesson uses (70/30: 1257 train, 540 test).
    public static let digitsSplitSeed: UInt64 = 0
    /// The seed of the partition of that training split into a source and a target half.
    public static let digitsHalvesSeed: UInt64 = 1
    /// The source half's and the target half's sizes (629 + 628 = 1257).
    public static let digitsHalfSizes = [629, 628]
    /// The seed of the English words' train/held-out split (90/10).
    public static let wordsSplitSeed: UInt64 = 0
    /// The seed that draws the language-identification words, and the seed of its 80/20 split.
    public static let languageIDSeed: UInt64 = 0
    public static let languageIDCount = 10000

    /// The digits split: `try Digits.load(layout:).stratifiedSplit(train: 0.7, seed: 0)`.
    public static func digitsSplit(layout: Digits.Layout = .flat, from directory: URL? = nil) throws -> Split {
        try Digits.load(from: directory, layout: layout).stratifiedSplit(train: 0.7, seed: digitsSplitSeed)
    }

    /// The two halves of the digits training split and the test split:
    ///
    ///     let split = try Digits.load().stratifiedSplit(train: 0.7, seed: 0)
    ///     var rng = RNG(seed: 1)
    ///     let halves = split.train.stratifiedPartition(sizes: [629, 628], rng: &rng)
    ///     // source = halves[0] (what mlp-digits learned), target = halves[1], test = split.test
    ///
    /// A transfer lesson fine-tunes on (a shifted copy of) `target` and scores on `test`.
    public static func digitsHalves(layout: Digits.Layout = .flat, from directory: URL? = nil) throws
        -> (source: Dataset, target: Dataset, test: Dataset) {
        let split = try digitsSplit(layout: layout, from: directory)
        var rng = RNG(seed: digitsHalvesSeed)
        let halves = split.train.stratifiedPartition(sizes: digitsHalfSizes, rng: &rng)
        return (halves[0].renamed("digits source half"), halves[1].renamed("digits target half"), split.test)
    }

    /// English next-character data, split 90/10 into training and held-out words:
    ///
    ///     var rng = RNG(seed: 0)
    ///     let (train, test) = try Words.charLM(.english).randomSplit(train: 0.9, rng: &rng)
    public static func englishSplit(from directory: URL? = nil) throws -> (train: SequenceData, test: SequenceData) {
        var rng = RNG(seed: wordsSplitSeed)
        return try Words.charLM(.english, from: directory).randomSplit(train: 0.9, rng: &rng)
    }

    /// Balanced language identification (10,000 of the 20,000 words), split 80/20:
    ///
    ///     var rng = RNG(seed: 0)
    ///     let words = try Words.languageID(count: 10000, spanishShare: 0.5, rng: &rng)
    ///     let split = words.stratifiedSplit(train: 0.8, seed: 0)    // 8000 / 2000
    public static func languageIDSplit(from directory: URL? = nil) throws -> Split {
        var rng = RNG(seed: languageIDSeed)
        let words = try Words.languageID(count: languageIDCount, spanishShare: 0.5, rng: &rng, from: directory)
        return words.stratifiedSplit(train: 0.8, seed: languageIDSeed)
    }

    /// The training data and the held-out data it is scored on.
    public func load(from directory: URL? = nil) throws -> (train: TaskData, heldOut: TaskData) {
        switch self {
        case .digitsSourceHalf:
            let h = try Self.digitsHalves(from: directory)
            return (.examples(h.source), .examples(h.test))
        case .digits0to4:
            let s = try Self.digitsSplit(from: directory)
            return (.examples(s.train.subset(classes: 0...4, relabel: true)),
                    .examples(s.test.subset(classes: 0...4, relabel: true)))
        case .englishWords:
            let (train, test) = try Self.englishSplit(from: directory)
            return (.sequences(train), .sequences(test))
        case .languageID:
            let s = try Self.languageIDSplit(from: directory)
            return (.examples(s.train), .examples(s.test))
        }
    }

    /// The recipe in words (kept in each file's metadata and in datasets/README.md).
    public var recipe: String {
        switch self {
        case .digitsSourceHalf:
            "digits (pixels / 16), stratifiedSplit(train: 0.7, seed: 0) → 1257 train / 540 test; "
                + "train.stratifiedPartition(sizes: [629, 628], rng: RNG(seed: 1))[0] = the clean source half (629, 10 classes)"
        case .digits0to4:
            "digits (pixels / 16), stratifiedSplit(train: 0.7, seed: 0); train.subset(classes: 0...4, relabel: true)"
        case .englishWords:
            "Words.charLM(.english) (context 13, one window per word), randomSplit(train: 0.9, rng: RNG(seed: 0)) → 9000 words"
        case .languageID:
            "Words.languageID(count: 10000, spanishShare: 0.5, rng: RNG(seed: 0)), stratifiedSplit(train: 0.8, seed: 0) → 8000 words"
        }
    }

    /// What the held-out score is measured on.
    public var heldOutDescription: String {
        switch self {
        case .digitsSourceHalf: "the 540 test digits (clean, 10 classes)"
        case .digits0to4: "the test digits 0–4"
        case .englishWords: "the 1000 held-out English words (next character)"
        case .languageID: "the 2000 held-out words (1000 English, 1000 Spanish)"
        }
    }
}

extension Dataset {
    func renamed(_ name: String) -> Dataset {
        var copy = self
        copy.name = name
        return copy
    }
}
