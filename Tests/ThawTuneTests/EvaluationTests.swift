import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

@Suite struct EvaluationTests {
    /// Logits equal to the inputs: a row [5, 0] is confidently class 0, [0, 5] class 1.
    final class Identity: Module {
        override func forward(_ x: Tensor) -> Tensor { x }
    }

    /// With an ignored (padding) target, the loss is the mean over the tokens that count, however
    /// the padding is spread over the batches; and padding does not count in the accuracy.
    @Test func ignoredTargetsWeighNothingInLossOrAccuracy() {
        let wrong: [Float] = [5, 0], right: [Float] = [0, 5], pad: [Float] = [0, 0]
        // Batch 1: one wrong token and three padding rows; batch 2: four right tokens.
        let b1 = Batch(inputs: Tensor(wrong + pad + pad + pad, shape: [4, 2]), targets: [1, 0, 0, 0])
        let b2 = Batch(inputs: Tensor(right + right + right + right, shape: [4, 2]), targets: [1, 1, 1, 1])
        let loss: (Tensor, Batch) -> Tensor = { Loss.crossEntropy($0, $1.targets, ignoreIndex: 0) }
        let e = Evaluation.run(Identity(), on: .fixed([b1, b2]), lossFunction: loss, ignoring: 0)
        let high = Double(Loss.crossEntropy(Tensor(wrong, shape: [1, 2]), [1]).item)
        let low = Double(Loss.crossEntropy(Tensor(right, shape: [1, 2]), [1]).item)
        #expect(abs(e.loss - (high + 4 * low) / 5) < 1e-6, "token mean, not batch-size weighted: \(e.loss)")
        #expect(e.targets.count == 5 && abs(e.accuracy - 0.8) < 1e-12)

        // A learner told which target to ignore evaluates the same way.
        let learner = Learner(model: Identity(), optimizer: SGD(groups: []), train: .fixed([b1, b2]))
        learner.lossFunction = loss
        learner.ignoredTarget = 0
        let viaLearner = learner.evaluate(.fixed([b1, b2]))
        #expect(viaLearner.accuracy == e.accuracy && viaLearner.loss == e.loss)
    }
}
