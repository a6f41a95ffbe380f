import Foundation
import ThawData
import ThawLang
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// `train`, `lr`, `freeze`, `unfreeze`.
extension Session {
    func train(_ c: Command) throws -> Result {
        guard let modelValue = c.value("model"), let onValue = c.value("on") else {
            throw LabError("`train` needs a model and data: `train net on digits epochs 5`", at: c.range)
        }
        let (name, model) = try self.model(modelValue)
        var data = try self.data(onValue)
        try checkCompatible(model.module, data, at: onValue.range)
        let batch = c.integer("batch") ?? 32
        try Limits.check(batch, 1_000_000, "the batch size", at: c.option("batch")?.range)
        try Limits.check(c.integer("epochs"), Limits.epochsPerRun, "the number of epochs", at: c.option("epochs")?.range)
        try Limits.check(c.integer("steps"), Limits.stepsPerRun, "the number of steps", at: c.option("steps")?.range)
        if let r = c.integer("rehearse") { try Limits.check(r, 1_000_000, "the rehearsal memory", at: c.option("rehearse")?.range) }

        // Rehearsal and balancing change the training data itself.
        if let n = c.integer("rehearse") {
            let keep = try examples(try required(c, "keep", for: "rehearse"))
            guard case let .examples(d) = data else { throw LabError("rehearsal needs labelled examples", at: c.option("rehearse")?.range) }
            data = .examples(d.appending(keep.sample(Swift.min(n, keep.count), rng: &rng), name: "\(d.name) + \(n) rehearsed"))
        }
        var classWeights: [Float]?
        if case let .examples(d) = data {
            switch c.word("balance") {
            case "weights": classWeights = inverseFrequencyWeights(d)
            case "oversample": data = .examples(oversampled(d))
            default: break
            }
        }
        let augment: Augment? = switch c.word("augment") {
        case "shift": .onePixelShifts
        case "affine": .mild
        default: nil
        }
        let source = data.trainingSource(batch: batch, augment: augment)

        // Parameter groups with their rates: `lr net …` wins over `train … lr`.
        let lr = Float(c.number("lr") ?? 1e-3)
        let spec: RateSpec = model.groupRates.map { .perGroup($0) } ?? .uniform(lr)
        let groups = try model.module.paramGroups(spec, weightDecay: Float(c.number("wd") ?? 0))
        if let l2sp = c.number("l2sp"), l2sp < 0 { throw LabError("the L2-SP strength must not be negative", at: c.option("l2sp")?.range) }
        let optimizer: Optimizer
        switch c.word("opt") ?? "adam" {
        case "sgd": optimizer = SGD(groups: groups, momentum: Float(c.number("momentum") ?? 0.9))
        case "adamw": optimizer = Adam.adamW(groups: groups)
        default:
            // `wd` promises decoupled decay, which is AdamW; plain Adam otherwise.
            optimizer = (c.number("wd") ?? 0) > 0 ? Adam.adamW(groups: groups) : Adam(groups: groups)
        }

        let learner = Learner(model: model.module, optimizer: optimizer, train: source, rng: rng.split(), name: "\(name) on \(data.name)")
        learner.lossFunction = lossFunction(for: model.module, data: data, classWeights: classWeights)
        learner.interrupt = interruptCheck
        try addCallbacks(to: learner, c, model: model, data: data)

        let perEpoch = Swift.max(1, (data.count + batch - 1) / batch)
        var epochs = c.integer("epochs") ?? 1
        if let steps = c.integer("steps") { epochs = Swift.max(1, (steps + perEpoch - 1) / perEpoch) }
        guard epochs > 0 else { throw LabError("train for at least one epoch", at: c.option("epochs")?.range) }
        learner.fit(epochs: epochs, maxSteps: c.integer("steps"))

        model.lastRates = optimizer.groups.map(\.baseLR)
        if let norms = learner.callback(GradNormRecorder.self) { model.lastGradNorms = norms.norms }
        let tracked = c.values("track").compactMap { $0.word ?? $0.path?.root }
        let stopper = learner.callback(EarlyStopping.self)
        var run = LabRun(model: name, history: learner.history, epochsAsked: epochs, stopReason: learner.stopReason,
                         tracked: tracked, bestValidation: stopper?.bestValue)
        run.trainableGroups = learner.callback(TrainableGroupsRecorder.self)?.perStep ?? []
        model.runs.append(run)
        lastRun = run
        var outputs = trainingReport(run)
        // `lr NAME …` rates win over `train … lr`; say so rather than ignore the number silently.
        if let given = c.option("lr"), let rates = model.groupRates {
            let text = rates.map { formatNumber(Double($0)) }.joined(separator: ", ")
            outputs.insert(.note("`\(given.key.name) \(formatNumber(c.number("lr") ?? 0))` was not used: the rates set with `lr \(name)` win (\(text), bottom to top)"), at: 0)
        }
        return Result(outputs: outputs, items: [.run(run)])
    }

    func required(_ c: Command, _ option: String, for other: String) throws -> Value {
        guard let v = c.value(option) else {
            throw LabError("`\(other)` needs `\(option) DATASET`: the old task to protect", at: c.option(other)?.range)
        }
        return v
    }

    func addCallbacks(to learner: Learner, _ c: Command, model: LabModel, data: LabData) throws {
        if let valValue = c.value("val") {
            let val = try self.data(valValue)
            try checkCompatible(model.module, val, at: valValue.range)
            learner.valid = val.evaluationSource
        }
        learner.add(MetricsRecorder())
        learner.add(GradNormRecorder())
        learner.add(TrainableGroupsRecorder())
        if showProgress { learner.add(Progress()) }
        let schedule: Schedule = switch c.word("schedule") {
        case "linear": .linear
        case "cosine": .cosine()
        case "stlr": .slantedTriangular()
        default: .constant
        }
        learner.add(ScheduleCallback(schedule, warmup: c.integer("warmup") ?? 0))
        if let clip = c.number("clip") {
            guard clip > 0 else { throw LabError("clip at a positive norm", at: c.option("clip")?.range) }
            learner.add(GradientClipping(maxNorm: Float(clip)))
        }
        if c.word("unfreeze") == "gradual" { learner.add(GradualUnfreezing(every: .epochs(1))) }
        if let patience = c.integer("patience") {
            guard learner.valid != nil else {
                throw LabError("`patience` watches held-out data: add `val DATASET`", at: c.option("patience")?.range)
            }
            learner.add(EarlyStopping(patience: patience, monitor: .validAccuracy))
        }
        for v in c.values("track") {
            let d = try self.data(v)
            try checkCompatible(model.module, d, at: v.range)
            learner.add(ForgettingMeter(source: d.evaluationSource, name: v.word ?? v.path?.root ?? "tracked"))
        }
        if let lambda = c.number("ewc") {
            let keepValue = try required(c, "keep", for: "ewc")
            let keep = try self.data(keepValue)
            let fisher = FisherDiagonal.estimate(model.module, on: keep.evaluationSource, maxExamples: 300,
                                                 lossFunction: lossFunction(for: model.module, data: keep))
            learner.add(EWC(fisher: fisher, anchor: Snapshot(model.module), lambda: Float(lambda)))
        }
        if let alpha = c.number("l2sp") { learner.add(L2SP(anchor: Snapshot(model.module), alpha: Float(alpha))) }
    }

    /// What a run did, in a few lines.
    func trainingReport(_ run: LabRun) -> [Output] {
        let steps = run.history.steps
        // No wall-clock time here: the same seed must give the same transcript, byte for byte.
        var lines = "trained \(run.model) for \(run.history.epochs.count) epoch\(run.history.epochs.count == 1 ? "" : "s") (\(steps.count) steps)"
        if let first = steps.first, let last = steps.last {
            lines += ": loss \(formatNumber(Double(first.loss))) → \(formatNumber(run.history.epochs.last?.trainLoss ?? Double(last.loss)))"
        }
        var outputs: [Output] = [.text(lines)]
        if let reason = run.stopReason {
            outputs.append(reason.hasPrefix("the loss became") ? .error("training stopped: \(reason); the model keeps its weights from before that step") : .note("stopped early: \(reason)"))
        }
        var metrics: [Metric] = []
        if let e = run.history.epochs.last {
            if let acc = e.validAccuracy { metrics.append(Metric("val accuracy", acc, .percent)) }
            for name in run.tracked { if let acc = e.extra["\(name) accuracy"] { metrics.append(Metric("\(name) accuracy", acc, .percent)) } }
        }
        if let best = run.bestValidation { metrics.append(Metric("best val accuracy", best, .percent)) }
        if !metrics.isEmpty { outputs.append(.metrics(metrics)) }
        return outputs
    }

    func inverseFrequencyWeights(_ d: Dataset) -> [Float] {
        let counts = d.classCounts
        let total = Float(d.count), k = Float(counts.count)
        return counts.map { $0 == 0 ? 0 : total / (k * Float($0)) }
    }

    /// Repeats the examples of rare classes until every class is about as common as the largest.
    func oversampled(_ d: Dataset) -> Dataset {
        let largest = d.classCounts.max() ?? 0
        var indices: [Int] = []
        for members in d.indicesByClass where !members.isEmpty {
            for i in 0..<largest { indices.append(members[i % members.count]) }
        }
        return d.subset(indices.sorted(), name: "\(d.name), oversampled")
    }

    func rates(_ c: Command) throws -> Result {
        guard let layersValue = c.value("layers") else { throw LabError("`lr` needs a model or a layer", at: c.range) }
        let (name, model, pattern) = try layers(layersValue)
        let groups = model.module.layerGroups
        var rates = model.groupRates ?? model.lastRates ?? Array(repeating: 1e-3, count: groups.count)
        if rates.count != groups.count { rates = Array(repeating: 1e-3, count: groups.count) }
        if let factor = c.number("decay") {
            let top = Float(c.number("rate") ?? Double(rates.last ?? 1e-3))
            do { rates = try RateSpec.decay(top: top, factor: Float(factor)).rates(groupCount: groups.count) } catch {
                throw LabError("\(error)", at: c.option("decay")?.range)
            }
            model.groupRates = rates
        } else if let rate = c.number("rate") {
            guard rate > 0 else { throw LabError("a learning rate must be positive", at: c.value("rate")?.range) }
            let chosen = groups.indices.filter { pattern.isEmpty || PathPattern(pattern).covers(groups[$0]) || PathPattern(groups[$0]).covers(pattern) }
            guard !chosen.isEmpty else { throw LabError("`\(pattern)` is not in any layer group of `\(name)`", at: layersValue.range) }
            for i in chosen { rates[i] = Float(rate) }
            model.groupRates = rates
        }
        let table = Table(title: "learning rate per layer group of \(name)", columns: ["group", "lr"], alignments: [.left, .right],
                          rows: zip(groups, rates).map { [$0.0, formatNumber(Double($0.1))] })
        return Result(outputs: [.table(table)])
    }

    func freeze(_ c: Command) throws -> Result {
        let (name, model, patterns) = try layerPatterns(c.arguments("layers"))
        let except = try c.values("except").map { v -> String in
            let (n, _, p) = try layers(v)
            guard n == name else { throw LabError("`except` must name layers of `\(name)`", at: v.range) }
            return p
        }
        let include = patterns.filter { !$0.isEmpty }
        do {
            try model.module.setTrainable(c.name == "unfreeze", include, except: except)
        } catch {
            throw LabError("\(error)", at: c.range)
        }
        return Result(outputs: [.text(TrainableReport(model.module).description)])
    }
}

/// Records, after every step, which parameter groups had a trainable parameter during it.
final class TrainableGroupsRecorder: Callback {
    var perStep: [[Bool]] = []
    func afterStep(_ learner: Learner) {
        perStep.append(learner.optimizer.groups.map { $0.parameters.contains { $0.tensor.requiresGrad } })
    }
}

/// Keeps each parameter's gradient norm from the latest step, for `show`'s table.
final class GradNormRecorder: Callback {
    var norms: [String: Double] = [:]
    var order: Int { 45 }
    func afterBackward(_ learner: Learner) {
        // Every 10th step and the last: cheap, and `show` only needs the latest.
        guard learner.step % 10 == 0 || learner.step + 1 >= learner.totalSteps else { return }
        for (path, p) in learner.model.namedParameters() where p.requiresGrad {
            guard let g = p.gradData else { continue }
            norms[path] = g.squaredNorm.squareRoot()
        }
    }
}
