import Testing
import ThawTensor
import TestSupport

@Suite struct ShapeOpTests {
    @Test func transposeAndPermuteValues() {
        let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let t = m.transposed(0, 1)
        #expect(t.shape == [3, 2] && t.data == [1, 4, 2, 5, 3, 6])
        #expect(m.transposed(-1, -2).data == t.data)

        let x = Tensor((0..<24).map(Float.init), shape: [2, 3, 4])
        let p = x.permuted([2, 0, 1])
        #expect(p.shape == [4, 2, 3])
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { #expect(p[k, i, j] == x[i, j, k]) } } }
        #expect(x.permuted([0, -1, 1]).shape == [2, 4, 3])
    }

    @Test func transposeAndPermuteGradients() {
        var rng = RNG(seed: 21)
        let x = randomInput([2, 3, 4], rng: &rng)
        expectGradientsMatch([x]) { $0[0].permuted([2, 0, 1]) }
        expectGradientsMatch([x]) { $0[0].permuted([1, 2, 0]) }
        expectGradientsMatch([x]) { $0[0].transposed(-2, -1) }
        let x4 = randomInput([2, 3, 2, 2], rng: &rng)
        expectGradientsMatch([x4]) { $0[0].permuted([0, 2, 1, 3]) }  // attention's head split
    }

    @Test func tiledTransposeHandlesPartialTilesAndBatches() {
        // 40×35 matrices: more than one 32×32 tile each way, with ragged edges.
        let x = Tensor((0..<(2 * 40 * 35)).map(Float.init), shape: [2, 40, 35]).requiringGrad()
        let t = x.transposed(-1, -2)
        #expect(t.shape == [2, 35, 40])
        var ok = true
        for b in 0..<2 { for i in 0..<40 { for j in 0..<35 where t[b, j, i] != x[b, i, j] { ok = false } } }
        #expect(ok)
        t.backward(seed: t.data)  // the gradient of a transpose is the seed transposed back: x itself
        #expect(x.gradData == x.data)
    }

    @Test func sliceValuesAndGradient() {
        let x = Tensor((0..<12).map(Float.init), shape: [3, 4])
        let cols = x.slice(axis: 1, range: 1..<3)
        #expect(cols.shape == [3, 2] && cols.data == [1, 2, 5, 6, 9, 10])
        let rows = x.slice(axis: -2, range: 2..<3)
        #expect(rows.shape == [1, 4] && rows.data == [8, 9, 10, 11])
        #expect(x.slice(axis: 0, range: 1..<1).shape == [0, 4])

        let g = Tensor([Float](repeating: 0, count: 12), shape: [3, 4]).requiringGrad()
        g.slice(axis: 1, range: 1..<3).backward(seed: [1, 2, 3, 4, 5, 6])
        #expect(g.gradData == [0, 1, 2, 0, 0, 3, 4, 0, 0, 5, 6, 0])
        var rng = RNG(seed: 22)
        expectGradientsMatch([randomInput([2, 5, 3], rng: &rng)]) { $0[0].slice(axis: 1, range: 1..<4) }
    }

    @Test func concatValues() {
        let a = Tensor([1, 2, 3, 4], shape: [2, 2]), b = Tensor([5, 6], shape: [1, 2])
        let rows = Tensor.concat([a, b], axis: 0)
        #expect(rows.shape == [3, 2] && rows.data == [1, 2, 3, 4, 5, 6])
        let c = Tensor([7, 8], shape: [2, 1])
        let cols = Tensor.concat([a, c], axis: -1)
        #expect(cols.shape == [2, 3] && cols.data == [1, 2, 7, 3, 4, 8])
    }

    @Test func concatGradientsSkipFrozenInputs() {
        var rng = RNG(seed: 23)
        let a = randomInput([2, 3, 2], rng: &rng), b = randomInput([2, 1, 2], rng: &rng)
        let frozen = Tensor.randn([2, 2, 2], rng: &rng)
        expectGradientsMatch([a, b, frozen]) { Tensor.concat($0, axis: 1) }
        #expect(frozen.gradData == nil)
        expectGradientsMatch([a, a]) { Tensor.concat($0, axis: 2) }
    }

    @Test func unsqueezeAndSqueeze() {
        let x = Tensor([1, 2, 3], shape: [3])
        #expect(x.unsqueezed(axis: 0).shape == [1, 3])
        #expect(x.unsqueezed(axis: 1).shape == [3, 1])
        #expect(x.unsqueezed(axis: -1).shape == [3, 1])
        #expect(x.unsqueezed(axis: -2).shape == [1, 3])
        let y = Tensor([1, 2, 3], shape: [1, 3, 1])
        #expect(y.squeezed(axis: 0).shape == [3, 1])
        #expect(y.squeezed(axis: -1).shape == [1, 3])
        var rng = RNG(seed: 24)
        expectGradientsMatch([randomInput([2, 3], rng: &rng)]) { $0[0].unsqueezed(axis: 1).squeezed(axis: 1) }
    }
}
