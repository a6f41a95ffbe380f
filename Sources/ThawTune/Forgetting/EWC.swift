import ThawNN
import ThawTensor

/// The diagonal of the empirical Fisher information of a model on a task: for each weight,
/// the mean over examples of its squared log-likelihood gradient. Large values mark weights
/// the task depends on; EWC holds those in place.
public struct FisherDiagonal: Sendable {
    public let values: [String: [Float]]

    /// Estimates the Fisher diagonal from up to `maxExamples` examples of `source`, one example
    /// at a time (per-example gradients, as Kirkpatrick et al.). Every parameter is included,
    /// frozen or not, since a later run may train it; trainable flags are restored afterwards.
    public static func estimate(_ model: Module, on source: BatchSource, maxExamples: Int = 200,
                                lossFunction: (Tensor, Batch) -> Tensor = { Loss.crossEntropy($0, $1.targets) }) -> FisherDiagonal {
        let named = model.namedParameters()
        let flags = named.map(\.tensor.requiresGrad)
        let wasTraining = model.isTraining
        model.eval()
        defer {
            for (p, f) in zip(named, flags) { p.tensor.requiresGrad = f }
            if wasTraining { model.train() }
        }
        for p in named { p.tensor.requiresGrad = true }
        var sums = named.map { [Double](repeating: 0, count: $0.tensor.count) }
        var seen = 0
        var scratch = RNG(seed: 0)
        outer: for batch in source.makeEpoch(&scratch) {
            for row in 0..<batch.size {
                if seen >= maxExamples { break outer }
                let one = Batch(inputs: batch.inputs.selectRows([row]), targets: perRow(batch, row))
                model.zeroGrad()
                lossFunction(model(one.inputs), one).backward()
                for (i, p) in named.enumerated() {
                    guard let g = p.tensor.gradData else { continue }
                    for j in 0..<g.count { sums[i][j] += Double(g[j]) * Double(g[j]) }
                }
                seen += 1
            }
        }
        model.zeroGrad()
        let n = Double(max(seen, 1))
        return FisherDiagonal(values: Dictionary(uniqueKeysWithValues: zip(named, sums).map { ($0.path, $1.map { Float($0 / n) }) }))
    }

    /// The targets of one row of a batch (a language model has several per row).
    static func perRow(_ batch: Batch, _ row: Int) -> [Int] {
        let k = batch.targets.count / max(batch.size, 1)
        return Array(batch.targets[(row * k)..<((row + 1) * k)])
    }

    /// The mean Fisher value, to judge what λ makes the penalty matter.
    public var mean: Double {
        let all = values.values.flatMap { $0 }
        return all.isEmpty ? 0 : all.reduce(0) { $0 + Double($1) } / Double(all.count)
    }
}

/// Elastic weight consolidation (Kirkpatrick et al. 2017): adds the penalty
/// (λ/2) Σ Fᵢ (θᵢ − θ*ᵢ)² to the loss, as its gradient λ·F·(θ − θ*) added straight into the
/// gradients after backward (no graph needed). Weights the source task relied on (large F)
/// are held near their source values; the rest are free to learn the new task.
public final class EWC: Callback {
    public let fisher: FisherDiagonal
    public let anchor: Snapshot
    public let lambda: Float
    public var order: Int { 20 }

    public init(fisher: FisherDiagonal, anchor: Snapshot, lambda: Float) {
        self.fisher = fisher
        self.anchor = anchor
        self.lambda = lambda
    }

    public func afterBackward(_ learner: Learner) {
        for (path, p) in learner.model.namedParameters() where p.requiresGrad {
            guard let f = fisher.values[path], let w0 = anchor.values[path], f.count == p.count else { continue }
            let lambda = self.lambda
            p.withGradBuffer { g in
                for i in 0..<g.count { g[i] += lambda * f[i] * (p.data[i] - w0[i]) }
            }
        }
    }

    /// The penalty's current value, (λ/2) Σ F (θ − θ*)².
    public func penalty(_ model: Module) -> Double {
        var total = 0.0
        for (path, p) in model.namedParameters() {
            guard let f = fisher.values[path], let w0 = anchor.values[path], f.count == p.count else { continue }
            for i in 0..<f.count { let d = Double(p.data[i] - w0[i]); total += Double(f[i]) * d * d }
        }
        return Double(lambda) / 2 * total
    }
}

/// L2-SP (Li et al. 2018): pulls the weights toward their pretrained values rather than toward
/// zero: penalty (α/2)‖θ − θ₀‖², gradient α(θ − θ₀), added after backward.
public final class L2SP: Callback {
    public let anchor: Snapshot
    public let alpha: Float
    public var order: Int { 20 }

    public init(anchor: Snapshot, alpha: Float) {
        self.anchor = anchor
        self.alpha = alpha
    }

    public func afterBackward(_ learner: Learner) {
        for (path, p) in learner.model.namedParameters() where p.requiresGrad {
            guard let w0 = anchor.values[path], w0.count == p.count else { continue }
            let alpha = self.alpha
            p.withGradBuffer { g in for i in 0..<g.count { g[i] += alpha * (p.data[i] - w0[i]) } }
        }
    }
}
