#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The numbers learners read off a model.
public enum Metrics {
    /// Fraction of `predictions` equal to `targets` (0 for no examples).
    public static func accuracy(_ predictions: [Int], _ targets: [Int]) -> Double {
        precondition(predictions.count == targets.count, "accuracy: \(predictions.count) predictions for \(targets.count) targets")
        guard !targets.isEmpty else { return 0 }
        return Double(zip(predictions, targets).filter { $0 == $1 }.count) / Double(targets.count)
    }

    /// e^loss: the effective number of equally likely choices a language model hesitates between.
    public static func perplexity(meanLoss: Double) -> Double { exp(meanLoss) }

    /// The mean loss in bits instead of nats: how many bits per character the model needs.
    public static func bitsPerCharacter(meanLoss: Double) -> Double { meanLoss / log(2) }
}

/// Counts of (true class, predicted class) pairs, with per-class precision, recall and F1.
public struct ConfusionMatrix: Sendable, Equatable {
    public let classes: Int
    /// `counts[truth][predicted]`.
    public private(set) var counts: [[Int]]

    public init(classes: Int, predictions: [Int], targets: [Int]) {
        precondition(predictions.count == targets.count, "confusion: \(predictions.count) predictions for \(targets.count) targets")
        let n = max(classes, (predictions + targets).max().map { $0 + 1 } ?? 0)
        self.classes = n
        counts = Array(repeating: Array(repeating: 0, count: n), count: n)
        for (p, t) in zip(predictions, targets) where p >= 0 && t >= 0 { counts[t][p] += 1 }
    }

    public func truePositives(_ c: Int) -> Int { counts[c][c] }
    /// How many were predicted as `c`.
    public func predicted(_ c: Int) -> Int { counts.reduce(0) { $0 + $1[c] } }
    /// How many truly are `c`.
    public func actual(_ c: Int) -> Int { counts[c].reduce(0, +) }

    /// Of the examples predicted `c`, the fraction that are `c` (0 when none were predicted).
    public func precision(_ c: Int) -> Double { ratio(truePositives(c), predicted(c)) }
    /// Of the examples that are `c`, the fraction found (0 when there are none).
    public func recall(_ c: Int) -> Double { ratio(truePositives(c), actual(c)) }
    /// The harmonic mean of precision and recall.
    public func f1(_ c: Int) -> Double {
        let (p, r) = (precision(c), recall(c))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Unweighted means over the classes that occur (as truth or prediction).
    public var macroPrecision: Double { macro(precision) }
    public var macroRecall: Double { macro(recall) }
    public var macroF1: Double { macro(f1) }

    public var accuracy: Double {
        let total = counts.reduce(0) { $0 + $1.reduce(0, +) }
        return ratio((0..<classes).reduce(0) { $0 + counts[$1][$1] }, total)
    }

    private func macro(_ f: (Int) -> Double) -> Double {
        let present = (0..<classes).filter { actual($0) > 0 || predicted($0) > 0 }
        return present.isEmpty ? 0 : present.reduce(0) { $0 + f($1) } / Double(present.count)
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
