import ThawTensor

/// How an encoder turns per-token vectors into one vector per sequence.
public enum Pooling: String, Sendable, CaseIterable {
    /// A class token is put in front of every sequence; its final vector is used (BERT).
    case cls
    /// The mean over the non-padding tokens.
    case mean
}

/// The configuration of a tiny encoder classifier.
public struct EncoderConfig: Sendable, Equatable {
    public var vocab = 32, context = 16, dim = 32, heads = 4, layers = 2, classes = 2
    public var pooling: Pooling = .cls
    /// The token id that marks padding (ignored by mean pooling).
    public var padding = 0
    public var dropout: Float = 0
    public init(vocab: Int = 32, context: Int = 16, dim: Int = 32, heads: Int = 4, layers: Int = 2,
                classes: Int = 2, pooling: Pooling = .cls, padding: Int = 0, dropout: Float = 0) {
        self.vocab = vocab; self.context = context; self.dim = dim; self.heads = heads
        self.layers = layers; self.classes = classes; self.pooling = pooling
        self.padding = padding; self.dropout = dropout
    }
}

/// A tiny BERT-style classifier: bidirectional transformer blocks over token + position
/// embeddings, pooled (class token or mean), then LayerNorm and a Linear to the classes.
///
/// With `.cls` pooling the class token is the extra id `vocab`, put in front of each
/// sequence, so the embedding table has `vocab + 1` rows and the context one more position.
/// Groups: `embed`, `blocks.0`, …, `head`.
public final class Encoder: TransformerModel {
    public let config: EncoderConfig

    public init(_ config: EncoderConfig, rng: inout RNG) {
        self.config = config
        let extra = config.pooling == .cls ? 1 : 0
        super.init(vocab: config.vocab + extra, context: config.context + extra, dim: config.dim, heads: config.heads,
                   layers: config.layers, outputs: config.classes, causal: false, dropout: config.dropout, rng: &rng)
    }

    private init(configurationOf other: Encoder) {
        config = other.config
        super.init(configurationOf: other)
    }

    public override func copyConfiguration() -> Module { Encoder(configurationOf: self) }

    /// The pooled sequence vectors `[B, dim]` for ids `[B, T]`: what the head classifies.
    public func features(_ ids: Tensor) -> Tensor {
        precondition(ids.rank == 2, "token ids must be [batch, time], got \(ids.shape)")
        let (b, t) = (ids.shape[0], ids.shape[1])
        switch config.pooling {
        case .cls:
            var withCLS = [Float](repeating: Float(config.vocab), count: b * (t + 1))
            for r in 0..<b { for j in 0..<t { withCLS[r * (t + 1) + j + 1] = ids.data[r * t + j] } }
            let h = encode(Tensor(withCLS, shape: [b, t + 1]))
            return h.slice(axis: 1, range: 0..<1).reshaped([b, config.dim])
        case .mean:
            let h = encode(ids)
            // Weight each real token by 1/(number of real tokens); padding by 0.
            var w = [Float](repeating: 0, count: b * t)
            for r in 0..<b {
                let real = (0..<t).filter { Int(ids.data[r * t + $0]) != config.padding }
                for j in real { w[r * t + j] = 1 / Float(real.count) }
            }
            return (h * Tensor(w, shape: [b, t, 1])).sum(axis: 1)
        }
    }

    /// ids `[B, T]` → class logits `[B, classes]`.
    public override func forward(_ ids: Tensor) -> Tensor { head(features(ids)) }

    public override var summary: String {
        "d\(config.dim) h\(config.heads) L\(config.layers) \(config.pooling.rawValue)-pool, \(config.classes) classes"
    }
}
