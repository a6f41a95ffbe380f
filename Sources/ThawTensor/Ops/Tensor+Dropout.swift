/// Dropout: randomly zeroes elements while training, so no unit can rely on another.
extension Tensor {
    /// Inverted dropout: each element is kept with probability 1 − p and scaled by 1/(1 − p),
    /// so the expected value is unchanged and evaluation needs no rescaling. Returns `self`
    /// unchanged when `training` is false or p is 0; p = 1 gives zeros. The mask is drawn from
    /// `rng`, one uniform number per element in row-major order.
    public func dropout(p: Float, rng: inout RNG, training: Bool) -> Tensor {
        precondition(p >= 0 && p <= 1, "dropout: p must be in [0, 1], got \(p) (shape \(shape))")
        guard training, p > 0 else { return self }
        let n = count
        let keep: Float = p < 1 ? 1 / (1 - p) : 0
        // The mask holds the factor each element is multiplied by: 0 or 1/(1 − p).
        let mask = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            for i in 0..<n { buf[i] = rng.uniform() >= p ? keep : 0 }
            initialized = n
        }
        let y = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                mask.withUnsafeBufferPointer { mp in for i in 0..<n { buf[i] = xp[i] * mp[i] } }
            }
            initialized = n
        }
        let x = self
        return .result(y, shape: shape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // The op is x·mask elementwise, so the gradient is g·mask: dropped units get none.
            let dx = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
                g.withUnsafeBufferPointer { gp in
                    mask.withUnsafeBufferPointer { mp in for i in 0..<n { buf[i] = gp[i] * mp[i] } }
                }
                initialized = n
            }
            x.accumulateGrad(dx)
        }
    }
}
