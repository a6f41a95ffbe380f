import Testing
import ThawTensor
import TestSupport

@Suite struct SoftmaxOpTests {
    @Test func softmaxValues() {
        let x = Tensor([1, 2, 3], shape: [3])
        #expect(approxEqual(x.softmax().data, [0.09003057, 0.24472847, 0.66524096]))
        let big = Tensor([1000, 1001], shape: [1, 2])  // would overflow without the max shift
        #expect(approxEqual(big.softmax().data, [0.26894142, 0.73105858]))
        let cols = Tensor([1, 2, 3, 4], shape: [2, 2]).softmax(axis: 0)
        #expect(approxEqual(cols.data, [0.11920292, 0.11920292, 0.88079708, 0.88079708]))
    }

    @Test func causalSoftmaxMasksTheFuture() {
        let y = Tensor.zeros([2, 3, 3]).softmax(causal: true)
        let third: Float = 1.0 / 3
        let block: [Float] = [1, 0, 0, 0.5, 0.5, 0, third, third, third]
        #expect(approxEqual(y.data, block + block))
        let scores = Tensor([5, 100, 100, 1, 2, 100, 0, 0, 0], shape: [3, 3])
        let p = scores.softmax(causal: true)
        #expect(p[0, 1] == 0 && p[0, 2] == 0 && p[1, 2] == 0)  // exactly zero, whatever the score
        #expect(approxEqual([p[1, 0], p[1, 1]], [0.26894142, 0.73105858]))
    }

    @Test func logSoftmaxValues() {
        let x = Tensor([1, 2, 3], shape: [3])
        #expect(approxEqual(x.logSoftmax().data, [-2.40760596, -1.40760596, -0.40760596]))
        let far = Tensor([0, -200], shape: [2]).logSoftmax()  // exact where softmax underflows
        #expect(approxEqual(far.data, [0, -200]))
    }

    @Test func gradients() {
        var rng = RNG(seed: 51)
        let x = randomInput([2, 3, 4], rng: &rng)
        expectGradientsMatch([x]) { $0[0].softmax() }
        expectGradientsMatch([x]) { $0[0].softmax(axis: 1) }
        expectGradientsMatch([x]) { $0[0].logSoftmax() }
        expectGradientsMatch([x]) { $0[0].logSoftmax(axis: 0) }
        let s = randomInput([2, 2, 4, 4], rng: &rng)
        expectGradientsMatch([s]) { $0[0].softmax(causal: true) }
    }

    @Test func causalMaskedEntriesGetNoGradient() {
        var rng = RNG(seed: 52)
        let s = randomInput([3, 3], rng: &rng)
        s.softmax(causal: true).backward(seed: (0..<9).map { Float($0) })
        let g = s.grad!
        #expect(g[0, 1] == 0 && g[0, 2] == 0 && g[1, 2] == 0)
        #expect(g[0, 0] == 0)  // a single visible entry has probability 1 whatever its score
    }
}
