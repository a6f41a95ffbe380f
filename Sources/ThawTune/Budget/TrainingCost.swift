import ThawNN

/// The memory and work of training a model with a given batch, from its ``ModelCost``.
///
///     bytes = 4 · ( P                       weights
///                 + P_t                     gradients (trainable parameters only)
///                 + k · P_t                 optimizer state: Adam k = 2, SGD with momentum 1
///                 + P_t                     the divergence guard's copy of the last good weights
///                 + a · P                   anchors: EWC keeps a Fisher diagonal and the old
///                                           weights (a = 2), L2SP the starting weights (a = 1)
///                 + 2 · A · batch )         kept activations, and their gradients in backward
///     step FLOPs = 3 · F · batch            forward once, backward about twice
///                + 80 · P_t                 the update: Adam's arithmetic, the guard's copy,
///                                           fresh gradient buffers (measured, see below)
///
/// with `P` parameters, `P_t` of them trainable, `A` activation floats and `F` forward FLOPs
/// per example. For dense layers `F ≈ 2 · P · tokens`, so a step is the familiar
/// `6 · P · tokens`; attention adds its `T²` terms (see ``ModelCost``). The update's cost
/// is in FLOPs at ``SessionBudget/flopsPerSecond``: a step of a 17 M-parameter MLP on one
/// example (next to no arithmetic) took 0.16 s here, about 9 ns per trainable parameter.
public struct TrainingCost: Sendable, Equatable {
    public var model: ModelCost
    public var trainableParameters: Int
    public var optimizerStateFloats: Int
    public var anchorCopies: Int
    public var batch: Int

    public init(model: ModelCost, trainableParameters: Int, optimizerStateFloats: Int = 2,
                anchorCopies: Int = 0, batch: Int) {
        self.model = model
        self.trainableParameters = trainableParameters
        self.optimizerStateFloats = optimizerStateFloats
        self.anchorCopies = anchorCopies
        self.batch = batch
    }

    /// A model about to be built: every parameter trainable, Adam, one example per step (the
    /// least any training of it needs).
    public init(building model: ModelCost) {
        self.init(model: model, trainableParameters: model.parameters, batch: 1)
    }

    /// Bytes of the weights alone.
    public var weightBytes: Double { 4 * Double(model.parameters) }

    /// Bytes the whole step needs at its peak (see the formula above).
    public var bytes: Double {
        let p = Double(model.parameters), t = Double(trainableParameters)
        let floats = p + t * Double(2 + optimizerStateFloats) + Double(anchorCopies) * p
            + 2 * model.activationsPerExample * Double(batch)
        return 4 * floats
    }

    /// Floating-point operations of one training step.
    public var stepFLOPs: Double {
        3 * model.forwardFLOPsPerExample * Double(batch) + Self.updateFLOPsPerParameter * Double(trainableParameters)
    }

    /// What updating one trainable parameter costs a step, counted as FLOPs.
    public static let updateFLOPsPerParameter = 80.0
}

extension Module {
    /// This model's cost for training on `tokens` per example (text), with a soft prompt's
    /// vectors counted as tokens of the model it wraps.
    public func trainingModelCost(tokens: Int?) -> ModelCost {
        guard let tuned = self as? PromptTuned else { return cost(tokens: tokens) }
        var c = tuned.model.cost(tokens: (tokens ?? tuned.model.config.context - tuned.length) + tuned.length)
        c.parameters = parameterCount
        return c
    }
}
