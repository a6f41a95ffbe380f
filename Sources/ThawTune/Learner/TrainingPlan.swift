import ThawData
import ThawNN
import ThawOptim

/// How to train, apart from what on: the step budget, the optimizer and its rates, the
/// schedule, and the callbacks a run switches on. With a ``TaskData`` it builds a
/// ``Learner`` (`Learner(model:task:plan:…)`), the one way the shell's `train`, pretraining
/// and the recipes make theirs.
public struct TrainingPlan: Sendable {
    /// How long to train: whole epochs, or a number of steps (as many epochs as that needs,
    /// the last one cut short).
    public enum Budget: Sendable, Equatable {
        case epochs(Int)
        case steps(Int)
    }

    /// How parameters are grouped for the optimizer.
    public enum Rates: Sendable {
        /// One group holding every parameter, at this rate.
        case single(Float)
        /// One group per layer group of the model (bottom to top), with these rates.
        case perLayerGroup(RateSpec)
    }

    public var budget: Budget = .epochs(1)
    public var batchSize = 32
    public var optimizer: OptimizerKind = .adam
    /// Momentum for `.sgd` and `.momentum`; nil keeps the kind's own (0 and 0.9).
    public var momentum: Float?
    public var rates: Rates = .single(1e-3)
    /// Decoupled weight decay. With `.adam`, a decay above 0 means AdamW: decoupled decay is
    /// what AdamW is.
    public var weightDecay: Float = 0
    public var schedule: Schedule = .constant
    public var warmupSteps = 0
    /// Scale the gradient down when its norm is above this.
    public var clipNorm: Float?
    /// Unfreeze one more layer group at each interval, top first.
    public var gradualUnfreezing: GradualUnfreezing.Interval?
    /// Stop when validation accuracy has not improved for this many epochs, keeping the best weights.
    public var patience: Int?
    /// Change each training image at random as it is drawn.
    public var augment: Augment?
    /// Weight each class's examples in the loss (class imbalance).
    public var classWeights: [Float]?
    /// What the run minimises: cross-entropy, label-smoothed cross-entropy, or squared error.
    public var loss: TrainingLoss = .crossEntropy
    /// A coupled L2 penalty (λ/2)‖θ‖²: its gradient λθ is added to the gradient before the
    /// optimizer sees it, so Adam rescales it with the rest (``ParamGroup/l2``); 0 for none.
    /// With SGD it is weight decay by another name; with Adam it is not (Loshchilov and
    /// Hutter 2019): weights whose gradients are large barely feel it, and weights the loss
    /// hardly cares about go to zero at nearly the full rate. Compare ``weightDecay``.
    public var l2: Float = 0
    /// Examples per batch when measuring `valid` (smaller for very large models, so that an
    /// interrupt is answered within a batch).
    public var evaluationBatch = 256

    public init(budget: Budget = .epochs(1), batchSize: Int = 32, optimizer: OptimizerKind = .adam,
                rates: Rates = .single(1e-3), weightDecay: Float = 0, schedule: Schedule = .constant) {
        self.budget = budget
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.rates = rates
        self.weightDecay = weightDecay
        self.schedule = schedule
    }

    /// Epochs to run over `exampleCount` examples, and the step cap if the budget is in steps.
    public func epochs(over exampleCount: Int) -> (epochs: Int, maxSteps: Int?) {
        switch budget {
        case let .epochs(n): return (n, nil)
        case let .steps(n):
            let perEpoch = max(1, (exampleCount + batchSize - 1) / batchSize)
            return (max(1, (n + perEpoch - 1) / perEpoch), n)
        }
    }

    /// The optimizer over `model`'s parameters, grouped as ``rates`` says.
    public func makeOptimizer(for model: Module) throws -> Optimizer {
        var groups = switch rates {
        case let .single(lr): model.singleGroup(lr: lr, weightDecay: weightDecay)
        case let .perLayerGroup(spec): try model.paramGroups(spec, weightDecay: weightDecay)
        }
        for i in groups.indices { groups[i].l2 = l2 }
        let kind = optimizer == .adam && weightDecay > 0 ? .adamw : optimizer
        return kind.make(groups: groups, momentum: momentum)
    }
}
