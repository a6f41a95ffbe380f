/// The named moments of a training run, in order:
///
///     beforeFit
///       beforeEpoch
///         beforeBatch → (forward, loss) → afterLoss → (backward) → afterBackward
///           → (optimizer step) → afterStep → afterBatch
///       afterEpoch
///     afterFit
///
/// Features such as schedules, clipping, early stopping, checkpoints, gradual unfreezing and
/// forgetting defences are callbacks on these events (fastai's design).
public enum TrainingEvent: String, CaseIterable, Sendable {
    case beforeFit, beforeEpoch, beforeBatch, afterLoss, afterBackward, afterStep, afterBatch, afterEpoch, afterFit
}

/// Something that acts at training events. Every method has an empty default.
///
/// Callbacks run sorted by `order` (lower first); callbacks of equal order run in the order
/// they were added.
public protocol Callback: AnyObject {
    /// Lower runs first. Schedules 10, regularisers 20, clipping 30, recording 50, stopping 80.
    var order: Int { get }
    func beforeFit(_ learner: Learner)
    func beforeEpoch(_ learner: Learner)
    func beforeBatch(_ learner: Learner)
    /// The loss is computed and backward has not run: may replace `learner.loss` with a
    /// larger one (a penalty such as EWC's or L2-SP's), whose gradient then flows too.
    func afterLoss(_ learner: Learner)
    /// Gradients are ready; may change them (clipping, EWC's pull) before the step.
    func afterBackward(_ learner: Learner)
    func afterStep(_ learner: Learner)
    func afterBatch(_ learner: Learner)
    func afterEpoch(_ learner: Learner)
    func afterFit(_ learner: Learner)
}

extension Callback {
    public var order: Int { 50 }
    public func beforeFit(_ learner: Learner) {}
    public func beforeEpoch(_ learner: Learner) {}
    public func beforeBatch(_ learner: Learner) {}
    public func afterLoss(_ learner: Learner) {}
    public func afterBackward(_ learner: Learner) {}
    public func afterStep(_ learner: Learner) {}
    public func afterBatch(_ learner: Learner) {}
    public func afterEpoch(_ learner: Learner) {}
    public func afterFit(_ learner: Learner) {}
}
