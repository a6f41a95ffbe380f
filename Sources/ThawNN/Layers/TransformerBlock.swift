import ThawTensor

/// The position-wise feed-forward network of a transformer block: `fc2(gelu(fc1(x)))`.
public final class FeedForward: Module {
    public private(set) var fc1: Module, fc2: Module

    public init(dim: Int, hidden: Int, rng: inout RNG) {
        fc1 = Linear(dim, hidden, rng: &rng)
        fc2 = Linear(hidden, dim, rng: &rng)
        super.init()
        addChild("fc1", fc1)
        addChild("fc2", fc2)
    }

    public override func didReplaceChild(_ name: String, with module: Module) {
        if name == "fc1" { fc1 = module } else if name == "fc2" { fc2 = module }
    }

    public override func forward(_ x: Tensor) -> Tensor { fc2(fc1(x).gelu()) }
}

/// A pre-LayerNorm transformer block, as in GPT-2:
///
///     x = x + attn(ln1(x))
///     x = x + mlp(ln2(x))
public final class TransformerBlock: Module {
    public let ln1: LayerNorm, attn: SelfAttention, ln2: LayerNorm, mlp: FeedForward
    let dropout: Dropout?

    public init(dim: Int, heads: Int, causal: Bool, mlpRatio: Int = 4, dropout p: Float = 0, rng: inout RNG) {
        ln1 = LayerNorm(dim)
        attn = SelfAttention(dim: dim, heads: heads, causal: causal, rng: &rng)
        ln2 = LayerNorm(dim)
        mlp = FeedForward(dim: dim, hidden: mlpRatio * dim, rng: &rng)
        dropout = p > 0 ? Dropout(p, rng: &rng) : nil
        super.init()
        addChild("ln1", ln1); addChild("attn", attn); addChild("ln2", ln2); addChild("mlp", mlp)
        if let dropout { addChild("dropout", dropout) }
    }

    public override func forward(_ x: Tensor) -> Tensor {
        let drop: (Tensor) -> Tensor = { self.dropout?($0) ?? $0 }
        let h = x + drop(attn(ln1(x)))
        return h + drop(mlp(ln2(h)))
    }

    public override var summary: String { attn.summary }
}
