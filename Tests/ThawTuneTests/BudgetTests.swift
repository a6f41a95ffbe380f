import Testing
import ThawNN
import ThawTensor
import ThawTune

/// The estimates a session's budget is checked against: parameter counts from a config
/// (before anything is built) must equal the built model's, and the training cost must add up
/// as documented in `TrainingCost`.
@Suite struct BudgetTests {
    @Test func parametersFromAConfigMatchTheBuiltModel() {
        var rng = RNG(seed: 1)
        let mlp = MLP(sizes: [64, 30, 20, 10], rng: &rng)
        #expect(ModelCost.mlp(sizes: [64, 30, 20, 10]).parameters == mlp.parameterCount)
        for residual in [false, true] {
            let cnn = CNN(channels: (4, 6), classes: 7, residual: residual, rng: &rng)
            #expect(ModelCost.cnn(channels: (4, 6), classes: 7, residual: residual).parameters == cnn.parameterCount)
        }
        let gptConfig = GPTConfig(vocab: 30, context: 12, dim: 16, heads: 2, layers: 3)
        #expect(gptConfig.cost().parameters == GPT(gptConfig, rng: &rng).parameterCount)
        for pooling in Pooling.allCases {
            let config = EncoderConfig(vocab: 30, context: 9, dim: 8, heads: 2, layers: 2, classes: 3, pooling: pooling)
            #expect(config.cost().parameters == Encoder(config, rng: &rng).parameterCount)
        }
    }

    @Test func aBuiltModelIsCostedFromItsArchitectureWithItsExactParameters() {
        var rng = RNG(seed: 2)
        let gpt = GPT(GPTConfig(vocab: 30, context: 12, dim: 16, heads: 2, layers: 1), rng: &rng)
        let full = gpt.cost(), short = gpt.cost(tokens: 6)
        #expect(full.parameters == gpt.parameterCount && short.parameters == gpt.parameterCount)
        // Fewer tokens per example, less work and fewer activations; attention's T² makes the
        // work fall faster than the token count.
        #expect(short.forwardFLOPsPerExample < full.forwardFLOPsPerExample / 2)
        #expect(short.activationsPerExample < full.activationsPerExample)
        // A dense model: 2 FLOPs per weight per example, the familiar 6·P·tokens per step.
        let mlp = ModelCost.mlp(sizes: [100, 10])
        #expect(mlp.forwardFLOPsPerExample == 2 * 100 * 10)
    }

    @Test func trainingCostAddsWeightsGradientsStateAndActivations() {
        let model = ModelCost(parameters: 1000, activationsPerExample: 50, forwardFLOPsPerExample: 2000)
        // Adam, everything trainable: weights, gradients, two moments, the guard's copy.
        let adam = TrainingCost(model: model, trainableParameters: 1000, optimizerStateFloats: 2, batch: 4)
        #expect(adam.bytes == Double(4 * (1000 * 5 + 2 * 50 * 4)))
        // Half frozen, plain SGD, with EWC's two anchors.
        let sgd = TrainingCost(model: model, trainableParameters: 500, optimizerStateFloats: 0, anchorCopies: 2, batch: 4)
        #expect(sgd.bytes == Double(4 * (1000 + 500 * 2 + 2 * 1000 + 2 * 50 * 4)))
        let update: Double = TrainingCost.updateFLOPsPerParameter * 1000
        #expect(adam.stepFLOPs == Double(3 * 2000 * 4) + update)
        // Building checks the least any training needs: one example at a time.
        #expect(TrainingCost(building: model).batch == 1)
    }
}
