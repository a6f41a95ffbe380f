import ThawNN
import ThawTensor

/// Keeps the last weights whose loss was finite, so that a run that diverges can hand the
/// model back as it was before the update that broke it.
///
/// Why it is needed: the loss of step k is computed from the weights left by step k − 1. When
/// that loss is nan, the weights are already ruined (a learning rate of 1e30 sends them to
/// 1e28 in one update), so stopping "before step k" keeps bad weights. The guard holds the
/// weights from before the last update; its arrays are copy-on-write, so remembering them
/// costs one copy of the trainable weights per step and nothing for frozen ones.
struct DivergenceGuard {
    private var parameters: [(path: String, tensor: Tensor)] = []
    private var saved: [[Float]] = []

    /// Starts watching a model (its structure does not change during a run).
    mutating func watch(_ model: Module) {
        parameters = model.namedParameters()
        saved = []
    }

    /// Remembers the current weights: their loss was just found finite.
    mutating func remember() {
        saved = parameters.map(\.tensor.data)
    }

    /// The first parameter, in model order, holding a value that is not finite, and that value.
    func firstNonFinite() -> (path: String, value: Float)? {
        for (path, tensor) in parameters {
            if let v = tensor.data.first(where: { !$0.isFinite }) { return (path, v) }
        }
        return nil
    }

    /// The parameter with the largest magnitude, and that value (for weights that grew huge
    /// but stayed finite, which is how an overflowing loss usually starts).
    func largest() -> (path: String, value: Float)? {
        var best: (path: String, value: Float)?
        for (path, tensor) in parameters {
            for v in tensor.data where abs(v) > abs(best?.value ?? 0) { best = (path, v) }
        }
        return best
    }

    /// Puts the remembered weights back; false when nothing was remembered (the very first
    /// loss was not finite: the weights were never good in this run).
    func restore() -> Bool {
        guard saved.count == parameters.count else { return false }
        for ((_, tensor), data) in zip(parameters, saved) { tensor.data = data }
        return true
    }

    /// What went wrong, in words: which layer went bad and how, for the stop reason.
    func diagnosis(afterStep step: Int) -> String {
        guard step > 0 else { return "the weights were not good before training started" }
        if let (path, value) = firstNonFinite() {
            return "step \(step)'s update made `\(path)` \(Self.describe(value)) first"
        }
        if let (path, value) = largest() {
            return "step \(step)'s update sent `\(path)` to \(Self.describe(value))"
        }
        return "step \(step)'s update went wrong"
    }

    /// nan, inf, -inf, or a number with four significant digits (never `-nan`).
    static func describe(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3) {
            var exponent = 0
            var mantissa = Double(value)
            while abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
            while abs(mantissa) < 1 { mantissa *= 10; exponent -= 1 }
            return "\((mantissa * 1000).rounded() / 1000)e\(exponent)"
        }
        return "\(value)"
    }
}
