import Testing
import ThawTensor
import TestSupport

@Suite struct ArithmeticOpTests {
    @Test func sameShapeValues() {
        let a = Tensor([1, 2, 3, 4], shape: [2, 2]), b = Tensor([4, 3, 2, 1], shape: [2, 2])
        #expect((a + b).data == [5, 5, 5, 5])
        #expect((a - b).data == [-3, -1, 1, 3])
        #expect((a * b).data == [4, 6, 6, 4])
        #expect((a / b).data == [0.25, 2.0 / 3, 1.5, 4])
    }

    @Test func broadcastValuesAndShapes() {
        let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let row = Tensor([10, 20, 30], shape: [3])
        #expect((m + row).data == [11, 22, 33, 14, 25, 36])
        let col = Tensor([1, 2], shape: [2, 1])
        #expect((m * col).data == [1, 2, 3, 8, 10, 12])
        let outer = col * Tensor([1, 10, 100], shape: [1, 3])
        #expect(outer.shape == [2, 3] && outer.data == [1, 10, 100, 2, 20, 200])
        let r3 = Tensor([1, 2], shape: [2, 1, 1]) - Tensor([1, 2, 3], shape: [3])
        #expect(r3.shape == [2, 1, 3] && r3.data == [0, -1, -2, 1, 0, -1])
    }

    @Test func scalarOperands() {
        let x = Tensor([1, 2, 4], shape: [3])
        #expect((x + 1).data == [2, 3, 5])
        #expect((1 - x).data == [0, -1, -3])
        #expect((x * 2).data == [2, 4, 8])
        #expect((x / 2).data == [0.5, 1, 2])
        #expect((4 / x).data == [4, 2, 1])
        #expect((-x).data == [-1, -2, -4])
        #expect((Tensor(scalar: 3) * x).shape == [3])
    }

    @Test(arguments: [
        ([2, 3, 4], [2, 3, 4]),  // same shape
        ([2, 3, 4], [4]),        // trailing dimensions
        ([4], [2, 3, 4]),        // trailing, on the left
        ([2, 3, 4], []),         // scalar tensor
        ([2, 1, 4], [3, 1]),     // both broadcast
        ([3, 1], [1, 1, 5]),     // rank grows on the right
    ])
    func broadcastGradients(sa: [Int], sb: [Int]) {
        var rng = RNG(seed: 11)
        let a = randomInput(sa, rng: &rng)
        let b = awayFromZero(sb, rng: &rng)
        expectGradientsMatch([a, b]) { $0[0] + $0[1] }
        expectGradientsMatch([a, b]) { $0[0] - $0[1] }
        expectGradientsMatch([a, b]) { $0[0] * $0[1] }
        expectGradientsMatch([a, b]) { $0[0] / $0[1] }
        expectGradientsMatch([b, a]) { $0[1] - $0[0] }
    }

    @Test func incompatibleShapesStop() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.zeros([2, 3]) + Tensor.zeros([2])
        }
    }

    @Test func sameTensorOnBothSides() {
        var rng = RNG(seed: 12)
        let x = randomInput([3, 2], rng: &rng)
        expectGradientsMatch([x]) { $0[0] * $0[0] }
        expectGradientsMatch([x]) { 2 - $0[0] / 3 }
    }

    @Test func frozenOperandGetsNoGradient() {
        let x = Tensor([1, 2], shape: [2]).requiringGrad()
        let w = Tensor([3, 4], shape: [2])
        (x * w).backward(seed: [1, 1])
        #expect(w.gradData == nil)
        #expect(x.gradData == [3, 4])
    }

    @Test func broadcastToRepeatsAndSumsBack() {
        let x = Tensor([1, 2], shape: [2, 1]).requiringGrad()
        let y = x.broadcast(to: [3, 2, 2])
        #expect(y.data == [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2])
        y.backward(seed: [Float](repeating: 1, count: 12))
        #expect(x.gradData == [6, 6])
        var rng = RNG(seed: 13)
        expectGradientsMatch([randomInput([3, 1], rng: &rng)]) { $0[0].broadcast(to: [2, 3, 4]) }
    }

    @Test func unaryValues() {
        let x = Tensor([-2, 0.25, 4], shape: [3])
        #expect(x.negated().data == [2, -0.25, -4])
        #expect(x.squared().data == [4, 0.0625, 16])
        #expect(x.abs().data == [2, 0.25, 4])
        #expect(x.clamped(min: 0, max: 1).data == [0, 0.25, 1])
        #expect(x.clamped(min: -1).data == [-1, 0.25, 4])
        let p = Tensor([0.25, 1, 4], shape: [3])
        #expect(p.sqrt().data == [0.5, 1, 2])
        #expect(approxEqual(p.log().data, [-1.3862944, 0, 1.3862944]))
        #expect(approxEqual(Tensor([0, 1], shape: [2]).exp().data, [1, 2.7182817]))
        #expect(approxEqual(p.pow(1.5).data, [0.125, 1, 8]))
        #expect(p.pow(0).data == [1, 1, 1])
    }

    @Test func unaryGradients() {
        var rng = RNG(seed: 14)
        let x = awayFromZero([2, 3], rng: &rng)               // no kink at 0 for abs
        let pos = randomInput([2, 3], rng: &rng)
        for i in 0..<pos.count { pos.data[i] = 0.5 + Swift.abs(pos.data[i]) }  // sqrt, log, pow domain
        expectGradientsMatch([x]) { $0[0].negated() }
        expectGradientsMatch([x]) { -$0[0] }
        expectGradientsMatch([x]) { $0[0].squared() }
        expectGradientsMatch([x]) { $0[0].exp() }
        expectGradientsMatch([x]) { $0[0].abs() }
        expectGradientsMatch([pos]) { $0[0].sqrt() }
        expectGradientsMatch([pos]) { $0[0].log() }
        expectGradientsMatch([pos]) { $0[0].pow(2.5) }
        expectGradientsMatch([pos]) { $0[0].pow(-1) }
    }

    @Test func clampGradientPassesOnlyInside() {
        let x = Tensor([-2, -0.5, 0.5, 2], shape: [4]).requiringGrad()
        x.clamped(min: -1, max: 1).backward(seed: [1, 1, 1, 1])
        #expect(x.gradData == [0, 1, 1, 0])
        let y = Tensor([-1.7, -0.3, 0.4, 1.9], shape: [4]).requiringGrad()
        expectGradientsMatch([y]) { $0[0].clamped(min: -1, max: 1) }
    }
}
