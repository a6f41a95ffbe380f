import ThawNN

/// Stochastic gradient descent with optional momentum and Nesterov momentum, as PyTorch's
/// `torch.optim.SGD`:
///
///     g = g + λ·w                      (weight decay / L2, coupled)
///     b = μ·b + g                      (b = g at the first step)
///     w = w − lr · (nesterov ? g + μ·b : b)
public final class SGD: Optimizer {
    public let momentum: Float
    public let nesterov: Bool

    public init(groups: [ParamGroup], momentum: Float = 0, nesterov: Bool = false) {
        precondition(!nesterov || momentum > 0, "Nesterov momentum needs momentum > 0")
        self.momentum = momentum
        self.nesterov = nesterov
        super.init(groups: groups)
    }

    public override var stateBufferCount: Int { momentum > 0 ? 1 : 0 }

    public override func update(_ w: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                state: ParamState, group: ParamGroup) {
        let lr = group.lr, decay = coupledDecay(for: group), mu = momentum
        if mu == 0 {
            for i in 0..<w.count { w[i] -= lr * (g[i] + decay * w[i]) }
            return
        }
        let first = state.step == 1
        state.withBuffers { buffers in
            let b = buffers[0]
            for i in 0..<w.count {
                let gi = g[i] + decay * w[i]
                b[i] = first ? gi : mu * b[i] + gi
                w[i] -= lr * (nesterov ? gi + mu * b[i] : b[i])
            }
        }
    }
}
