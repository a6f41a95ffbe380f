import ThawNN

/// ULMFiT's gradual unfreezing: the run starts with only the top layer group trainable, and
/// every `every` epochs (or every `everySteps` steps) the next group down is unfrozen. Newly
/// trainable parameters start with fresh optimizer state at their first step.
///
/// Together with discriminative rates (`RateSpec.decay(top:factor: 2.6)`) and a slanted
/// triangular schedule this is the ULMFiT recipe.
public final class GradualUnfreezing: Callback {
    public enum Interval: Sendable, Equatable { case epochs(Int), steps(Int) }
    public let interval: Interval
    /// How many groups (from the top) are trainable now.
    public private(set) var unfrozenGroups = 0
    /// (step, groups trainable from then on), for plots and tables.
    public private(set) var timeline: [(step: Int, groups: Int)] = []
    public var order: Int { 5 }

    public init(every interval: Interval = .epochs(1)) { self.interval = interval }

    public func beforeFit(_ learner: Learner) {
        unfrozenGroups = 0
        timeline = []
        unfreezeNext(learner)
    }

    public func beforeEpoch(_ learner: Learner) {
        if case let .epochs(k) = interval, learner.epoch > 0, learner.epoch % max(k, 1) == 0 { unfreezeNext(learner) }
    }

    public func beforeBatch(_ learner: Learner) {
        if case let .steps(k) = interval, learner.step > 0, learner.step % max(k, 1) == 0 { unfreezeNext(learner) }
    }

    func unfreezeNext(_ learner: Learner) {
        let groups = learner.model.layerGroups.count
        guard unfrozenGroups < groups else { return }
        unfrozenGroups += 1
        try? learner.model.freezeTo(groups - unfrozenGroups)
        timeline.append((learner.step, unfrozenGroups))
    }
}
