import ThawTensor

/// Data that can be cut into mini-batches: a `Dataset` (inputs and one label each) or
/// `SequenceData` (inputs and one next-token target per position).
public protocol Batchable {
    /// The number of examples.
    var count: Int { get }
    /// The examples at `indices`, stacked: inputs [B, ...] and their labels or targets.
    func batch(_ indices: [Int]) -> (inputs: Tensor, labels: [Int])
}

extension Dataset: Batchable {
    public func batch(_ indices: [Int]) -> (inputs: Tensor, labels: [Int]) {
        let part = subset(indices)
        return (part.features, part.labels)
    }
}

extension SequenceData: Batchable {
    public func batch(_ indices: [Int]) -> (inputs: Tensor, labels: [Int]) {
        let part = subset(indices)
        return (part.inputs, part.targets)
    }
}

/// One pass (an epoch) over data in mini-batches, in an order fixed when it was made: a
/// `Sequence` of `(inputs, labels)`, so `for (x, y) in data.batches(size: 32, shuffle: &rng)`.
public struct Batches<Source: Batchable>: Sequence {
    public typealias Element = (inputs: Tensor, labels: [Int])

    public let source: Source
    /// The example order of this epoch.
    public let order: [Int]
    public let size: Int
    /// Whether a last batch smaller than `size` is left out.
    public let dropLast: Bool
    /// Applied to each batch's inputs, with its own RNG stream (augmentation).
    let transform: ((Tensor, inout RNG) -> Tensor)?
    let transformRNG: RNG

    /// The number of batches.
    public var count: Int { dropLast ? order.count / size : (order.count + size - 1) / size }

    public func makeIterator() -> Iterator {
        Iterator(batches: self, position: 0, rng: transformRNG)
    }

    public struct Iterator: IteratorProtocol {
        let batches: Batches
        var position: Int
        var rng: RNG

        public mutating func next() -> Element? {
            let order = batches.order, size = batches.size
            guard position < order.count, !(batches.dropLast && position + size > order.count) else { return nil }
            let indices = Array(order[position ..< Swift.min(position + size, order.count)])
            position += size
            var batch = batches.source.batch(indices)
            if let transform = batches.transform { batch.inputs = transform(batch.inputs, &rng) }
            return batch
        }
    }
}

extension Batchable {
    /// Batches in a fresh random order drawn from `rng` (one draw per epoch: call again for
    /// the next epoch). The same RNG state gives the same batches.
    public func batches(size: Int, shuffle rng: inout RNG, dropLast: Bool = false) -> Batches<Self> {
        precondition(size >= 1, "batch size must be at least 1")
        return Batches(source: self, order: rng.permutation(count), size: size, dropLast: dropLast,
                       transform: nil, transformRNG: RNG(seed: 0))
    }

    /// Batches in source order (for evaluation, where order does not matter).
    public func batches(size: Int) -> Batches<Self> {
        precondition(size >= 1, "batch size must be at least 1")
        return Batches(source: self, order: Array(0..<count), size: size, dropLast: false,
                       transform: nil, transformRNG: RNG(seed: 0))
    }

    /// A Poisson-sampled batch: each example is in it independently with probability `rate`,
    /// so its size varies. DP-SGD's privacy accounting assumes exactly this sampling.
    public func poissonBatch(rate: Double, rng: inout RNG) -> (inputs: Tensor, labels: [Int]) {
        precondition(rate > 0 && rate <= 1, "rate in (0, 1]")
        let threshold = Float(rate)
        return batch((0..<count).filter { _ in rng.uniform() < threshold })
    }
}

extension Dataset {
    /// Shuffled batches whose images are augmented as they are produced: a fresh random change
    /// for every example in every epoch. The augmentation draws from a stream split off `rng`.
    public func batches(size: Int, shuffle rng: inout RNG, augment: Augment, dropLast: Bool = false) -> Batches<Dataset> {
        guard case .image(let height, let width) = kind else {
            preconditionFailure("augmentation needs images, and \(name) is not")
        }
        let plain = batches(size: size, shuffle: &rng, dropLast: dropLast)
        return Batches(source: self, order: plain.order, size: size, dropLast: dropLast,
                       transform: { augment.apply(to: $0, height: height, width: width, rng: &$1) },
                       transformRNG: rng.split())
    }
}
