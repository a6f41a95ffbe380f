import ThawNN
import ThawOptim
import ThawTensor

/// Smith's learning-rate range test ("Cyclical Learning Rates for Training Neural Networks",
/// 2017), as fastai's `lr_find` runs it: train a *copy* of the model for a few steps while the
/// rate grows exponentially from `start` to `end`, smooth the loss with a bias-corrected
/// exponential moving average (β 0.98), and stop once the smoothed loss exceeds 4 × its
/// minimum. The model itself is never touched.
///
/// The suggestion is fastai's `lr_min` rule: the rate at the smoothed loss's minimum,
/// divided by 10 (a rate that still learns fast, well below the point where the loss turns).
public enum RateFinder {
    /// How the sweep runs; the defaults are the prototype's (1e-6 to 1 over 100 steps).
    public struct Settings: Sendable, Equatable {
        public var start: Double = 1e-6
        public var end: Double = 1
        public var steps = 100
        /// The smoothing of the loss (fastai's `beta`).
        public var beta = 0.98
        /// Stop once the smoothed loss is above this many times its minimum.
        public var stopFactor = 4.0
        public init(start: Double = 1e-6, end: Double = 1, steps: Int = 100) {
            self.start = start
            self.end = end
            self.steps = steps
        }

        /// The rate at step `i` (0-based): `start · (end/start)^(i/(steps−1))`.
        public func rate(at i: Int) -> Double {
            guard steps > 1 else { return start }
            return start * powD(end / start, Double(i) / Double(steps - 1))
        }
    }

    /// Sweeps the rate on a deep copy of `model`. `plan` gives the optimizer, batch size,
    /// momentum and weight decay; its budget, rates and schedule are replaced by the sweep's.
    public static func sweep(_ model: Module, on task: TaskData, plan: TrainingPlan, settings: Settings,
                             rng: RNG, interrupt: (() -> Bool)? = nil) throws -> RateSweep {
        var plan = plan
        plan.budget = .steps(settings.steps)
        plan.rates = .single(Float(settings.start))
        plan.schedule = .constant
        plan.warmupSteps = 0
        plan.patience = nil
        plan.gradualUnfreezing = nil
        let copy = model.deepCopy()
        let learner = try Learner(model: copy, task: task, plan: plan, rng: rng, name: "rate sweep")
        learner.interrupt = interrupt
        let recorder = SweepRecorder(settings)
        learner.add(recorder)
        learner.fit()
        let diverged = if case .diverged = learner.stopReason { true } else { false }
        return RateSweep(rates: recorder.rates, losses: recorder.losses, smoothed: recorder.smoothed,
                         settings: settings, diverged: diverged, interrupted: learner.stopReason == .interrupted)
    }
}

/// What a sweep measured, step by step, and what it suggests.
public struct RateSweep: Sendable, Equatable {
    /// The rate of each step taken, rising.
    public var rates: [Double]
    /// The loss of each step's batch, and its bias-corrected moving average.
    public var losses: [Double]
    public var smoothed: [Double]
    public var settings: RateFinder.Settings
    /// True when the loss became nan or infinite (the step that did it is not recorded).
    public var diverged: Bool
    /// True when Ctrl-C cut the sweep short.
    public var interrupted: Bool

    public init(rates: [Double], losses: [Double], smoothed: [Double], settings: RateFinder.Settings,
                diverged: Bool = false, interrupted: Bool = false) {
        self.rates = rates
        self.losses = losses
        self.smoothed = smoothed
        self.settings = settings
        self.diverged = diverged
        self.interrupted = interrupted
    }

    /// The step at which the smoothed loss was lowest (nil for an empty sweep).
    public var minimumIndex: Int? { smoothed.indices.min { smoothed[$0] < smoothed[$1] } }
    /// The rate at which the smoothed loss was lowest.
    public var minimumRate: Double? { minimumIndex.map { rates[$0] } }
    /// The lowest smoothed loss.
    public var minimumLoss: Double? { minimumIndex.map { smoothed[$0] } }
    /// The suggested rate: the minimum's rate divided by 10.
    public var suggestion: Double? { minimumRate.map { $0 / 10 } }
    /// True when the loss blew up (above `stopFactor` × its minimum) before the sweep's end.
    public var blewUp: Bool {
        guard let last = smoothed.last, let low = minimumLoss else { return diverged }
        return diverged || !last.isFinite || last > settings.stopFactor * low
    }
}

/// Sets every group's rate before each step and keeps the loss after it.
final class SweepRecorder: Callback {
    let settings: RateFinder.Settings
    var rates: [Double] = [], losses: [Double] = [], smoothed: [Double] = []
    private var average = 0.0
    private var best = Double.infinity

    init(_ settings: RateFinder.Settings) { self.settings = settings }

    var order: Int { 10 }

    func beforeBatch(_ learner: Learner) {
        let lr = Float(settings.rate(at: learner.step))
        for i in learner.optimizer.groups.indices {
            learner.optimizer.groups[i].lr = lr
            learner.optimizer.groups[i].baseLR = lr
        }
    }

    func afterStep(_ learner: Learner) {
        guard let loss = learner.history.steps.last?.loss else { return }
        let i = rates.count
        rates.append(settings.rate(at: i))
        losses.append(Double(loss))
        average = settings.beta * average + (1 - settings.beta) * Double(loss)
        let value = average / (1 - powD(settings.beta, Double(i + 1)))
        smoothed.append(value)
        best = min(best, value)
        if !value.isFinite || value > settings.stopFactor * best {
            learner.requestStop(.requested("the smoothed loss passed \(settings.stopFactor) × its minimum"))
        }
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func powD(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
#else
import Foundation
@inline(__always) func powD(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
#endif
