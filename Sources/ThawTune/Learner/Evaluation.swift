import ThawNN
import ThawTensor

/// A model's loss and predictions on a data set, computed in evaluation mode without gradients.
public struct Evaluation: Sendable {
    public let loss: Double
    public let predictions: [Int]
    public let targets: [Int]
    /// False when `interrupt` stopped the pass before the last batch: the numbers cover only
    /// the batches before it.
    public var complete = true

    /// Fraction of targets predicted exactly (targets equal to `ignored` do not count).
    public var accuracy: Double { Metrics.accuracy(predictions, targets) }

    /// Runs `model` over `source`; the model's mode is restored afterwards. With `ignoring`, the
    /// loss is the mean over the targets that are not `ignored` (the loss function must skip them too).
    public static func run(_ model: Module, on source: BatchSource,
                           lossFunction: (Tensor, Batch) -> Tensor = { Loss.crossEntropy($0, $1.targets) },
                           ignoring ignored: Int? = nil, interrupt: (() -> Bool)? = nil) -> Evaluation {
        let wasTraining = model.isTraining
        model.eval()
        defer { if wasTraining { model.train() } }
        var scratch = RNG(seed: 0)
        var lossSum = 0.0, weight = 0
        var predictions: [Int] = [], targets: [Int] = []
        var complete = true
        Tensor.withoutGrad {
            for b in source.makeEpoch(&scratch) {
                // Between batches, so that Ctrl-C answers within one batch on any model.
                if interrupt?() == true { complete = false; break }
                let out = model(b.inputs)
                // A batch's loss is a mean over the targets that count, so it weighs that many:
                // batches with more padding must not weigh more.
                let counted = ignored.map { i in b.targets.reduce(0) { $0 + ($1 == i ? 0 : 1) } } ?? b.targets.count
                if counted > 0 {
                    lossSum += Double(lossFunction(out, b).item) * Double(counted)
                    weight += counted
                }
                for (p, t) in zip(out.argmax(axis: -1), b.targets) where t != ignored {
                    predictions.append(p)
                    targets.append(t)
                }
            }
        }
        var evaluation = Evaluation(loss: weight == 0 ? .nan : lossSum / Double(weight),
                                    predictions: predictions, targets: targets)
        evaluation.complete = complete
        return evaluation
    }
}
