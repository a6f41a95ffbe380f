import ThawTensor

/// The training objectives. Each is a thin, named front to a fused tensor op.
public enum Loss {
    /// Mean cross-entropy of `logits` `[N, C]` (or `[..., C]`) against class `targets`,
    /// as PyTorch's `F.cross_entropy`: optional per-class weights, label smoothing, and a
    /// target value to ignore (padding in language models).
    public static func crossEntropy(_ logits: Tensor, _ targets: [Int], classWeights: [Float]? = nil,
                                    labelSmoothing: Float = 0, ignoreIndex: Int? = nil) -> Tensor {
        logits.crossEntropy(targets: targets, classWeights: classWeights,
                            labelSmoothing: labelSmoothing, ignoreIndex: ignoreIndex)
    }

    /// Mean squared error.
    public static func mse(_ prediction: Tensor, _ target: Tensor) -> Tensor { prediction.mseLoss(target) }

    /// The squared error of `outputs` `[N, C]` against one-hot class `targets`, averaged over
    /// all N·C entries (PyTorch's `F.mse_loss(outputs, one_hot(targets))`): classification as
    /// regression onto the corners of the unit cube, without a softmax.
    public static func squaredErrorToOneHot(_ outputs: Tensor, _ targets: [Int]) -> Tensor {
        let c = outputs.shape[outputs.rank - 1]
        var oneHot = [Float](repeating: 0, count: outputs.count)
        for (row, t) in targets.enumerated() { oneHot[row * c + t] = 1 }
        return outputs.mseLoss(Tensor(oneHot, shape: outputs.shape))
    }
}

/// What a classifier is trained to minimise.
public enum TrainingLoss: Sendable, Equatable {
    /// Cross-entropy against the labels.
    case crossEntropy
    /// Cross-entropy against labels softened by this amount: the true class gets 1 − ε + ε/C
    /// and every other class ε/C (Szegedy et al. 2016).
    case labelSmoothing(Float)
    /// Squared error between the outputs and one-hot labels.
    case squaredError
}
