/// What a model costs, before or after it is built: its parameters, and what one example
/// costs a training step (the floats its forward pass keeps for backward, and the
/// floating-point operations of that forward pass). Budgets (ThawTune's `TrainingCost`)
/// turn these into bytes and seconds.
///
/// The per-example numbers are estimates, honest to within a small factor; the parameter
/// count is exact (a test compares it with the built module's). Per architecture, with `T`
/// tokens per example, width `d`, `L` blocks, `H` heads and `O` outputs:
///
/// - dense layer `in→out`: `in·out + out` parameters, `2·in·out` FLOPs, keeps `2·out`
///   floats (its output and the nonlinearity's).
/// - transformer block: `12d² + 13d` parameters; `24·T·d²` FLOPs in its six projections
///   plus `4·T²·d` in attention (`q·kᵀ` and `p·v`); keeps about `18·T·d` floats (norms,
///   q k v, the attention output, the 4d-wide feed-forward twice, residuals) plus `H·T²`
///   attention probabilities.
/// - convolution `c→c'` on an `s×s` image (3×3, padding 1): `2·9·c·c'·s²` FLOPs; keeps its
///   im2col matrix (`9·c·s²`) and output and ReLU (`2·c'·s²`).
public struct ModelCost: Sendable, Equatable {
    public var parameters: Int
    /// Floats a forward pass keeps for backward, per example.
    public var activationsPerExample: Double
    /// Floating-point operations of one forward pass over one example.
    public var forwardFLOPsPerExample: Double

    public init(parameters: Int, activationsPerExample: Double, forwardFLOPsPerExample: Double) {
        self.parameters = parameters
        self.activationsPerExample = activationsPerExample
        self.forwardFLOPsPerExample = forwardFLOPsPerExample
    }

    /// An MLP with these layer sizes, inputs first.
    public static func mlp(sizes: [Int]) -> ModelCost {
        var cost = ModelCost(parameters: 0, activationsPerExample: Double(sizes.first ?? 0), forwardFLOPsPerExample: 0)
        for (n, m) in zip(sizes, sizes.dropFirst()) {
            cost.parameters += n * m + m
            cost.forwardFLOPsPerExample += 2 * Double(n) * Double(m)
            cost.activationsPerExample += 2 * Double(m)
        }
        return cost
    }

    /// The zoo's CNN (`CNN`): two 3×3 convolutions, a 2×2 max-pool, an optional residual
    /// block of two more, then a linear head.
    public static func cnn(side: Int = 8, channels: (Int, Int), classes: Int, residual: Bool = false) -> ModelCost {
        let pixels = Double(side * side), pooled = (side / 2) * (side / 2)
        func conv(_ c: Int, _ c2: Int, _ pixels: Double) -> ModelCost {
            ModelCost(parameters: 9 * c * c2 + c2, activationsPerExample: (9 * Double(c) + 2 * Double(c2)) * pixels,
                      forwardFLOPsPerExample: 18 * Double(c) * Double(c2) * pixels)
        }
        var cost = conv(1, channels.0, pixels) + conv(channels.0, channels.1, pixels)
        cost.activationsPerExample += Double(channels.1 * pooled)  // the pooled map
        if residual {
            cost = cost + conv(channels.1, channels.1, Double(pooled)) + conv(channels.1, channels.1, Double(pooled))
        }
        return cost + .mlp(sizes: [channels.1 * pooled, classes])
    }

    /// The zoo's transformers (`TransformerModel`): token and position embeddings, `layers`
    /// blocks, a LayerNorm and a linear head to `outputs`, reading `tokens` per example.
    public static func transformer(vocab: Int, positions: Int, dim d: Int, heads: Int, layers: Int,
                                   outputs: Int, tokens: Int) -> ModelCost {
        let t = Double(tokens), dd = Double(d), l = Double(layers)
        let embed = (vocab + positions) * d
        let block = 12 * d * d + 13 * d
        let head = 2 * d + d * outputs + outputs
        return ModelCost(
            parameters: embed + layers * block + head,
            activationsPerExample: t * dd + l * (18 * t * dd + Double(heads) * t * t) + 2 * t * Double(outputs),
            forwardFLOPsPerExample: l * (24 * t * dd * dd + 4 * t * t * dd) + 2 * t * dd * Double(outputs))
    }

    public static func + (a: ModelCost, b: ModelCost) -> ModelCost {
        ModelCost(parameters: a.parameters + b.parameters,
                  activationsPerExample: a.activationsPerExample + b.activationsPerExample,
                  forwardFLOPsPerExample: a.forwardFLOPsPerExample + b.forwardFLOPsPerExample)
    }
}

extension GPTConfig {
    /// What this GPT costs with `tokens` per example (its whole context unless given).
    public func cost(tokens: Int? = nil) -> ModelCost {
        .transformer(vocab: vocab, positions: context, dim: dim, heads: heads, layers: layers,
                     outputs: vocab, tokens: tokens ?? context)
    }
}

extension EncoderConfig {
    /// What this encoder costs with `tokens` per example (its whole context unless given);
    /// class-token pooling adds a row to the table and a token to every sequence.
    public func cost(tokens: Int? = nil) -> ModelCost {
        let extra = pooling == .cls ? 1 : 0
        return .transformer(vocab: vocab + extra, positions: context + extra, dim: dim, heads: heads, layers: layers,
                            outputs: classes, tokens: (tokens ?? context) + extra)
    }
}

extension Module {
    /// What this model costs: its exact parameter count, and per-example estimates from its
    /// architecture (`tokens` per example for a transformer, its context when nil). A model
    /// outside the zoo is costed as its linear layers, one row per example.
    public func cost(tokens: Int? = nil) -> ModelCost {
        var cost: ModelCost
        switch self {
        case let m as MLP: cost = .mlp(sizes: m.sizes)
        case let c as CNN: cost = .cnn(side: c.side, channels: c.channels, classes: c.classes, residual: c.residual)
        case let g as GPT: cost = g.config.cost(tokens: tokens)
        case let e as Encoder: cost = e.config.cost(tokens: tokens)
        default:
            cost = ModelCost(parameters: 0, activationsPerExample: 0, forwardFLOPsPerExample: 0)
            for (_, module) in namedModules() {
                guard let linear = module as? Linear else { continue }
                cost = cost + .mlp(sizes: [linear.inFeatures, linear.outFeatures])
            }
        }
        // Exact, whatever was added since (LoRA, adapters, a new head).
        cost.parameters = parameterCount
        return cost
    }
}
