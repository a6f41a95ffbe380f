import ThawTensor

/// A spurious feature, for the dataset-bias lesson: one bright pixel on the image's border, on
/// one of ten spots, one spot per class. When the spot agrees with the label in most training
/// images, a network can read the label off one pixel instead of the digit's shape, and then
/// fails on images whose marker does not agree (the prototype: 96% → 81%).
///
/// The spots are the left column's eight pixels and the two middle pixels of the right column:
/// places where the 8x8 digits have (almost) no ink, so the marker hides no stroke.
///
/// ```swift
/// let biased = train.marked(agreeing: 0.95, rng: &rng)   // 95% of markers agree with the label
/// let fair = test.marked(agreeing: 0.1, rng: &rng)       // as if drawn at random
/// ```
public enum Marker {
    /// The spot of class `c`, as (row, column) of an 8x8 image.
    public static let spots: [(row: Int, column: Int)] =
        (0..<8).map { ($0, 0) } + [(3, 7), (4, 7)]
    public static let height = 8, width = 8

    /// Whether a dataset can carry markers: 8x8 images of at most ten classes.
    public static func fits(_ data: Dataset) -> Bool {
        data.kind == .image(height: height, width: width) && data.classCount <= spots.count
    }

    /// Clears every spot of one image and lights the spot of class `spot`.
    static func draw(_ spot: Int, into image: UnsafeMutableBufferPointer<Float>) {
        for s in spots { image[s.row * width + s.column] = 0 }
        let s = spots[spot]
        image[s.row * width + s.column] = 1
    }
}

extension Dataset {
    /// Every image gets a marker: exactly round(`share` × count) examples, chosen at random, on
    /// their own label's spot; the others on a spot drawn from the other classes' spots.
    public func marked(agreeing share: Double, rng: inout RNG) -> Dataset {
        precondition(Marker.fits(self), "markers need 8x8 images of at most ten classes")
        precondition(share >= 0 && share <= 1, "a share in [0, 1]")
        let agreeing = Set(rng.permutation(count).prefix(Int((Double(count) * share).rounded())))
        let k = Swift.max(classCount, 2)
        var spots = [Int](repeating: 0, count: count)
        for i in 0..<count {
            if agreeing.contains(i) { spots[i] = labels[i]; continue }
            let other = rng.int(below: k - 1)
            spots[i] = other >= labels[i] ? other + 1 : other
        }
        return withMarkers(spots, name: "\(name) marked (\(Int((share * 100).rounded()))% agree)")
    }

    /// Every image's marker moved to a spot drawn at random from all ten: what `augment marker`
    /// does to a batch, done once.
    public func remarked(rng: inout RNG) -> Dataset {
        precondition(Marker.fits(self), "markers need 8x8 images of at most ten classes")
        let spots = (0..<count).map { _ in rng.int(below: Marker.spots.count) }
        return withMarkers(spots, name: "\(name) marker moved")
    }

    /// The same images with the marker of example `i` on the spot of class `spots[i]`.
    func withMarkers(_ spots: [Int], name: String) -> Dataset {
        var values = features.data
        let n = sampleSize
        values.withUnsafeMutableBufferPointer { all in
            for i in 0..<count { Marker.draw(spots[i], into: UnsafeMutableBufferPointer(rebasing: all[i * n ..< (i + 1) * n])) }
        }
        return Dataset(name: name, features: Tensor(values, shape: features.shape), labels: labels,
                       classNames: classNames, ids: ids, kind: kind, markers: spots)
    }

    /// Which examples' markers agree with their labels (false for unmarked data).
    public var markerAgrees: [Bool] {
        guard let markers else { return Array(repeating: false, count: count) }
        return zip(markers, labels).map { $0 == $1 }
    }

    /// Repeats examples until every group — a class, split by whether the marker agrees with
    /// it — is as large as the largest group: the rare "marker disagrees" images count as much
    /// in the loss as the common ones. Empty groups stay empty. Data without markers is
    /// grouped by class alone, which is `oversampled()`.
    public func groupOversampled() -> Dataset {
        let agrees = markerAgrees
        var groups = [[Int]](repeating: [], count: 2 * classCount)
        for i in 0..<count { groups[2 * labels[i] + (agrees[i] ? 1 : 0)].append(i) }
        let largest = groups.map(\.count).max() ?? 0
        var indices: [Int] = []
        for members in groups where !members.isEmpty {
            for i in 0..<largest { indices.append(members[i % members.count]) }
        }
        return subset(indices.sorted(), name: "\(name), groups oversampled")
    }
}
