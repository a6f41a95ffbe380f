import Testing
import ThawNN
import ThawOptim
import ThawTensor
import TestSupport

/// The engine learns: small models fit small problems they should fit.
@Suite struct TrainingTests {
    /// Trains `model` on fixed batches for `steps` and returns the losses.
    func train(_ model: Module, batches: [(Tensor, [Int])], steps: Int, lr: Float = 1e-2) -> [Float] {
        let opt = Adam(groups: model.singleGroup(lr: lr))
        var losses: [Float] = []
        for i in 0..<steps {
            let (x, y) = batches[i % batches.count]
            opt.zeroGrad()
            let loss = Loss.crossEntropy(model(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item)
        }
        return losses
    }

    func accuracy(_ model: Module, _ x: Tensor, _ y: [Int]) -> Double {
        let predicted = Tensor.withoutGrad { model(x) }.argmax(axis: -1)
        return Double(zip(predicted, y).filter { $0 == $1 }.count) / Double(y.count)
    }

    @Test func mlpLearnsSeparableData() {
        var rng = RNG(seed: 1)
        let (x, y) = Synthetic.blobs(count: 256, features: 10, classes: 4, spread: 0.3, rng: &rng)
        let net = MLP(sizes: [10, 32, 4], rng: &rng)
        let before = accuracy(net, x, y)
        _ = train(net, batches: Synthetic.batches(x, y, size: 32), steps: 200)
        #expect(before < 0.6)
        #expect(accuracy(net, x, y) > 0.98)
    }

    @Test func gptLossFallsOnARepeatedPattern() {
        var rng = RNG(seed: 2)
        let gpt = GPT(GPTConfig(vocab: 8, context: 12, dim: 32, heads: 4, layers: 2), rng: &rng)
        // "0123456701234…": each token predicts the next; a GPT should learn it almost perfectly.
        let pattern = (0..<13).map { $0 % 8 }
        let x = Tensor(pattern.dropLast().map(Float.init) + pattern.dropLast().map(Float.init), shape: [2, 12])
        let y = Array(pattern.dropFirst()) + Array(pattern.dropFirst())
        let losses = train(gpt, batches: [(x, y)], steps: 150, lr: 3e-3)
        #expect(losses[0] > 1.5)
        #expect(losses.last! < 0.1, "final loss \(losses.last!)")
    }

    @Test func cnnTrains() {
        var rng = RNG(seed: 3)
        // Images whose class is the quadrant holding a bright square.
        var values: [Float] = [], labels: [Int] = []
        for i in 0..<128 {
            let c = i % 4
            var img = (0..<64).map { _ in 0.1 * rng.uniform() }
            let (r0, c0) = (c / 2 * 4, c % 2 * 4)
            for r in r0..<(r0 + 3) { for q in c0..<(c0 + 3) { img[r * 8 + q] = 1 } }
            values += img
            labels.append(c)
        }
        let x = Tensor(values, shape: [128, 1, 8, 8])
        for residual in [false, true] {
            let cnn = CNN(channels: (4, 8), classes: 4, residual: residual, rng: &rng)
            let losses = train(cnn, batches: Synthetic.batches(x, labels, size: 32), steps: 60)
            #expect(losses.last! < losses.first! / 4, "residual \(residual): \(losses.first!) → \(losses.last!)")
            #expect(accuracy(cnn, x, labels) > 0.95)
        }
    }

    @Test func sameSeedGivesBitIdenticalWeightsAndLosses() {
        func run() -> ([Float], [[Float]]) {
            var rng = RNG(seed: 4)
            let (x, y) = Synthetic.blobs(count: 64, features: 6, classes: 3, rng: &rng)
            let net = MLP(sizes: [6, 16, 3], dropout: 0.2, rng: &rng)
            let losses = train(net, batches: Synthetic.batches(x, y, size: 16), steps: 30)
            return (losses, net.parameters.map(\.data))
        }
        let (a, b) = (run(), run())
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
    }
}
