import ThawData
import ThawNN
import ThawTensor

/// Data a model trains or is scored on, with what the task implies: labelled examples
/// (classification, cross-entropy over classes) or next-character windows (language
/// modelling, cross-entropy that ignores padding). The one description of a task that the
/// shell, pretraining and recipes all build their Learners from.
public enum TaskData {
    case examples(Dataset)
    case sequences(SequenceData)

    public var name: String {
        get {
            switch self {
            case let .examples(d): d.name
            case let .sequences(s): s.name
            }
        }
        set {
            switch self {
            case var .examples(d): d.name = newValue; self = .examples(d)
            case var .sequences(s): s.name = newValue; self = .sequences(s)
            }
        }
    }

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

    /// Shuffled training batches, reshuffled every epoch; images changed at random when
    /// `augment` is given (it applies to images only).
    public func shuffled(size: Int, augment: Augment? = nil) -> BatchSource {
        switch self {
        case let .examples(d): augment.map { .shuffled(d, size: size, augment: $0) } ?? .shuffled(d, size: size)
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

    /// The loss a model of this data trains on: cross-entropy unless `loss` says otherwise,
    /// ignoring padding for text, with each class's examples weighted by `classWeights` when
    /// given (squared error takes no weights and no padding: it is for labelled examples).
    public func lossFunction(classWeights: [Float]? = nil, loss: TrainingLoss = .crossEntropy) -> (Tensor, Batch) -> Tensor {
        let smoothing: Float
        switch loss {
        case .crossEntropy: smoothing = 0
        case let .labelSmoothing(e): smoothing = e
        case .squaredError:
            precondition(ignoredTarget == nil && classWeights == nil, "squared error is for unweighted labelled examples")
            return { Loss.squaredErrorToOneHot($0, $1.targets) }
        }
        if let ignored = ignoredTarget {
            return { Loss.crossEntropy($0, $1.targets, labelSmoothing: smoothing, ignoreIndex: ignored) }
        }
        return { Loss.crossEntropy($0, $1.targets, classWeights: classWeights, labelSmoothing: smoothing) }
    }

    /// A model's loss and accuracy on this data (padding ignored for next-character data),
    /// in batches of `batchSize`, stopping early when `interrupt` says so (see `complete`).
    public func evaluate(_ model: Module, batchSize: Int = 256, interrupt: (() -> Bool)? = nil) -> Evaluation {
        Evaluation.run(model, on: inOrder(size: batchSize), lossFunction: lossFunction(), ignoring: ignoredTarget,
                       interrupt: interrupt)
    }

    /// The evaluation batch for `model`: 256 examples, fewer for a model so large that a
    /// batch of 256 would keep Ctrl-C waiting (at most about one training step's arithmetic).
    public static func evaluationBatch(for model: Module, flopsPerBatch: Double) -> Int {
        let perExample = max(model.cost().forwardFLOPsPerExample, 1)
        return max(1, min(256, Int(flopsPerBatch / perExample)))
    }
}
