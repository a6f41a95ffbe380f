import ThawTensor

/// One batch of training data: model inputs and integer targets (class labels, or next-token
/// ids flattened for a language model).
public struct Batch {
    public var inputs: Tensor
    public var targets: [Int]
    public init(inputs: Tensor, targets: [Int]) {
        self.inputs = inputs
        self.targets = targets
    }
    public var size: Int { inputs.shape.first ?? 0 }
}

/// Where a Learner gets its batches: a function that makes one epoch's batches (shuffled
/// with the given generator).
public struct BatchSource {
    public let makeEpoch: (inout RNG) -> [Batch]
    /// Batches per epoch when known without drawing them; `Learner.fit` needs the count to
    /// plan the schedule, and drawing an epoch to count it would copy the whole data set.
    public let batchCount: Int?

    public init(batchCount: Int? = nil, _ makeEpoch: @escaping (inout RNG) -> [Batch]) {
        self.batchCount = batchCount
        self.makeEpoch = makeEpoch
    }

    /// The number of batches in an epoch (drawing one from a copy of `rng` if not known).
    public func count(with rng: RNG) -> Int {
        if let batchCount { return batchCount }
        var probe = rng
        return makeEpoch(&probe).count
    }

    /// Fixed batches, in the same order every epoch (evaluation sets).
    public static func fixed(_ batches: [Batch]) -> BatchSource { BatchSource(batchCount: batches.count) { _ in batches } }
}
