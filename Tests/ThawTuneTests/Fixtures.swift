import ThawNN
import ThawTensor
import ThawTune
import TestSupport

/// Shared small problems for the toolkit's tests.
enum Problems {
    /// A 4-class blob problem with 16 features: train and validation sources.
    static func blobs(seed: UInt64 = 1, count: Int = 256, batch: Int = 32) -> (train: BatchSource, valid: BatchSource) {
        var rng = RNG(seed: seed)
        let (x, y) = Synthetic.blobs(count: count, features: 16, classes: 4, spread: 0.8, rng: &rng)
        let (vx, vy) = Synthetic.blobs(count: 128, features: 16, classes: 4, spread: 0.8, rng: &rng)
        let train = BatchSource { rng in
            let order = rng.permutation(count)
            return stride(from: 0, to: count, by: batch).map { s in
                let rows = Array(order[s..<min(s + batch, count)])
                return Batch(inputs: x.selectRows(rows), targets: rows.map { y[$0] })
            }
        }
        let valid = BatchSource.fixed(Synthetic.batches(vx, vy, size: 64).map { Batch(inputs: $0.0, targets: $0.1) })
        return (train, valid)
    }
}
