import Testing
import ThawTensor
import TestSupport

@Suite struct LossOpTests {
    // Reference values: PyTorch's F.cross_entropy formula (log_softmax + weighted NLL, and the
    // label-smoothing term normalised by the same target-weight sum), evaluated in float64.
    let logits = Tensor([1, 2, 3, 0.5, 0, -1, 2, -1, 0.5], shape: [3, 3])
    let targets = [2, 1, 0]

    @Test func simpleCases() {
        #expect(approxEqual([Tensor([0, 0], shape: [1, 2]).crossEntropy(targets: [0]).item], [0.69314718]))
        #expect(approxEqual([Tensor([1, 2, 3], shape: [1, 3]).crossEntropy(targets: [2]).item], [0.40760596]))
        let ce = logits.crossEntropy(targets: targets)
        #expect(ce.shape == [] && approxEqual([ce.item], [0.58434929]))
    }

    @Test func weightedSmoothedAndIgnoredMatchPyTorch() {
        #expect(approxEqual([logits.crossEntropy(targets: targets, classWeights: [0.2, 1, 3]).item], [0.56552637]))
        #expect(approxEqual([logits.crossEntropy(targets: targets, labelSmoothing: 0.1).item], [0.67323818]))
        #expect(approxEqual([logits.crossEntropy(targets: [2, -100, 0], ignoreIndex: -100).item], [0.32445863]))
        let all = logits.crossEntropy(targets: [2, -100, 0], classWeights: [0.2, 1, 3],
                                      labelSmoothing: 0.25, ignoreIndex: -100)
        #expect(approxEqual([all.item], [0.60065557]))
    }

    @Test func leadingDimensionsAreFlattened() {
        let l3 = logits.reshaped([1, 3, 3])
        #expect(approxEqual([l3.crossEntropy(targets: targets).item], [0.58434929]))
    }

    @Test(arguments: [(false, Float(0), false), (true, 0, false), (false, 0.2, false),
                      (false, 0, true), (true, 0.3, true)])
    func crossEntropyGradients(weighted: Bool, smoothing: Float, ignoring: Bool) {
        var rng = RNG(seed: 91)
        let z = randomInput([2, 3, 5], rng: &rng)
        let t = ignoring ? [4, 0, -1, 2, 2, -1] : [4, 0, 1, 2, 2, 3]
        let w: [Float]? = weighted ? [0.5, 1, 2, 0.1, 1.5] : nil
        expectGradientsMatch([z]) {
            $0[0].crossEntropy(targets: t, classWeights: w, labelSmoothing: smoothing, ignoreIndex: ignoring ? -1 : nil)
        }
        if ignoring {  // ignored rows get exactly zero gradient
            z.zeroGrad()
            z.crossEntropy(targets: t, ignoreIndex: -1).backward()
            #expect(z.gradData![10..<15].allSatisfy { $0 == 0 } && z.gradData![25..<30].allSatisfy { $0 == 0 })
        }
    }

    @Test func outOfRangeTargetStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.zeros([2, 3]).crossEntropy(targets: [0, 3])
        }
    }

    @Test func crossEntropyIsStableForHugeLogits() {
        let z = Tensor([1000, 0, -1000], shape: [1, 3]).requiringGrad()
        let loss = z.crossEntropy(targets: [1])
        #expect(approxEqual([loss.item], [1000]))
        loss.backward()
        #expect(approxEqual(z.gradData!, [1, -1, 0]))
    }

    @Test func mseLoss() {
        let x = Tensor([1, 2, 3], shape: [3]).requiringGrad(), t = Tensor([1, 0, 5], shape: [3])
        let loss = x.mseLoss(t)
        #expect(loss.shape == [] && approxEqual([loss.item], [8.0 / 3]))
        loss.backward()
        #expect(approxEqual(x.gradData!, [0, 4.0 / 3, -4.0 / 3]))
        #expect(t.gradData == nil)
        var rng = RNG(seed: 92)
        expectGradientsMatch([randomInput([2, 4], rng: &rng), randomInput([2, 4], rng: &rng)]) { $0[0].mseLoss($0[1]) }
    }
}
