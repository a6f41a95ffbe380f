import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// `deepCopy()` copies every kind of model, with whatever fine-tuning did to its structure:
/// the copy computes exactly what the original does, and training it leaves the original alone.
@Suite struct DeepCopyTests {
    static func ids(_ rows: Int, _ time: Int, vocab: Int) -> Tensor {
        Tensor((0..<(rows * time)).map { Float(($0 * 5 + 1) % vocab) }, shape: [rows, time])
    }

    static let gptConfig = GPTConfig(vocab: 9, context: 8, dim: 8, heads: 2, layers: 2)

    /// Each model kind, built and changed as a lesson might, with an input it reads.
    static func models() throws -> [(name: String, model: Module, input: Tensor)] {
        var rng = RNG(seed: 11)
        let image = Tensor.randn([3, 64], rng: &rng)
        let tokens = ids(2, 5, vocab: 9)
        var result: [(String, Module, Tensor)] = []
        result.append(("mlp", MLP(sizes: [64, 16, 10], dropout: 0.3, rng: &rng), image))
        result.append(("cnn", CNN(channels: (2, 4), classes: 5, residual: true, rng: &rng), image))
        result.append(("gpt", GPT(gptConfig, rng: &rng), tokens))
        for pooling in Pooling.allCases {
            let config = EncoderConfig(vocab: 9, context: 6, dim: 8, heads: 2, layers: 1, classes: 3, pooling: pooling)
            result.append(("encoder \(pooling)", Encoder(config, rng: &rng), tokens))
        }
        let lora = MLP(sizes: [64, 16, 10], rng: &rng)
        try lora.applyLoRA(["0", "head"], rank: 2, alpha: 4, dropout: 0.1, rng: &rng)
        result.append(("mlp + lora", lora, image))
        let loraGPT = GPT(gptConfig, rng: &rng)
        try loraGPT.applyLoRA(["blocks.*.attn.q", "blocks.*.attn.v"], rank: 2, alpha: 4, rng: &rng)
        result.append(("gpt + lora", loraGPT, tokens))
        let adapters = MLP(sizes: [64, 16, 10], rng: &rng)
        try adapters.applyAdapters(["0"], bottleneck: 4, rng: &rng)
        result.append(("mlp + adapters", adapters, image))
        let newHead = MLP(sizes: [64, 16, 10], rng: &rng)
        try newHead.applyLoRA(["head"], rank: 2, alpha: 4, rng: &rng)
        newHead.replaceOutputLayer(classes: 4, rng: &rng)
        result.append(("mlp + lora + new head", newHead, image))
        let (merged, mergedInput) = try LoRATests.trainedLoRAGPT()
        merged.mergeLoRA()
        result.append(("gpt + merged lora", merged, mergedInput))
        result.append(("prompt tuned", PromptTuned(GPT(gptConfig, rng: &rng), length: 3, rng: &rng), tokens))
        // Non-zero LoRA B and adapter up, so the wrappers' own weights count in the outputs.
        for (_, model, _) in result {
            for (path, p) in model.namedParameters() where path.contains("lora_B") || path.contains("adapter_up") {
                p.data = p.data.indices.map { Float($0 % 5) / 10 - 0.2 }
            }
        }
        return result
    }

    @Test func aCopyIsTheSameModel() throws {
        for (name, model, input) in try Self.models() {
            let copy = model.deepCopy()
            #expect(type(of: copy) == type(of: model), "\(name)")
            #expect(copy.namedModules().map { "\($0.path) \($0.module.typeName) \($0.module.summary)" }
                    == model.namedModules().map { "\($0.path) \($0.module.typeName) \($0.module.summary)" }, "\(name)")
            let (a, b) = (model.namedParameters(), copy.namedParameters())
            #expect(a.map(\.path) == b.map(\.path), "\(name): parameter paths")
            #expect(a.map(\.tensor.data) == b.map(\.tensor.data), "\(name): values")
            #expect(a.map(\.tensor.requiresGrad) == b.map(\.tensor.requiresGrad), "\(name): trainable flags")
            #expect(zip(a, b).allSatisfy { $0.tensor !== $1.tensor }, "\(name): shares a tensor")
            // In training mode too: dropout layers carry their random streams over.
            let (x, y) = (model(input).data, copy(input).data)
            #expect(x == y, "\(name): outputs differ")
            model.eval(); copy.eval()
            #expect(Tensor.withoutGrad { model(input) }.data == Tensor.withoutGrad { copy(input) }.data, "\(name)")
        }
    }

    @Test func trainingTheCopyLeavesTheOriginalAlone() throws {
        for (name, model, input) in try Self.models() {
            model.eval()
            let before = Tensor.withoutGrad { model(input) }.data
            let weights = model.parameters.map(\.data)
            let copy = model.deepCopy()
            copy.setTrainable(true)  // a merged LoRA's own matrices are bypassed: train the rest too
            let opt = SGD(groups: copy.singleGroup(lr: 0.1))
            for _ in 0..<2 {
                opt.zeroGrad()
                let out = copy(input)
                (out * out).sum().backward()
                opt.step()
            }
            #expect(copy.parameters.map(\.data) != weights, "\(name): the copy did not train")
            #expect(model.parameters.map(\.data) == weights, "\(name): training the copy moved the original")
            #expect(Tensor.withoutGrad { model(input) }.data == before, "\(name)")
        }
    }

    @Test func aMergedCopyUnmergesToTheOriginalWeights() throws {
        let (gpt, ids) = try LoRATests.trainedLoRAGPT()
        gpt.mergeLoRA()
        let copy = gpt.deepCopy()
        #expect(copy.loraLayers.allSatisfy { $0.layer.isMerged })
        gpt.mergeLoRA(false); copy.mergeLoRA(false)
        #expect(copy.parameters.map(\.data) == gpt.parameters.map(\.data))
        #expect(Tensor.withoutGrad { copy(ids) }.data == Tensor.withoutGrad { gpt(ids) }.data)
    }
}
