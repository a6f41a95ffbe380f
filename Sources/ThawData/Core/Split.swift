import ThawTensor

/// A dataset cut into train, validation and test parts that share no example.
public struct Split: CustomStringConvertible {
    public let train: Dataset
    public let validation: Dataset
    public let test: Dataset

    public var description: String {
        "train \(train.count), validation \(validation.count), test \(test.count)"
    }
}

extension Dataset {
    /// A stratified split: every part has (as nearly as integers allow) the same class
    /// proportions as the whole. The test part gets what train and validation leave.
    ///
    /// Held-out sizes round up, as scikit-learn's do: 1797 digits at 70/30 give 1257 train and
    /// 540 test, the prototype's numbers. Which examples go where depends only on the RNG.
    public func stratifiedSplit(train: Double, validation: Double = 0, rng: inout RNG) -> Split {
        precondition(train > 0 && validation >= 0 && train + validation <= 1 + 1e-9,
                     "fractions must be positive and sum to at most 1")
        let test = max(0, 1 - train - validation)
        let heldOut = [validation, test].map { Int((Double(count) * $0 - 1e-9).rounded(.up)) }
        let sizes = [count - heldOut[0] - heldOut[1], heldOut[0], heldOut[1]]
        let parts = stratifiedPartition(sizes: sizes, rng: &rng)
        return Split(train: parts[0].renamed("\(name) train"),
                     validation: parts[1].renamed("\(name) validation"),
                     test: parts[2].renamed("\(name) test"))
    }

    /// The same split from a fixed seed: `digits.stratifiedSplit(train: 0.7, seed: 0)` is the
    /// same 1257/540 split on every machine, whatever else drew random numbers before.
    public func stratifiedSplit(train: Double, validation: Double = 0, seed: UInt64) -> Split {
        var rng = RNG(seed: seed)
        return stratifiedSplit(train: train, validation: validation, rng: &rng)
    }

    /// Cuts the dataset into parts of the given sizes (summing to `count`), each stratified.
    /// Two equal halves, for instance, for "pretrain on one half, fine-tune on the other".
    public func stratifiedPartition(sizes: [Int], rng: inout RNG) -> [Dataset] {
        precondition(sizes.allSatisfy { $0 >= 0 } && sizes.reduce(0, +) == count,
                     "part sizes \(sizes) must be non-negative and sum to \(count)")
        let groups = indicesByClass
        let cells = Dataset.stratifiedAllocation(classCounts: groups.map(\.count), totals: sizes)
        var parts = [[Int]](repeating: [], count: sizes.count)
        for (label, var members) in groups.enumerated() {
            rng.shuffle(&members)
            var next = 0
            for part in sizes.indices {
                parts[part] += members[next ..< next + cells[label][part]]
                next += cells[label][part]
            }
        }
        // Source order within a part: the split decides membership, batching decides order.
        return parts.enumerated().map { i, members in subset(members.sorted(), name: "\(name) part \(i + 1)") }
    }

    /// How many examples of each class go to each part: a table whose rows sum to the class
    /// counts and whose columns sum to the part sizes, each cell (nearly always) within one of
    /// its exact proportional share. Floors first; then the leftover units go to the cells with
    /// the largest fractional parts, while both their class and their part still need one.
    package static func stratifiedAllocation(classCounts: [Int], totals: [Int]) -> [[Int]] {
        let n = classCounts.reduce(0, +)
        guard n > 0 else { return classCounts.map { _ in totals.map { _ in 0 } } }
        var cells = classCounts.map { c in totals.map { t in c * t / n } }
        var classNeed = classCounts.indices.map { classCounts[$0] - cells[$0].reduce(0, +) }
        var partNeed = totals.indices.map { p in totals[p] - cells.reduce(0) { $0 + $1[p] } }
        // Rank cells by remainder (c * t mod n), ties by position, so the result is deterministic.
        var ranked: [(remainder: Int, label: Int, part: Int)] = []
        for (label, c) in classCounts.enumerated() {
            for (part, t) in totals.enumerated() { ranked.append((c * t % n, label, part)) }
        }
        ranked.sort { ($0.remainder, -$0.label, -$0.part) > ($1.remainder, -$1.label, -$1.part) }
        for cell in ranked where cell.remainder > 0 && classNeed[cell.label] > 0 && partNeed[cell.part] > 0 {
            cells[cell.label][cell.part] += 1
            classNeed[cell.label] -= 1
            partNeed[cell.part] -= 1
        }
        // Greedy rounding can, rarely, strand a unit; any cell whose class and part both
        // still need one keeps the margins exact.
        for cell in ranked {
            while classNeed[cell.label] > 0 && partNeed[cell.part] > 0 {
                cells[cell.label][cell.part] += 1
                classNeed[cell.label] -= 1
                partNeed[cell.part] -= 1
            }
        }
        return cells
    }

    func renamed(_ name: String) -> Dataset {
        var copy = self
        copy.name = name
        return copy
    }
}
