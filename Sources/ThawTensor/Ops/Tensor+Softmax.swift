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
        let (outer, n, inner) = axisSplit(ax)
        let total = count
        // Row o of a causal [.., T, T] tensor is query o % T: keys 0...o % T are visible.
        @inline(__always) func visible(_ o: Int) -> Int { causal ? o % n + 1 : n }
        let y = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                for o in 0..<outer {
                    for j in 0..<inner {
                        let at = o * n * inner + j
                        if inner == 1 { softmaxRow(xp.baseAddress! + at, buf.baseAddress! + at, visible(o), n, 1) }
                        else { softmaxRow(xp.baseAddress! + at, buf.baseAddress! + at, visible(o), n, inner) }
                    }
                }
            }
            initialized = total
        }
        let x = self
        return .result(y, shape: shape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // dxᵢ = yᵢ·(gᵢ − Σⱼ gⱼyⱼ). Masked entries have y = 0, so their gradient is 0.
            let dx = [Float](unsafeUninitializedCapacity: total) { dp, initialized in
                defer { initialized = total }  // every row writes all n of its entries
                g.withUnsafeBufferPointer { gp in
                    y.withUnsafeBufferPointer { yp in
                        for o in 0..<outer {
                            for j in 0..<inner {
                                let at = o * n * inner + j
                                let (gr, yr, dr) = (gp.baseAddress! + at, yp.baseAddress! + at, dp.baseAddress! + at)
                                if inner == 1 { softmaxBackRow(gr, yr, dr, visible(o), n, 1) }
                                else { softmaxBackRow(gr, yr, dr, visible(o), n, inner) }
                            }
                        }
                    }
                }
            }
            x.accumulateGrad(dx)
        }
    }

    /// `xᵢ − log Σⱼ exp(xⱼ)` along `axis`: the log of `softmax`, without forming it, so very
    /// negative log-probabilities stay exact.
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let ax = resolvedAxis(axis, "logSoftmax")
        let (outer, n, inner) = axisSplit(ax)
        let total = count
        let y = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                for o in 0..<outer {
                    for j in 0..<inner {
                        let at = o * n * inner + j
                        if inner == 1 { logSoftmaxRow(xp.baseAddress! + at, buf.baseAddress! + at, n, 1) }
                        else { logSoftmaxRow(xp.baseAddress! + at, buf.baseAddress! + at, n, inner) }
                    }
                }
            }
            initialized = total
        }
        let x = self
        return .result(y, shape: shape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // dxᵢ = gᵢ − softmaxᵢ · Σⱼ gⱼ, with softmax = exp(y).
            let dx = [Float](unsafeUninitializedCapacity: total) { dp, initialized in
                defer { initialized = total }  // every row writes all n of its entries
                g.withUnsafeBufferPointer { gp in
                    y.withUnsafeBufferPointer { yp in
                        for o in 0..<outer {
                            for j in 0..<inner {
                                let at = o * n * inner + j
                                let (gr, yr, dr) = (gp.baseAddress! + at, yp.baseAddress! + at, dp.baseAddress! + at)
                                if inner == 1 { logSoftmaxBackRow(gr, yr, dr, n, 1) }
                                else { logSoftmaxBackRow(gr, yr, dr, n, inner) }
                            }
                        }
                    }
                }
            }
            x.accumulateGrad(dx)
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
