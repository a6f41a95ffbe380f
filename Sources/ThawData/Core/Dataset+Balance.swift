/// Two ways to counter class imbalance: weight the loss by class, or repeat rare examples.
extension Dataset {
    /// A weight per class, inversely proportional to its count (`n / (k · n_c)`, as
    /// scikit-learn's "balanced"): every class then counts as much in the loss. 0 for an absent class.
    public var inverseFrequencyWeights: [Float] {
        let counts = classCounts
        let total = Float(count), k = Float(counts.count)
        return counts.map { $0 == 0 ? 0 : total / (k * Float($0)) }
    }

    /// Repeats the examples of rare classes until every class is about as common as the largest.
    public func oversampled() -> Dataset {
        let largest = classCounts.max() ?? 0
        var indices: [Int] = []
        for members in indicesByClass where !members.isEmpty {
            for i in 0..<largest { indices.append(members[i % members.count]) }
        }
        return subset(indices.sorted(), name: "\(name), oversampled")
    }
}
