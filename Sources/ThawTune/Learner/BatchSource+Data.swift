import ThawData
import ThawTensor

extension BatchSource {
    /// Shuffled mini-batches of a dataset (or next-character data), reshuffled every epoch with
    /// the learner's generator: `Learner(…, train: .shuffled(train, size: 32))`.
    public static func shuffled<D: Batchable>(_ data: D, size: Int) -> BatchSource {
        BatchSource(batchCount: (data.count + size - 1) / size) { rng in
            data.batches(size: size, shuffle: &rng).map { Batch(inputs: $0.inputs, targets: $0.labels) }
        }
    }

    /// Like `shuffled`, with each image changed at random as it is drawn (`Augment`).
    public static func shuffled(_ data: Dataset, size: Int, augment: Augment) -> BatchSource {
        BatchSource(batchCount: (data.count + size - 1) / size) { rng in
            data.batches(size: size, shuffle: &rng, augment: augment).map { Batch(inputs: $0.inputs, targets: $0.labels) }
        }
    }

    /// Batches of a dataset in source order, made once (evaluation sets).
    public static func inOrder<D: Batchable>(_ data: D, size: Int = 256) -> BatchSource {
        .fixed(data.batches(size: size).map { Batch(inputs: $0.inputs, targets: $0.labels) })
    }
}
