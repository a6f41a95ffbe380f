import ThawTensor

/// The data side of the lessons' experiments, each a one-liner on a dataset. Everything random
/// draws from the RNG passed in; the result keeps each example's id, in source order.
///
/// ```swift
/// let few = train.fewShot(k: 5, rng: &rng)                      // 5 per class
/// let rare8 = train.imbalanced(minority: [8], ratio: 16, rng: &rng)
/// let noisy = train.sample(200, rng: &rng).withLabelNoise(0.3, rng: &rng)
/// ```
extension Dataset {
    /// `k` examples of every class (all of a class's examples if it has fewer than `k`).
    public func fewShot(k: Int, rng: inout RNG) -> Dataset {
        precondition(k >= 0, "k must be non-negative")
        var keep: [Int] = []
        for var members in indicesByClass {
            rng.shuffle(&members)
            keep += members.prefix(k)
        }
        return subset(keep.sorted(), name: "\(name) \(k)-shot")
    }

    /// `n` examples drawn without replacement, stratified: class proportions as in the whole.
    public func sample(_ n: Int, rng: inout RNG) -> Dataset {
        precondition(n >= 0 && n <= count, "cannot sample \(n) of \(count) examples")
        return stratifiedPartition(sizes: [n, count - n], rng: &rng)[0].renamed("\(name) sample of \(n)")
    }

    /// Class imbalance at a chosen ratio: each `minority` class is cut to 1/`ratio` of the
    /// largest other class (at least one example), so `ratio: 16` gives 1 minority example for
    /// every 16 of a majority class. Other classes are untouched.
    public func imbalanced(minority: [Int], ratio: Double, rng: inout RNG) -> Dataset {
        precondition(ratio >= 1, "ratio is majority:minority, at least 1")
        let counts = classCounts
        let majority = counts.indices.filter { !minority.contains($0) }.map { counts[$0] }.max() ?? 0
        let target = max(1, Int((Double(majority) / ratio).rounded()))
        var limits = counts
        for label in minority { limits[label] = min(counts[label], target) }
        return capped(limits, rng: &rng).renamed("\(name) imbalanced 1:\(Float(ratio).shortText)")
    }

    /// Cuts one class to `count` examples (e.g. "class 8 with only 8 training examples").
    public func capping(class label: Int, at count: Int, rng: inout RNG) -> Dataset {
        var limits = classCounts
        limits[label] = min(limits[label], count)
        return capped(limits, rng: &rng).renamed("\(name) [\(classNames[label])] capped at \(count)")
    }

    /// Keeps at most `limits[label]` randomly chosen examples of each class.
    func capped(_ limits: [Int], rng: inout RNG) -> Dataset {
        var keep: [Int] = []
        for (label, var members) in indicesByClass.enumerated() {
            if members.count > limits[label] { rng.shuffle(&members) }
            keep += members.prefix(limits[label])
        }
        return subset(keep.sorted())
    }

    /// Label noise: exactly round(fraction × count) examples, chosen at random, get a label
    /// drawn uniformly from the *other* classes. The overfitting lesson memorises these.
    public func withLabelNoise(_ fraction: Double, rng: inout RNG) -> Dataset {
        precondition(fraction >= 0 && fraction <= 1 && classCount >= 2, "fraction in [0, 1], two classes or more")
        var noisy = labels
        let flipped = rng.permutation(count).prefix(Int((Double(count) * fraction).rounded()))
        for i in flipped {
            let other = rng.int(below: classCount - 1)
            noisy[i] = other >= labels[i] ? other + 1 : other
        }
        let pct = Int((fraction * 100).rounded())
        return replacingLabels(noisy, name: "\(name) with \(pct)% wrong labels")
    }

    /// Examples for `clients` federated clients. With `classesPerClient` nil, the data is dealt
    /// at random (IID); with a number, it is sorted by label and cut into
    /// `clients × classesPerClient` shards dealt at random, so each client sees about that
    /// many classes (McMahan et al.'s non-IID setting). Every example goes to exactly one client.
    public func clients(_ clients: Int, classesPerClient: Int? = nil, rng: inout RNG) -> [Dataset] {
        precondition(clients >= 1 && clients <= count, "between 1 and \(count) clients")
        var order = rng.permutation(count)
        let shardsPerClient = classesPerClient ?? 1
        if classesPerClient != nil { order.sort { (labels[$0], $0) < (labels[$1], $1) } }
        let shardCount = clients * shardsPerClient
        let shards = (0..<shardCount).map { s in Array(order[s * count / shardCount ..< (s + 1) * count / shardCount]) }
        let dealt = rng.permutation(shardCount)
        return (0..<clients).map { c in
            let members = (0..<shardsPerClient).flatMap { shards[dealt[c * shardsPerClient + $0]] }
            return subset(members.sorted(), name: "\(name) client \(c + 1)")
        }
    }
}
