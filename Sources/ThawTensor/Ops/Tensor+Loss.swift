#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fused losses: one pass forward, one pass backward, no intermediate tensors.
extension Tensor {
    /// Cross-entropy of logits `[..., C]` (leading dimensions flattened into N rows) against
    /// class indices, with mean reduction exactly as PyTorch's `F.cross_entropy`:
    ///
    /// - each row's loss is w[y]·(−log p[y]) with p = softmax(logits); the mean divides the
    ///   sum by Σ w[y] over the rows that are not ignored (by their count when unweighted);
    /// - `labelSmoothing` ε gives (1 − ε)·that + (ε/C)·Σ_rows Σ_c w_c·(−log p_c) / Σ w[y],
    ///   the smoothing term normalised by the same target-weight sum, as PyTorch does;
    /// - rows whose target is `ignoreIndex` count nowhere. If every row is ignored the result
    ///   is NaN (0/0), as in PyTorch.
    ///
    /// Backward is, per row, (a·softmax − q)·g/Σw with a = (1 − ε)·w[y] + (ε/C)·Σ_c w_c and
    /// q_c = (1 − ε)·w[y]·[c = y] + (ε/C)·w_c: softmax minus the (weighted) target distribution.
    public func crossEntropy(targets: [Int], classWeights: [Float]? = nil, labelSmoothing: Float = 0,
                             ignoreIndex: Int? = nil) -> Tensor {
        precondition(rank >= 1 && shape[rank - 1] > 0, "crossEntropy: logits need a class dimension, got shape \(shape)")
        let c = shape[rank - 1], rows = count / c
        precondition(targets.count == rows, "crossEntropy: \(targets.count) targets for \(rows) rows of logits \(shape)")
        if let classWeights { precondition(classWeights.count == c, "crossEntropy: \(classWeights.count) class weights for \(c) classes") }
        precondition(labelSmoothing >= 0 && labelSmoothing <= 1, "crossEntropy: labelSmoothing must be in [0, 1], got \(labelSmoothing)")
        for t in targets where t != ignoreIndex && (t < 0 || t >= c) {
            preconditionFailure("crossEntropy: target \(t) out of range for \(c) classes (logits \(shape))")
        }
        let w = classWeights ?? [Float](repeating: 1, count: c)
        let eps = labelSmoothing, sw = w.reduce(0, +)

        // Per row: the max-shifted log-sum-exp and the losses, summed in Double. When a gradient
        // will be needed the probabilities are kept too, so backward needs no second exp pass.
        // Deliberately libm's expf and left-to-right sums: the MLP training path (every lesson)
        // keeps the exact bits the lessons' checks were tuned on. A vectorised version (fastExp,
        // SIMD sums) was 2% faster on gpt-tiny; with a last-bit change in Adam it moved lesson 2's
        // `ice` (seed 1) from 63% to 70% and failed a check.
        let keep = requiresGrad && Tensor.isGradEnabled, total = count
        var probs = [Float](repeating: 0, count: keep ? total : 0)
        var nll = 0.0, smooth = 0.0, weightSum = 0.0
        data.withUnsafeBufferPointer { zp in
            w.withUnsafeBufferPointer { wp in
                probs.withUnsafeMutableBufferPointer { pp in
                    for r in 0..<rows where targets[r] != ignoreIndex {
                        let z = zp.baseAddress! + r * c, t = targets[r]
                        var m = -Float.infinity
                        for j in 0..<c { m = Swift.max(m, z[j]) }
                        var s: Float = 0
                        if keep {
                            let p = pp.baseAddress! + r * c
                            for j in 0..<c { let e = expf(z[j] - m); p[j] = e; s += e }
                            let inv = 1 / s
                            for j in 0..<c { p[j] *= inv }
                        } else {
                            for j in 0..<c { s += expf(z[j] - m) }
                        }
                        let lse = m + logf(s)
                        nll += Double(wp[t]) * Double(lse - z[t])          // w[y]·(−log p[y])
                        weightSum += Double(wp[t])
                        if eps > 0 {                                       // Σ_c w_c·(lse − z_c)
                            var wz: Float = 0
                            for j in 0..<c { wz += wp[j] * z[j] }
                            smooth += Double(sw * lse - wz)
                        }
                    }
                }
            }
        }
        let loss = ((1 - Double(eps)) * nll + Double(eps) / Double(c) * smooth) / weightSum

        let x = self, norm = Float(weightSum), softmax = probs
        return .result([Float(loss)], shape: [], inputs: [x]) { g in
            guard x.requiresGrad else { return }
            let scale = g[0] / norm
            let dz = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
                softmax.withUnsafeBufferPointer { pp in
                    w.withUnsafeBufferPointer { wp in
                        for r in 0..<rows {
                            let p = pp.baseAddress! + r * c, d = buf.baseAddress! + r * c, t = targets[r]
                            if t == ignoreIndex { d.initialize(repeating: 0, count: c); continue }
                            let wy = (1 - eps) * wp[t], a = wy + eps / Float(c) * sw
                            for j in 0..<c { d[j] = scale * (a * p[j] - eps / Float(c) * wp[j]) }
                            d[t] -= scale * wy
                        }
                    }
                }
                initialized = total
            }
            x.accumulateGrad(dz)
        }
    }

    /// Mean squared error, mean over all elements: Σ(x − t)² / n. `target` must have this
    /// tensor's shape; it gets a gradient too if it needs one.
    public func mseLoss(_ target: Tensor) -> Tensor {
        precondition(target.shape == shape, "mseLoss: prediction \(shape) and target \(target.shape) differ")
        let n = count
        var s = 0.0
        data.withUnsafeBufferPointer { xp in
            target.data.withUnsafeBufferPointer { tp in
                for i in 0..<n { let d = xp[i] - tp[i]; s += Double(d * d) }
            }
        }
        let x = self
        return .result([Float(s / Double(n))], shape: [], inputs: [x, target]) { g in
            // d/dx (x − t)²/n = 2(x − t)/n; for t it is the negative, so flip k.
            func grad(_ k: Float) -> [Float] {
                [Float](unsafeUninitializedCapacity: n) { buf, initialized in
                    x.data.withUnsafeBufferPointer { xp in
                        target.data.withUnsafeBufferPointer { tp in for i in 0..<n { buf[i] = k * (xp[i] - tp[i]) } }
                    }
                    initialized = n
                }
            }
            let k = 2 * g[0] / Float(n)
            if x.requiresGrad { x.accumulateGrad(grad(k)) }
            if target.requiresGrad { target.accumulateGrad(grad(-k)) }
        }
    }
}
