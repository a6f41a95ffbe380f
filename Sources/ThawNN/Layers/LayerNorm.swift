import ThawTensor

/// Normalises each vector over its last dimension to zero mean and unit variance, then
/// scales and shifts by learned `weight` (ones) and `bias` (zeros): PyTorch's `nn.LayerNorm`.
public final class LayerNorm: Module {
    public let dim: Int
    public let eps: Float
    public let weight: Tensor
    public let bias: Tensor

    public init(_ dim: Int, eps: Float = 1e-5) {
        self.dim = dim
        self.eps = eps
        weight = Tensor.ones([dim])
        bias = Tensor.zeros([dim])
        super.init()
        addParameter("weight", weight)
        addParameter("bias", bias)
    }

    public override func forward(_ x: Tensor) -> Tensor { x.layerNorm(weight: weight, bias: bias, eps: eps) }

    public override var summary: String { "\(dim)" }
}
