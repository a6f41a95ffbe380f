import Testing
import ThawTensor
import TestSupport

@Suite struct NormalizationOpTests {
    let x = Tensor([1, 2, 3, 2, 4, 7], shape: [2, 3])

    @Test func layerNormMatchesPyTorchFormula() {
        // Reference: (x − mean)/√(biased var + 1e-5)·w + b, in float64.
        let plain = x.layerNorm(weight: nil, bias: nil)
        #expect(approxEqual(plain.data, [-1.22473569, 0, 1.22473569, -1.13554860, -0.16222123, 1.29776983]))
        let w = Tensor([1, 2, 0.5], shape: [3]), b = Tensor([0, 1, -1], shape: [3])
        let affine = x.layerNorm(weight: w, bias: b)
        #expect(approxEqual(affine.data, [-1.22473569, 1, -0.38763216, -1.13554860, 0.67555754, -0.35111508]))
    }

    @Test func gradients() {
        var rng = RNG(seed: 71)
        let x = randomInput([2, 3, 5], rng: &rng)
        let w = randomInput([5], rng: &rng), b = randomInput([5], rng: &rng)
        expectGradientsMatch([x, w, b]) { $0[0].layerNorm(weight: $0[1], bias: $0[2]) }
        expectGradientsMatch([x]) { $0[0].layerNorm(weight: nil, bias: nil, eps: 1e-3) }
    }

    @Test func frozenAffineGetsNoGradient() {
        var rng = RNG(seed: 72)
        let x = randomInput([4, 6], rng: &rng)
        let w = Tensor.randn([6], rng: &rng), b = Tensor.zeros([6])
        expectGradientsMatch([x, w, b]) { $0[0].layerNorm(weight: $0[1], bias: $0[2]) }
        #expect(w.gradData == nil && b.gradData == nil)
        // And the other way round: a frozen input with trainable affine parameters.
        let frozenX = Tensor.randn([4, 6], rng: &rng)
        let tw = randomInput([6], rng: &rng), tb = randomInput([6], rng: &rng)
        expectGradientsMatch([frozenX, tw, tb]) { $0[0].layerNorm(weight: $0[1], bias: $0[2]) }
        #expect(frozenX.gradData == nil)
    }
}
