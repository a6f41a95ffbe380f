import ThawTensor

/// Domain shifts: the same digits, drawn differently. Each returns a new dataset with the same
/// labels and ids, so "the same image, shifted" stays traceable.
///
/// ```swift
/// let target = digits.noisy(sigma: 0.35, rng: &rng)   // a harder domain for transfer
/// let taskB = digits.permuted(PixelPermutation(size: 64, rng: &rng))  // continual learning
/// ```
extension Dataset {
    /// Every image moved by whole pixels (positive `dx` right, positive `dy` down); pixels
    /// that move in from outside are blank.
    public func shifted(dx: Int, dy: Int) -> Dataset {
        warped(ImageWarp(dx: Float(dx), dy: Float(dy)), name: "\(name) shifted (\(dx), \(dy))")
    }

    /// Every image rotated about its centre, counterclockwise; multiples of 90° are exact,
    /// other angles interpolate bilinearly.
    public func rotated(degrees: Float) -> Dataset {
        warped(ImageWarp(degrees: degrees), name: "\(name) rotated \(degrees.shortText)°")
    }

    /// Ink and paper swapped: 1 − x.
    public func inverted() -> Dataset {
        requireNumeric("inverted")
        return replacingFeatures(Tensor(features.data.map { 1 - $0 }, shape: features.shape),
                                 name: "\(name) inverted")
    }

    /// Gaussian noise of standard deviation `sigma` added to every value, then clipped to
    /// [0, 1] for images (so the result is still a valid image).
    public func noisy(sigma: Float, rng: inout RNG) -> Dataset {
        requireNumeric("noisy")
        let clip: Bool
        if case .image = kind { clip = true } else { clip = false }
        var values = features.data
        for i in values.indices {
            let v = values[i] + sigma * rng.normal()
            values[i] = clip ? min(max(v, 0), 1) : v
        }
        return replacingFeatures(Tensor(values, shape: features.shape), name: "\(name) noisy σ=\(sigma.shortText)")
    }

    /// Every example's values reordered by one fixed permutation. Use the same permutation for
    /// the train and test parts of a task: that is what makes it one task.
    public func permuted(_ permutation: PixelPermutation) -> Dataset {
        requireNumeric("permuted")
        precondition(permutation.order.count == sampleSize,
                     "a permutation of \(permutation.order.count) values for samples of \(sampleSize)")
        let n = sampleSize
        var values = [Float](repeating: 0, count: features.count)
        features.data.withUnsafeBufferPointer { source in
            for example in 0..<count {
                for (j, from) in permutation.order.enumerated() { values[example * n + j] = source[example * n + from] }
            }
        }
        return replacingFeatures(Tensor(values, shape: features.shape), name: "\(name) permuted #\(permutation.tag)")
    }

    /// Applies one warp to every image.
    func warped(_ warp: ImageWarp, name: String) -> Dataset {
        guard case .image(let height, let width) = kind else {
            preconditionFailure("\(self.name) is not a dataset of images")
        }
        let n = sampleSize
        var values = [Float](repeating: 0, count: features.count)
        features.data.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { target in
                for example in 0..<count {
                    warp.apply(UnsafeBufferPointer(rebasing: source[example * n ..< (example + 1) * n]),
                               into: UnsafeMutableBufferPointer(rebasing: target[example * n ..< (example + 1) * n]),
                               height: height, width: width)
                }
            }
        }
        return replacingFeatures(Tensor(values, shape: features.shape), name: name)
    }

    func requireNumeric(_ what: String) {
        if case .text = kind { preconditionFailure("\(what) needs numeric features, and \(name) is text") }
    }
}

/// A fixed reordering of an example's values: the classic "permuted MNIST" continual-learning
/// task, where every task is the same digits under its own permutation.
public struct PixelPermutation: Equatable, Sendable {
    /// `order[j]` is the input position that output position `j` takes its value from.
    public let order: [Int]

    /// A random permutation of `size` positions, drawn from `rng`.
    public init(size: Int, rng: inout RNG) { order = rng.permutation(size) }

    public init(order: [Int]) {
        precondition(order.sorted() == Array(order.indices), "not a permutation of 0..<\(order.count)")
        self.order = order
    }

    /// A short fingerprint, so two tasks' names show whether they share a permutation.
    var tag: String {
        var h: UInt32 = 2166136261   // FNV-1a over the order
        for i in order { h = (h ^ UInt32(truncatingIfNeeded: i)) &* 16777619 }
        return String(h % 10000)
    }
}

extension Float {
    /// A short rendering for names: "90", "0.35".
    var shortText: String { self == rounded() && abs(self) < 1e6 ? String(Int(self)) : String(self) }
}
