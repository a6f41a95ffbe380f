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
    /// Set by ``restoreState(tensors:text:)``: the next `fit` goes on from it, not from nothing.
    private var resumed = false
    public var order: Int { 80 }

    public init(patience: Int, monitor: Monitor = .validLoss, restoreBest: Bool = true) {
        self.patience = patience
        self.monitor = monitor
        self.restoreBest = restoreBest
    }

    public func beforeFit(_ learner: Learner) {
        precondition(learner.valid != nil, "early stopping needs validation data")
        if resumed { resumed = false; return }
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

/// A checkpoint keeps the best epoch, its score and its weights, so that a resumed run stops
/// when the uninterrupted one would, and restores the same weights.
extension EarlyStopping: ResumableCallback {
    public static var checkpointKey: String { "early_stopping" }

    public func checkpointState() -> (tensors: [String: SafeTensors.Entry], text: String) {
        guard let best, let bestEpoch, let bestValue else { return ([:], "none") }
        let tensors = Dictionary(uniqueKeysWithValues: best.paths.map { ($0, SafeTensors.Entry(shape: best.shapes[$0] ?? [], values: best.values[$0] ?? [])) })
        // A Double's description reads back as the same Double.
        return (tensors, "\(bestEpoch),\(bestValue),\(best.paths.joined(separator: " "))")
    }

    public func restoreState(tensors: [String: SafeTensors.Entry], text: String) throws {
        resumed = true
        guard text != "none" else { bestEpoch = nil; bestValue = nil; best = nil; return }
        let parts = text.split(separator: ",", maxSplits: 2).map(String.init)
        guard parts.count == 3, let epoch = Int(parts[0]), let value = Double(parts[1]) else {
            throw Checkpoint.LoadError(file: "", problem: "its early-stopping state is damaged")
        }
        let paths = parts[2].split(separator: " ").map(String.init)
        guard paths.allSatisfy({ tensors[$0] != nil }) else {
            throw Checkpoint.LoadError(file: "", problem: "its early-stopping state lacks some of the best weights")
        }
        bestEpoch = epoch
        bestValue = value
        best = Snapshot(values: tensors.mapValues(\.values), shapes: tensors.mapValues(\.shape), paths: paths)
    }
}
