import ThawNN

/// A coupled L2 penalty, (λ/2)‖θ‖² added to the loss, applied as its gradient λθ added to
/// every trainable parameter's gradient after backward: the classic "weight decay" of
/// SGD-era papers and of `torch.optim.Adam(weight_decay=…)`.
///
/// With SGD this and decoupled decay (AdamW's, ``TrainingPlan/weightDecay``) are the same
/// thing at a rescaled strength. With Adam they are not (Loshchilov & Hutter 2019): the
/// penalty's gradient is divided by Adam's running gradient scale like the rest, so weights
/// whose gradients are large barely feel it, and weights whose gradients are tiny are pulled
/// to zero at nearly the full rate.
public final class L2Penalty: Callback {
    public let lambda: Float
    public var order: Int { 20 }

    public init(lambda: Float) { self.lambda = lambda }

    public func afterBackward(_ learner: Learner) {
        let lambda = self.lambda
        for p in learner.model.parameters where p.requiresGrad {
            p.withGradBuffer { g in
                p.data.withUnsafeBufferPointer { w in
                    for i in 0..<g.count { g[i] += lambda * w[i] }
                }
            }
        }
    }
}
