import ThawNN
import ThawTensor

/// Per-parameter record of the gradient norm and the update/weight ratio ‖Δw‖/‖w‖ at each
/// step: the numbers that show which layers learn and which are frozen or exploding.
/// It copies trainable weights before every step, so it is added only when asked for.
public final class LayerStats: Callback {
    public struct Entry: Sendable, Equatable {
        public var gradNorm: Double
        public var updateRatio: Double
    }

    /// The latest entry per parameter path (frozen parameters have none).
    public private(set) var latest: [String: Entry] = [:]
    /// The mean over the run so far, per parameter path.
    public private(set) var mean: [String: Entry] = [:]
    private var counts: [String: Int] = [:]
    private var before: [String: [Float]] = [:]
    public var order: Int { 40 }

    public init() {}

    public func afterBackward(_ learner: Learner) {
        before = [:]
        for (path, p) in learner.model.namedParameters() where p.requiresGrad && p.gradData != nil {
            before[path] = p.data
            latest[path] = Entry(gradNorm: norm(p.gradData!), updateRatio: 0)
        }
    }

    public func afterStep(_ learner: Learner) {
        for (path, p) in learner.model.namedParameters() {
            guard let old = before[path] else { continue }
            var d = 0.0
            for i in 0..<old.count { let x = Double(p.data[i]) - Double(old[i]); d += x * x }
            let w = norm(old)
            latest[path]!.updateRatio = w > 0 ? d.squareRoot() / w : d.squareRoot()
            let n = (counts[path] ?? 0) + 1
            counts[path] = n
            let m = mean[path] ?? Entry(gradNorm: 0, updateRatio: 0)
            mean[path] = Entry(gradNorm: m.gradNorm + (latest[path]!.gradNorm - m.gradNorm) / Double(n),
                               updateRatio: m.updateRatio + (latest[path]!.updateRatio - m.updateRatio) / Double(n))
        }
        before = [:]
    }

    private func norm(_ v: [Float]) -> Double { v.squaredNorm.squareRoot() }
}
