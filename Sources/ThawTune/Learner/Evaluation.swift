import ThawNN
import ThawTensor

/// A model's loss and predictions on a data set, computed in evaluation mode without gradients.
public struct Evaluation: Sendable {
    public let loss: Double
    public let predictions: [Int]
    public let targets: [Int]

    /// Fraction of targets predicted exactly (targets equal to `ignored` do not count).
    public var accuracy: Double { Metrics.accuracy(predictions, targets) }

    /// Runs `model` over `source`; the model's mode is restored afterwards.
    public static func run(_ model: Module, on source: BatchSource,
                           lossFunction: (Tensor, Batch) -> Tensor = { Loss.crossEntropy($0, $1.targets) },
                           ignoring ignored: Int? = nil) -> Evaluation {
        let wasTraining = model.isTraining
        model.eval()
        defer { if wasTraining { model.train() } }
        var scratch = RNG(seed: 0)
        var lossSum = 0.0, weight = 0
        var predictions: [Int] = [], targets: [Int] = []
        Tensor.withoutGrad {
            for b in source.makeEpoch(&scratch) {
                let out = model(b.inputs)
                lossSum += Double(lossFunction(out, b).item) * Double(b.targets.count)
                weight += b.targets.count
                for (p, t) in zip(out.argmax(axis: -1), b.targets) where t != ignored {
                    predictions.append(p)
                    targets.append(t)
                }
            }
        }
        return Evaluation(loss: weight == 0 ? .nan : lossSum / Double(weight),
                          predictions: predictions, targets: targets)
    }
}
