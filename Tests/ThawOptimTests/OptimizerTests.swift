import Testing
import ThawNN
import ThawOptim
import ThawTensor
import TestSupport

@Suite struct OptimizerTests {
    /// A frozen parameter stays bit-identical through AdamW steps with weight decay > 0 and
    /// gets no optimizer state; a trainable one with a zero gradient still decays.
    @Test func frozenParametersAreUntouchedByAdamWDecay() {
        var rng = RNG(seed: 1)
        let net = MLP(sizes: [4, 8, 2], rng: &rng)
        net.child("0")!.setTrainable(false)
        let frozen = net.parameter(at: "0.weight")!
        let before = frozen.data
        let opt = Adam.adamW(groups: net.singleGroup(lr: 0.1, weightDecay: 0.5))
        let x = Tensor.randn([8, 4], rng: &rng)
        for _ in 0..<50 {
            opt.zeroGrad()
            Loss.crossEntropy(net(x), [0, 1, 0, 1, 0, 1, 0, 1]).backward()
            opt.step()
        }
        #expect(frozen.data == before)
        #expect(frozen.gradData == nil, "no gradient is even computed")
        #expect(opt.state(ofPath: "0.weight") == nil && opt.state(ofPath: "0.bias") == nil)
        #expect(opt.state(ofPath: "head.weight")?.step == 50)
    }

    @Test func sgdMomentumMatchesTheFormula() {
        let w = Tensor([1, -2], shape: [2]).requiringGrad()
        let opt = SGD(groups: [ParamGroup(name: "w", parameters: [("w", w)], lr: 0.1)], momentum: 0.9, nesterov: false)
        var b: [Float] = [0, 0]
        var expected: [Float] = [1, -2]
        for step in 0..<3 {
            w.gradData = [0.5, 1]
            let g: [Float] = [0.5, 1]
            b = step == 0 ? g : zip(b, g).map { 0.9 * $0 + $1 }
            expected = zip(expected, b).map { $0 - 0.1 * $1 }
            opt.step()
        }
        #expect(w.data == expected)
    }

    @Test func clippingReturnsTheNormAndScalesTogether() {
        let a = Tensor([0, 0], shape: [2]).requiringGrad(), b = Tensor([0], shape: [1]).requiringGrad()
        a.gradData = [3, 0]; b.gradData = [4]
        let norm = clipGradNorm([a, b], maxNorm: 1)
        #expect(norm == 5)
        #expect(abs(a.gradData![0] - 0.6) < 1e-5 && abs(b.gradData![0] - 0.8) < 1e-5)
        #expect(clipGradNorm([a, b], maxNorm: 10) < 1.0001, "under the limit nothing changes")
    }
}
