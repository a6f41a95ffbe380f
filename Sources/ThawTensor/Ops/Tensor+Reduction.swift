/// Reductions: sums, means and maxima over everything or along one axis.
///
/// Axis-wise ops view the tensor as `[outer, n, inner]` around the axis (see `axisSplit`): the
/// innermost loop then runs over `inner` contiguous values, so it vectorises for every axis
/// but the last.
extension Tensor {
    /// The sum of all elements, as a scalar (shape `[]`).
    public func sum() -> Tensor { total(scale: 1) }

    /// The mean of all elements, as a scalar (shape `[]`); NaN for an empty tensor, as PyTorch.
    public func mean() -> Tensor { total(scale: 1 / Float(count)) }

    /// Sum along `axis` (negative counts from the end); `keepDims` leaves it as size 1.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
        axisSum(axis, keepDims: keepDims, mean: false)
    }

    /// Mean along `axis` (negative counts from the end); `keepDims` leaves it as size 1.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        axisSum(axis, keepDims: keepDims, mean: true)
    }

    /// Σ scale·xᵢ. Accumulated in Double: a long Float sum loses digits a loss curve shows.
    private func total(scale: Float) -> Tensor {
        var s = 0.0
        data.withUnsafeBufferPointer { xp in for v in xp { s += Double(v) } }
        let x = self, n = count
        return .result([Float(s) * scale], shape: [], inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // d(Σ scale·xᵢ)/dxᵢ = scale: every element receives the same gradient.
            x.accumulateGrad([Float](repeating: g[0] * scale, count: n))
        }
    }

    private func axisSum(_ axis: Int, keepDims: Bool, mean: Bool) -> Tensor {
        let op = mean ? "mean(axis:)" : "sum(axis:)"
        let ax = resolvedAxis(axis, op)
        let (outer, n, inner) = axisSplit(ax)
        let scale: Float = mean ? 1 / Float(n) : 1
        var y = [Float](repeating: 0, count: outer * inner)
        if outer * inner > 0 {
            y.withUnsafeMutableBufferPointer { yp in
                data.withUnsafeBufferPointer { xp in
                    for o in 0..<outer {
                        let dst = yp.baseAddress! + o * inner
                        // Add the n slices of this outer block one after another: contiguous runs.
                        for k in 0..<n {
                            let src = xp.baseAddress! + (o * n + k) * inner
                            for j in 0..<inner { dst[j] += src[j] }
                        }
                        if mean { for j in 0..<inner { dst[j] *= scale } }
                    }
                }
            }
        }
        let x = self, total = count
        return .result(y, shape: reducedShape(ax, keepDims), inputs: [x]) { g in
            guard x.requiresGrad, total > 0 else { return }
            // Each input element gets the gradient of the output it was summed into (· 1/n for a mean).
            let dx = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
                g.withUnsafeBufferPointer { gp in
                    for o in 0..<outer {
                        let src = gp.baseAddress! + o * inner
                        for k in 0..<n {
                            let dst = buf.baseAddress! + (o * n + k) * inner
                            for j in 0..<inner { dst[j] = src[j] * scale }
                        }
                    }
                }
                initialized = total
            }
            x.accumulateGrad(dx)
        }
    }

    /// The shape after reducing `axis`: removed, or kept as 1.
    private func reducedShape(_ axis: Int, _ keepDims: Bool) -> [Int] {
        var s = shape
        if keepDims { s[axis] = 1 } else { s.remove(at: axis) }
        return s
    }

    /// The maximum along `axis`. The gradient goes to the first position holding the maximum.
    public func max(axis: Int, keepDims: Bool = false) -> Tensor {
        let ax = resolvedAxis(axis, "max(axis:)")
        let (values, positions) = maxAlong(ax, "max(axis:)")
        let (outer, n, inner) = axisSplit(ax)
        let x = self
        return .result(values, shape: reducedShape(ax, keepDims), inputs: [x]) { g in
            guard x.requiresGrad else { return }
            x.withGradBuffer { gx in
                for o in 0..<outer {
                    for j in 0..<inner {
                        let r = o * inner + j
                        gx[(o * n + positions[r]) * inner + j] += g[r]
                    }
                }
            }
        }
    }

    /// The index along `axis` of the (first) maximum, for every position of the other
    /// dimensions in row-major order. Not differentiable: plain integers.
    public func argmax(axis: Int = -1) -> [Int] {
        maxAlong(resolvedAxis(axis, "argmax"), "argmax").positions
    }

    /// Maxima and their first positions along a resolved axis, one per (outer, inner) pair.
    private func maxAlong(_ ax: Int, _ op: String) -> (values: [Float], positions: [Int]) {
        let (outer, n, inner) = axisSplit(ax)
        precondition(n > 0, "\(op): axis \(ax) of shape \(shape) is empty")
        let m = outer * inner
        var values = [Float](repeating: 0, count: m)
        var positions = [Int](repeating: 0, count: m)
        guard m > 0 else { return (values, positions) }
        values.withUnsafeMutableBufferPointer { vp in
            positions.withUnsafeMutableBufferPointer { pp in
                data.withUnsafeBufferPointer { xp in
                    for o in 0..<outer {
                        let best = vp.baseAddress! + o * inner, at = pp.baseAddress! + o * inner
                        let block = xp.baseAddress! + o * n * inner
                        best.update(from: block, count: inner)  // slice k = 0 is the first candidate
                        for k in 1..<Swift.max(n, 1) {
                            let src = block + k * inner
                            // Strictly greater: ties keep the earlier position, as PyTorch's argmax.
                            for j in 0..<inner where src[j] > best[j] { best[j] = src[j]; at[j] = k }
                        }
                    }
                }
            }
        }
        return (values, positions)
    }
}
