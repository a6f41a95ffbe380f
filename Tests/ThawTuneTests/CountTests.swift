import Testing
import ThawNN
import ThawTensor
import ThawTune

/// Test 4: the reported trainable count equals an independent sum over trainable parameters.
@Suite struct CountTests {
    /// Counts by walking the modules' own parameter lists, not `namedParameters`.
    func independentCount(_ m: Module) -> (trainable: Int, total: Int) {
        var t = 0, all = 0
        func walk(_ m: Module) {
            for (_, p) in m.ownParameters {
                all += p.shape.reduce(1, *)
                if p.requiresGrad { t += p.shape.reduce(1, *) }
            }
            for (_, c) in m.children { walk(c) }
        }
        walk(m)
        return (t, all)
    }

    func check(_ m: Module, _ label: String) {
        let report = TrainableReport(m)
        let (t, all) = independentCount(m)
        #expect(report.trainable == t && report.total == all, "\(label): \(report) vs \(t)/\(all)")
    }

    @Test func everyTechniqueReportsTheRightCount() throws {
        var rng = RNG(seed: 30)
        let config = GPTConfig(vocab: 10, context: 8, dim: 16, heads: 2, layers: 2)
        let full = GPT(config, rng: &rng)
        check(full, "full")
        #expect(TrainableReport(full).trainable == TrainableReport(full).total)

        let frozen = GPT(config, rng: &rng)
        try frozen.freeze(except: ["head"])
        check(frozen, "frozen")
        #expect(TrainableReport(frozen).trainable == 16 * 2 + 16 * 10 + 10)

        let lora = GPT(config, rng: &rng)
        try lora.applyLoRA(["blocks.*.attn.q", "blocks.*.attn.v"], rank: 4, alpha: 8, rng: &rng)
        check(lora, "lora")
        #expect(TrainableReport(lora).trainable == 4 * 4 * (16 + 16))

        let adapter = MLP(sizes: [8, 16, 16, 3], rng: &rng)
        try adapter.applyAdapters(["0", "1"], bottleneck: 4, rng: &rng)
        check(adapter, "adapter")
        #expect(TrainableReport(adapter).trainable == 2 * (16 * 4 + 4 + 4 * 16 + 16))

        let bitfit = MLP(sizes: [8, 16, 16, 3], rng: &rng)
        try bitfit.applyBitFit()
        check(bitfit, "bitfit")
        #expect(TrainableReport(bitfit).trainable == 16 + 16 + 3)

        let prompt = PromptTuned(GPT(config, rng: &rng), length: 3, rng: &rng)
        check(prompt, "prompt")
        #expect(TrainableReport(prompt).trainable == 3 * 16)
    }
}
