import ThawTensor

/// A multi-layer perceptron: Linear → ReLU → … → Linear. For deep, narrow nets the hidden
/// layers after the first may be ``MLPBlock``s (LayerNorm, a skip connection).
///
/// `MLP(sizes: [64, 128, 128, 10])` has layers `0` (64→128), `1` (128→128) and `head`
/// (128→10); each is a layer group, bottom to top. Inputs of any shape are flattened.
public final class MLP: Module {
    public let sizes: [Int]
    public let activation: ActivationKind
    /// The dropout probability between layers (0: none).
    public let dropoutProbability: Float

    public convenience init(sizes: [Int], activation: ActivationKind = .relu, dropout p: Float = 0, rng: inout RNG) {
        self.init(sizes: sizes, activation: activation, dropout: p, initialization: .uniform, rng: &rng)
    }

    /// A deep MLP built for training at depth: `initialization` for every linear layer, and
    /// hidden layers after the first as ``MLPBlock``s with a pre-`LayerNorm` (`norm`) and a
    /// skip connection (`residual`, which needs the hidden layers to share one width).
    /// Without `norm` and `residual` the layers are plain `Linear`s, as `init(sizes:…)` makes.
    public init(sizes: [Int], activation: ActivationKind = .relu, dropout p: Float = 0,
                initialization: WeightInit, norm: Bool = false, residual: Bool = false, rng: inout RNG) {
        precondition(sizes.count >= 2, "an MLP needs at least an input and an output size, got \(sizes)")
        self.sizes = sizes
        self.activation = activation
        dropoutProbability = p
        var drops: [Dropout] = []
        var layers: [(String, Module)] = []
        for i in 0..<(sizes.count - 1) {
            let isHead = i == sizes.count - 2
            let linear = initialization == .uniform ? Linear(sizes[i], sizes[i + 1], rng: &rng)
                                                    : Linear(sizes[i], sizes[i + 1], initialization: initialization, rng: &rng)
            if i > 0 && !isHead && (norm || residual) {
                layers.append((String(i), MLPBlock(linear, norm: norm, residual: residual, activation: activation)))
            } else {
                layers.append((isHead ? "head" : String(i), linear))
            }
            if p > 0 && !isHead { drops.append(Dropout(p, rng: &rng)) }
        }
        super.init()
        for (name, layer) in layers { addChild(name, layer) }
        for (i, d) in drops.enumerated() { addChild("dropout\(i)", d) }
    }

    private init(configurationOf other: MLP) {
        sizes = other.sizes
        activation = other.activation
        dropoutProbability = other.dropoutProbability
        super.init()
    }

    public override func copyConfiguration() -> Module { MLP(configurationOf: self) }

    public override var outputLayerPath: String? { "head" }

    public override var layerGroups: [String] { children.map(\.name).filter { !$0.hasPrefix("dropout") } }

    public override func forward(_ x: Tensor) -> Tensor {
        var h = x.rank == 2 ? x : x.flattened(from: 1)
        // The layers (0, 1, …, head) come first in the child list, then dropout0, dropout1, ….
        let layers = children.filter { !$0.name.hasPrefix("dropout") }
        let dropouts = children.filter { $0.name.hasPrefix("dropout") }
        for (i, layer) in layers.enumerated() {
            h = layer.module(h)
            guard i < layers.count - 1 else { continue }
            // A block applies its own activation (inside its skip connection).
            if !(layer.module is MLPBlock) { h = activation.apply(h) }
            if i < dropouts.count { h = dropouts[i].module(h) }
        }
        return h
    }

    public override var summary: String { sizes.map(String.init).joined(separator: "-") }
}
