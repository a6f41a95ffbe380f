import Testing
import ThawTensor
import TestSupport

@Suite struct DropoutOpTests {
    @Test func identityWhenNotTrainingOrPIsZero() {
        var rng = RNG(seed: 81)
        let x = Tensor([1, 2, 3], shape: [3])
        let before = rng
        #expect(x.dropout(p: 0.5, rng: &rng, training: false) === x)
        #expect(x.dropout(p: 0, rng: &rng, training: true) === x)
        #expect(rng == before)  // nothing drawn
    }

    @Test func maskComesFromTheRNGAndScalesKeptValues() {
        let x = Tensor((1...8).map(Float.init), shape: [2, 4])
        var rng = RNG(seed: 82)
        var replay = rng
        let y = x.dropout(p: 0.25, rng: &rng, training: true)
        let expected = x.data.map { replay.uniform() >= 0.25 ? $0 / 0.75 : 0 }
        #expect(approxEqual(y.data, expected))
        #expect(rng == replay)  // one draw per element
        #expect(Tensor.ones([3]).dropout(p: 1, rng: &rng, training: true).data == [0, 0, 0])
    }

    @Test func keepsAboutOneMinusPAndPreservesTheMean() {
        var rng = RNG(seed: 83)
        let y = Tensor.ones([20_000]).dropout(p: 0.3, rng: &rng, training: true)
        let kept = y.data.filter { $0 != 0 }
        #expect(kept.allSatisfy { Swift.abs($0 - 1 / 0.7) < 1e-6 })
        let fraction = Double(kept.count) / 20_000
        #expect(fraction > 0.68 && fraction < 0.72)
        #expect(Swift.abs(y.mean().item - 1) < 0.03)
    }

    @Test func gradientFlowsThroughKeptUnitsOnly() {
        var rng = RNG(seed: 84)
        let x = randomInput([3, 5], rng: &rng)
        // A fixed seed inside the closure: every evaluation uses the same mask.
        expectGradientsMatch([x]) { var r = RNG(seed: 7); return $0[0].dropout(p: 0.4, rng: &r, training: true) }
        var r = RNG(seed: 7)
        let y = x.dropout(p: 0.4, rng: &r, training: true)
        x.zeroGrad()
        y.backward(seed: [Float](repeating: 1, count: 15))
        for i in 0..<15 { #expect(x.gradData![i] == (y.data[i] == 0 ? 0 : 1 / 0.6)) }
    }
}
