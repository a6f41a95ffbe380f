import ThawNN
import ThawOptim
import ThawTensor

/// One named starting point: a model of the zoo, the data it learned and how.
public struct PretrainedModel: Sendable {
    /// The name lessons load it by (`mlp-digits`); also its file's name.
    public let name: String
    /// One line for `list` and `help`.
    public let summary: String
    /// Which lessons start from it.
    public let usedBy: String
    public let spec: ModelSpec
    public let data: PretrainingData
    public let recipe: TrainingRecipe

    public init(name: String, summary: String, usedBy: String, spec: ModelSpec, data: PretrainingData,
                recipe: TrainingRecipe) {
        self.name = name
        self.summary = summary
        self.usedBy = usedBy
        self.spec = spec
        self.data = data
        self.recipe = recipe
    }

    /// `NAME.safetensors`, in `datasets/pretrained/`.
    public var fileName: String { "\(name).safetensors" }

    /// Builds the model with fresh (untrained) weights from the recipe's seed.
    public func build() -> Module {
        var rng = RNG(seed: recipe.seed)
        return spec.build(rng: &rng)
    }

    /// The model in one line ("MLP 64-128-128-10"): kept in the file, checked on load.
    public var architecture: String { Self.describe(spec) }

    static func describe(_ spec: ModelSpec) -> String {
        switch spec {
        case let .mlp(sizes, dropout):
            "MLP \(sizes.map(String.init).joined(separator: "-"))\(dropout > 0 ? " dropout \(dropout)" : "")"
        case let .cnn(classes, residual):
            "CNN 16-32\(residual ? " +res" : ""), \(classes) classes"
        case let .gpt(c):
            "GPT vocab \(c.vocab), context \(c.context), dim \(c.dim), \(c.heads) heads, \(c.layers) layers"
        case let .encoder(c):
            "Encoder vocab \(c.vocab), context \(c.context), dim \(c.dim), \(c.heads) heads, \(c.layers) layers, "
                + "\(c.pooling.rawValue) pooling, \(c.classes) classes"
        }
    }
}
