import Foundation
import Testing
import ThawNN
import ThawTensor
import ThawTune
import TestSupport

/// Adapter folders written by `save … peft` are what Hugging Face PEFT reads, checked with PEFT
/// itself (`PeftModel.from_pretrained`), not with our reader: a new head goes into
/// `modules_to_save` with its weights, so PEFT reproduces Thaw's outputs; a LoRA on one layer
/// of several with the same name is targeted by its full path. The PEFT checks need
/// `$THAW_TORCH_PYTHON` (a Python with torch and peft: docs/toolkit.md); the layout checks do not.
@Suite("PEFT interop")
struct PEFTInteropTests {
    /// Lesson 4's recipe in small: a pretrained MLP, a fresh head of the same size, LoRA on
    /// `0` and `1`, with B set off zero so that the adapters change the output.
    func lessonFourRecipe() throws -> (base: MLP, tuned: MLP, x: Tensor) {
        var rng = RNG(seed: 5)
        let base = MLP(sizes: [8, 16, 16, 5], rng: &rng)
        let tuned = base.deepCopy() as! MLP
        tuned.replaceModule(at: "head", with: Linear(16, 5, rng: &rng))
        try tuned.applyLoRA(["0", "1"], rank: 2, alpha: 4, rng: &rng)
        for (_, layer) in tuned.loraLayers {
            layer.loraB.weight.data = Tensor.randn(layer.loraB.weight.shape, rng: &rng).data
        }
        for (path, p) in tuned.namedParameters() where path.hasPrefix("head.") { p.requiresGrad = true }
        return (base, tuned, Tensor.randn([6, 8], rng: &rng))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-peft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aNewHeadIsSavedWholeAndLoadsBack() throws {
        let (base, tuned, x) = try lessonFourRecipe()
        let folder = try temporaryFolder()
        try AdapterFiles.savePEFT(tuned, to: folder)
        let config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("adapter_config.json"))) as? [String: Any])
        #expect(config["modules_to_save"] as? [String] == ["head"])
        #expect(config["target_modules"] as? [String] == ["0", "1"])
        let keys = try SafeTensors.read(folder.appendingPathComponent("adapter_model.safetensors")).tensors.keys.sorted()
        #expect(keys.contains("base_model.model.head.weight") && keys.contains("base_model.model.head.bias"))

        // Back into the base model: the same outputs, the head and LoRA trainable, the rest frozen.
        var rng = RNG(seed: 1)
        let back = base.deepCopy()
        #expect(try AdapterFiles.load(into: back, from: folder, rng: &rng) == ["0", "1", "head"])
        #expect(Tensor.withoutGrad { back(x) }.data == Tensor.withoutGrad { tuned(x) }.data)
        #expect(back.namedParameters().filter(\.tensor.requiresGrad).map(\.path).sorted()
                == tuned.namedParameters().filter(\.tensor.requiresGrad).map(\.path).sorted())

        // A head for another number of classes is refused, and the model is left as it was.
        let other = MLP(sizes: [8, 16, 16, 3], rng: &rng)
        let before = other.namedParameters().map(\.tensor.data)
        #expect(throws: Checkpoint.LoadError.self) { try AdapterFiles.load(into: other, from: folder, rng: &rng) }
        #expect(other.namedParameters().map(\.tensor.data) == before && other.loraLayers.isEmpty)
    }

    @Test func oneLayerOfSeveralWithTheSameNameIsTargetedByItsPath() throws {
        var rng = RNG(seed: 2)
        let gpt = GPT(GPTConfig(vocab: 10, context: 8, dim: 16, heads: 2, layers: 2), rng: &rng)
        try gpt.applyLoRA(["blocks.0.attn.q"], rank: 2, alpha: 4, rng: &rng)
        #expect(AdapterFiles.targetModules(of: gpt) == ["blocks.0.attn.q"])
        try gpt.applyLoRA(["blocks.1.attn.q", "blocks.*.attn.v"], rank: 2, alpha: 4, rng: &rng)
        #expect(AdapterFiles.targetModules(of: gpt) == ["q", "v"])
    }

    @Test(.enabled(if: PythonCheck.torchPython != nil, "set THAW_TORCH_PYTHON to a Python with torch and peft (docs/toolkit.md)"))
    func peftReproducesTheOutputsOfANewHeadWithLoRA() throws {
        let python = try #require(PythonCheck.torchPython)
        let (base, tuned, x) = try lessonFourRecipe()
        let folder = try temporaryFolder()
        try Checkpoint.save(base, to: folder.appendingPathComponent("base.safetensors"))
        try AdapterFiles.savePEFT(tuned, to: folder.appendingPathComponent("adapter"))
        let y = Tensor.withoutGrad { tuned(x) }
        try SafeTensors.write(["x": .init(shape: x.shape, values: x.data), "y": .init(shape: y.shape, values: y.data)],
                              to: folder.appendingPathComponent("io.safetensors"))
        let out = try PythonCheck.run("""
            import torch, torch.nn as nn
            from safetensors.torch import load_file
            from peft import PeftModel
            class MLP(nn.Module):
                def __init__(self, sizes):
                    super().__init__()
                    self.hidden = len(sizes) - 2
                    for i in range(self.hidden):
                        self.add_module(str(i), nn.Linear(sizes[i], sizes[i + 1]))
                    self.head = nn.Linear(sizes[-2], sizes[-1])
                def forward(self, x):
                    for i in range(self.hidden):
                        x = torch.relu(getattr(self, str(i))(x))
                    return self.head(x)
            folder = "\(folder.path)"
            base = MLP([8, 16, 16, 5])
            base.load_state_dict(load_file(folder + "/base.safetensors"))
            model = PeftModel.from_pretrained(base, folder + "/adapter")
            io = load_file(folder + "/io.safetensors")
            with torch.no_grad():
                print(float((model(io["x"]) - io["y"]).abs().max()))
            """, python: python)
        let difference = try #require(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(difference < 1e-5, "PEFT's outputs differ from Thaw's by \(difference)")
    }

    @Test(.enabled(if: PythonCheck.torchPython != nil, "set THAW_TORCH_PYTHON to a Python with torch and peft (docs/toolkit.md)"))
    func peftWrapsOnlyTheOneLayerThawWrapped() throws {
        let python = try #require(PythonCheck.torchPython)
        var rng = RNG(seed: 2)
        let gpt = GPT(GPTConfig(vocab: 10, context: 8, dim: 16, heads: 2, layers: 2), rng: &rng)
        try gpt.applyLoRA(["blocks.0.attn.q"], rank: 2, alpha: 4, rng: &rng)
        let folder = try temporaryFolder()
        try AdapterFiles.savePEFT(gpt, to: folder)
        // PEFT matches target names against module paths; a skeleton with GPT's names is enough.
        let out = try PythonCheck.run("""
            import torch.nn as nn
            from peft import PeftModel
            from peft.tuners.lora import LoraLayer
            def block():
                b = nn.Module()
                b.attn = nn.Module()
                for name in "qkvo": b.attn.add_module(name, nn.Linear(16, 16))
                return b
            skeleton = nn.Module()
            skeleton.blocks = nn.ModuleList([block(), block()])
            model = PeftModel.from_pretrained(skeleton, "\(folder.path)")
            print(",".join(n.replace("base_model.model.", "") for n, m in model.named_modules() if isinstance(m, LoraLayer)))
            """, python: python)
        #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "blocks.0.attn.q")
    }
}
