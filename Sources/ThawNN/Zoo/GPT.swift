import ThawTensor

/// Token plus learned position embeddings: `tok(ids) + pos(0..<T)`.
public final class TokenEmbedding: Module {
    /// Typed as Module: forward only calls it. `pos` is read by position, so it stays an Embedding.
    public var tok: Module { child("tok", as: Module.self) }
    public var pos: Embedding { child("pos", as: Embedding.self) }

    public init(vocab: Int, context: Int, dim: Int, rng: inout RNG) {
        let tok = Embedding(vocab, dim, rng: &rng)
        let pos = Embedding(context, dim, rng: &rng)
        super.init()
        addChild("tok", tok)
        addChild("pos", pos)
    }

    private init(configurationOf other: TokenEmbedding) { super.init() }

    public override func copyConfiguration() -> Module { TokenEmbedding(configurationOf: self) }

    /// ids `[B, T]` → `[B, T, dim]`.
    public override func forward(_ ids: Tensor) -> Tensor {
        precondition(ids.rank == 2, "token ids must be [batch, time], got \(ids.shape)")
        let t = ids.shape[1], pos = self.pos
        precondition(t <= pos.count, "sequence of \(t) tokens is longer than the context (\(pos.count))")
        return tok(ids) + pos.lookup(Array(0..<t), shape: [t])
    }
}

/// The configuration of a tiny decoder-only transformer.
public struct GPTConfig: Sendable, Equatable {
    public var vocab = 32, context = 32, dim = 64, heads = 4, layers = 2
    public var dropout: Float = 0
    public init(vocab: Int = 32, context: Int = 32, dim: Int = 64, heads: Int = 4, layers: Int = 2, dropout: Float = 0) {
        self.vocab = vocab; self.context = context; self.dim = dim
        self.heads = heads; self.layers = layers; self.dropout = dropout
    }
}

/// A tiny GPT: character-level, decoder-only, learned positions, pre-LayerNorm blocks.
///
///     x = embed(ids)                   # tok + pos
///     for block in blocks: x = block(x)
///     logits = head(x)                 # LayerNorm, then Linear to the vocabulary
///
/// Groups: `embed`, `blocks.0`, …, `head`.
public final class GPT: TransformerModel {
    public let config: GPTConfig

    public init(_ config: GPTConfig, rng: inout RNG) {
        self.config = config
        super.init(vocab: config.vocab, context: config.context, dim: config.dim, heads: config.heads,
                   layers: config.layers, outputs: config.vocab, causal: true, dropout: config.dropout, rng: &rng)
    }

    private init(configurationOf other: GPT) {
        config = other.config
        super.init(configurationOf: other)
    }

    public override func copyConfiguration() -> Module { GPT(configurationOf: self) }

    /// ids `[B, T]` → next-token logits `[B, T, vocab]`.
    public override func forward(_ ids: Tensor) -> Tensor {
        head(encode(ids))
    }

    public override var summary: String {
        "d\(config.dim) h\(config.heads) L\(config.layers) ctx\(config.context) vocab\(config.vocab)"
    }
}
