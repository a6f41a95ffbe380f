import ThawTensor

/// A multi-layer perceptron: Linear → ReLU → … → Linear.
///
/// `MLP(sizes: [64, 128, 128, 10])` has layers `0` (64→128), `1` (128→128) and `head`
/// (128→10); each is a layer group, bottom to top. Inputs of any shape are flattened.
public final class MLP: Module {
    public let sizes: [Int]
    public let activation: ActivationKind
    /// The dropout probability between layers (0: none).
    public let dropoutProbability: Float

    public init(sizes: [Int], activation: ActivationKind = .relu, dropout p: Float = 0, rng: inout RNG) {
        precondition(sizes.count >= 2, "an MLP needs at least an input and an output size, got \(sizes)")
        self.sizes = sizes
        self.activation = activation
        dropoutProbability = p
        var drops: [Dropout] = []
        var layers: [(String, Linear)] = []
        for i in 0..<(sizes.count - 1) {
            let name = i == sizes.count - 2 ? "head" : String(i)
            layers.append((name, Linear(sizes[i], sizes[i + 1], rng: &rng)))
            if p > 0 && i < sizes.count - 2 { drops.append(Dropout(p, rng: &rng)) }
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
            if i < layers.count - 1 {
                h = activation.apply(h)
                if i < dropouts.count { h = dropouts[i].module(h) }
            }
        }
        return h
    }

    public override var summary: String { sizes.map(String.init).joined(separator: "-") }
}
