/// Why a run ended before its budget: a value, so code can tell the cases apart without
/// reading the message.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// The shell's Ctrl-C (or another interrupt check) asked to stop.
    case interrupted
    /// The loss or the weights became NaN or infinite; the explanation names the step, the
    /// layer and the value, and says which weights the model kept.
    case diverged(String)
    /// Early stopping: the monitored metric had not improved on `bestEpoch`'s for `patience` epochs.
    case noImprovement(metric: String, bestEpoch: Int, patience: Int)
    /// A callback's own reason.
    case requested(String)

    /// True when the weights may not be worth keeping as they are.
    public var isFailure: Bool { if case .diverged = self { true } else { false } }

    public var description: String {
        switch self {
        case .interrupted: "interrupted"
        case let .diverged(explanation): explanation
        case let .noImprovement(metric, bestEpoch, patience):
            "early stopping: no better \(metric) than epoch \(bestEpoch)'s for \(patience) epochs"
        case let .requested(reason): reason
        }
    }
}
