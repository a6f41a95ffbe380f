/// Scores the source task during fine-tuning on a new one: before the first step and after
/// every epoch it records accuracy on the source data as `source accuracy` (and the drop
/// from the start as `source forgetting`), so learners watch the old task fall as the new one rises.
public final class ForgettingMeter: Callback {
    public let source: BatchSource
    public let name: String
    public private(set) var initialAccuracy: Double?
    public private(set) var accuracies: [Double] = []
    public var order: Int { 60 }

    public init(source: BatchSource, name: String = "source") {
        self.source = source
        self.name = name
    }

    public func beforeFit(_ learner: Learner) {
        initialAccuracy = learner.evaluate(source).accuracy
        accuracies = []
    }

    public func afterEpoch(_ learner: Learner) {
        let acc = learner.evaluate(source).accuracy
        accuracies.append(acc)
        guard var last = learner.history.epochs.popLast() else { return }
        last.extra["\(name) accuracy"] = acc
        // Named per dataset: a run tracks the old task and the new one, and the new one's
        // "forgetting" (a gain, negative) must not overwrite the old one's.
        last.extra["\(name) forgetting"] = (initialAccuracy ?? acc) - acc
        learner.history.epochs.append(last)
    }

    /// How much source accuracy was lost from the start to the end (0 if nothing was recorded).
    public var forgetting: Double { (initialAccuracy ?? 0) - (accuracies.last ?? initialAccuracy ?? 0) }
}
