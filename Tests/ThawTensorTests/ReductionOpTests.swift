import Testing
import ThawTensor
import TestSupport

@Suite struct ReductionOpTests {
    let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func fullReductions() {
        #expect(m.sum().shape == [] && m.sum().item == 21)
        #expect(m.mean().shape == [] && m.mean().item == 3.5)
    }

    @Test func axisReductions() {
        #expect(m.sum(axis: 0).shape == [3] && m.sum(axis: 0).data == [5, 7, 9])
        #expect(m.sum(axis: 1).data == [6, 15])
        #expect(m.sum(axis: -1, keepDims: true).shape == [2, 1])
        #expect(m.mean(axis: 0).data == [2.5, 3.5, 4.5])
        #expect(m.mean(axis: -1, keepDims: true).data == [2, 5])
        let x = Tensor((0..<12).map(Float.init), shape: [2, 3, 2])
        #expect(x.sum(axis: 1).shape == [2, 2] && x.sum(axis: 1).data == [6, 9, 24, 27])
        #expect(x.mean(axis: 1, keepDims: true).shape == [2, 1, 2])
    }

    @Test func maxAndArgmaxPreferTheFirstMaximum() {
        let x = Tensor([1, 3, 3, 2, 0, 1], shape: [2, 3]).requiringGrad()
        let mx = x.max(axis: 1)
        #expect(mx.data == [3, 2])
        mx.backward(seed: [1, 1])
        #expect(x.gradData == [0, 1, 0, 1, 0, 0])
        #expect(x.argmax() == [1, 0])
        #expect(x.argmax(axis: 0) == [1, 0, 0])
        #expect(x.max(axis: 0, keepDims: true).shape == [1, 3])
        let t = Tensor([0, 5, 2, 1, 7, 3, 4, 1], shape: [2, 2, 2])
        #expect(t.argmax(axis: 1) == [1, 0, 0, 0])
        #expect(t.max(axis: -2).data == [2, 5, 7, 3])
    }

    @Test func gradients() {
        var rng = RNG(seed: 31)
        let x = randomInput([2, 3, 4], rng: &rng)
        expectGradientsMatch([x]) { $0[0].sum() }
        expectGradientsMatch([x]) { $0[0].mean() }
        for axis in [0, 1, 2, -1] {
            expectGradientsMatch([x]) { $0[0].sum(axis: axis) }
            expectGradientsMatch([x]) { $0[0].mean(axis: axis, keepDims: true) }
        }
        // Max has a kink wherever two candidates are within the finite-difference step of
        // each other: use distinct values 0.1 apart, shuffled.
        let spaced = Tensor(rng.permutation(24).map { Float($0) * 0.1 }, shape: [2, 3, 4]).requiringGrad()
        for axis in [0, 1, 2, -1] {
            expectGradientsMatch([spaced]) { $0[0].max(axis: axis, keepDims: axis == 1) }
        }
    }
}
