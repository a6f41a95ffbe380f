import Testing
import ThawData
import ThawTensor

@Suite("Splits: fixed, seeded, stratified, disjoint")
struct SplitTests {
    let digits = try! Digits.load()

    @Test func seventyThirtyMatchesThePrototype() {
        let split = digits.stratifiedSplit(train: 0.7, seed: 0)
        #expect(split.train.count == 1257 && split.test.count == 540 && split.validation.count == 0)
    }

    @Test func partsAreDisjointAndCoverEverything() {
        let split = digits.stratifiedSplit(train: 0.6, validation: 0.2, seed: 3)
        let parts = [split.train, split.validation, split.test].map { Set($0.ids) }
        #expect(parts[0].isDisjoint(with: parts[1]) && parts[0].isDisjoint(with: parts[2])
                && parts[1].isDisjoint(with: parts[2]))
        #expect(parts.map(\.count).reduce(0, +) == digits.count)
        #expect(parts[0].union(parts[1]).union(parts[2]) == Set(digits.ids))
        #expect(split.validation.count == 360 && split.test.count == 360)   // ceil(0.2 × 1797)
        // Labels travel with their examples.
        for part in [split.train, split.validation, split.test] {
            #expect(zip(part.ids, part.labels).allSatisfy { digits.labels[$0] == $1 })
        }
    }

    @Test func everyPartIsStratified() {
        let split = digits.stratifiedSplit(train: 0.6, validation: 0.2, seed: 3)
        for (part, fraction) in [(split.train, 0.6), (split.validation, 0.2), (split.test, 0.2)] {
            for (have, all) in zip(part.classCounts, digits.classCounts) {
                #expect(abs(Double(have) - Double(all) * fraction) <= 1, "\(part.name): \(have) of \(all)")
            }
        }
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() {
        let a = digits.stratifiedSplit(train: 0.7, seed: 42)
        let b = digits.stratifiedSplit(train: 0.7, seed: 42)
        let c = digits.stratifiedSplit(train: 0.7, seed: 43)
        #expect(a.train.ids == b.train.ids && a.test.ids == b.test.ids)
        #expect(a.train.features.data == b.train.features.data)
        #expect(a.train.ids != c.train.ids)
        var rng1 = RNG(seed: 42), rng2 = RNG(seed: 42)
        #expect(digits.stratifiedSplit(train: 0.5, rng: &rng1).test.ids
                == digits.stratifiedSplit(train: 0.5, rng: &rng2).test.ids)
    }

    @Test func allocationKeepsBothMarginsExact() {
        for (counts, totals) in [([5, 5, 5], [7, 4, 4]), ([1, 1, 1, 1, 1], [2, 0, 3]), ([10, 1, 3], [0, 14]),
                                 ([178, 182, 177], [375, 81, 81]), ([2, 2], [1, 1, 2])] {
            let cells = Dataset.stratifiedAllocation(classCounts: counts, totals: totals)
            #expect(cells.map { $0.reduce(0, +) } == counts)
            #expect(totals.indices.map { p in cells.reduce(0) { $0 + $1[p] } } == totals)
            #expect(cells.allSatisfy { $0.allSatisfy { $0 >= 0 } })
        }
    }

    @Test func halvesForPretrainThenFineTune() {
        var rng = RNG(seed: 1)
        let halves = digits.stratifiedPartition(sizes: [899, 898], rng: &rng)
        #expect(halves.map(\.count) == [899, 898])
        #expect(Set(halves[0].ids).isDisjoint(with: halves[1].ids))
        #expect(zip(halves[0].classCounts, halves[1].classCounts).allSatisfy { abs($0 - $1) <= 1 })
    }
}
