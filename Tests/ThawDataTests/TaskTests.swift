import Testing
import ThawData
import ThawTensor

@Suite("Tasks: subsets, imbalance, few-shot, label noise, clients")
struct TaskTests {
    let digits = try! Digits.load()

    @Test func classSubsetsZeroToFourAndFiveToNine() {
        let low = digits.subset(classes: 0...4)
        let high = digits.subset(classes: 5...9, relabel: true)
        #expect(low.count == 901 && high.count == 896)
        #expect(low.classCounts == Array(digitClassCounts[0...4]) + [0, 0, 0, 0, 0])
        #expect(high.classNames == ["5", "6", "7", "8", "9"])
        #expect(high.classCounts == Array(digitClassCounts[5...9]))
        #expect(zip(high.ids, high.labels).allSatisfy { digits.labels[$0] == $1 + 5 })
        #expect(digits.where(label: 8).count == 174)
    }

    @Test func fewShotHasKOfEveryClass() {
        var rng = RNG(seed: 5)
        for k in [1, 5, 10, 60] {
            let few = digits.fewShot(k: k, rng: &rng)
            #expect(few.classCounts == Array(repeating: k, count: 10))
            #expect(Set(few.ids).count == 10 * k)
        }
        var a = RNG(seed: 9), b = RNG(seed: 9)
        #expect(digits.fewShot(k: 3, rng: &a).ids == digits.fewShot(k: 3, rng: &b).ids)
        #expect(digits.subset(classes: [0, 1]).fewShot(k: 500, rng: &rng).count == 178 + 182)
    }

    @Test func imbalanceAtAChosenRatio() {
        var rng = RNG(seed: 2)
        let train = digits.stratifiedSplit(train: 0.7, seed: 0).train
        let counts = train.classCounts
        let skewed = train.imbalanced(minority: [8], ratio: 16, rng: &rng)
        let majority = counts.enumerated().filter { $0.offset != 8 }.map(\.element).max()!
        #expect(skewed.classCounts[8] == Int((Double(majority) / 16).rounded()))
        #expect(skewed.classCounts.enumerated().allSatisfy { $0.offset == 8 || $0.element == counts[$0.offset] })
        #expect(train.capping(class: 8, at: 8, rng: &rng).classCounts[8] == 8)
        let two = train.imbalanced(minority: [3, 5], ratio: 4, rng: &rng)
        #expect(two.classCounts[3] == Int((Double(majority) / 4).rounded()) && two.classCounts[3] == two.classCounts[5])
        #expect(Set(skewed.ids).isSubset(of: Set(train.ids)))
    }

    @Test func stratifiedSample() {
        var rng = RNG(seed: 4)
        let small = digits.sample(200, rng: &rng)
        #expect(small.count == 200)
        #expect(zip(small.classCounts, digits.classCounts).allSatisfy { abs(Double($0) - Double($1) * 200 / 1797) <= 1 })
    }

    @Test func labelNoiseFlipsExactlyTheFraction() {
        var rng = RNG(seed: 6)
        let small = digits.sample(200, rng: &rng)
        let noisy = small.withLabelNoise(0.3, rng: &rng)
        #expect(zip(small.labels, noisy.labels).filter { $0 != $1 }.count == 60)
        #expect(noisy.ids == small.ids && noisy.features.data == small.features.data)
    }

    @Test func federatedClients() {
        var rng = RNG(seed: 8)
        let train = digits.stratifiedSplit(train: 0.7, seed: 0).train
        for classes in [nil, 2] as [Int?] {
            let clients = train.clients(10, classesPerClient: classes, rng: &rng)
            #expect(clients.count == 10)
            #expect(clients.map(\.count).reduce(0, +) == train.count)
            #expect(Set(clients.flatMap(\.ids)) == Set(train.ids))
            if classes != nil {
                // Two shards of label-sorted data: each shard holds one class, or two where it straddles
                // one of the 9 class boundaries; so at most 4 classes a client, 20 + 9 in all.
                #expect(clients.allSatisfy { $0.classCounts.filter { $0 > 0 }.count <= 4 })
                #expect(clients.map { $0.classCounts.filter { $0 > 0 }.count }.reduce(0, +) <= 29)
            } else {
                #expect(clients.allSatisfy { abs($0.count - train.count / 10) <= 1 })
            }
        }
    }

    @Test func rehearsalMixesOldIntoNew() {
        var rng = RNG(seed: 3)
        let old = digits.subset(classes: 0...4).sample(50, rng: &rng)
        let mixed = digits.subset(classes: 5...9).appending(old)
        #expect(mixed.count == 896 + 50)
        #expect(mixed.classCounts.prefix(5).reduce(0, +) == 50)
    }
}
