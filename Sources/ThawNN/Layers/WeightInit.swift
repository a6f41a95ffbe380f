import ThawTensor

/// How a linear layer's weights start. `uniform` is PyTorch's default for `nn.Linear`;
/// the others start the bias at zero, as `nn.init` users usually do.
public enum WeightInit: String, Sendable, CaseIterable {
    /// U(±1/√fan_in) for weight and bias (PyTorch's `nn.Linear`).
    case uniform
    /// N(0, 0.1²) whatever the layer's width: the naive choice that ignores depth and width.
    case normal
    /// Xavier (Glorot) uniform, U(±√(6/(fan_in+fan_out))): for tanh and sigmoid.
    case xavier
    /// Kaiming (He) normal, N(0, 2/fan_in): for ReLU, which halves the signal's variance.
    case kaiming

    /// The weight `[out, in]` and bias `[out]` of a new layer, drawn from `rng`.
    public func parameters(in fanIn: Int, out fanOut: Int, rng: inout RNG) -> (weight: Tensor, bias: Tensor) {
        let shape = [fanOut, fanIn]
        switch self {
        case .uniform:
            let w = Tensor.kaimingUniform(shape, fanIn: fanIn, rng: &rng)
            return (w, Tensor.kaimingUniform([fanOut], fanIn: fanIn, rng: &rng))
        case .normal: return (Tensor.randn(shape, std: 0.1, rng: &rng), Tensor.zeros([fanOut]))
        case .xavier: return (Tensor.xavierUniform(shape, fanIn: fanIn, fanOut: fanOut, rng: &rng), Tensor.zeros([fanOut]))
        case .kaiming: return (Tensor.kaimingNormal(shape, fanIn: fanIn, rng: &rng), Tensor.zeros([fanOut]))
        }
    }
}

extension Linear {
    /// A layer whose weights start as `initialization` says.
    public convenience init(_ inFeatures: Int, _ outFeatures: Int, initialization: WeightInit, rng: inout RNG) {
        let (w, b) = initialization.parameters(in: inFeatures, out: outFeatures, rng: &rng)
        self.init(weight: w, bias: b)
    }
}
