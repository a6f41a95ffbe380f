import Testing
import ThawTensor
import TestSupport

/// True when every value is within `tol` of the expected one (absolute, plus relative for big values).
func approxEqual(_ a: [Float], _ b: [Float], tol: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tol * Swift.max(1, Swift.abs($1)) }
}

/// Checks `f`'s gradients at `inputs` against finite differences (norm-wise relative error ≤ 1e-3).
func expectGradientsMatch(_ inputs: [Tensor], eps: Float = 1e-2,
                          sourceLocation: SourceLocation = #_sourceLocation,
                          _ f: ([Tensor]) -> Tensor) {
    guard let worst = gradientCheck(inputs, eps: eps, f) else {
        Issue.record("no input requires a gradient", sourceLocation: sourceLocation)
        return
    }
    #expect(worst.error <= 1e-3, "\(worst)", sourceLocation: sourceLocation)
}

/// Random values kept at least `margin` away from zero (for divisors, logs, kinks).
func awayFromZero(_ shape: [Int], margin: Float = 0.5, rng: inout RNG) -> Tensor {
    let t = randomInput(shape, rng: &rng)
    for i in 0..<t.count { t.data[i] = t.data[i] < 0 ? t.data[i] - margin : t.data[i] + margin }
    return t
}
