import ThawTensor

/// Normalises each vector over its last dimension to zero mean and unit variance, then
/// scales and shifts by learned `weight` (ones) and `bias` (zeros): PyTorch's `nn.LayerNorm`.
public final class LayerNorm: Module {
    public let eps: Float
    public var weight: Tensor { ownParameter("weight")! }
    public var bias: Tensor { ownParameter("bias")! }
    public var dim: Int { weight.count }

    public init(_ dim: Int, eps: Float = 1e-5) {
        self.eps = eps
        super.init()
        addParameter("weight", Tensor.ones([dim]))
        addParameter("bias", Tensor.zeros([dim]))
    }

    private init(configurationOf other: LayerNorm) {
        eps = other.eps
        super.init()
    }

    public override func copyConfiguration() -> Module { LayerNorm(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor { x.layerNorm(weight: weight, bias: bias, eps: eps) }

    public override var summary: String { "\(dim)" }
}
