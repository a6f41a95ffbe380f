/// Layer normalisation over the last dimension, PyTorch's `nn.LayerNorm` (biased variance).
extension Tensor {
    /// y = (x − mean) / √(var + eps) · weight + bias, per row of the last dimension, with the
    /// biased variance (divided by d, not d − 1) as PyTorch. `weight` and `bias` are `[d]`;
    /// `nil` means 1 and 0 (no affine part).
    ///
    /// Fused: forward keeps each row's mean and inverse standard deviation, and backward
    /// rebuilds the normalised values x̂ from them instead of storing x̂.
    public func layerNorm(weight: Tensor?, bias: Tensor?, eps: Float = 1e-5) -> Tensor {
        precondition(rank >= 1 && shape[rank - 1] > 0, "layerNorm: needs a non-empty last dimension, got shape \(shape)")
        let d = shape[rank - 1], rows = count / d, total = count
        if let weight { precondition(weight.shape == [d], "layerNorm: weight must be [\(d)] for input \(shape), got \(weight.shape)") }
        if let bias { precondition(bias.shape == [d], "layerNorm: bias must be [\(d)] for input \(shape), got \(bias.shape)") }
        let w = weight?.data ?? [Float](repeating: 1, count: d)
        let b = bias?.data ?? [Float](repeating: 0, count: d)

        // Per row: the mean, then the mean squared deviation (two passes: no cancellation).
        var mean = [Float](repeating: 0, count: rows), rstd = [Float](repeating: 0, count: rows)
        data.withUnsafeBufferPointer { xp in
            for r in 0..<rows {
                let src = xp.baseAddress! + r * d
                var s: Float = 0
                for j in 0..<d { s += src[j] }
                let mu = s / Float(d)
                var v: Float = 0
                for j in 0..<d { let c = src[j] - mu; v += c * c }
                mean[r] = mu
                rstd[r] = 1 / (v / Float(d) + eps).squareRoot()
            }
        }
        let y = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                w.withUnsafeBufferPointer { wp in
                    b.withUnsafeBufferPointer { bp in
                        for r in 0..<rows {
                            let src = xp.baseAddress! + r * d, dst = buf.baseAddress! + r * d
                            let mu = mean[r], rs = rstd[r]
                            for j in 0..<d { dst[j] = (src[j] - mu) * rs * wp[j] + bp[j] }
                        }
                    }
                }
            }
            initialized = total
        }

        let x = self, stats = (mean: mean, rstd: rstd)
        return .result(y, shape: shape, inputs: [x] + [weight, bias].compactMap { $0 }) { g in
            let needX = x.requiresGrad, needW = weight?.requiresGrad == true, needB = bias?.requiresGrad == true
            var gw = [Float](repeating: 0, count: needW ? d : 0)
            var gb = [Float](repeating: 0, count: needB ? d : 0)
            let dx = [Float](unsafeUninitializedCapacity: needX ? total : 0) { dxp, initialized in
                gw.withUnsafeMutableBufferPointer { gwp in
                    gb.withUnsafeMutableBufferPointer { gbp in
                        g.withUnsafeBufferPointer { gp in
                            x.data.withUnsafeBufferPointer { xp in
                                w.withUnsafeBufferPointer { wp in
                                    layerNormBackward(rows: rows, d: d, g: gp, x: xp, w: wp, mean: stats.mean, rstd: stats.rstd,
                                                      dx: needX ? dxp : nil, dw: needW ? gwp : nil, db: needB ? gbp : nil)
                                }
                            }
                        }
                    }
                }
                initialized = needX ? total : 0
            }
            if needX { x.accumulateGrad(dx) }
            if needW { weight!.accumulateGrad(gw) }
            if needB { bias!.accumulateGrad(gb) }
        }
    }
}

/// Layer norm's backward over `rows` rows of `d`, adding Σ g·x̂ into `dw`, Σ g into `db`, and
/// writing the input gradient into `dx`; a `nil` destination is skipped.
private func layerNormBackward(rows: Int, d: Int, g: UnsafeBufferPointer<Float>, x: UnsafeBufferPointer<Float>,
                               w: UnsafeBufferPointer<Float>, mean: [Float], rstd: [Float],
                               dx: UnsafeMutableBufferPointer<Float>?, dw: UnsafeMutableBufferPointer<Float>?,
                               db: UnsafeMutableBufferPointer<Float>?) {
    for r in 0..<rows {
        let gr = g.baseAddress! + r * d, xr = x.baseAddress! + r * d
        let mu = mean[r], rs = rstd[r]
        if let dw { for j in 0..<d { dw[j] += gr[j] * (xr[j] - mu) * rs } }
        if let db { for j in 0..<d { db[j] += gr[j] } }
        guard let dx else { continue }
        // With dx̂ = g·w:  dx = rstd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂·x̂)). The two means are
        // what the row's own mean and spread, which move with every xⱼ, take back out.
        var a: Float = 0, c: Float = 0
        for j in 0..<d {
            let dxh = gr[j] * w[j]
            a += dxh; c += dxh * (xr[j] - mu) * rs
        }
        a /= Float(d); c /= Float(d)
        let dst = dx.baseAddress! + r * d
        for j in 0..<d { dst[j] = rs * (gr[j] * w[j] - a - (xr[j] - mu) * rs * c) }
    }
}
