import ThawTensor

/// Labelled examples: a features tensor whose first dimension counts examples, and one class
/// label per example.
///
/// A `Dataset` is a value: subsets, splits and tasks return new datasets and never change the
/// one they came from (nor its tensor's values). Each example keeps an `id` (its row in the
/// source file) through every subset, split and transform, so that one can check that splits
/// are disjoint, or find which digits a model got wrong.
///
/// ```swift
/// let digits = try Digits.load()                       // 1797 × [64], pixels in [0, 1]
/// let low = digits.subset(classes: [0, 1, 2, 3, 4])    // digits 0–4
/// print(low.summary); print(low.preview(3))
/// ```
public struct Dataset: CustomStringConvertible {
    /// What one example is, which decides how it can be transformed and shown.
    public enum Kind: Equatable, Sendable {
        /// A grey-level image, values in [0, 1]; any sample shape with height × width values.
        case image(height: Int, width: Int)
        /// A vector of numeric features (a learner's CSV).
        case vector
        /// A sequence of token ids (stored as Float) from a character vocabulary.
        case text(Vocabulary)
    }

    /// True for words and other token sequences (what an encoder reads).
    public var isText: Bool { if case .text = kind { true } else { false } }

    public var name: String
    /// Shape [count, ...]: example `i` is the i-th block of `sampleSize` values.
    public let features: Tensor
    /// The class of each example, in 0..<classNames.count.
    public let labels: [Int]
    public let classNames: [String]
    /// Each example's row in its source, kept through subsets, splits and transforms.
    public let ids: [Int]
    public let kind: Kind
    /// For images that carry a marker pixel (`marked(agreeing:rng:)`), the class whose spot
    /// each example's marker sits on; nil for data without markers. Kept through every subset.
    public let markers: [Int]?

    public init(name: String, features: Tensor, labels: [Int], classNames: [String],
                ids: [Int]? = nil, kind: Kind = .vector, markers: [Int]? = nil) {
        precondition(features.rank >= 1 && features.shape[0] == labels.count,
                     "features \(features.shape) do not match \(labels.count) labels")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classNames.count },
                     "labels must be in 0..<\(classNames.count)")
        precondition(ids == nil || ids!.count == labels.count, "one id per example")
        precondition(markers == nil || markers!.count == labels.count, "one marker per example")
        self.name = name
        self.features = features
        self.labels = labels
        self.classNames = classNames
        self.ids = ids ?? Array(labels.indices)
        self.kind = kind
        self.markers = markers
    }

    /// The number of examples.
    public var count: Int { labels.count }
    /// The shape of one example (the features' shape without the first dimension).
    public var sampleShape: [Int] { Array(features.shape.dropFirst()) }
    /// The number of values in one example.
    public var sampleSize: Int { sampleShape.product }
    /// The number of classes.
    public var classCount: Int { classNames.count }
    public var isEmpty: Bool { labels.isEmpty }

    /// How many examples each class has, indexed by label.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classNames.count)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The positions of the examples of each class, indexed by label, in order.
    public var indicesByClass: [[Int]] {
        var groups = [[Int]](repeating: [], count: classNames.count)
        for (i, label) in labels.enumerated() { groups[label].append(i) }
        return groups
    }

    /// One example's values, in row-major order.
    public func values(at index: Int) -> ArraySlice<Float> {
        features.data[index * sampleSize ..< (index + 1) * sampleSize]
    }

    public var description: String { summary }

    // MARK: Building new datasets

    /// The examples at `indices`, in that order (repeats allowed: that is oversampling).
    public func subset(_ indices: [Int], name: String? = nil) -> Dataset {
        let n = sampleSize
        var values = [Float](repeating: 0, count: indices.count * n)
        features.data.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { out in
                for (row, i) in indices.enumerated() {
                    precondition(i >= 0 && i < count, "index \(i) is outside 0..<\(count)")
                    for j in 0..<n { out[row * n + j] = source[i * n + j] }
                }
            }
        }
        return Dataset(name: name ?? self.name, features: Tensor(values, shape: [indices.count] + sampleShape),
                       labels: indices.map { labels[$0] }, classNames: classNames,
                       ids: indices.map { ids[$0] }, kind: kind, markers: markers.map { m in indices.map { m[$0] } })
    }

    /// The examples of one class.
    public func `where`(label: Int) -> Dataset {
        subset(labels.indices.filter { labels[$0] == label }, name: "\(name) [\(classNames[label])]")
    }

    /// The examples whose label is in `classes`. With `relabel`, labels become positions in
    /// `classes` (digits 5–9 become 0–4, for a new 5-way head) and `classNames` shrinks to match;
    /// without it, labels and class names stay as they were (for a shared head).
    public func subset<C: Collection<Int>>(classes: C, relabel: Bool = false) -> Dataset {
        let wanted = Array(classes)
        let keep = labels.indices.filter { wanted.contains(labels[$0]) }
        let names = wanted.map { classNames[$0] }.joined(separator: ",")
        let picked = subset(keep, name: "\(name) [\(names)]")
        guard relabel else { return picked }
        return Dataset(name: picked.name, features: picked.features,
                       labels: picked.labels.map { wanted.firstIndex(of: $0)! },
                       classNames: wanted.map { classNames[$0] }, ids: picked.ids, kind: kind,
                       markers: picked.markers.map { $0.map { wanted.firstIndex(of: $0) ?? -1 } })
    }

    /// The same examples with new values (same count); used by every transform.
    public func replacingFeatures(_ features: Tensor, name: String? = nil, kind: Kind? = nil) -> Dataset {
        Dataset(name: name ?? self.name, features: features, labels: labels,
                classNames: classNames, ids: ids, kind: kind ?? self.kind, markers: markers)
    }

    /// The same examples with new labels (same classes); used by label noise.
    public func replacingLabels(_ labels: [Int], name: String? = nil) -> Dataset {
        Dataset(name: name ?? self.name, features: features, labels: labels,
                classNames: classNames, ids: ids, kind: kind, markers: markers)
    }

    /// The same examples with each one reshaped, e.g. `[64]` to `[1, 8, 8]` for a CNN.
    public func reshaped(sampleShape shape: [Int]) -> Dataset {
        precondition(shape.product == sampleSize, "\(shape) does not hold \(sampleSize) values")
        return replacingFeatures(Tensor(features.data, shape: [count] + shape))
    }

    /// This dataset followed by `other` (same sample shape and classes), e.g. new-task data
    /// with a few rehearsed old examples mixed in.
    public func appending(_ other: Dataset, name: String? = nil) -> Dataset {
        precondition(other.sampleShape == sampleShape, "sample shapes differ: \(sampleShape) vs \(other.sampleShape)")
        precondition(other.classNames == classNames, "class names differ")
        return Dataset(name: name ?? "\(self.name) + \(other.name)",
                       features: Tensor(features.data + other.features.data, shape: [count + other.count] + sampleShape),
                       labels: labels + other.labels, classNames: classNames, ids: ids + other.ids, kind: kind,
                       markers: markers == nil && other.markers == nil ? nil
                           : (markers ?? Array(repeating: -1, count: count)) + (other.markers ?? Array(repeating: -1, count: other.count)))
    }
}
