import Foundation
import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune
import TestSupport

@Suite struct LoRATests {
    /// A GPT with LoRA on q and v, trained a little so that B is no longer zero.
    static func trainedLoRAGPT(seed: UInt64 = 8) throws -> (GPT, Tensor) {
        var rng = RNG(seed: seed)
        let gpt = GPT(GPTConfig(vocab: 10, context: 8, dim: 16, heads: 2, layers: 2), rng: &rng)
        try gpt.applyLoRA(["blocks.*.attn.q", "blocks.*.attn.v"], rank: 2, alpha: 4, rng: &rng)
        let ids = Tensor((0..<24).map { Float($0 % 10) }, shape: [3, 8])
        let targets = (0..<24).map { ($0 + 1) % 10 }
        let opt = Adam(groups: gpt.singleGroup(lr: 3e-2))
        for _ in 0..<10 {
            opt.zeroGrad()
            Loss.crossEntropy(gpt(ids), targets).backward()
            opt.step()
        }
        return (gpt, ids)
    }

    @Test func wrapsOnlyTheMatchedLayersAndTrainsOnlyLoRA() throws {
        let (gpt, _) = try Self.trainedLoRAGPT()
        #expect(gpt.loraLayers.map(\.path) == ["blocks.0.attn.q", "blocks.0.attn.v", "blocks.1.attn.q", "blocks.1.attn.v"])
        let trainable = gpt.namedParameters().filter(\.tensor.requiresGrad).map(\.path)
        #expect(trainable.allSatisfy { $0.contains("lora_") } && trainable.count == 8)
        // 4 layers × rank 2 × (16 in + 16 out)
        #expect(gpt.trainableParameterCount == 4 * 2 * 32)
    }

    @Test func mergedOutputEqualsAdapterOutputAndUnmergeRestoresExactly() throws {
        let (gpt, ids) = try Self.trainedLoRAGPT()
        let baseBefore = gpt.loraLayers.map(\.layer.base.weight.data)
        let adapted = Tensor.withoutGrad { gpt(ids) }
        gpt.mergeLoRA()
        let merged = Tensor.withoutGrad { gpt(ids) }
        #expect(relativeError(merged.data, adapted.data) < 1e-5)
        #expect(gpt.loraLayers.map(\.layer.base.weight.data) != baseBefore, "merging changed the base weights")
        gpt.mergeLoRA(false)
        #expect(gpt.loraLayers.map(\.layer.base.weight.data) == baseBefore, "unmerge restores W bit for bit")
    }

    @Test func disablingGivesTheBaseModel() throws {
        var rng = RNG(seed: 9)
        let net = MLP(sizes: [8, 8, 3], rng: &rng)
        let x = Tensor.randn([4, 8], rng: &rng)
        let plain = net(x).data
        try net.applyLoRA(["0"], rank: 2, alpha: 2, rng: &rng)
        (net.module(at: "0") as! LoRALinear).loraB.weight.data = (0..<16).map { Float($0) / 10 }
        #expect(net(x).data != plain)
        (net.module(at: "0") as! LoRALinear).isEnabled = false
        #expect(net(x).data == plain)
    }

    @Test func aRankRUpdateHasRankAtMostR() throws {
        let (gpt, _) = try Self.trainedLoRAGPT()
        for (path, layer) in gpt.loraLayers {
            let s = singularValues(layer.deltaWeight)
            #expect(s[0] > 1e-4, "\(path) learned something")
            #expect(s.dropFirst(layer.rank).allSatisfy { $0 < 1e-5 * s[0] }, "\(path): \(s.prefix(4))")
        }
    }

    @Test func singularValuesOfAKnownMatrix() {
        // diag(3, 2) padded with a zero row: singular values 3 and 2.
        let m = Tensor([3, 0, 0, 2, 0, 0], shape: [3, 2])
        let s = singularValues(m)
        #expect(abs(s[0] - 3) < 1e-9 && abs(s[1] - 2) < 1e-9)
    }

    @Test(arguments: [true, false])
    func adapterRoundTripKeepsOutputs(peftLayout: Bool) throws {
        let (gpt, ids) = try Self.trainedLoRAGPT()
        let expected = Tensor.withoutGrad { gpt(ids) }.data
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-lora-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = peftLayout ? dir : dir.appendingPathComponent("adapter.safetensors")
        if peftLayout { try AdapterFiles.savePEFT(gpt, to: dir) } else {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try AdapterFiles.save(gpt, to: target)
        }
        // A fresh model from the same seed has the same base weights; the adapter alone restores the rest.
        var rng = RNG(seed: 8)
        let fresh = GPT(GPTConfig(vocab: 10, context: 8, dim: 16, heads: 2, layers: 2), rng: &rng)
        let loaded = try AdapterFiles.load(into: fresh, from: target, rng: &rng)
        #expect(loaded.count == 4)
        #expect(relativeError(Tensor.withoutGrad { fresh(ids) }.data, expected) < 1e-6)
        if peftLayout {
            let keys = try SafeTensors.read(dir.appendingPathComponent("adapter_model.safetensors")).tensors
            #expect(keys["base_model.model.blocks.0.attn.q.lora_A.weight"]?.shape == [2, 16])
            #expect(keys["base_model.model.blocks.0.attn.q.lora_B.weight"]?.shape == [16, 2])
        }
    }

    @Test func loadingAnAdapterForAnotherModelFailsAndChangesNothing() throws {
        let (gpt, _) = try Self.trainedLoRAGPT()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-lora-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try AdapterFiles.savePEFT(gpt, to: dir)
        var rng = RNG(seed: 1)
        let other = GPT(GPTConfig(vocab: 10, context: 8, dim: 32, heads: 2, layers: 2), rng: &rng)
        #expect(throws: Checkpoint.LoadError.self) { try AdapterFiles.load(into: other, from: dir, rng: &rng) }
        #expect(other.loraLayers.isEmpty && other.trainableParameterCount == other.parameterCount)
    }
}
