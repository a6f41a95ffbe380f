import ThawTensor

/// A fully connected layer, `y = x · Wᵀ + b`, with PyTorch's layout and initialisation:
/// weight `[out, in]`, bias `[out]`, both U(±1/√in).
///
/// ```swift
/// let layer = Linear(64, 128, rng: &rng)
/// let y = layer(x)          // x: [batch, 64] → y: [batch, 128]
/// ```
open class Linear: Module {
    // The parameters are read from the parameter list, never cached, like children are.
    public var weight: Tensor { ownParameter("weight")! }
    public var bias: Tensor? { ownParameter("bias") }
    public var inFeatures: Int { weight.shape[1] }
    public var outFeatures: Int { weight.shape[0] }

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, rng: inout RNG) {
        let weight = Tensor.kaimingUniform([outFeatures, inFeatures], fanIn: inFeatures, rng: &rng)
        let bias = bias ? Tensor.kaimingUniform([outFeatures], fanIn: inFeatures, rng: &rng) : nil
        super.init()
        addParameter("weight", weight)
        if let bias { addParameter("bias", bias) }
    }

    /// Wraps existing tensors (used when loading, merging LoRA, or building from a fixture).
    public init(weight: Tensor, bias: Tensor?, trainable: Bool = true) {
        precondition(weight.rank == 2, "Linear weight must be [out, in], got \(weight.shape)")
        super.init()
        addParameter("weight", weight, trainable: trainable)
        if let bias { addParameter("bias", bias, trainable: trainable) }
    }

    /// For `copyConfiguration`: a Linear whose parameters `deepCopy` adds (subclasses chain to it).
    public init(configurationOf other: Linear) { super.init() }

    open override func copyConfiguration() -> Module { Linear(configurationOf: self) }

    open override func forward(_ x: Tensor) -> Tensor { x.linear(weight, bias: bias) }

    open override var summary: String { "\(inFeatures)→\(outFeatures)" }
}
