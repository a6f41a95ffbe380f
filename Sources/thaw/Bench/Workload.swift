import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// One benchmark workload of `../shared/bench/WORKLOADS.md`: a model, an optimizer over its
/// trainable parameters, 16 fixed batches cycled, 10 untimed warm-up steps, then `steps`
/// timed steps (forward, loss, backward, update).
struct Workload: Sendable {
    let name: String
    let steps: Int
    /// Builds everything and returns the step function for batch `i`.
    let prepare: @Sendable () -> (Int) -> Void

    static let all: [Workload] = [mlpDigits, mlpWide, cnnDigits, gptTiny, gptTinyLoRA]

    static func classification(_ model: Module, input: [Int], classes: Int, batch: Int,
                               optimizer: Optimizer) -> (Int) -> Void {
        var rng = RNG(seed: 1)
        let batches = (0..<16).map { _ in
            (Tensor.randn([batch] + input, rng: &rng), (0..<batch).map { _ in rng.int(below: classes) })
        }
        return { i in
            let (x, y) = batches[i % 16]
            optimizer.zeroGrad()
            Loss.crossEntropy(model(x), y).backward()
            optimizer.step()
        }
    }

    static func language(_ model: Module, optimizer: Optimizer) -> (Int) -> Void {
        var rng = RNG(seed: 1)
        let batches = (0..<16).map { _ -> (Tensor, [Int]) in
            let seq = (0..<(32 * 33)).map { _ in rng.int(below: 32) }
            var input: [Float] = [], target: [Int] = []
            for r in 0..<32 {
                input += seq[(r * 33)..<(r * 33 + 32)].map(Float.init)
                target += seq[(r * 33 + 1)..<(r * 33 + 33)]
            }
            return (Tensor(input, shape: [32, 32]), target)
        }
        return { i in
            let (x, y) = batches[i % 16]
            optimizer.zeroGrad()
            Loss.crossEntropy(model(x), y).backward()
            optimizer.step()
        }
    }

    static let mlpDigits = Workload(name: "mlp-digits", steps: 2000) {
        var rng = RNG(seed: 0)
        let m = MLP(sizes: [64, 128, 128, 10], rng: &rng)
        return classification(m, input: [64], classes: 10, batch: 32, optimizer: Adam(groups: m.singleGroup(lr: 1e-3)))
    }

    static let mlpWide = Workload(name: "mlp-wide", steps: 200) {
        var rng = RNG(seed: 0)
        let m = MLP(sizes: [784, 512, 512, 10], rng: &rng)
        return classification(m, input: [784], classes: 10, batch: 128,
                              optimizer: Adam.adamW(groups: m.singleGroup(lr: 1e-3, weightDecay: 0.01)))
    }

    static let cnnDigits = Workload(name: "cnn-digits", steps: 1000) {
        var rng = RNG(seed: 0)
        let m = CNN(classes: 10, rng: &rng)
        return classification(m, input: [1, 8, 8], classes: 10, batch: 32, optimizer: Adam(groups: m.singleGroup(lr: 1e-3)))
    }

    static let gptTiny = Workload(name: "gpt-tiny", steps: 200) {
        var rng = RNG(seed: 0)
        let m = GPT(GPTConfig(), rng: &rng)
        return language(m, optimizer: Adam.adamW(groups: m.singleGroup(lr: 3e-4)))
    }

    static let gptTinyLoRA = Workload(name: "gpt-tiny-lora", steps: 200) {
        var rng = RNG(seed: 0)
        let m = GPT(GPTConfig(), rng: &rng)
        m.setTrainable(false)
        for block in m.blocks.modules {
            let attn = (block as! TransformerBlock).attn
            for name in ["q", "v"] {
                attn.replaceChild(name, with: LoRALinear(wrapping: attn.child(name) as! Linear, rank: 4, alpha: 8, rng: &rng))
            }
        }
        let trainable = m.namedParameters().filter { $0.tensor.requiresGrad }
        return language(m, optimizer: Adam.adamW(groups: [ParamGroup(name: "lora", parameters: trainable, lr: 1e-3)]))
    }
}
