import ThawTensor

/// One hidden layer of a deep MLP: `y = act(linear(norm(x)))`, and `x + y` when residual.
///
/// The norm (a `LayerNorm`, optional) comes before the linear layer ("pre-norm"), so a
/// residual block adds to `x` something computed from a normalised copy of it: the sum
/// `x + …` carries the signal, and its gradient, past every block unchanged. Children
/// `norm` and `linear` give PyTorch's names (`1.norm.weight`, `1.linear.weight`).
public final class MLPBlock: Module {
    public let activation: ActivationKind
    public let residual: Bool
    public var linear: Module { child("linear", as: Module.self) }
    public var norm: Module? { children.first { $0.name == "norm" }?.module }

    public init(_ linear: Linear, norm: Bool, residual: Bool, activation: ActivationKind) {
        precondition(!residual || linear.inFeatures == linear.outFeatures,
                     "a residual block adds its input to its output: \(linear.inFeatures)→\(linear.outFeatures) cannot")
        self.activation = activation
        self.residual = residual
        super.init()
        if norm { addChild("norm", LayerNorm(linear.inFeatures)) }
        addChild("linear", linear)
    }

    private init(configurationOf other: MLPBlock) {
        activation = other.activation
        residual = other.residual
        super.init()
    }

    public override func copyConfiguration() -> Module { MLPBlock(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        let y = activation.apply(linear(norm.map { $0(x) } ?? x))
        return residual ? x + y : y
    }

    public override var summary: String {
        (norm == nil ? "" : "norm, ") + "\(linear.summary)" + (residual ? ", residual" : "")
    }
}
