import ThawTensor

/// Small synthetic classification data for engine and toolkit tests: Gaussian blobs around
/// random class centres, separable but not trivially (noise `spread`).
public enum Synthetic {
    /// `count` examples of `features` values in `classes` blobs: inputs [count, features], labels.
    public static func blobs(count: Int, features: Int, classes: Int, spread: Float = 0.5,
                             rng: inout RNG) -> (inputs: Tensor, labels: [Int]) {
        let centres = (0..<classes).map { _ in (0..<features).map { _ in rng.normal() } }
        var values: [Float] = [], labels: [Int] = []
        for i in 0..<count {
            let c = i % classes
            labels.append(c)
            values += centres[c].map { $0 + spread * rng.normal() }
        }
        return (Tensor(values, shape: [count, features]), labels)
    }

    /// Splits inputs/labels into batches of `size` in order.
    public static func batches(_ inputs: Tensor, _ labels: [Int], size: Int) -> [(Tensor, [Int])] {
        stride(from: 0, to: labels.count, by: size).map { start in
            let rows = Array(start..<min(start + size, labels.count))
            return (inputs.selectRows(rows), rows.map { labels[$0] })
        }
    }
}
