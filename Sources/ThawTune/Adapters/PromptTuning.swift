import ThawNN
import ThawTensor

/// Prompt tuning (Lester et al. 2021) on a frozen GPT: `k` trainable vectors are put in front
/// of every input's token embeddings, as if they were the embeddings of `k` invented words.
/// Only those vectors train; the model itself stays frozen. The outputs at the prompt
/// positions are dropped, so the result has the input's length.
///
/// The prompt takes positions 0..<k, so inputs may be at most `context − k` tokens long.
public final class PromptTuned: Module {
    public var model: GPT { child("model", as: GPT.self) }
    public var prompt: Tensor { ownParameter("prompt")! }
    public let length: Int

    public init(_ model: GPT, length: Int, rng: inout RNG) {
        precondition(length > 0 && length < model.config.context,
                     "a soft prompt of \(length) vectors does not fit a context of \(model.config.context)")
        self.length = length
        // Initialised from the scale of real token embeddings (N(0, 1), as Embedding's).
        let prompt = Tensor.randn([length, model.config.dim], rng: &rng)
        super.init()
        model.setTrainable(false)
        addParameter("prompt", prompt)
        addChild("model", model)
    }

    private init(configurationOf other: PromptTuned) {
        length = other.length
        super.init()
    }

    public override func copyConfiguration() -> Module { PromptTuned(configurationOf: self) }

    public override var outputLayerPath: String? { model.outputLayerPath.map { "model." + $0 } }

    public override var layerGroups: [String] { ["prompt"] + model.layerGroups.map { "model." + $0 } }

    /// ids `[B, T]` → logits `[B, T, vocab]` for the real tokens.
    public override func forward(_ ids: Tensor) -> Tensor {
        precondition(ids.rank == 2, "token ids must be [batch, time], got \(ids.shape)")
        let model = self.model
        let (b, t, d) = (ids.shape[0], ids.shape[1], model.config.dim)
        precondition(t + length <= model.config.context,
                     "\(t) tokens after a \(length)-vector prompt exceed the context of \(model.config.context)")
        let tokens = model.embed.tok(ids)
        let soft = prompt.unsqueezed(axis: 0).broadcast(to: [b, length, d])
        let positions = model.embed.pos.lookup(Array(0..<(length + t)), shape: [length + t])
        var h = Tensor.concat([soft, tokens], axis: 1) + positions
        for block in model.blocks.modules { h = block(h) }
        return model.head(h.slice(axis: 1, range: length..<(length + t)))
    }

    public override var summary: String { "\(length) soft-prompt vectors" }
}
