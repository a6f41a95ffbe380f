/// What happened in one training run, step by step and epoch by epoch: what plots read.
public struct RunHistory: Sendable {
    public struct Step: Sendable, Equatable {
        public let step: Int
        public let loss: Float
        /// The learning rate of each parameter group at this step.
        public let rates: [Float]
    }

    public struct Epoch: Sendable, Equatable {
        public let epoch: Int
        public let step: Int
        public var trainLoss: Double
        public var validLoss: Double?
        public var validAccuracy: Double?
        /// Other per-epoch numbers by name ("source accuracy", "penalty", …).
        public var extra: [String: Double] = [:]
    }

    public var name: String
    public var groupNames: [String]
    public private(set) var steps: [Step] = []
    public var epochs: [Epoch] = []

    public init(name: String, groupNames: [String]) {
        self.name = name
        self.groupNames = groupNames
    }

    /// Records the run's step number `step` (counted from the run's start, also when it was
    /// resumed from a checkpoint part-way).
    mutating func recordStep(_ step: Int, loss: Float, rates: [Float]) {
        steps.append(Step(step: step, loss: loss, rates: rates))
    }

    /// The mean training loss of the steps after step number `from`.
    public func meanLoss(since from: Int) -> Double {
        let recent = steps.suffix(steps.reversed().prefix { $0.step > from }.count)
        return recent.isEmpty ? .nan : recent.reduce(0) { $0 + Double($1.loss) } / Double(recent.count)
    }

    /// A named per-epoch series (`train loss`, `valid loss`, `valid accuracy`, or an extra).
    public func series(_ name: String) -> [Double] {
        epochs.compactMap { e in
            switch name {
            case "train loss": e.trainLoss
            case "valid loss": e.validLoss
            case "valid accuracy", "accuracy": e.validAccuracy
            default: e.extra[name]
            }
        }
    }

    /// Every per-epoch series name this history has.
    public var seriesNames: [String] {
        var names = ["train loss"]
        if epochs.contains(where: { $0.validLoss != nil }) { names += ["valid loss", "valid accuracy"] }
        var extras = Set<String>()
        for e in epochs { extras.formUnion(e.extra.keys) }
        return names + extras.sorted()
    }
}
