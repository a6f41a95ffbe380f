/// Stops when the validation metric has not improved for `patience` epochs, and (by default)
/// puts back the weights of the best epoch, so the model you keep is the best one seen.
public final class EarlyStopping: Callback {
    public enum Monitor: String, Sendable { case validLoss = "valid loss", validAccuracy = "valid accuracy" }

    public let patience: Int
    public let monitor: Monitor
    public let restoreBest: Bool
    public private(set) var bestEpoch: Int?
    public private(set) var bestValue: Double?
    private var best: Snapshot?
    public var order: Int { 80 }

    public init(patience: Int, monitor: Monitor = .validLoss, restoreBest: Bool = true) {
        self.patience = patience
        self.monitor = monitor
        self.restoreBest = restoreBest
    }

    public func beforeFit(_ learner: Learner) {
        precondition(learner.valid != nil, "early stopping needs validation data")
        bestEpoch = nil; bestValue = nil; best = nil
    }

    public func afterEpoch(_ learner: Learner) {
        guard let record = learner.history.epochs.last, record.epoch == learner.epoch + 1,
              let value = monitor == .validLoss ? record.validLoss : record.validAccuracy else { return }
        let better = bestValue.map { monitor == .validLoss ? value < $0 : value > $0 } ?? true
        if better {
            bestValue = value
            bestEpoch = record.epoch
            best = Snapshot(learner.model)
        } else if let bestEpoch, record.epoch - bestEpoch >= patience {
            learner.requestStop(.noImprovement(metric: monitor.rawValue, bestEpoch: bestEpoch, patience: patience))
        }
    }

    public func afterFit(_ learner: Learner) {
        if restoreBest, let best { best.restore(into: learner.model) }
    }
}
