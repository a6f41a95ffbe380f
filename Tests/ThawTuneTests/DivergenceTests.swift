import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// After a divergence the model keeps weights whose loss was finite, and the message names
/// the step and the layer.
@Suite struct DivergenceTests {
    @Test func aDivergedRunHandsBackTheLastGoodWeights() {
        var rng = RNG(seed: 11)
        let net = MLP(sizes: [16, 32, 4], rng: &rng)
        let before = net.namedParameters().map(\.tensor.data)
        let (train, valid) = Problems.blobs(seed: 2)
        let learner = Learner(model: net, optimizer: Adam(groups: net.singleGroup(lr: 1e30)), train: train, rng: RNG(seed: 12))
        learner.fit(epochs: 3)
        guard case let .diverged(reason)? = learner.stopReason else {
            Issue.record("expected a divergence, got \(String(describing: learner.stopReason))")
            return
        }
        #expect(reason.hasPrefix("the loss became"), "\(reason)")
        #expect(reason.contains("step 2"), "\(reason)")
        #expect(net.namedParameters().contains { reason.contains("`\($0.path)`") }, "names no layer: \(reason)")
        #expect(!reason.contains("-nan"), "\(reason)")
        // The update of step 1 is undone: the weights are those the first (finite) loss came from.
        #expect(net.namedParameters().map(\.tensor.data) == before)
        #expect(learner.evaluate(valid).loss.isFinite)
    }
}
