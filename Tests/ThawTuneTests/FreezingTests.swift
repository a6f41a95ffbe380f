import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune
import TestSupport

@Suite struct FreezingTests {
    /// Test 1: AdamW with weight decay leaves frozen tensors bit-identical, including tensors
    /// that had gradients and optimizer state before they were frozen; they own no state.
    @Test func frozenTensorsStayBitIdenticalUnderAdamWWithDecay() throws {
        var rng = RNG(seed: 3)
        let net = MLP(sizes: [16, 32, 32, 4], rng: &rng)
        let (train, _) = Problems.blobs()
        let opt = Adam.adamW(groups: net.singleGroup(lr: 1e-2, weightDecay: 0.5))
        let learner = Learner(model: net, optimizer: opt, train: train)
        learner.fit(epochs: 1)  // every tensor now has gradients and Adam state
        #expect(opt.state(ofPath: "0.weight") != nil)

        try net.freeze(["0", "1.bias"])
        let frozen = net.namedParameters().filter { !$0.tensor.requiresGrad }
        #expect(frozen.map(\.path) == ["0.weight", "0.bias", "1.bias"])
        let before = frozen.map(\.tensor.data)
        learner.fit(epochs: 5)
        #expect(frozen.map(\.tensor.data) == before)
        for (path, _) in frozen { #expect(opt.state(ofPath: path) == nil, "\(path) still owns optimizer state") }
        #expect(opt.state(ofPath: "head.weight") != nil)
    }

    /// Test 2: unfreezing at step k is picked up at step k + 1, with fresh optimizer state.
    @Test func unfreezingIsPickedUpAtTheNextStep() throws {
        var rng = RNG(seed: 4)
        let net = MLP(sizes: [16, 32, 4], rng: &rng)
        try net.freeze(["0"])
        let (train, _) = Problems.blobs()
        let opt = Adam(groups: net.singleGroup(lr: 1e-2))
        let learner = Learner(model: net, optimizer: opt, train: train)
        final class UnfreezeAt: Callback {
            let k: Int
            var movedAt: Int?
            var last: [Float] = []
            init(_ k: Int) { self.k = k }
            func afterStep(_ l: Learner) {
                let w = l.model.parameter(at: "0.weight")!
                if l.step > 1 && w.data != last && movedAt == nil { movedAt = l.step }
                last = w.data
                if l.step == k { try! l.model.unfreeze(["0"]) }
            }
        }
        let probe = UnfreezeAt(3)
        learner.add(probe)
        learner.fit(epochs: 1)
        #expect(probe.movedAt == 4)
        #expect(opt.state(ofPath: "0.weight")?.step == learner.step - 3)
    }

    @Test func globsExceptAndGroupIndices() throws {
        var rng = RNG(seed: 5)
        let gpt = GPT(GPTConfig(vocab: 12, context: 8, dim: 16, heads: 2, layers: 3), rng: &rng)
        try gpt.freeze(["blocks.*.attn"])
        let frozen = Set(gpt.namedParameters().filter { !$0.tensor.requiresGrad }.map(\.path))
        #expect(frozen.count == 3 * 8 && frozen.allSatisfy { $0.contains(".attn.") })

        try gpt.unfreeze()
        try gpt.freeze(except: ["head"])
        #expect(gpt.namedParameters().filter(\.tensor.requiresGrad).allSatisfy { $0.path.hasPrefix("head.") })

        try gpt.freezeTo(-2)  // the top two groups: blocks.2 and head
        let trainable = Set(gpt.namedParameters().filter(\.tensor.requiresGrad).map { $0.path.split(separator: ".").prefix(2).joined(separator: ".") })
        #expect(trainable == ["blocks.2", "head.norm", "head.proj"])
        #expect(throws: FreezeError.self) { try gpt.freezeTo(9) }
    }

    @Test func aMistypedPathIsAnErrorWithASuggestion() {
        var rng = RNG(seed: 6)
        let net = MLP(sizes: [4, 8, 2], rng: &rng)
        #expect(throws: FreezeError.noMatch(pattern: "haed", suggestions: ["head"])) { try net.freeze(["haed"]) }
        #expect(net.trainableParameterCount == net.parameterCount, "a failed freeze changes nothing")
    }

    @Test func reportReadsLikePEFT() throws {
        var rng = RNG(seed: 7)
        let net = MLP(sizes: [64, 128, 10], rng: &rng)
        try net.freeze(except: ["head"])
        #expect(TrainableReport(net).description == "trainable params: 1,290 || all params: 9,610 || trainable%: 13.4235")
    }
}
