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
    public init(_ makeEpoch: @escaping (inout RNG) -> [Batch]) { self.makeEpoch = makeEpoch }

    /// Fixed batches, in the same order every epoch (evaluation sets).
    public static func fixed(_ batches: [Batch]) -> BatchSource { BatchSource { _ in batches } }
}
