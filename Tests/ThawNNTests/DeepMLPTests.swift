import Testing
import TestSupport
import ThawNN
import ThawTensor

/// The deep MLP's pieces: how its weights start, its residual blocks and their gradients.
@Suite struct DeepMLPTests {
    func widths(_ n: Int) -> [Int] { [6] + Array(repeating: 5, count: n) + [3] }

    @Test func aResidualBlockWithNormHasCorrectGradients() {
        var rng = RNG(seed: 11)
        let block = MLPBlock(Linear(5, 5, rng: &rng), norm: true, residual: true, activation: .tanh)
        // Move LayerNorm's scale and shift away from 1 and 0, so their gradients matter too.
        for (_, p) in block.namedParameters() { for i in 0..<p.count { p.data[i] += 0.3 * rng.normal() } }
        let x = randomInput([4, 5], rng: &rng)
        let inputs = [x] + block.namedParameters().map(\.tensor)
        let worst = gradientCheck(inputs, eps: 1e-2) { _ in block(x) }
        #expect(worst!.error < 1e-3, "\(worst!)")
    }

    @Test func aWholeDeepResidualNetHasCorrectGradients() {
        var rng = RNG(seed: 12)
        for (norm, residual) in [(true, true), (false, true), (true, false)] {
            let net = MLP(sizes: widths(3), activation: .tanh, initialization: .kaiming, norm: norm, residual: residual, rng: &rng)
            let x = randomInput([3, 6], rng: &rng)
            let inputs = [x] + net.namedParameters().map(\.tensor)
            let worst = gradientCheck(inputs, eps: 1e-2) { _ in net(x) }
            // Float32 central differences through four layers carry more rounding than one
            // block's (checked above at 1e-3); a wrong gradient is off by far more than this.
            #expect(worst!.error < 3e-3, "norm \(norm) residual \(residual): \(worst!)")
        }
    }

    @Test func blocksHavePyTorchNamesAndTheFirstLayerAndHeadStayPlain() {
        var rng = RNG(seed: 13)
        let net = MLP(sizes: widths(3), initialization: .kaiming, norm: true, residual: true, rng: &rng)
        #expect(net.namedParameters().map(\.path) == [
            "0.weight", "0.bias",
            "1.norm.weight", "1.norm.bias", "1.linear.weight", "1.linear.bias",
            "2.norm.weight", "2.norm.bias", "2.linear.weight", "2.linear.bias",
            "head.weight", "head.bias",
        ])
        #expect(net.layerGroups == ["0", "1", "2", "head"])
        // A residual block adds its input: with zero weights and bias it passes x through.
        let block = net.module(at: "1") as! MLPBlock
        for (_, p) in block.linear.namedParameters() { for i in 0..<p.count { p.data[i] = 0 } }
        let h = Tensor((0..<10).map { Float($0) }, shape: [2, 5])
        let plain = MLPBlock(Linear(5, 5, rng: &rng), norm: false, residual: true, activation: .relu)
        for (_, p) in plain.namedParameters() { for i in 0..<p.count { p.data[i] = 0 } }
        #expect(Tensor.withoutGrad { plain(h) }.data == h.data)
    }

    @Test func aPlainDeepMLPIsTheOrdinaryOne() {
        var a = RNG(seed: 14), b = RNG(seed: 14)
        let ordinary = MLP(sizes: widths(2), rng: &a)
        let explicit = MLP(sizes: widths(2), initialization: .uniform, rng: &b)
        #expect(ordinary.namedParameters().map(\.tensor.data) == explicit.namedParameters().map(\.tensor.data))
        #expect(explicit.namedParameters().map(\.path) == ["0.weight", "0.bias", "1.weight", "1.bias", "head.weight", "head.bias"])
    }

    @Test func initialisationsHaveTheirStatedScale() {
        var rng = RNG(seed: 15)
        func std(_ t: Tensor) -> Double {
            let m = t.data.reduce(0.0) { $0 + Double($1) } / Double(t.count)
            return (t.data.reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) } / Double(t.count)).squareRoot()
        }
        let normal = WeightInit.normal.parameters(in: 200, out: 100, rng: &rng)
        let kaiming = WeightInit.kaiming.parameters(in: 200, out: 100, rng: &rng)
        let xavier = WeightInit.xavier.parameters(in: 200, out: 100, rng: &rng)
        #expect(abs(std(normal.weight) - 0.1) < 0.005)
        #expect(abs(std(kaiming.weight) - 0.1) < 0.005)          // √(2/200)
        #expect(abs(std(xavier.weight) - (2.0 / 300).squareRoot()) < 0.005)
        #expect(normal.bias.data.allSatisfy { $0 == 0 } && kaiming.bias.data.allSatisfy { $0 == 0 })
    }

    @Test func aDeepCopyKeepsTheBlocks() {
        var rng = RNG(seed: 16)
        let net = MLP(sizes: widths(3), initialization: .kaiming, norm: true, residual: true, rng: &rng)
        let copy = net.deepCopy()
        let x = Tensor.randn([2, 6], rng: &rng)
        #expect(Tensor.withoutGrad { copy(x) }.data == Tensor.withoutGrad { net(x) }.data)
        #expect(copy.namedParameters().map(\.path) == net.namedParameters().map(\.path))
    }
}
