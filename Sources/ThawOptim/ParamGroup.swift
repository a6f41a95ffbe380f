import ThawNN
import ThawTensor

/// A set of parameters that share hyper-parameters: a learning rate and weight decay.
/// Discriminative learning rates are several groups with different `lr`.
public struct ParamGroup {
    public var name: String
    /// The parameters with their paths (paths key the optimizer state in checkpoints).
    public var parameters: [(path: String, tensor: Tensor)]
    /// The learning rate the optimizer uses at the next step (schedules rewrite it).
    public var lr: Float
    /// The learning rate before any schedule: schedules scale this one.
    public var baseLR: Float
    /// Weight decay: decoupled for AdamW; added to the gradient (coupled L2) for SGD and Adam,
    /// exactly as PyTorch's `weight_decay`.
    public var weightDecay: Float
    /// An extra L2 penalty λ·w added to the gradient, whatever the optimizer.
    public var l2: Float

    public init(name: String, parameters: [(path: String, tensor: Tensor)], lr: Float,
                weightDecay: Float = 0, l2: Float = 0) {
        self.name = name
        self.parameters = parameters
        self.lr = lr
        self.baseLR = lr
        self.weightDecay = weightDecay
        self.l2 = l2
    }
}

extension Module {
    /// One parameter group holding every parameter.
    public func singleGroup(lr: Float, weightDecay: Float = 0) -> [ParamGroup] {
        [ParamGroup(name: "all", parameters: namedParameters(), lr: lr, weightDecay: weightDecay)]
    }

    /// One parameter group per layer group (bottom to top), all at `lr`; parameters outside
    /// every group join the nearest group above them, or the top one.
    public func layerParamGroups(lr: Float, weightDecay: Float = 0) -> [ParamGroup] {
        let names = layerGroups
        guard !names.isEmpty else { return singleGroup(lr: lr, weightDecay: weightDecay) }
        var buckets = Array(repeating: [(path: String, tensor: Tensor)](), count: names.count)
        for p in namedParameters() {
            buckets[groupIndex(ofParameter: p.path) ?? names.count - 1].append(p)
        }
        return zip(names, buckets).map {
            ParamGroup(name: $0.0, parameters: $0.1, lr: lr, weightDecay: weightDecay)
        }
    }
}
