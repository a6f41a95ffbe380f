import Testing
import ThawTensor
import TestSupport

/// Direct six-loop cross-correlation with zero padding: the reference the GEMM version must match.
private func naiveConv(_ x: Tensor, _ w: Tensor, _ b: Tensor?, stride s: Int, padding p: Int) -> [Float] {
    let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (co, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
    let ho = (h + 2 * p - kh) / s + 1, wo = (wd + 2 * p - kw) / s + 1
    var out: [Float] = []
    for i in 0..<n { for o in 0..<co { for oh in 0..<ho { for ow in 0..<wo {
        var acc = b?.data[o] ?? 0
        for ci in 0..<c { for ki in 0..<kh { for kj in 0..<kw {
            let ih = oh * s - p + ki, iw = ow * s - p + kj
            if ih >= 0 && ih < h && iw >= 0 && iw < wd { acc += x[i, ci, ih, iw] * w[o, ci, ki, kj] }
        } } }
        out.append(acc)
    } } } }
    return out
}

@Suite struct ConvolutionOpTests {
    let image = Tensor((1...9).map(Float.init), shape: [1, 1, 3, 3])

    @Test func handComputedConvolutions() {
        let diagonal = Tensor([1, 0, 0, 1], shape: [1, 1, 2, 2])
        let y = image.conv2d(weight: diagonal, bias: Tensor([0.5], shape: [1]))
        #expect(y.shape == [1, 1, 2, 2] && y.data == [6.5, 8.5, 12.5, 14.5])
        let box = image.conv2d(weight: Tensor.ones([1, 1, 3, 3]), bias: nil, padding: 1)
        #expect(box.data == [12, 21, 16, 27, 45, 33, 24, 39, 28])
        let strided = image.conv2d(weight: Tensor.ones([1, 1, 3, 3]), bias: nil, stride: 2, padding: 1)
        #expect(strided.shape == [1, 1, 2, 2] && strided.data == [12, 16, 24, 28])
    }

    @Test(arguments: [(1, 0), (1, 1), (2, 0), (2, 1), (3, 2)])
    func matchesDirectConvolution(stride: Int, padding: Int) {
        var rng = RNG(seed: 101)
        let x = Tensor.randn([3, 2, 6, 5], rng: &rng)
        let w = Tensor.randn([4, 2, 3, 2], rng: &rng), b = Tensor.randn([4], rng: &rng)
        let y = x.conv2d(weight: w, bias: b, stride: stride, padding: padding)
        #expect(y.shape == [3, 4, (6 + 2 * padding - 3) / stride + 1, (5 + 2 * padding - 2) / stride + 1])
        #expect(approxEqual(y.data, naiveConv(x, w, b, stride: stride, padding: padding), tol: 1e-4))
        #expect(approxEqual(x.conv2d(weight: w, bias: nil, stride: stride, padding: padding).data,
                            naiveConv(x, w, nil, stride: stride, padding: padding), tol: 1e-4))
    }

    @Test(arguments: [(1, 0), (2, 1), (1, 2)])
    func gradients(stride: Int, padding: Int) {
        var rng = RNG(seed: 102)
        let x = randomInput([3, 2, 5, 4], rng: &rng)
        let w = randomInput([3, 2, 3, 2], rng: &rng), b = randomInput([3], rng: &rng)
        expectGradientsMatch([x, w, b]) { $0[0].conv2d(weight: $0[1], bias: $0[2], stride: stride, padding: padding) }
        expectGradientsMatch([x, w]) { $0[0].conv2d(weight: $0[1], bias: nil, stride: stride, padding: padding) }
    }

    @Test func frozenWeightAndConstantInputAreSkipped() {
        var rng = RNG(seed: 103)
        let x = randomInput([2, 1, 4, 4], rng: &rng), frozen = Tensor.randn([2, 1, 3, 3], rng: &rng)
        expectGradientsMatch([x, frozen]) { $0[0].conv2d(weight: $0[1], bias: nil, padding: 1) }
        #expect(frozen.gradData == nil)
        let data = Tensor.randn([2, 1, 4, 4], rng: &rng), w = randomInput([2, 1, 3, 3], rng: &rng)
        expectGradientsMatch([data, w]) { $0[0].conv2d(weight: $0[1], bias: nil) }
        #expect(data.gradData == nil)
    }

    @Test func maxPoolValuesAndGradientToTheArgmax() {
        let x = Tensor((1...16).map(Float.init), shape: [1, 1, 4, 4]).requiringGrad()
        let y = x.maxPool2d(kernel: 2)
        #expect(y.shape == [1, 1, 2, 2] && y.data == [6, 8, 14, 16])
        y.backward(seed: [1, 2, 3, 4])
        #expect(x.gradData == [0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4])
        let flat = Tensor.ones([1, 1, 2, 2]).requiringGrad()  // a tie: the first position wins
        flat.maxPool2d(kernel: 2).backward(seed: [1])
        #expect(flat.gradData == [1, 0, 0, 0])
    }

    @Test func overlappingWindowsAccumulate() {
        let x = Tensor([1, 2, 3, 4, 9, 5, 6, 7, 8], shape: [1, 1, 3, 3]).requiringGrad()
        let y = x.maxPool2d(kernel: 2, stride: 1)
        #expect(y.data == [9, 9, 9, 9])
        y.backward(seed: [1, 1, 1, 1])
        #expect(x.gradData == [0, 0, 0, 0, 4, 0, 0, 0, 0])
        #expect(Tensor.zeros([2, 3, 5, 5]).maxPool2d(kernel: 2).shape == [2, 3, 2, 2])  // partial windows dropped
    }

    @Test func maxPoolGradients() {
        var rng = RNG(seed: 104)
        // Distinct values 0.1 apart: no window has two candidates within the difference step.
        let x = Tensor(rng.permutation(2 * 2 * 5 * 5).map { Float($0) * 0.1 }, shape: [2, 2, 5, 5]).requiringGrad()
        expectGradientsMatch([x]) { $0[0].maxPool2d(kernel: 2) }
        expectGradientsMatch([x]) { $0[0].maxPool2d(kernel: 3, stride: 2) }
    }
}
