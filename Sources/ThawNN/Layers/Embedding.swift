import ThawTensor

/// A lookup table of learned vectors: token id `i` → row `i` of a `[count, dim]` weight,
/// initialised N(0, 1) as in PyTorch. Input: a tensor of whole-number ids; output: its shape + [dim].
public final class Embedding: Module {
    public var weight: Tensor { ownParameter("weight")! }
    public var count: Int { weight.shape[0] }
    public var dim: Int { weight.shape[1] }

    public init(_ count: Int, _ dim: Int, rng: inout RNG) {
        let weight = Tensor.randn([count, dim], rng: &rng)
        super.init()
        addParameter("weight", weight)
    }

    private init(configurationOf other: Embedding) { super.init() }

    public override func copyConfiguration() -> Module { Embedding(configurationOf: self) }

    public override func forward(_ ids: Tensor) -> Tensor {
        weight.gatherRows(ids.data.map { Int($0) }, shape: ids.shape)
    }

    /// Looks up plain integer ids.
    public func lookup(_ ids: [Int], shape: [Int]) -> Tensor { weight.gatherRows(ids, shape: shape) }

    public override var summary: String { "\(count)×\(dim)" }
}
