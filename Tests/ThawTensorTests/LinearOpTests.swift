import Testing
import ThawTensor
import TestSupport

@Suite struct LinearOpTests {
    @Test func linearMatchesHandComputedValues() {
        let x = Tensor([1, 2, 3, 4], shape: [2, 2])
        let w = Tensor([1, 0, 0, 1, 1, 1], shape: [3, 2])
        let b = Tensor([0.5, -0.5, 0], shape: [3])
        #expect(x.linear(w, bias: b).data == [1.5, 1.5, 3, 3.5, 3.5, 7])
    }

    @Test func linearGradientsMatchFiniteDifferences() {
        var rng = RNG(seed: 1)
        let x = randomInput([3, 2, 4], rng: &rng)
        let w = randomInput([5, 4], rng: &rng), b = randomInput([5], rng: &rng)
        let worst = gradientCheck([x, w, b]) { $0[0].linear($0[1], bias: $0[2]) }
        #expect(worst!.error < 1e-3, "\(worst!)")
    }

    @Test func frozenWeightGetsNoGradient() {
        var rng = RNG(seed: 2)
        let x = randomInput([4, 3], rng: &rng)
        let w = Tensor.randn([2, 3], rng: &rng)  // frozen: requiresGrad is false
        x.linear(w).reshaped([-1]).backward(seed: [1, 1, 1, 1, 1, 1, 1, 1])
        #expect(w.gradData == nil)
        #expect(x.gradData != nil)
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matmulGradientsForEveryTransposeCombination(ta: Bool, tb: Bool) {
        var rng = RNG(seed: 3)
        let a = randomInput(ta ? [2, 4, 3] : [2, 3, 4], rng: &rng)
        let b = randomInput(tb ? [2, 5, 4] : [2, 4, 5], rng: &rng)
        let worst = gradientCheck([a, b]) { $0[0].matmul($0[1], transposeA: ta, transposeB: tb) }
        #expect(worst!.error < 1e-3, "\(worst!)")
    }

    @Test func matmulFoldsLeadingDimensionsOfTheLeftOperand() {
        var rng = RNG(seed: 4)
        let a = randomInput([2, 3, 4], rng: &rng), b = randomInput([4, 5], rng: &rng)
        #expect(a.matmul(b).shape == [2, 3, 5])
        let worst = gradientCheck([a, b]) { $0[0].matmul($0[1]) }
        #expect(worst!.error < 1e-3, "\(worst!)")
    }
}
