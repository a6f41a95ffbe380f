import ThawTensor

/// A fully connected layer, `y = x · Wᵀ + b`, with PyTorch's layout and initialisation:
/// weight `[out, in]`, bias `[out]`, both U(±1/√in).
///
/// ```swift
/// let layer = Linear(64, 128, rng: &rng)
/// let y = layer(x)          // x: [batch, 64] → y: [batch, 128]
/// ```
open class Linear: Module {
    public let inFeatures: Int
    public let outFeatures: Int
    public let weight: Tensor
    public let bias: Tensor?

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, rng: inout RNG) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = Tensor.kaimingUniform([outFeatures, inFeatures], fanIn: inFeatures, rng: &rng)
        self.bias = bias ? Tensor.kaimingUniform([outFeatures], fanIn: inFeatures, rng: &rng) : nil
        super.init()
        addParameter("weight", weight)
        if let b = self.bias { addParameter("bias", b) }
    }

    /// Wraps existing tensors (used when loading, merging LoRA, or building from a fixture).
    public init(weight: Tensor, bias: Tensor?, trainable: Bool = true) {
        precondition(weight.rank == 2, "Linear weight must be [out, in], got \(weight.shape)")
        inFeatures = weight.shape[1]
        outFeatures = weight.shape[0]
        self.weight = weight
        self.bias = bias
        super.init()
        addParameter("weight", weight, trainable: trainable)
        if let bias { addParameter("bias", bias, trainable: trainable) }
    }

    open override func forward(_ x: Tensor) -> Tensor { x.linear(weight, bias: bias) }

    open override var summary: String { "\(inFeatures)→\(outFeatures)" }
}
