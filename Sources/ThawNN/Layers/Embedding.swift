import ThawTensor

/// A lookup table of learned vectors: token id `i` → row `i` of a `[count, dim]` weight,
/// initialised N(0, 1) as in PyTorch. Input: a tensor of whole-number ids; output: its shape + [dim].
public final class Embedding: Module {
    public let count: Int
    public let dim: Int
    public let weight: Tensor

    public init(_ count: Int, _ dim: Int, rng: inout RNG) {
        self.count = count
        self.dim = dim
        weight = Tensor.randn([count, dim], rng: &rng)
        super.init()
        addParameter("weight", weight)
    }

    public override func forward(_ ids: Tensor) -> Tensor {
        weight.gatherRows(ids.data.map { Int($0) }, shape: ids.shape)
    }

    /// Looks up plain integer ids.
    public func lookup(_ ids: [Int], shape: [Int]) -> Tensor { weight.gatherRows(ids, shape: shape) }

    public override var summary: String { "\(count)×\(dim)" }
}
