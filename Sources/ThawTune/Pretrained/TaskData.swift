import ThawData
import ThawNN
import ThawTensor

/// Data a model trains or is scored on: labelled examples, or next-character windows.
public enum TaskData {
    case examples(Dataset)
    case sequences(SequenceData)

    public var count: Int {
        switch self {
        case let .examples(d): d.count
        case let .sequences(s): s.count
        }
    }

    /// True for next-character data, whose padding targets a loss must ignore.
    public var isLanguageModelling: Bool { if case .sequences = self { true } else { false } }

    /// The target value that does not count (padding in next-character data), if any.
    public var ignoredTarget: Int? { isLanguageModelling ? Vocabulary.pad : nil }

    /// Shuffled training batches, reshuffled every epoch.
    public func shuffled(size: Int) -> BatchSource {
        switch self {
        case let .examples(d): .shuffled(d, size: size)
        case let .sequences(s): .shuffled(s, size: size)
        }
    }

    /// Evaluation batches, in order.
    public func inOrder(size: Int = 256) -> BatchSource {
        switch self {
        case let .examples(d): .inOrder(d, size: size)
        case let .sequences(s): .inOrder(s, size: size)
        }
    }

    /// The loss a model of this data trains on: cross-entropy, ignoring padding for text.
    public var lossFunction: (Tensor, Batch) -> Tensor {
        let ignored = ignoredTarget
        return { Loss.crossEntropy($0, $1.targets, ignoreIndex: ignored) }
    }
}
