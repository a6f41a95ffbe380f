import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune
import TestSupport

@Suite struct RatesTests {
    static func gpt() -> GPT {
        var rng = RNG(seed: 20)
        return GPT(GPTConfig(vocab: 10, context: 8, dim: 16, heads: 2, layers: 2), rng: &rng)
    }

    /// Test 6: every group's effective rate is what was asked.
    @Test func everyGroupGetsTheRateAskedFor() throws {
        let model = Self.gpt()  // groups: embed, blocks.0, blocks.1, head
        let decay = try model.paramGroups(.decay(top: 1e-2, factor: 2.6)).map(\.lr)
        let expectedDecay: [Float] = [1e-2 / (2.6 * 2.6 * 2.6), 1e-2 / (2.6 * 2.6), 1e-2 / 2.6, 1e-2]
        #expect(relativeError(decay, expectedDecay) < 1e-6)
        let range = try model.paramGroups(.range(low: 1e-4, high: 1e-1)).map(\.lr)
        #expect(relativeError(range, [1e-4, 1e-3, 1e-2, 1e-1]) < 1e-5)
        let explicit = try model.paramGroups(.perGroup([1, 2, 3, 4])).map(\.lr)
        #expect(explicit == [1, 2, 3, 4])

        // …and the optimizer really uses them: an SGD step moves each group by lr · gradient.
        let groups = try model.paramGroups(.perGroup([0.1, 0.2, 0.3, 0.4]))
        let opt = SGD(groups: groups)
        let ids = Tensor([1, 2, 3, 4, 5, 6, 7, 8], shape: [1, 8])
        Loss.crossEntropy(model(ids), [2, 3, 4, 5, 6, 7, 8, 9]).backward()
        let before = groups.map { $0.parameters.map(\.tensor.data) }
        let grads = groups.map { $0.parameters.map { $0.tensor.gradData! } }
        opt.step()
        for (g, group) in groups.enumerated() {
            for (p, param) in group.parameters.enumerated() {
                let expected = zip(before[g][p], grads[g][p]).map { $0 - group.lr * $1 }
                #expect(relativeError(param.tensor.data, expected) < 1e-6, "\(param.path) in group \(group.name)")
            }
        }
    }

    @Test func aRangeOnAOneGroupModelIsAnError() {
        final class OneGroup: Module {
            override init() { super.init(); var r = RNG(seed: 1); addChild("only", Linear(2, 2, rng: &r)) }
            override func forward(_ x: Tensor) -> Tensor { child("only")!(x) }
        }
        #expect(throws: RateError.needsSeveralGroups(what: "a range of rates")) { try OneGroup().paramGroups(.range(low: 1e-4, high: 1e-2)) }
        #expect(throws: RateError.self) { try OneGroup().paramGroups(.decay(top: 1e-2, factor: 2.6)) }
        #expect(throws: RateError.countMismatch(given: 2, groups: 4)) { try Self.gpt().paramGroups(.perGroup([1, 2])) }
    }

    @Test func schedulesHaveTheirShapes() {
        let stlr = (0..<100).map { Schedule.slantedTriangular().multiplier(step: $0, total: 100) }
        #expect(stlr.firstIndex(of: stlr.max()!) == 10 && abs(stlr[0] - 1 / 32) < 1e-6)
        #expect(abs(Schedule.cosine().multiplier(step: 50, total: 100) - 0.5) < 1e-6)
        #expect(Schedule.warmup(steps: 4).multiplier(step: 1, total: 10) == 0.5)
        #expect(Schedule.step(every: 10, gamma: 0.1).multiplier(step: 25, total: 100) == Float(0.1) * 0.1)
        let cycle = (0..<100).map { Schedule.oneCycle().multiplier(step: $0, total: 100) }
        #expect(cycle.firstIndex(of: cycle.max()!) == 25 && cycle.last! < 0.01)
    }
}

@Suite struct EarlyStoppingTests {
    /// Test 7: when the best epoch is within the patience window, the final weights are the best.
    @Test func finalWeightsAreTheBestEpochs() throws {
        var rng = RNG(seed: 21)
        // A tiny training set and a huge rate: validation loss gets worse after a few epochs.
        let net = MLP(sizes: [16, 64, 4], rng: &rng)
        let (train, valid) = Problems.blobs(seed: 3, count: 32, batch: 8)
        let learner = Learner(model: net, optimizer: Adam(groups: net.singleGroup(lr: 0.05)), train: train, valid: valid)
        learner.add(MetricsRecorder())
        let stopper = EarlyStopping(patience: 3)
        learner.add(stopper)
        final class Keep: Callback {
            var snapshots: [Int: Snapshot] = [:]
            var order: Int { 55 }
            func afterEpoch(_ l: Learner) { snapshots[l.epoch + 1] = Snapshot(l.model) }
        }
        let keep = Keep()
        learner.add(keep)
        learner.fit(epochs: 40)
        let best = try #require(stopper.bestEpoch)
        let losses = learner.history.series("valid loss")
        #expect(losses.count < 40, "it stopped early")
        #expect(losses.count - best == 3, "it waited exactly the patience")
        #expect(losses[best - 1] == losses.min())
        #expect(net.parameters.map(\.data) == net.namedParameters().map { keep.snapshots[best]!.values[$0.path]! })
    }
}
