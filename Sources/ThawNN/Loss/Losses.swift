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
}
