import Foundation
import Testing
import ThawData
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// Issue 4, test 8: each technique improves or protects what it should, on a small case.
///
/// The designs are the ones `shared/EXPERIMENTS.md` found to show the effect, starting from the
/// shipped starting points (`datasets/pretrained/`), exactly as the lessons will. Each assertion
/// compares a technique with the baseline it must beat, by a margin, on the mean over three
/// seeds and on every seed; `docs/experiments.md` has the per-seed numbers, the release-build
/// sweeps (10 seeds, longer runs, retrained starting points) behind the tolerances, and how each
/// assertion fails when the technique is taken away. Runs are short (100 steps, 10 or 15
/// epochs) to keep the debug suite quick; the effects hold there with room to spare.
@Suite struct TechniqueEffectTests {
    static let seeds: [UInt64] = [1, 2, 3]

    static func accuracy(_ model: Module, on data: Dataset) -> Double {
        Evaluation.run(model, on: .inOrder(data)).accuracy
    }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    static func percent(_ xs: [Double]) -> String { xs.map { String(format: "%.1f", 100 * $0) }.joined(separator: " ") }

    // MARK: Freezing and discriminative rates, with few labels of shifted digits

    enum Transfer: String, CaseIterable {
        case scratch = "from scratch", frozenTrunk = "frozen trunk, new head", full = "full fine-tuning at 3e-2"
        case discriminative = "discriminative rates (÷2.6) at 3e-2"
    }

    /// The target task of the transfer lessons: `k` labels per class from the target half with
    /// Gaussian noise σ 0.35, scored on the noisy test digits; a new 10-way head on `mlp-digits`
    /// (or a fresh MLP), 100 Adam steps (at 1e-3 unless the name says otherwise).
    static func transferToNoisyDigits(_ transfer: Transfer, k: Int, seed: UInt64,
                                      halves: (source: Dataset, target: Dataset, test: Dataset),
                                      steps: Int = 100) throws -> Double {
        var rng = RNG(seed: seed)
        let train = halves.target.fewShot(k: k, rng: &rng).noisy(sigma: 0.35, rng: &rng)
        let test = halves.test.noisy(sigma: 0.35, rng: &rng)
        let model: Module
        if transfer == .scratch {
            model = MLP(sizes: [64, 128, 128, 10], rng: &rng)
        } else {
            model = try Pretrained.load("mlp-digits")
            model.replaceChild("head", with: Linear(128, 10, rng: &rng))
        }
        let groups: [ParamGroup]
        switch transfer {
        case .scratch: groups = model.singleGroup(lr: 1e-3)
        case .frozenTrunk:
            try model.freeze(except: ["head"])
            groups = model.singleGroup(lr: 1e-3)
        case .full: groups = model.singleGroup(lr: 3e-2)
        case .discriminative: groups = try model.paramGroups(.decay(top: 3e-2, factor: 2.6))
        }
        let learner = Learner(model: model, optimizer: Adam(groups: groups), train: .shuffled(train, size: 32), rng: rng.split())
        learner.fit(epochs: steps, maxSteps: steps)
        return accuracy(model, on: test)
    }

    /// Yosinski et al.: with 5 labels per class, a frozen pretrained trunk beats training the same
    /// network from scratch (10 seeds: 71.0 vs 60.6, every seed by 4 points or more).
    @Test func aFrozenPretrainedTrunkBeatsScratchWithFewLabels() throws {
        let halves = try PretrainingData.digitsHalves()
        let scratch = try Self.seeds.map { try Self.transferToNoisyDigits(.scratch, k: 5, seed: $0, halves: halves) }
        let frozen = try Self.seeds.map { try Self.transferToNoisyDigits(.frozenTrunk, k: 5, seed: $0, halves: halves) }
        print("noisy digits, 5 labels a class: scratch \(Self.percent(scratch)), frozen trunk \(Self.percent(frozen))")
        #expect(Self.mean(frozen) - Self.mean(scratch) >= 0.05, "frozen \(frozen) vs scratch \(scratch)")
        for (f, s) in zip(frozen, scratch) { #expect(f - s >= 0.02, "frozen \(f) vs scratch \(s) on a seed") }
    }

    /// ULMFiT: at a learning rate too high for the pretrained layers (3e-2), rates that shrink
    /// ÷2.6 per layer down protect them, and full fine-tuning at one rate is wrecked (release,
    /// 10 seeds: 73.1 vs 57.8, every seed by 7 points or more).
    @Test func discriminativeRatesProtectPretrainedLayersFromATooHighRate() throws {
        let halves = try PretrainingData.digitsHalves()
        let full = try Self.seeds.map { try Self.transferToNoisyDigits(.full, k: 10, seed: $0, halves: halves) }
        let discriminative = try Self.seeds.map { try Self.transferToNoisyDigits(.discriminative, k: 10, seed: $0, halves: halves) }
        print("noisy digits, 10 labels a class, lr 3e-2: full \(Self.percent(full)), discriminative \(Self.percent(discriminative))")
        #expect(Self.mean(discriminative) - Self.mean(full) >= 0.05, "discriminative \(discriminative) vs full \(full)")
        for (d, f) in zip(discriminative, full) { #expect(d - f >= 0.03, "discriminative \(d) vs full \(f) on a seed") }
    }

    // MARK: Forgetting: EWC and rehearsal

    enum Defence: String, CaseIterable {
        case none = "plain fine-tuning", ewc = "EWC λ 1e4", rehearsal = "rehearsal of 50"
    }

    /// Task A: the 10 clean digit classes (`mlp-digits`, trained on the source half). Task B:
    /// the target half under one fixed pixel permutation (drawn from `seed`), with the same
    /// 10-way head: Kirkpatrick et al.'s design. Fine-tunes 10 epochs with Adam at 1e-3 and
    /// returns accuracy on the clean test digits (A) and the permuted ones (B).
    static func fineTuneOnPermutedDigits(_ defence: Defence, seed: UInt64,
                                         halves: (source: Dataset, target: Dataset, test: Dataset),
                                         epochs: Int = 10) throws -> (a: Double, b: Double) {
        var rng = RNG(seed: seed)
        let permutation = PixelPermutation(size: 64, rng: &rng)
        let taskB = halves.target.permuted(permutation)
        let model = try Pretrained.load("mlp-digits")
        var train = BatchSource.shuffled(taskB, size: 32)
        var ewc: EWC?
        switch defence {
        case .none:
            break
        case .ewc:
            // The empirical Fisher of a model that fits A almost perfectly is tiny (mean ~1e-5),
            // so λ must be large for the penalty to matter (EXPERIMENTS.md: 1e3–1e5).
            let sample = halves.source.sample(200, rng: &rng)
            let fisher = FisherDiagonal.estimate(model, on: .inOrder(sample), maxExamples: 200)
            ewc = EWC(fisher: fisher, anchor: Snapshot(model), lambda: 1e4)
        case .rehearsal:
            train = .shuffled(taskB.appending(halves.source.sample(50, rng: &rng)), size: 32)
        }
        let learner = Learner(model: model, optimizer: Adam(groups: model.singleGroup(lr: 1e-3)),
                              train: train, rng: rng.split())
        if let ewc { learner.add(ewc) }
        learner.fit(epochs: epochs)
        return (accuracy(model, on: halves.test), accuracy(model, on: halves.test.permuted(permutation)))
    }

    @Test func ewcAndRehearsalKeepMoreOfTheSourceTaskThanPlainFineTuning() throws {
        let halves = try PretrainingData.digitsHalves()
        let start = Self.accuracy(try Pretrained.load("mlp-digits"), on: halves.test)
        var a: [Defence: [Double]] = [:], b: [Defence: [Double]] = [:]
        for defence in Defence.allCases {
            for seed in Self.seeds {
                let r = try Self.fineTuneOnPermutedDigits(defence, seed: seed, halves: halves)
                a[defence, default: []].append(r.a)
                b[defence, default: []].append(r.b)
            }
            print("forgetting, \(defence.rawValue): A \(Self.percent(a[defence]!)), B \(Self.percent(b[defence]!)) (A before: \(Self.percent([start])))")
        }
        let plainA = a[.none]!, plainB = b[.none]!
        // Plain fine-tuning learns B and forgets A badly (10 seeds: A 95.0 → 39.6–82.8, mean 61.5).
        #expect(Self.mean(plainB) >= 0.85, "plain fine-tuning should learn B: \(plainB)")
        #expect(start - Self.mean(plainA) >= 0.20, "plain fine-tuning should forget A: \(start) → \(plainA)")
        for defence in [Defence.ewc, .rehearsal] {
            let keptA = a[defence]!, learnedB = b[defence]!
            // Keeps at least 15 points more of A on average (10 seeds: +29 EWC, +29 rehearsal), and
            // at least 3 on every seed (fewest seen: +10 and +9; +5 from a start retrained from
            // another seed, on the permutation where plain fine-tuning forgets least) ...
            #expect(Self.mean(keptA) - Self.mean(plainA) >= 0.15,
                    "\(defence.rawValue) should keep more of A: \(keptA) vs plain \(plainA)")
            for (kept, plain) in zip(keptA, plainA) {
                #expect(kept - plain >= 0.03, "\(defence.rawValue) should keep more of A on every seed: \(kept) vs \(plain)")
            }
            // ... while still learning B (a penalty that froze everything would keep A for free;
            // EWC's B is lower: 74–83 at λ 1e4, the price of holding A).
            #expect(Self.mean(learnedB) >= 0.70, "\(defence.rawValue) should still learn B: \(learnedB)")
        }
    }

    // MARK: LoRA

    enum Adaptation: String, CaseIterable {
        case full = "full fine-tuning", lora = "LoRA r 4", probe = "linear probe"
    }

    /// `mlp-digits-04` (trained on digits 0–4) fine-tuned on digits 5–9 with a new 5-way head
    /// for 15 epochs: all weights at Adam 1e-3; LoRA rank 4 (α 4) on both hidden layers plus
    /// the new head at 1e-2 (LoRA needs the higher rate); or the new head alone at 1e-2.
    static func adaptToFiveToNine(_ adaptation: Adaptation, seed: UInt64, train: Dataset, test: Dataset,
                                  epochs: Int = 15) throws -> (accuracy: Double, trainable: TrainableReport) {
        var rng = RNG(seed: seed)
        let model = try Pretrained.load("mlp-digits-04")
        model.replaceChild("head", with: Linear(128, 5, rng: &rng))
        let lr: Float
        switch adaptation {
        case .full:
            lr = 1e-3
        case .lora:
            try model.applyLoRA(["0", "1"], rank: 4, alpha: 4, rng: &rng)
            try model.unfreeze(["head"])
            lr = 1e-2
        case .probe:
            try model.freeze(except: ["head"])
            lr = 1e-2
        }
        let learner = Learner(model: model, optimizer: Adam(groups: model.singleGroup(lr: lr)),
                              train: .shuffled(train, size: 32), rng: rng.split())
        learner.fit(epochs: epochs)
        return (accuracy(model, on: test), TrainableReport(model))
    }

    @Test func loraComesNearFullFineTuningWithAFractionOfTheParameters() throws {
        let split = try PretrainingData.digitsSplit()
        let train = split.train.subset(classes: 5...9, relabel: true)
        let test = split.test.subset(classes: 5...9, relabel: true)
        var acc: [Adaptation: [Double]] = [:]
        var lora: TrainableReport?
        for adaptation in Adaptation.allCases {
            for seed in Self.seeds {
                let r = try Self.adaptToFiveToNine(adaptation, seed: seed, train: train, test: test)
                acc[adaptation, default: []].append(r.accuracy)
                if adaptation == .lora { lora = r.trainable }
            }
            print("5–9 from 0–4, \(adaptation.rawValue): \(Self.percent(acc[adaptation]!))")
        }
        let full = acc[.full]!, low = acc[.lora]!, probe = acc[.probe]!
        #expect(Self.mean(full) >= 0.93, "full fine-tuning should learn 5–9: \(full)")
        // LoRA trains under 12% of the parameters (2,437 of 27,269: 8.9%) ...
        #expect(lora!.percent < 12, "\(lora!)")
        // ... and comes within 3 points of full fine-tuning on average (10 seeds: 97.2 vs 98.1),
        // 5 on every seed (largest gap seen over 25 runs, retrained starts included: 4.4).
        // Shorter runs are not robust: at 10 epochs one seed in ten ends 7 points short.
        #expect(Self.mean(full) - Self.mean(low) <= 0.03, "LoRA \(low) vs full \(full)")
        for (l, f) in zip(low, full) { #expect(f - l <= 0.05, "LoRA \(l) vs full \(f) on a seed") }
        // The tolerance is tight enough to matter: the head alone (2.5% of the parameters) does
        // not come that close, and LoRA beats it on every seed.
        #expect(Self.mean(full) - Self.mean(probe) > 0.05, "probe \(probe) vs full \(full)")
        for (l, p) in zip(low, probe) { #expect(l > p, "LoRA \(l) vs probe \(p) on a seed") }
    }
}
