import Testing
import ThawTensor
import TestSupport

@Suite struct AttentionOpTests {
    /// Attention spelled out with the general ops: split into heads, scores, softmax, mix, merge.
    func composed(_ q: Tensor, _ k: Tensor, _ v: Tensor, heads: Int, causal: Bool) -> Tensor {
        let (b, t, dim) = (q.shape[0], q.shape[1], q.shape[2]), d = dim / heads
        func split(_ y: Tensor) -> Tensor { y.reshaped([b, t, heads, d]).permuted([0, 2, 1, 3]) }
        let scores = split(q).matmul(split(k), transposeB: true) * (1 / Float(d).squareRoot())
        let mixed = scores.softmax(axis: -1, causal: causal).matmul(split(v))
        return mixed.permuted([0, 2, 1, 3]).reshaped([b, t, dim])
    }

    @Test(arguments: [false, true])
    func matchesTheComposedOps(causal: Bool) {
        var rng = RNG(seed: 71)
        let (q, k, v) = (randomInput([2, 5, 6], rng: &rng), randomInput([2, 5, 6], rng: &rng), randomInput([2, 5, 6], rng: &rng))
        let fused = Tensor.attention(q: q, k: k, v: v, heads: 3, causal: causal)
        let seed = (0..<fused.count).map { Float($0 % 7) - 3 }
        fused.backward(seed: seed)
        let (gq, gk, gv) = (q.grad!.data, k.grad!.data, v.grad!.data)
        for x in [q, k, v] { x.zeroGrad() }
        let reference = composed(q, k, v, heads: 3, causal: causal)
        reference.backward(seed: seed)
        #expect(approxEqual(fused.data, reference.data))
        #expect(approxEqual(gq, q.grad!.data) && approxEqual(gk, k.grad!.data) && approxEqual(gv, v.grad!.data))
    }

    @Test func causalQueriesIgnoreTheFuture() {
        var rng = RNG(seed: 72)
        let (q, k, v) = (randomInput([1, 4, 4], rng: &rng), randomInput([1, 4, 4], rng: &rng), randomInput([1, 4, 4], rng: &rng))
        let before = Tensor.attention(q: q, k: k, v: v, heads: 2, causal: true).data
        for j in 0..<4 { v.data[3 * 4 + j] += 10; k.data[3 * 4 + j] -= 5 }  // change only the last position
        let after = Tensor.attention(q: q, k: k, v: v, heads: 2, causal: true).data
        #expect(Array(before[0..<12]) == Array(after[0..<12]))  // queries 0...2 never see key 3
    }

    @Test func gradients() {
        var rng = RNG(seed: 73)
        let (q, k, v) = (randomInput([2, 3, 4], rng: &rng), randomInput([2, 3, 4], rng: &rng), randomInput([2, 3, 4], rng: &rng))
        expectGradientsMatch([q, k, v]) { Tensor.attention(q: $0[0], k: $0[1], v: $0[2], heads: 2, causal: true) }
        expectGradientsMatch([q, k, v]) { Tensor.attention(q: $0[0], k: $0[1], v: $0[2], heads: 1, causal: false) }
    }

    @Test func skipsInputsThatNeedNoGradient() {
        var rng = RNG(seed: 74)
        let (q, k, v) = (randomInput([1, 3, 4], rng: &rng), randomInput([1, 3, 4], rng: &rng), randomInput([1, 3, 4], rng: &rng))
        k.requiresGrad = false
        Tensor.attention(q: q, k: k, v: v, heads: 2, causal: true).sum().backward()
        #expect(q.grad != nil && v.grad != nil && k.grad == nil)
    }

    @Test func oneTensorAsQueryKeyAndValue() {
        var rng = RNG(seed: 75)
        let x = randomInput([1, 3, 4], rng: &rng)
        expectGradientsMatch([x]) { Tensor.attention(q: $0[0], k: $0[0], v: $0[0], heads: 2, causal: false) }
    }
}
