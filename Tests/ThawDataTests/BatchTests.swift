import Testing
import ThawData
import ThawTensor

@Suite("Batching and augmentation")
struct BatchTests {
    let train = try! Digits.load().stratifiedSplit(train: 0.7, seed: 0).train

    @Test func batchesCoverEveryExampleOnce() {
        var rng = RNG(seed: 1)
        let batches = train.batches(size: 32, shuffle: &rng)
        #expect(batches.count == 40)   // 1257 / 32, rounded up
        var seen: [Int] = [], sizes: [Int] = []
        for (x, y) in batches {
            #expect(x.shape == [y.count, 64])
            sizes.append(y.count)
        }
        seen = batches.order
        #expect(sizes.dropLast().allSatisfy { $0 == 32 } && sizes.last == 1257 - 39 * 32)
        #expect(seen.sorted() == Array(0..<1257))
        var again = RNG(seed: 1)
        #expect(train.batches(size: 32, shuffle: &again, dropLast: true).count == 39)
    }

    @Test func sameSeedSameBatchesAndEpochsDiffer() {
        var a = RNG(seed: 3), b = RNG(seed: 3)
        let first = Array(train.batches(size: 50, shuffle: &a)), same = Array(train.batches(size: 50, shuffle: &b))
        #expect(zip(first, same).allSatisfy { $0.inputs.data == $1.inputs.data && $0.labels == $1.labels })
        // The next epoch draws a new order, and that too is reproducible.
        let secondA = train.batches(size: 50, shuffle: &a), secondB = train.batches(size: 50, shuffle: &b)
        #expect(secondA.order == secondB.order)
        #expect(secondA.order != train.batches(size: 50, shuffle: &b).order)
        var other = RNG(seed: 4)
        #expect(Array(train.batches(size: 50, shuffle: &other))[0].labels != first[0].labels)
    }

    @Test func batchesMatchTheirExamples() {
        let (x, y) = Array(train.batches(size: 10))[1]
        #expect(y == Array(train.labels[10..<20]))
        #expect(Array(x.data[0..<64]) == Array(train.values(at: 10)))
    }

    @Test func augmentedBatchesAreSeededAndValid() {
        var a = RNG(seed: 5), b = RNG(seed: 5)
        let one = Array(train.batches(size: 64, shuffle: &a, augment: .mild))
        let two = Array(train.batches(size: 64, shuffle: &b, augment: .mild))
        #expect(zip(one, two).allSatisfy { $0.inputs.data == $1.inputs.data })
        var c = RNG(seed: 5)
        let plain = Array(train.batches(size: 64, shuffle: &c))
        #expect(zip(one, plain).allSatisfy { $0.labels == $1.labels })          // same order
        #expect(one[0].inputs.data != plain[0].inputs.data)                     // changed pixels
        #expect(one.allSatisfy { $0.inputs.data.allSatisfy { $0 >= 0 && $0 <= 1 } })
    }

    @Test func augmentPresets() {
        var rng = RNG(seed: 2)
        let x = Tensor(Array(train.features.data.prefix(64 * 8)), shape: [8, 64])
        let shifted = Augment.onePixelShifts.apply(to: x, height: 8, width: 8, rng: &rng)
        // A whole-pixel shift moves values without interpolating: every value is an original one.
        let levels = Set(x.data)
        #expect(shifted.data.allSatisfy { levels.contains($0) })
        let noisy = Augment.lightNoise.apply(to: x, height: 8, width: 8, rng: &rng)
        #expect(noisy.shape == x.shape && noisy.data != x.data)
        let rotated = Augment.smallRotations.apply(to: x, height: 8, width: 8, rng: &rng)
        #expect(rotated.data != x.data)
        var r1 = RNG(seed: 4)
        let bigger = train.augmented(.mild, copies: 2, rng: &r1)
        #expect(bigger.count == 3 * train.count && bigger.classCounts == train.classCounts.map { 3 * $0 })
    }

    @Test func poissonBatchesVaryInSize() {
        var rng = RNG(seed: 9)
        let sizes = (0..<50).map { _ in train.poissonBatch(rate: 64.0 / 1257, rng: &rng).labels.count }
        let mean = Double(sizes.reduce(0, +)) / 50
        #expect(Set(sizes).count > 5 && abs(mean - 64) < 8)
    }
}
