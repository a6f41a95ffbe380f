import ThawNN
import ThawOptim
import ThawTensor

/// How a starting point was trained: everything needed to train it again, bit for bit.
public struct TrainingRecipe: Sendable, Equatable, CustomStringConvertible {
    /// Seeds the model's initial weights (`RNG(seed:)`) and, through `split()`, the shuffling.
    public var seed: UInt64
    public var epochs: Int
    public var lr: Float
    public var optimizer: OptimizerKind
    public var batchSize: Int
    public var weightDecay: Float
    public var schedule: Schedule

    public init(seed: UInt64 = 0, epochs: Int, lr: Float, optimizer: OptimizerKind = .adam, batchSize: Int = 32,
                weightDecay: Float = 0, schedule: Schedule = .constant) {
        self.seed = seed
        self.epochs = epochs
        self.lr = lr
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.weightDecay = weightDecay
        self.schedule = schedule
    }

    public var description: String {
        var parts = ["\(optimizer.rawValue) lr \(lr)", "batch \(batchSize)", "\(epochs) epochs", "seed \(seed)"]
        if weightDecay != 0 { parts.insert("weight decay \(weightDecay)", at: 1) }
        if schedule != .constant { parts.insert("\(schedule) schedule", at: 1) }
        return parts.joined(separator: ", ")
    }
}

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
