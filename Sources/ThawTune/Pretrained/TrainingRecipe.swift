import ThawOptim

/// How a starting point was trained: everything needed to train it again, bit for bit.
public struct TrainingRecipe: Sendable, Equatable, CustomStringConvertible {
    /// Seeds the model's initial weights (`RNG(seed:)`) and, through `split()`, the shuffling.
    public var seed: UInt64
    public var epochs: Int
    public var lr: Float
    public var optimizer: OptimizerKind
    public var batchSize: Int
    public var weightDecay: Float
    public var schedule: Schedule

    public init(seed: UInt64 = 0, epochs: Int, lr: Float, optimizer: OptimizerKind = .adam, batchSize: Int = 32,
                weightDecay: Float = 0, schedule: Schedule = .constant) {
        self.seed = seed
        self.epochs = epochs
        self.lr = lr
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.weightDecay = weightDecay
        self.schedule = schedule
    }

    /// The plan that trains it: one parameter group, as the starting points were made.
    public var plan: TrainingPlan {
        TrainingPlan(budget: .epochs(epochs), batchSize: batchSize, optimizer: optimizer, rates: .single(lr),
                     weightDecay: weightDecay, schedule: schedule)
    }

    public var description: String {
        var parts = ["\(optimizer.rawValue) lr \(lr)", "batch \(batchSize)", "\(epochs) epochs", "seed \(seed)"]
        if weightDecay != 0 { parts.insert("weight decay \(weightDecay)", at: 1) }
        if schedule != .constant { parts.insert("\(schedule) schedule", at: 1) }
        return parts.joined(separator: ", ")
    }
}
