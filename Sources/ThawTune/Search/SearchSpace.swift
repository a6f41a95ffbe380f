import Foundation
import ThawTensor

/// Where a hyperparameter search puts its trials: each searched setting ranges over
/// [low, high] on a log scale (rates and strengths span powers of ten).
///
/// - A **grid** of k points per setting takes the centres of k equal bins of the log range
///   (so none sits on an end), every combination: k^d trials for d settings.
/// - **Random** search draws each trial's settings log-uniformly and independently
///   (Bergstra and Bengio 2012): with the same budget it tries as many distinct values of each
///   setting as there are trials, where a grid tries only k.
public struct SearchSpace: Sendable, Equatable {
    public struct Axis: Sendable, Equatable {
        public var name: String
        public var low: Double
        public var high: Double
        public init(_ name: String, low: Double, high: Double) {
            self.name = name
            self.low = low
            self.high = high
        }
    }

    public var axes: [Axis]

    public init(_ axes: [Axis]) { self.axes = axes }

    /// The points per setting of a grid of `trials` trials, when `trials` is a whole power
    /// k^d of it (d the number of settings), else nil.
    public func gridSide(trials: Int) -> Int? {
        guard !axes.isEmpty, trials > 0 else { return nil }
        let k = Int((pow(Double(trials), 1 / Double(axes.count))).rounded())
        let power = (0..<axes.count).reduce(1) { p, _ in p * k }
        return power == trials ? k : nil
    }

    /// Every combination of `side` bin centres per setting; the last setting varies fastest.
    public func grid(side: Int) -> [[Double]] {
        let values = axes.map { axis in
            (0..<side).map { i in logPoint(axis, (Double(i) + 0.5) / Double(side)) }
        }
        var points: [[Double]] = [[]]
        for column in values { points = points.flatMap { p in column.map { p + [$0] } } }
        return points
    }

    /// `trials` points drawn log-uniformly from `rng`.
    public func random(trials: Int, rng: inout RNG) -> [[Double]] {
        (0..<trials).map { _ in axes.map { logPoint($0, Double(rng.next() >> 11) * 0x1p-53) } }
    }

    /// The value a fraction `t` of the way from `low` to `high` on a log scale.
    func logPoint(_ axis: Axis, _ t: Double) -> Double {
        let (a, b) = (log10(axis.low), log10(axis.high))
        return pow(10, a + t * (b - a))
    }
}
