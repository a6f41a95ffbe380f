import Testing
import ThawData
import ThawTensor

/// The bias lesson's shortcut: a marker pixel that agrees with the label in a chosen share of
/// the images, kept track of through every subset, moved at random by augmentation.
@Suite("Marker pixels and group oversampling")
struct MarkerTests {
    let digits = try! Digits.load()

    /// The spots lit in one example's image.
    func litSpots(_ d: Dataset, _ i: Int) -> [Int] {
        let pixels = Array(d.values(at: i))
        return Marker.spots.indices.filter { pixels[Marker.spots[$0].row * 8 + Marker.spots[$0].column] == 1 }
    }

    @Test func exactlyTheShareAgreesAndEachImageHasOneMarkerWhereTheRecordSays() throws {
        var rng = RNG(seed: 4)
        let marked = digits.marked(agreeing: 0.95, rng: &rng)
        let markers = try #require(marked.markers)
        #expect(marked.markerAgrees.filter { $0 }.count == Int((0.95 * 1797).rounded()))
        for i in stride(from: 0, to: marked.count, by: 37) {
            #expect(litSpots(marked, i) == [markers[i]], "example \(i)")
            #expect(markers[i] >= 0 && markers[i] < 10)
        }
        #expect(marked.labels == digits.labels && marked.ids == digits.ids)
        // Nothing but the ten spots changes.
        let spotIndices = Set(Marker.spots.map { $0.row * 8 + $0.column })
        for j in 0..<64 where !spotIndices.contains(j) {
            #expect(marked.features.data[5 * 64 + j] == digits.features.data[5 * 64 + j])
        }
        var none = RNG(seed: 4)
        #expect(digits.marked(agreeing: 0, rng: &none).markerAgrees.allSatisfy { !$0 })
    }

    @Test func markersFollowSubsetsSplitsJoinsAndRelabelling() throws {
        var rng = RNG(seed: 2)
        let marked = digits.marked(agreeing: 0.5, rng: &rng)
        let split = marked.stratifiedSplit(train: 0.7, rng: &rng)
        let joined = split.test.appending(split.train)
        let markers = try #require(joined.markers)
        for i in stride(from: 0, to: joined.count, by: 53) { #expect(litSpots(joined, i) == [markers[i]]) }
        // A join with unmarked data marks its examples -1: no marker, never "agrees".
        let mixed = split.test.appending(digits.subset([0, 1]))
        #expect(mixed.markers?.suffix(2) == [-1, -1] && mixed.markerAgrees.suffix(2) == [false, false])
        #expect(digits.appending(digits.subset([0])).markers == nil)
        // Renumbered classes renumber the markers that point at them.
        let high = marked.subset(classes: 5...9, relabel: true)
        let pairs = zip(try #require(high.markers), marked.subset(classes: 5...9).markers!)
        #expect(pairs.allSatisfy { new, old in old >= 5 ? new == old - 5 : new == -1 })
    }

    @Test func theMarkerAugmentationMovesTheMarkerAndNothingElse() throws {
        var rng = RNG(seed: 9)
        let marked = digits.subset(Array(0..<200)).marked(agreeing: 1, rng: &rng)
        let moved = Augment.randomMarker.apply(to: marked.features, height: 8, width: 8, rng: &rng)
        let again = marked.replacingFeatures(moved)
        var spotsSeen = Set<Int>()
        for i in 0..<again.count {
            let lit = litSpots(again, i)
            #expect(lit.count == 1)
            spotsSeen.formUnion(lit)
        }
        #expect(spotsSeen.count == 10, "every spot is drawn: \(spotsSeen.sorted())")
        let remarked = marked.remarked(rng: &rng)
        let markers = try #require(remarked.markers)
        #expect((0..<remarked.count).allSatisfy { litSpots(remarked, $0) == [markers[$0]] })
        #expect(remarked.markerAgrees.filter { $0 }.count < 60, "about one in ten agrees by chance")
    }

    @Test func groupOversamplingEvensOutEveryClassAndAgreementGroup() {
        var rng = RNG(seed: 1)
        let marked = digits.marked(agreeing: 0.9, rng: &rng)
        let even = marked.groupOversampled()
        var sizes: [String: Int] = [:]
        for (label, agrees) in zip(even.labels, even.markerAgrees) { sizes["\(label) \(agrees)", default: 0] += 1 }
        #expect(sizes.count == 20 && Set(sizes.values).count == 1, "\(sizes)")
        // Without markers every example "disagrees", so the groups are the classes.
        #expect(digits.groupOversampled().classCounts == digits.oversampled().classCounts)
    }

    @Test func fitsOnlyEightByEightImagesOfTenClassesAtMost() {
        #expect(Marker.fits(digits))
        let vectors = Dataset(name: "v", features: Tensor([Float](repeating: 0, count: 128), shape: [2, 64]),
                              labels: [0, 1], classNames: ["a", "b"])
        #expect(!Marker.fits(vectors))
    }
}
