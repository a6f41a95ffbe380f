import Foundation
import Testing
import ThawData
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// The sweeps behind `docs/experiments.md`: more seeds, longer runs and more variants than the
/// effect tests (`TechniqueEffectTests`) can afford, printed as per-seed tables. Off unless
/// `THAW_SWEEPS=1`; run them in release, one BLAS thread:
///
///     OPENBLAS_NUM_THREADS=1 THAW_SWEEPS=1 swift test -c release --filter EffectSweeps/forgetting
///
/// Knobs: `THAW_SWEEP_SEEDS=1-10` (default 1-5), `THAW_SWEEP_EPOCHS=10,30`,
/// `THAW_SWEEP_STEPS=100,300`, `THAW_SWEEP_ONLY=plain,ewc 1e4` (rows by name), and
/// `THAW_SWEEP_PRETRAIN_SEED=2` to retrain the starting point from another seed instead of
/// loading the shipped file.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["THAW_SWEEPS"] == "1", "set THAW_SWEEPS=1"))
struct EffectSweeps {
    static let env = ProcessInfo.processInfo.environment

    static var seeds: [UInt64] {
        let ends = (env["THAW_SWEEP_SEEDS"] ?? "1-5").split(separator: "-").compactMap { UInt64($0) }
        return Array(ends[0]...ends[ends.count - 1])
    }

    static func list(_ key: String, default value: String) -> [Int] {
        (env[key] ?? value).split(separator: ",").compactMap { Int($0) }
    }

    static func wanted(_ row: String) -> Bool {
        guard let only = env["THAW_SWEEP_ONLY"] else { return true }
        return only.split(separator: ",").contains { $0 == row }
    }

    /// The shipped starting point, or the same recipe trained from `THAW_SWEEP_PRETRAIN_SEED`.
    static func start(_ name: String) throws -> Module {
        guard let seed = env["THAW_SWEEP_PRETRAIN_SEED"].flatMap(UInt64.init) else { return try Pretrained.load(name) }
        let m = try Pretrained.entry(name)
        var recipe = m.recipe
        recipe.seed = seed
        let variant = PretrainedModel(name: m.name, summary: m.summary, usedBy: m.usedBy, spec: m.spec, data: m.data, recipe: recipe)
        if let saved = Cache.starts[name] {
            let model = variant.build()
            saved.restore(into: model)
            return model
        }
        let (model, report) = try Pretrained.train(variant)
        print("retrained \(name) from seed \(seed): held-out \(pct(report.heldOutAccuracy))")
        Cache.starts[name] = Snapshot(model)
        return model
    }

    enum Cache { nonisolated(unsafe) static var starts: [String: Snapshot] = [:] }

    static func acc(_ model: Module, _ data: Dataset) -> Double { Evaluation.run(model, on: .inOrder(data)).accuracy }
    static func pct(_ x: Double) -> String { String(format: "%.1f", 100 * x) }
    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    static func fit(_ model: Module, _ train: BatchSource, groups: [ParamGroup], epochs: Int = 100_000, steps: Int? = nil,
                    rng: inout RNG, callbacks: [Callback] = []) {
        let learner = Learner(model: model, optimizer: Adam(groups: groups), train: train, rng: rng.split())
        for c in callbacks { learner.add(c) }
        learner.fit(epochs: epochs, maxSteps: steps)
    }

    static func row(_ name: String, _ values: [Double], extra: String = "") {
        print("\(name): mean \(pct(mean(values))) | \(values.map(pct).joined(separator: " "))\(extra)")
    }

    // MARK: Forgetting

    /// A = mlp-digits; B = the target half under a pixel permutation, shared head, Adam 1e-3.
    @Test func forgetting() throws {
        let h = try PretrainingData.digitsHalves()
        let defences: [String] = ["plain", "ewc 1e2", "ewc 1e3", "ewc 1e4", "ewc 1e5", "rehearsal 50",
                                  "rehearsal mix 50x8", "l2sp 0.01", "l2sp 0.1", "freeze 0"]
        for epochs in Self.list("THAW_SWEEP_EPOCHS", default: "10,30") {
            for defence in defences where Self.wanted(defence) {
                var a: [Double] = [], b: [Double] = [], fisherMeans: [Double] = []
                for seed in Self.seeds {
                    var rng = RNG(seed: seed)
                    let permutation = PixelPermutation(size: 64, rng: &rng)
                    let taskB = h.target.permuted(permutation)
                    let model = try Self.start("mlp-digits")
                    var train = BatchSource.shuffled(taskB, size: 32)
                    var callbacks: [Callback] = []
                    let number = Float(defence.split(separator: " ").last!) ?? 0
                    switch defence.split(separator: " ").first! {
                    case "ewc":
                        let sample = h.source.sample(200, rng: &rng)
                        let fisher = FisherDiagonal.estimate(model, on: .inOrder(sample), maxExamples: 200)
                        fisherMeans.append(fisher.mean)
                        callbacks.append(EWC(fisher: fisher, anchor: Snapshot(model), lambda: number))
                    case "rehearsal" where defence.contains("mix"):
                        let memory = h.source.sample(50, rng: &rng)
                        train = Rehearsal.mix(train, memory: Batch(inputs: memory.features, targets: memory.labels), perBatch: 8)
                    case "rehearsal":
                        train = .shuffled(taskB.appending(h.source.sample(Int(number), rng: &rng)), size: 32)
                    case "l2sp":
                        callbacks.append(L2SP(anchor: Snapshot(model), alpha: number))
                    case "freeze":
                        try model.freeze(["0"])
                    default: break
                    }
                    Self.fit(model, train, groups: model.singleGroup(lr: 1e-3), epochs: epochs, rng: &rng, callbacks: callbacks)
                    a.append(Self.acc(model, h.test))
                    b.append(Self.acc(model, h.test.permuted(permutation)))
                }
                let fisher = fisherMeans.isEmpty ? "" : String(format: " (Fisher mean %.2e)", Self.mean(fisherMeans))
                Self.row("forgetting, \(epochs) epochs, \(defence): A", a, extra: fisher)
                Self.row("forgetting, \(epochs) epochs, \(defence): B", b)
            }
        }
    }

    // MARK: LoRA, adapters, BitFit

    /// mlp-digits-04 → digits 5–9 with a new 5-way head.
    @Test func parameterEfficient() throws {
        let s = try PretrainingData.digitsSplit()
        let train = s.train.subset(classes: 5...9, relabel: true), test = s.test.subset(classes: 5...9, relabel: true)
        let rows: [(String, Float)] = [("full", 1e-3), ("full", 1e-2), ("scratch", 1e-3), ("probe", 1e-2), ("probe", 1e-3),
                                       ("lora r1", 1e-2), ("lora r4", 1e-2), ("lora r8", 1e-2), ("lora r4", 1e-3),
                                       ("bitfit", 1e-2), ("adapter b4", 1e-2), ("adapter b16", 1e-2)]
        for epochs in Self.list("THAW_SWEEP_EPOCHS", default: "10,30") {
            for (method, lr) in rows where Self.wanted("\(method) \(lr)") {
                var accs: [Double] = [], share = ""
                for seed in Self.seeds {
                    var rng = RNG(seed: seed)
                    var model = try Self.start("mlp-digits-04")
                    let base = model.parameterCount
                    model.replaceChild("head", with: Linear(128, 5, rng: &rng))
                    let size = Int(method.split(separator: " ").last!.dropFirst()) ?? 0
                    switch method.split(separator: " ").first! {
                    case "scratch": model = MLP(sizes: [64, 128, 128, 5], rng: &rng)
                    case "probe": try model.freeze(except: ["head"])
                    case "lora":
                        try model.applyLoRA(["0", "1"], rank: size, alpha: Float(size), rng: &rng)
                        try model.unfreeze(["head"])
                    case "bitfit": try model.applyBitFit(alsoTrain: ["head"])
                    case "adapter":
                        try model.applyAdapters(["0", "1"], bottleneck: size, rng: &rng)
                        try model.unfreeze(["head"])
                    default: break
                    }
                    share = String(format: " (%d trainable = %.1f%% of the base model, %.1f%% of this one)", model.trainableParameterCount,
                                   100 * Double(model.trainableParameterCount) / Double(base), TrainableReport(model).percent)
                    Self.fit(model, .shuffled(train, size: 32), groups: model.singleGroup(lr: lr), epochs: epochs, rng: &rng)
                    accs.append(Self.acc(model, test))
                }
                Self.row("5–9, \(epochs) epochs, \(method) at \(lr)", accs, extra: share)
            }
        }
    }

    // MARK: Freezing and discriminative rates, few labels of shifted digits

    /// Target half, k labels a class, noisy (σ 0.35) or inverted; a new head on mlp-digits.
    @Test func transfer() throws {
        let h = try PretrainingData.digitsHalves()
        let rows: [(String, Int, String)] = [
            ("noisy", 1, "scratch 1e-3"), ("noisy", 1, "probe 1e-3"), ("noisy", 1, "full 1e-3"),
            ("noisy", 5, "scratch 1e-3"), ("noisy", 5, "probe 1e-3"), ("noisy", 5, "full 1e-3"),
            ("noisy", 60, "scratch 1e-3"), ("noisy", 60, "probe 1e-3"), ("noisy", 60, "full 1e-3"),
            ("noisy", 10, "full 1e-3"), ("noisy", 10, "full 3e-2"), ("noisy", 10, "head 3e-2"),
            ("noisy", 10, "discr 3e-2"), ("noisy", 10, "discr+stlr 3e-2"), ("noisy", 10, "ulmfit 3e-2"),
            ("inverted", 5, "full 1e-3"), ("inverted", 5, "full 3e-2"), ("inverted", 5, "head 3e-2"),
            ("inverted", 5, "discr 3e-2"), ("inverted", 5, "ulmfit 3e-2"),
        ]
        for steps in Self.list("THAW_SWEEP_STEPS", default: "100,300") {
            for (shift, k, method) in rows where Self.wanted(method) {
                var accs: [Double] = []
                for seed in Self.seeds {
                    var rng = RNG(seed: seed)
                    var train = h.target.fewShot(k: k, rng: &rng), test = h.test
                    if shift == "noisy" {
                        train = train.noisy(sigma: 0.35, rng: &rng)
                        test = test.noisy(sigma: 0.35, rng: &rng)
                    } else {
                        train = train.inverted()
                        test = test.inverted()
                    }
                    let model: Module
                    if method.hasPrefix("scratch") {
                        model = MLP(sizes: [64, 128, 128, 10], rng: &rng)
                    } else {
                        model = try Self.start("mlp-digits")
                        model.replaceChild("head", with: Linear(128, 10, rng: &rng))
                    }
                    let lr: Float = method.hasSuffix("3e-2") ? 3e-2 : 1e-3
                    let source = BatchSource.shuffled(train, size: 32)
                    if method.hasPrefix("ulmfit") {
                        // Three groups: one more unfrozen every third of the run.
                        let epochs = steps / ((train.count + 31) / 32)
                        try Recipes.ulmfit(model, task: .examples(train), valid: nil, epochs: epochs, topLR: lr,
                                           unfreezeEvery: .steps(steps / 3), rng: &rng)
                    } else {
                        if method.hasPrefix("probe") || method.hasPrefix("head") { try model.freeze(except: ["head"]) }
                        let groups = method.hasPrefix("discr") ? try model.paramGroups(.decay(top: lr, factor: 2.6)) : model.singleGroup(lr: lr)
                        let stlr: [Callback] = method.contains("stlr") ? [ScheduleCallback(.slantedTriangular())] : []
                        Self.fit(model, source, groups: groups, steps: steps, rng: &rng, callbacks: stlr)
                    }
                    accs.append(Self.acc(model, test))
                }
                Self.row("\(shift) k=\(k), \(steps) steps, \(method)", accs)
            }
        }
    }

    // MARK: CNN features from 0–4 on 5–9

    @Test func cnnFeatures() throws {
        let s = try PretrainingData.digitsSplit()
        let target = s.train.subset(classes: 5...9, relabel: true), test = s.test.subset(classes: 5...9, relabel: true)
        let rows = ["cnn scratch", "cnn pretrained probe", "cnn random probe", "cnn full",
                    "mlp scratch", "mlp pretrained probe", "mlp full"]
        for k in [1, 5, 20] {
            for method in rows where Self.wanted(method) {
                var accs: [Double] = []
                for seed in Self.seeds {
                    var rng = RNG(seed: seed)
                    let train = target.fewShot(k: k, rng: &rng)
                    let cnn = method.hasPrefix("cnn")
                    let model: Module
                    if method.contains("scratch") || method.contains("random") {
                        model = cnn ? CNN(classes: 5, rng: &rng) : MLP(sizes: [64, 128, 128, 5], rng: &rng)
                    } else {
                        model = try Self.start(cnn ? "cnn-digits-04" : "mlp-digits-04")
                    }
                    model.replaceChild("head", with: Linear(cnn ? 512 : 128, 5, rng: &rng))
                    if method.contains("probe") { try model.freeze(except: ["head"]) }
                    Self.fit(model, .shuffled(train, size: 32), groups: model.singleGroup(lr: 1e-3), steps: 300, rng: &rng)
                    accs.append(Self.acc(model, test))
                }
                Self.row("5–9 k=\(k), 300 steps, \(method)", accs)
            }
        }
    }

    // MARK: gpt-english on Spanish words

    @Test func gptOnSpanish() throws {
        var splitRNG = RNG(seed: 0)
        let (spanish, spanishTest) = try Words.charLM(.spanish).randomSplit(train: 0.9, rng: &splitRNG)
        let (_, englishTest) = try PretrainingData.englishSplit()
        let loss: (Tensor, Batch) -> Tensor = { Loss.crossEntropy($0, $1.targets, ignoreIndex: Vocabulary.pad) }
        func nats(_ m: Module, _ d: SequenceData) -> Double {
            Evaluation.run(m, on: .inOrder(d), lossFunction: loss, ignoring: Vocabulary.pad).loss
        }
        let base = try Pretrained.load("gpt-english")
        print(String(format: "gpt-english before: Spanish %.3f, English %.3f nats/char", nats(base, spanishTest), nats(base, englishTest)))
        let rows: [(String, Float)] = [("scratch", 3e-3), ("full", 1e-3), ("lora qv r4", 1e-2), ("head", 1e-2)]
        for steps in Self.list("THAW_SWEEP_STEPS", default: "60,300") {
            for words in [100, 1000] {
                for (method, lr) in rows where Self.wanted(method) {
                    var es: [Double] = [], en: [Double] = []
                    for seed in Self.seeds {
                        var rng = RNG(seed: seed)
                        let train = spanish.subset(Array(rng.permutation(spanish.count).prefix(words)))
                        let model: Module
                        if method == "scratch" {
                            model = GPT(GPTConfig(vocab: Vocabulary.words.size, context: 13, dim: 32, heads: 4, layers: 2), rng: &rng)
                        } else {
                            model = try Pretrained.load("gpt-english")
                            if method.hasPrefix("lora") {
                                try model.applyLoRA(["blocks.*.attn.q", "blocks.*.attn.v"], rank: 4, alpha: 4, rng: &rng)
                            }
                            if method == "head" { try model.freeze(except: ["head"]) }
                        }
                        let learner = Learner(model: model, optimizer: Adam(groups: model.singleGroup(lr: lr)),
                                              train: .shuffled(train, size: 32), rng: rng.split())
                        learner.lossFunction = loss
                        learner.fit(epochs: 100_000, maxSteps: steps)
                        es.append(nats(model, spanishTest))
                        en.append(nats(model, englishTest))
                    }
                    let f = { (xs: [Double]) in xs.map { String(format: "%.3f", $0) }.joined(separator: " ") }
                    print("Spanish, \(words) words, \(steps) steps, \(method) at \(lr): Spanish \(f(es)), English \(f(en)) nats/char")
                }
            }
        }
    }

    // MARK: encoder-langid recipe

    @Test func encoderRecipes() throws {
        for (count, epochs) in [(4000, 10), (4000, 20), (10000, 8), (20000, 4)] {
            var rng = RNG(seed: 0)
            let split = try Words.languageID(count: count, spanishShare: 0.5, rng: &rng).stratifiedSplit(train: 0.8, seed: 0)
            var modelRNG = RNG(seed: 0)
            let model = Encoder(EncoderConfig(vocab: Vocabulary.words.size, context: 14, dim: 32, heads: 4, layers: 2, classes: 2),
                                rng: &modelRNG)
            let learner = Learner(model: model, optimizer: Adam(groups: model.singleGroup(lr: 1e-3)),
                                  train: .shuffled(split.train, size: 32), valid: .inOrder(split.test), rng: modelRNG.split())
            learner.add(ScheduleCallback(.cosine()))
            learner.add(MetricsRecorder())
            let clock = ContinuousClock()
            let elapsed = clock.measure { learner.fit(epochs: epochs) }
            print("encoder, \(count) words, \(epochs) epochs (\(elapsed)): held-out accuracy by epoch "
                  + learner.history.series("valid accuracy").map(Self.pct).joined(separator: " "))
        }
    }
}
