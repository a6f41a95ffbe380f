import ThawTensor

/// The largest norm-wise relative difference between two arrays:
/// ‖a − b‖ / max(‖a‖, ‖b‖, floor). The floor keeps near-zero gradients from inflating it.
public func relativeError(_ a: [Float], _ b: [Float], floor: Double = 1e-6) -> Double {
    precondition(a.count == b.count, "compared arrays differ in length: \(a.count) vs \(b.count)")
    var diff = 0.0, na = 0.0, nb = 0.0
    for i in a.indices {
        let x = Double(a[i]), y = Double(b[i])
        diff += (x - y) * (x - y); na += x * x; nb += y * y
    }
    return diff.squareRoot() / max(na.squareRoot(), nb.squareRoot(), floor)
}

/// What a gradient check found for one input.
public struct GradientMismatch: CustomStringConvertible {
    public let input: Int
    public let error: Double
    public let analytic: [Float]
    public let numeric: [Float]
    public var description: String {
        "input \(input): relative error \(error)\n analytic \(analytic.prefix(6))\n numeric  \(numeric.prefix(6))"
    }
}

/// Compares the gradients autograd computes for `f` at `inputs` with central finite differences.
///
/// The scalar that is differentiated is Σ wᵢ·f(x)ᵢ with fixed pseudo-random weights w (summed in
/// Double), so that no output component can hide behind another. Returns the worst relative
/// error over the inputs that require a gradient, with the arrays for a readable failure.
public func gradientCheck(_ inputs: [Tensor], eps: Float = 1e-2, seed: UInt64 = 99,
                          _ f: ([Tensor]) -> Tensor) -> GradientMismatch? {
    var rng = RNG(seed: seed)
    let probe = f(inputs)
    let weights = (0..<probe.count).map { _ in rng.uniform(0.5, 1.5) * (rng.uniform() < 0.5 ? -1 : 1) }
    func objective() -> Double {
        let out = Tensor.withoutGrad { f(inputs) }
        var s = 0.0
        for i in 0..<out.count { s += Double(weights[i]) * Double(out.data[i]) }
        return s
    }
    for x in inputs { x.zeroGrad() }
    f(inputs).backward(seed: weights)

    var worst: GradientMismatch?
    for (index, x) in inputs.enumerated() where x.requiresGrad {
        let analytic = x.gradData ?? [Float](repeating: 0, count: x.count)
        var numeric = [Float](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let saved = x.data[i]
            x.data[i] = saved + eps; let up = objective()
            x.data[i] = saved - eps; let down = objective()
            x.data[i] = saved
            numeric[i] = Float((up - down) / Double(2 * eps))
        }
        let error = relativeError(analytic, numeric)
        if worst == nil || error > worst!.error {
            worst = GradientMismatch(input: index, error: error, analytic: analytic, numeric: numeric)
        }
    }
    return worst
}

/// Random inputs for gradient checks: N(0, scale²) values, marked as needing a gradient.
public func randomInput(_ shape: [Int], scale: Float = 1, rng: inout RNG) -> Tensor {
    Tensor.randn(shape, std: scale, rng: &rng).requiringGrad()
}
