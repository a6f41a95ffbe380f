import Testing
import ThawTensor
import TestSupport

@Suite struct GatherOpTests {
    let table = Tensor([0, 1, 10, 11, 20, 21, 30, 31], shape: [4, 2])

    @Test func gatherRowsLooksUpEmbeddings() {
        let e = table.gatherRows([3, 0, 3, 1], shape: [2, 2])
        #expect(e.shape == [2, 2, 2])
        #expect(e.data == [30, 31, 0, 1, 30, 31, 10, 11])
    }

    @Test func repeatedIndicesAddTheirGradients() {
        let t = Tensor.zeros([4, 2]).requiringGrad()
        t.gatherRows([3, 0, 3], shape: [3]).backward(seed: [1, 2, 3, 4, 5, 6])
        #expect(t.gradData == [3, 4, 0, 0, 0, 0, 6, 8])
        var rng = RNG(seed: 41)
        expectGradientsMatch([randomInput([5, 3], rng: &rng)]) { $0[0].gatherRows([4, 1, 1, 0, 2, 4], shape: [2, 3]) }
    }

    @Test func frozenTableGetsNoGradient() {
        let t = Tensor([1, 2, 3, 4], shape: [2, 2])
        let w = Tensor([1, 1], shape: [2]).requiringGrad()
        (t.gatherRows([1, 0], shape: [2]) * w).sum().backward()
        #expect(t.gradData == nil)
        #expect(w.gradData == [4, 6])
    }

    @Test func selectRowsBatchesAnyTensor() {
        let x = Tensor((0..<12).map(Float.init), shape: [3, 2, 2])
        let b = x.selectRows([2, 0])
        #expect(b.shape == [2, 2, 2] && b.data == [8, 9, 10, 11, 0, 1, 2, 3])
        let labels = Tensor([5, 6, 7], shape: [3])
        #expect(labels.selectRows([1, 1]).data == [6, 6])
        var rng = RNG(seed: 42)
        expectGradientsMatch([randomInput([4, 2, 3], rng: &rng)]) { $0[0].selectRows([3, 0, 3]) }
    }

    @Test func outOfRangeIndexStopsWithAMessage() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.zeros([4, 2]).gatherRows([1, 4], shape: [2])
        }
    }
}
