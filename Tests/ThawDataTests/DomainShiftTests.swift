import Testing
import ThawData
import ThawTensor

@Suite("Domain shifts of the digits")
struct DomainShiftTests {
    let digits = try! Digits.load()

    /// A single 8x8 image with one lit pixel at (row, col).
    func dot(_ row: Int, _ col: Int) -> Dataset {
        var pixels = [Float](repeating: 0, count: 64)
        pixels[row * 8 + col] = 1
        return Dataset(name: "dot", features: Tensor(pixels, shape: [1, 64]), labels: [0],
                       classNames: ["dot"], kind: .image(height: 8, width: 8))
    }

    @Test func everyShiftKeepsSizesLabelsAndIds() {
        var rng = RNG(seed: 1)
        let shifts = [digits.shifted(dx: 1, dy: 0), digits.rotated(degrees: 90), digits.inverted(),
                      digits.noisy(sigma: 0.35, rng: &rng), digits.permuted(PixelPermutation(size: 64, rng: &rng))]
        for shifted in shifts {
            #expect(shifted.features.shape == digits.features.shape)
            #expect(shifted.labels == digits.labels && shifted.ids == digits.ids)
            #expect(shifted.classCounts == digitClassCounts)
            #expect(shifted.features.data != digits.features.data, "\(shifted.name)")
            #expect(shifted.features.data.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(shifted.name)")
        }
    }

    @Test func shiftMovesPixelsAndBlanksTheEdge() {
        let moved = dot(2, 3).shifted(dx: 1, dy: 2)
        #expect(moved.features[0, 4 * 8 + 4] == 1 && moved.features.data.reduce(0, +) == 1)
        #expect(dot(2, 7).shifted(dx: 1, dy: 0).features.data.allSatisfy { $0 == 0 })
        let back = digits.shifted(dx: 1, dy: 0).shifted(dx: -1, dy: 0)
        // Only the rightmost column, pushed out and back, is lost.
        for i in 0..<64 where i % 8 != 7 { #expect(back.features.data[i] == digits.features.data[i]) }
    }

    @Test func rotationsByQuarterTurnsAreExact() {
        // Counterclockwise on screen: the right edge's middle goes to the top.
        #expect(dot(3, 7).rotated(degrees: 90).features[0, 0 * 8 + 3] == 1)
        let fourTimes = digits.rotated(degrees: 90).rotated(degrees: 90).rotated(degrees: 90).rotated(degrees: 90)
        #expect(fourTimes.features.data == digits.features.data)
        #expect(digits.rotated(degrees: 180).features.data == digits.rotated(degrees: -180).features.data)
        let small = digits.rotated(degrees: 10)
        let ink = digits.features.data.reduce(0, +), smallInk = small.features.data.reduce(0, +)
        #expect(abs(smallInk - ink) / ink < 0.05)   // interpolation keeps most of the ink
    }

    @Test func invertAndNoise() {
        let inverted = digits.inverted()
        #expect(zip(inverted.features.data, digits.features.data).allSatisfy { $0 == 1 - $1 })
        var a = RNG(seed: 7), b = RNG(seed: 7)
        let n1 = digits.noisy(sigma: 0.35, rng: &a), n2 = digits.noisy(sigma: 0.35, rng: &b)
        #expect(n1.features.data == n2.features.data)
        let diff = zip(n1.features.data, digits.features.data).map { abs($0 - $1) }
        #expect(diff.reduce(0, +) / Float(diff.count) > 0.1)
    }

    @Test func onePermutationIsOneTask() {
        var rng = RNG(seed: 11)
        let permutation = PixelPermutation(size: 64, rng: &rng)
        let split = digits.stratifiedSplit(train: 0.7, seed: 0)
        let train = split.train.permuted(permutation), test = split.test.permuted(permutation)
        #expect(train.features[0, 5] == split.train.features[0, permutation.order[5]])
        #expect(test.features[3, 60] == split.test.features[3, permutation.order[60]])
        var inverse = [Int](repeating: 0, count: 64)
        for (j, from) in permutation.order.enumerated() { inverse[from] = j }
        #expect(train.permuted(PixelPermutation(order: inverse)).features.data == split.train.features.data)
        var again = RNG(seed: 11)
        #expect(PixelPermutation(size: 64, rng: &again) == permutation)
    }
}
