import ThawTensor

/// What the tiny GPT and the tiny encoder share: token + position embeddings, a stack of
/// transformer blocks, and a head (LayerNorm, then a Linear to the outputs).
///
/// Groups, bottom to top: `embed`, `blocks.0`, …, `head`.
open class TransformerModel: Module {
    public var embed: TokenEmbedding { child("embed", as: TokenEmbedding.self) }
    public var blocks: ModuleList { child("blocks", as: ModuleList.self) }
    /// A `Sequential` of `norm` and `proj` as built; typed as Module so it can be replaced.
    public var head: Module { child("head", as: Module.self) }

    /// - Parameters:
    ///   - causal: whether each position may only attend to earlier ones (a decoder).
    ///   - outputs: the width of the head's output (vocabulary or classes).
    public init(vocab: Int, context: Int, dim: Int, heads: Int, layers: Int, outputs: Int,
                causal: Bool, dropout: Float, rng: inout RNG) {
        let embed = TokenEmbedding(vocab: vocab, context: context, dim: dim, rng: &rng)
        var list: [Module] = []
        for _ in 0..<layers {
            list.append(TransformerBlock(dim: dim, heads: heads, causal: causal, dropout: dropout, rng: &rng))
        }
        let head = Sequential(named: [("norm", LayerNorm(dim)), ("proj", Linear(dim, outputs, rng: &rng))])
        super.init()
        addChild("embed", embed)
        addChild("blocks", ModuleList(list))
        addChild("head", head)
    }

    /// For subclasses' `copyConfiguration`: the children come from `deepCopy`.
    public init(configurationOf other: TransformerModel) { super.init() }

    /// The LM head's or the classifier's projection.
    open override var outputLayerPath: String? { "head.proj" }

    open override var layerGroups: [String] {
        ["embed"] + (0..<blocks.count).map { "blocks.\($0)" } + ["head"]
    }

    /// ids `[B, T]` → the last block's vectors `[B, T, dim]`.
    public func encode(_ ids: Tensor) -> Tensor { blocks.modules.reduce(embed(ids)) { $1($0) } }
}
