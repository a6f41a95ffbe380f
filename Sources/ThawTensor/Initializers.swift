/// Weight initialisers. Each draws from the session's seeded `RNG`, so the same seed gives
/// the same starting weights.
extension Tensor {
    /// Independent N(mean, std²) values.
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1, rng: inout RNG) -> Tensor {
        var values = [Float](repeating: 0, count: shape.product)
        for i in values.indices { values[i] = mean + std * rng.normal() }
        return Tensor(values, shape: shape)
    }

    /// Independent U[low, high) values.
    public static func uniform(_ shape: [Int], low: Float, high: Float, rng: inout RNG) -> Tensor {
        var values = [Float](repeating: 0, count: shape.product)
        for i in values.indices { values[i] = rng.uniform(low, high) }
        return Tensor(values, shape: shape)
    }

    /// Kaiming (He) uniform for a weight of `fanIn` inputs, as PyTorch's `nn.Linear` and
    /// `nn.Conv2d` default: U(±1/√fanIn) (kaiming_uniform with a = √5). Keeps activations'
    /// scale roughly constant through ReLU layers.
    public static func kaimingUniform(_ shape: [Int], fanIn: Int, rng: inout RNG) -> Tensor {
        let bound = 1 / Float(Swift.max(fanIn, 1)).squareRoot()
        return uniform(shape, low: -bound, high: bound, rng: &rng)
    }

    /// Kaiming normal for ReLU networks: N(0, 2/fanIn).
    public static func kaimingNormal(_ shape: [Int], fanIn: Int, rng: inout RNG) -> Tensor {
        randn(shape, std: (2 / Float(Swift.max(fanIn, 1))).squareRoot(), rng: &rng)
    }

    /// Xavier (Glorot) uniform: U(±√(6/(fanIn+fanOut))), for tanh/sigmoid layers.
    public static func xavierUniform(_ shape: [Int], fanIn: Int, fanOut: Int, rng: inout RNG) -> Tensor {
        let bound = (6 / Float(Swift.max(fanIn + fanOut, 1))).squareRoot()
        return uniform(shape, low: -bound, high: bound, rng: &rng)
    }
}
