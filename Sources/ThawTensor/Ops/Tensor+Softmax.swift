#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Softmax and log-softmax along an axis, numerically stable: the row maximum is subtracted
/// before exponentiating, which changes nothing mathematically but keeps exp from overflowing.
///
/// Each row is a strided run (stride 1 on the last axis, `inner` otherwise); the row kernels
/// are inlined with a literal stride of 1 for the last-axis case so those loops vectorise.
extension Tensor {
    /// `exp(xᵢ) / Σⱼ exp(xⱼ)` along `axis`.
    ///
    /// `causal: true` is attention's mask, fused: the last two dimensions must be `[T, T]`
    /// (query i, key j) and entries with j > i count as −∞, so they get exactly 0 probability
    /// and no gradient; no mask tensor is built.
    public func softmax(axis: Int = -1, causal: Bool = false) -> Tensor {
        let ax = resolvedAxis(axis, "softmax")
        if causal {
            precondition(rank >= 2 && shape[rank - 1] == shape[rank - 2] && ax == rank - 1,
                         "softmax(causal:): needs axis -1 and last two dimensions [T, T], got shape \(shape), axis \(axis)")
        }
        let rows = SoftmaxRows(axisSplit(ax))
        let n = rows.n
        // Row o of a causal [.., T, T] tensor is query o % T: keys 0...o % T are visible.
        @inline(__always) func visible(_ o: Int) -> Int { causal ? o % n + 1 : n }
        let y = rows.map(data) { x, y, o, stride in softmaxRow(x, y, visible(o), n, stride) }
        let x = self
        return .result(y, shape: shape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // dxᵢ = yᵢ·(gᵢ − Σⱼ gⱼyⱼ). Masked entries have y = 0, so their gradient is 0.
            x.accumulateGrad(rows.map(g, y) { g, y, dx, o, stride in softmaxBackRow(g, y, dx, visible(o), n, stride) })
        }
    }

    /// `xᵢ − log Σⱼ exp(xⱼ)` along `axis`: the log of `softmax`, without forming it, so very
    /// negative log-probabilities stay exact.
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let rows = SoftmaxRows(axisSplit(resolvedAxis(axis, "logSoftmax")))
        let n = rows.n
        let y = rows.map(data) { x, y, _, stride in logSoftmaxRow(x, y, n, stride) }
        let x = self
        return .result(y, shape: shape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // dxᵢ = gᵢ − softmaxᵢ · Σⱼ gⱼ, with softmax = exp(y).
            x.accumulateGrad(rows.map(g, y) { g, y, dx, _, stride in logSoftmaxBackRow(g, y, dx, n, stride) })
        }
    }
}

/// The rows of an axis split, for the row kernels below: `outer × inner` rows of `n` values,
/// each `inner` apart. Forward and backward, softmax and log-softmax share this walk, so each
/// op states only its kernel. A kernel is called once per row, never per element.
private struct SoftmaxRows {
    let outer: Int, n: Int, inner: Int

    init(_ split: (outer: Int, n: Int, inner: Int)) { (outer, n, inner) = split }

    /// Calls `row(first, o, stride)` for every row: `first` is the index of its first value,
    /// `o` its outer index (a causal mask needs it). When the axis is the last one the stride
    /// passed is a literal 1, so an inlined kernel runs over contiguous values and vectorises.
    @inline(__always)
    func forEach(_ row: (_ first: Int, _ o: Int, _ stride: Int) -> Void) {
        if inner == 1 {
            for o in 0..<outer { row(o * n, o, 1) }
        } else {
            for o in 0..<outer { for j in 0..<inner { row(o * n * inner + j, o, inner) } }
        }
    }

    /// A new array with `kernel(x, out, o, stride)` run on every row (each writes all its values).
    @inline(__always)
    func map(_ x: [Float], _ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, _ o: Int, _ stride: Int) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: x.count) { out, initialized in
            x.withUnsafeBufferPointer { xp in
                forEach { at, o, stride in kernel(xp.baseAddress! + at, out.baseAddress! + at, o, stride) }
            }
            initialized = x.count
        }
    }

    /// A new array with `kernel(g, y, out, o, stride)` run on every row of two inputs.
    @inline(__always)
    func map(_ g: [Float], _ y: [Float],
             _ kernel: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, _ o: Int, _ stride: Int) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: g.count) { out, initialized in
            g.withUnsafeBufferPointer { gp in
                y.withUnsafeBufferPointer { yp in
                    forEach { at, o, stride in kernel(gp.baseAddress! + at, yp.baseAddress! + at, out.baseAddress! + at, o, stride) }
                }
            }
            initialized = g.count
        }
    }
}

/// Softmax, in place, of `count` contiguous values (−∞ entries get exactly 0). Used by
/// `attention`, which masks with −∞ so that every row has the same length: loops of a fixed
/// length vectorise whole, where a ragged causal row would end in slow scalar tails.
@inline(__always)
func softmaxInPlace(_ x: UnsafeMutablePointer<Float>, count: Int) {
    let m = rowMax(x, count)
    for k in 0..<count { x[k] = fastExp(x[k] - m) }  // a separate pass from the sum: it vectorises
    let inv = 1 / rowSum(x, count)
    for k in 0..<count { x[k] *= inv }
}

/// Softmax of the first `visible` of `n` strided values; the rest are set to 0.
@inline(__always)
private func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                        _ visible: Int, _ n: Int, _ stride: Int) {
    var m = -Float.infinity
    for k in 0..<visible { m = Swift.max(m, x[k * stride]) }
    var s: Float = 0
    for k in 0..<visible { let e = expf(x[k * stride] - m); y[k * stride] = e; s += e }
    let inv = 1 / s
    for k in 0..<visible { y[k * stride] *= inv }
    for k in visible..<n { y[k * stride] = 0 }
}

/// Writes yᵢ·(gᵢ − Σ gⱼyⱼ) over the first `visible` of `n` strided values into `dx`, and 0
/// over the masked rest.
@inline(__always)
private func softmaxBackRow(_ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                            _ dx: UnsafeMutablePointer<Float>, _ visible: Int, _ n: Int, _ stride: Int) {
    var dot: Float = 0
    for k in 0..<visible { dot += g[k * stride] * y[k * stride] }
    for k in 0..<visible { dx[k * stride] = y[k * stride] * (g[k * stride] - dot) }
    for k in visible..<n { dx[k * stride] = 0 }
}

/// Log-softmax of `n` strided values: x − (max + log Σ exp(x − max)).
@inline(__always)
private func logSoftmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int, _ stride: Int) {
    var m = -Float.infinity
    for k in 0..<n { m = Swift.max(m, x[k * stride]) }
    var s: Float = 0
    for k in 0..<n { s += expf(x[k * stride] - m) }
    let lse = m + logf(s)
    for k in 0..<n { y[k * stride] = x[k * stride] - lse }
}

/// Writes gᵢ − exp(yᵢ)·Σ gⱼ over `n` strided values into `dx`.
@inline(__always)
private func logSoftmaxBackRow(_ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                               _ dx: UnsafeMutablePointer<Float>, _ n: Int, _ stride: Int) {
    var s: Float = 0
    for k in 0..<n { s += g[k * stride] }
    for k in 0..<n { dx[k * stride] = g[k * stride] - expf(y[k * stride]) * s }
}
