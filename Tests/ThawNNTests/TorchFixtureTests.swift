import Foundation
import Testing
import ThawNN
import ThawOptim
import ThawTensor
import TestSupport

/// Thaw's layers against PyTorch: the same weights and inputs must give the same outputs and
/// gradients within 1e-4 relative. The fixture and the script that made it are in Fixtures/.
@Suite struct TorchFixtureTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch_reference.json")
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func floats(_ any: Any?) -> [Float] { (any as! [NSNumber]).map { $0.floatValue } }
    static func tensor(_ record: Any?) -> Tensor {
        let r = record as! [String: Any]
        return Tensor(floats(r["data"]), shape: (r["shape"] as! [NSNumber]).map(\.intValue))
    }

    /// Loads the case's parameters into `module` by path, runs it on the case's input,
    /// back-propagates sum(y · r), and compares output and every gradient with PyTorch's.
    func check(_ name: String, _ module: Module) {
        let c = Self.fixture[name] as! [String: Any]
        let params = c["params"] as! [String: Any]
        for (path, record) in params {
            guard let p = module.parameter(at: path) else { Issue.record("\(name): no parameter \(path)"); continue }
            let t = Self.tensor(record)
            #expect(p.shape == t.shape, "\(name): \(path) shape")
            p.data = t.data
        }
        let inputRecord = (c["inputs"] as! [Any])[0] as! [String: Any]
        let x = Self.tensor(inputRecord).requiringGrad()
        let y = module(x)
        #expect(relativeError(y.data, Self.floats(c["y"])) < 1e-4, "\(name): output")
        y.backward(seed: Self.floats(c["r"]))
        #expect(relativeError(x.gradData!, Self.floats(inputRecord["grad"])) < 1e-4, "\(name): input gradient")
        // Some gradients are exactly zero in theory (a key bias adds the same amount to every
        // score of a query, which softmax ignores), so both sides hold only rounding noise: the
        // comparison's floor is the scale of the largest gradient in the case.
        let scale = params.values.map { Self.floats(($0 as! [String: Any])["grad"]) }
            .map { $0.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot() }.max() ?? 1
        for (path, record) in params {
            let expected = Self.floats((record as! [String: Any])["grad"])
            let got = module.parameter(at: path)?.gradData ?? []
            #expect(got.count == expected.count && relativeError(got, expected, floor: 1e-3 * scale) < 1e-4,
                    "\(name): \(path) gradient")
        }
    }

    @Test func linear() {
        var rng = RNG(seed: 0)
        check("linear", Linear(5, 3, rng: &rng))
    }

    @Test func layerNorm() { check("layernorm", LayerNorm(6)) }

    @Test func conv2d() {
        var rng = RNG(seed: 0)
        check("conv2d", Conv2d(2, 3, kernel: 3, padding: 1, rng: &rng))
        check("conv2d_stride2", Conv2d(2, 3, kernel: 3, stride: 2, rng: &rng))
    }

    @Test func attentionBlock() {
        var rng = RNG(seed: 0)
        check("block", TransformerBlock(dim: 8, heads: 2, causal: true, rng: &rng))
    }

    @Test func crossEntropyVariants() {
        let c = Self.fixture["cross_entropy"] as! [String: Any]
        let targets = (c["targets"] as! [NSNumber]).map(\.intValue)
        for (name, v) in c["variants"] as! [String: Any] {
            let variant = v as! [String: Any]
            let logits = Tensor(Self.floats(c["logits"]), shape: [7, 4]).requiringGrad()
            let weights = variant["weight"] is NSNull ? nil : Self.floats(variant["weight"])
            let ignore = (variant["ignore_index"] as? NSNumber)?.intValue
            let loss = Loss.crossEntropy(logits, targets, classWeights: weights,
                                         labelSmoothing: (variant["label_smoothing"] as! NSNumber).floatValue,
                                         ignoreIndex: ignore)
            #expect(relativeError([loss.item], [(variant["loss"] as! NSNumber).floatValue]) < 1e-4, "\(name): loss")
            loss.backward()
            #expect(relativeError(logits.gradData!, Self.floats(variant["grad"])) < 1e-4, "\(name): gradient")
        }
    }

    @Test func tenAdamWStepsOnAnMLP() {
        let c = Self.fixture["adamw_mlp"] as! [String: Any]
        var rng = RNG(seed: 0)
        let mlp = MLP(sizes: [6, 8, 8, 3], rng: &rng)
        // PyTorch's Sequential names its Linears 0, 2, 4; Thaw's MLP calls them 0, 1, head.
        let names = ["0": "0", "2": "1", "4": "head"]
        func thawPath(_ torchPath: String) -> String {
            let parts = torchPath.split(separator: ".")
            return names[String(parts[0])]! + "." + parts[1]
        }
        for (path, record) in c["init"] as! [String: Any] {
            mlp.parameter(at: thawPath(path))!.data = Self.tensor(record).data
        }
        let opt = Adam.adamW(groups: mlp.singleGroup(lr: (c["lr"] as! NSNumber).floatValue,
                                                     weightDecay: (c["weight_decay"] as! NSNumber).floatValue))
        var losses: [Float] = []
        for b in c["batches"] as! [[String: Any]] {
            opt.zeroGrad()
            let loss = Loss.crossEntropy(mlp(Tensor(Self.floats(b["x"]), shape: [5, 6])),
                                         (b["y"] as! [NSNumber]).map(\.intValue))
            loss.backward()
            opt.step()
            losses.append(loss.item)
        }
        #expect(relativeError(losses, Self.floats(c["losses"])) < 1e-4)
        for (path, values) in c["final"] as! [String: Any] {
            #expect(relativeError(mlp.parameter(at: thawPath(path))!.data, Self.floats(values)) < 1e-4,
                    "weights \(path) after 10 steps")
        }
    }
}
