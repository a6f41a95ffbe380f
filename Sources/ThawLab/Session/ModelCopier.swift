import ThawNN
import ThawTensor
import ThawTune

/// Deep copies of zoo models, including the changes fine-tuning made to their structure
/// (a new head, LoRA, adapters, a soft prompt): for `clone` and for snapshots that must be
/// measurable on their own.
///
/// The copy is built fresh from the model's configuration, then reshaped to match the
/// original layer by layer, then given the original's values, trainable flags and merge state.
enum ModelCopier {
    struct Unsupported: Error, CustomStringConvertible {
        let type: String
        var description: String { "a \(type) cannot be copied" }
    }

    static func copy(_ original: Module) throws -> Module {
        var scratch = RNG(seed: 0)  // the weights are overwritten below; only shapes matter
        let copy: Module
        switch original {
        case let m as MLP: copy = MLP(sizes: m.sizes, activation: m.activation, dropout: m.dropoutProbability, rng: &scratch)
        case let m as CNN: copy = CNN(side: m.side, channels: m.channels, classes: m.classes, residual: m.residual, rng: &scratch)
        case let m as GPT: copy = GPT(m.config, rng: &scratch)
        case let m as Encoder: copy = Encoder(m.config, rng: &scratch)
        case let m as PromptTuned:
            copy = PromptTuned(try Self.copy(m.model) as! GPT, length: m.length, rng: &scratch)
            copy.parameter(at: "prompt")!.data = m.prompt.data
            copy.parameter(at: "prompt")!.requiresGrad = m.prompt.requiresGrad
            return copy
        default: throw Unsupported(type: original.typeName)
        }
        try reshape(copy, like: original, rng: &scratch)
        for ((_, a), (_, b)) in zip(original.namedParameters(), copy.namedParameters()) {
            b.data = a.data
            b.requiresGrad = a.requiresGrad
        }
        return copy
    }

    /// Makes `copy`'s structure match `original`'s: replaced heads, LoRA and adapter wrappers.
    static func reshape(_ copy: Module, like original: Module, rng: inout RNG) throws {
        for (path, m) in original.namedModules() where !path.isEmpty {
            guard let current = copy.module(at: path) else { continue }
            switch m {
            case let lora as LoRALinear where !(current is LoRALinear):
                try reshape(current, like: lora.base, at: path, in: copy, rng: &rng)
                let base = copy.module(at: path) as! Linear
                let wrapper = LoRALinear(wrapping: base, rank: lora.rank, alpha: lora.alpha, dropout: lora.dropout?.p ?? 0, rng: &rng)
                copy.replaceModule(at: path, with: wrapper)
            case let adapter as AdapterWrapped where !(current is AdapterWrapped):
                let base = copy.module(at: path) as! Linear
                copy.replaceModule(at: path, with: AdapterWrapped(wrapping: base, bottleneck: adapter.bottleneck, rng: &rng))
            case let linear as Linear:
                try reshape(current, like: linear, at: path, in: copy, rng: &rng)
            default: break
            }
        }
        // Merged LoRA layers: mark the copy merged too (its B is zero now, so nothing moves),
        // then the copied base weights carry the update exactly as in the original.
        for (path, lora) in original.loraLayers where lora.isMerged {
            (copy.module(at: path) as? LoRALinear)?.merge()
        }
    }

    static func reshape(_ current: Module, like linear: Linear, at path: String, in copy: Module, rng: inout RNG) throws {
        if let c = current as? Linear, c.weight.shape != linear.weight.shape || (c.bias == nil) != (linear.bias == nil) {
            copy.replaceModule(at: path, with: Linear(linear.inFeatures, linear.outFeatures, bias: linear.bias != nil, rng: &rng))
        }
    }
}
