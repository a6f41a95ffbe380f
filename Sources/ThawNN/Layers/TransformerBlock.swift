import ThawTensor

/// The position-wise feed-forward network of a transformer block: `fc2(gelu(fc1(x)))`.
public final class FeedForward: Module {
    // Typed as Module, not Linear: LoRA or an adapter may have wrapped either.
    public var fc1: Module { child("fc1", as: Module.self) }
    public var fc2: Module { child("fc2", as: Module.self) }

    public init(dim: Int, hidden: Int, rng: inout RNG) {
        let fc1 = Linear(dim, hidden, rng: &rng)
        let fc2 = Linear(hidden, dim, rng: &rng)
        super.init()
        addChild("fc1", fc1)
        addChild("fc2", fc2)
    }

    private init(configurationOf other: FeedForward) { super.init() }

    public override func copyConfiguration() -> Module { FeedForward(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor { fc2(fc1(x).gelu()) }
}

/// A pre-LayerNorm transformer block, as in GPT-2:
///
///     x = x + attn(ln1(x))
///     x = x + mlp(ln2(x))
public final class TransformerBlock: Module {
    // Typed as Module: forward only calls them, so any of them may be replaced.
    public var ln1: Module { child("ln1", as: Module.self) }
    public var attn: Module { child("attn", as: Module.self) }
    public var ln2: Module { child("ln2", as: Module.self) }
    public var mlp: Module { child("mlp", as: Module.self) }
    var dropout: Module? { child("dropout") }

    public init(dim: Int, heads: Int, causal: Bool, mlpRatio: Int = 4, dropout p: Float = 0, rng: inout RNG) {
        let attn = SelfAttention(dim: dim, heads: heads, causal: causal, rng: &rng)
        let mlp = FeedForward(dim: dim, hidden: mlpRatio * dim, rng: &rng)
        let dropout = p > 0 ? Dropout(p, rng: &rng) : nil
        super.init()
        addChild("ln1", LayerNorm(dim)); addChild("attn", attn); addChild("ln2", LayerNorm(dim)); addChild("mlp", mlp)
        if let dropout { addChild("dropout", dropout) }
    }

    private init(configurationOf other: TransformerBlock) { super.init() }

    public override func copyConfiguration() -> Module { TransformerBlock(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        let dropout = self.dropout
        let drop: (Tensor) -> Tensor = { dropout?($0) ?? $0 }
        let h = x + drop(attn(ln1(x)))
        return h + drop(mlp(ln2(h)))
    }

    public override var summary: String { attn.summary }
}
