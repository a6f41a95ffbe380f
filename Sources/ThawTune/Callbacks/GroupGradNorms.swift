import ThawOptim
import ThawTensor

/// The gradient norm of each optimizer group (each layer group, for the shell's runs) at
/// every step, taken before clipping changes it: the record that shows gradients vanishing
/// on their way down a deep net, or exploding.
public final class GroupGradNorms: Callback {
    /// One row per step, one norm per group (0 for a group with no trainable gradient).
    public private(set) var perStep: [[Double]] = []
    /// Before clipping (30) and recording (50).
    public var order: Int { 25 }

    public init() {}

    public func afterBackward(_ learner: Learner) {
        perStep.append(learner.optimizer.groups.map { group in
            var total = 0.0
            for p in group.parameters where p.tensor.requiresGrad {
                if let g = p.tensor.gradData { total += g.squaredNorm }
            }
            return total.squareRoot()
        })
    }
}
