import Testing
import ThawNN
import ThawTensor

/// Every model reads its children from the child list, so a replaced child is the one
/// `forward` uses (there are no cached handles left to go stale).
@Suite struct ChildReplacementTests {
    /// Passes its input through the module it replaced, counting the calls.
    final class Probe: Module {
        var calls = 0
        init(_ inner: Module) {
            super.init()
            addChild("inner", inner)
        }
        override func forward(_ x: Tensor) -> Tensor {
            calls += 1
            return child("inner")!(x)
        }
    }

    /// Replaces the module at each path with a probe around it: forward must call every probe
    /// (a block's dropout twice) and still give the same numbers.
    func expectForwardUsesReplacements(_ model: Module, _ input: Tensor, _ paths: [String]) {
        model.eval()
        let before = Tensor.withoutGrad { model(input) }.data
        for path in paths {
            let probe = Probe(model.module(at: path)!)
            model.replaceModule(at: path, with: probe)
            let after = Tensor.withoutGrad { model(input) }.data
            #expect(probe.calls >= 1, "\(model.typeName): forward did not use the new `\(path)`")
            #expect(after == before, "\(model.typeName): `\(path)` changed the numbers")
        }
    }

    static func ids(_ rows: Int, _ time: Int, vocab: Int) -> Tensor {
        Tensor((0..<(rows * time)).map { Float(($0 * 7 + 3) % vocab) }, shape: [rows, time])
    }

    @Test func mlp() {
        var rng = RNG(seed: 1)
        let net = MLP(sizes: [6, 5, 4, 3], dropout: 0.2, rng: &rng)
        expectForwardUsesReplacements(net, Tensor.randn([2, 6], rng: &rng), ["0", "1", "head", "dropout0", "dropout1"])
    }

    @Test func cnnAndResidualBlock() {
        var rng = RNG(seed: 2)
        let net = CNN(channels: (2, 3), classes: 4, residual: true, rng: &rng)
        expectForwardUsesReplacements(net, Tensor.randn([2, 64], rng: &rng),
                                      ["conv0", "conv1", "res.conv1", "res.conv2", "res", "head"])
    }

    @Test func sequential() {
        var rng = RNG(seed: 3)
        let net = Sequential([Linear(3, 4, rng: &rng), Activation(.tanh), Linear(4, 2, rng: &rng)])
        expectForwardUsesReplacements(net, Tensor.randn([2, 3], rng: &rng), ["0", "1", "2"])
    }

    static let blockPaths = ["ln1", "attn.q", "attn.k", "attn.v", "attn.o", "attn", "ln2", "mlp.fc1", "mlp.fc2", "mlp"]

    @Test func gptAndItsBlocks() {
        var rng = RNG(seed: 4)
        let gpt = GPT(GPTConfig(vocab: 9, context: 6, dim: 8, heads: 2, layers: 2, dropout: 0.1), rng: &rng)
        let paths = ["embed.tok"] + Self.blockPaths.map { "blocks.1." + $0 }
            + ["blocks.1.dropout", "blocks.0", "head.norm", "head.proj", "head"]
        expectForwardUsesReplacements(gpt, Self.ids(2, 5, vocab: 9), paths)
    }

    @Test func encoder() {
        var rng = RNG(seed: 5)
        for pooling in Pooling.allCases {
            let enc = Encoder(EncoderConfig(vocab: 9, context: 6, dim: 8, heads: 2, layers: 1, classes: 3, pooling: pooling), rng: &rng)
            expectForwardUsesReplacements(enc, Self.ids(2, 5, vocab: 9),
                                          ["embed.tok"] + Self.blockPaths.map { "blocks.0." + $0 } + ["head.proj", "head"])
        }
    }

    @Test func aNewHeadChangesTheOutputs() {
        var rng = RNG(seed: 6)
        let net = MLP(sizes: [6, 5, 3], rng: &rng)
        #expect(net.outputLayerPath == "head" && net.outputLayer?.outFeatures == 3)
        #expect(net.replaceOutputLayer(classes: 7, rng: &rng) == "head")
        #expect(net(Tensor.randn([2, 6], rng: &rng)).shape == [2, 7])
        #expect(net.outputLayer?.outFeatures == 7 && net.outputLayer?.inFeatures == 5)
        let gpt = GPT(GPTConfig(vocab: 9, context: 6, dim: 8, heads: 2, layers: 1), rng: &rng)
        #expect(gpt.outputLayerPath == "head.proj" && gpt.outputLayer?.outFeatures == 9)
        #expect(Sequential([]).outputLayer == nil)
    }
}
