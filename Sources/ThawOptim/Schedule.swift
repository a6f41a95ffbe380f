/// A learning-rate schedule: a pure function from the step (0-based) and the total number of
/// steps to a multiplier of each group's base learning rate. Pure, so a resumed run only
/// needs the step number to continue exactly, and plots can draw it ahead of time.
public enum Schedule: Sendable, Equatable, CustomStringConvertible {
    /// The base rate throughout.
    case constant
    /// Multiplied by `gamma` every `every` steps.
    case step(every: Int, gamma: Float)
    /// A straight line from 1 down to 0 over the run.
    case linear
    /// Half a cosine from 1 down to `floor` over the run.
    case cosine(floor: Float = 0)
    /// Linear warm-up from 0 over `steps`, then constant.
    case warmup(steps: Int)
    /// Smith's one-cycle: cosine up from base/25 to the base over the first `pctStart`,
    /// then cosine down to base/(25·10⁴).
    case oneCycle(pctStart: Float = 0.25)
    /// ULMFiT's slanted triangular rate (Howard & Ruder 2018): a short linear rise over the
    /// first `cutFrac` of the run, then a long linear decay; lowest rate = base/`ratio`.
    case slantedTriangular(cutFrac: Float = 0.1, ratio: Float = 32)

    /// The multiplier at `step` of `total` steps.
    public func multiplier(step: Int, total: Int) -> Float {
        let total = max(total, 1)
        let t = min(Float(step), Float(total))
        switch self {
        case .constant:
            return 1
        case .linear:
            return 1 - t / Float(total)
        case let .step(every, gamma):
            return _powf(gamma, Float(step / max(every, 1)))
        case let .cosine(floor):
            return floor + (1 - floor) * 0.5 * (1 + _cosf(Float.pi * t / Float(total)))
        case let .warmup(steps):
            return steps <= 0 ? 1 : min(1, Float(step + 1) / Float(steps))
        case let .oneCycle(pctStart):
            let up = max(1, Float(total) * pctStart)
            let (start, end): (Float, Float) = (1 / 25, 1 / (25 * 1e4))
            if t < up { return start + (1 - start) * 0.5 * (1 - _cosf(Float.pi * t / up)) }
            let frac = (t - up) / max(1, Float(total) - up)
            return end + (1 - end) * 0.5 * (1 + _cosf(Float.pi * frac))
        case let .slantedTriangular(cutFrac, ratio):
            // The formula of the ULMFiT paper, eq. 3.
            let cut = max(1, (Float(total) * cutFrac).rounded(.down))
            let p = t < cut ? t / cut : 1 - (t - cut) / (cut * (1 / cutFrac - 1))
            return (1 + max(p, 0) * (ratio - 1)) / ratio
        }
    }

    public var description: String {
        switch self {
        case .constant: "constant"
        case .linear: "linear decay"
        case let .step(every, gamma): "step every \(every) × \(gamma)"
        case let .cosine(floor): floor == 0 ? "cosine" : "cosine to \(floor)"
        case let .warmup(steps): "warm-up \(steps) steps"
        case let .oneCycle(pct): "one-cycle (\(pct) up)"
        case let .slantedTriangular(cut, ratio): "slanted triangular (cut \(cut), ratio \(ratio))"
        }
    }
}

extension Optimizer {
    /// Sets every group's rate to its base rate times the schedule's multiplier at `step`.
    public func applySchedule(_ schedule: Schedule, step: Int, total: Int) {
        let m = schedule.multiplier(step: step, total: total)
        for i in groups.indices { groups[i].lr = groups[i].baseLR * m }
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _powf(_ x: Float, _ y: Float) -> Float { Glibc.powf(x, y) }
@inline(__always) func _cosf(_ x: Float) -> Float { Glibc.cosf(x) }
#else
import Foundation
@inline(__always) func _powf(_ x: Float, _ y: Float) -> Float { Foundation.powf(x, y) }
@inline(__always) func _cosf(_ x: Float) -> Float { Foundation.cosf(x) }
#endif
