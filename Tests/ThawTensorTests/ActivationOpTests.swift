import Testing
import ThawTensor
import TestSupport

@Suite struct ActivationOpTests {
    @Test func values() {
        let x = Tensor([-1, 0, 0.5, 2], shape: [4])
        #expect(x.relu().data == [0, 0, 0.5, 2])
        #expect(x.leakyRelu(slope: 0.1).data == [-0.1, 0, 0.5, 2])
        // Exact GELU, x·Φ(x), as torch.nn.functional.gelu.
        #expect(approxEqual(x.gelu().data, [-0.15865526, 0, 0.34573123, 1.95449974]))
        #expect(approxEqual(x.tanh().data, [-0.76159416, 0, 0.46211716, 0.96402758]))
        #expect(approxEqual(x.sigmoid().data, [0.26894142, 0.5, 0.62245933, 0.88079708]))
    }

    @Test func sigmoidSaturatesWithoutOverflow() {
        let y = Tensor([-100, 100], shape: [2]).sigmoid().data
        #expect(y[0] >= 0 && y[0] < 1e-30 && y[1] == 1)
    }

    @Test func gradients() {
        var rng = RNG(seed: 61)
        let x = awayFromZero([3, 4], margin: 0.1, rng: &rng)  // relu kinks at 0
        expectGradientsMatch([x]) { $0[0].relu() }
        expectGradientsMatch([x]) { $0[0].leakyRelu(slope: 0.2) }
        expectGradientsMatch([x]) { $0[0].gelu() }
        expectGradientsMatch([x]) { $0[0].tanh() }
        expectGradientsMatch([x]) { $0[0].sigmoid() }
    }
}
