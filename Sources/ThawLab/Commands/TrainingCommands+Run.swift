import ThawData
import ThawLang
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// `train`, `lr`, `freeze`, `unfreeze`.
extension TrainCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        var data = try session.data(on)
        try session.checkCompatible(labModel.module, data, at: on.range)
        if $epochs.isGiven && steps != nil {
            throw LabError("give `epochs` or `steps`, not both: `steps` counts optimizer steps, `epochs` passes over the data",
                           at: $steps.range)
        }
        if patience != nil && val == nil {
            throw LabError("`patience` watches held-out data: add `val DATASET`", at: $patience.range)
        }
        try checkLossAndCheckpointOptions(data)

        // Rehearsal and balancing change the training data itself.
        if let n = rehearse {
            let old = try session.examples(try keepData(for: "rehearse", at: $rehearse))
            guard case let .examples(d) = data else { throw LabError("rehearsal needs labelled examples", at: $rehearse.range) }
            data = .examples(d.appending(old.sample(Swift.min(n, old.count), rng: &session.rng), name: "\(d.name) + \(n) rehearsed"))
        }
        var plan = TrainingPlan(budget: steps.map { .steps($0) } ?? .epochs(epochs), batchSize: batch,
                                optimizer: opt.kind, weightDecay: Float(wd), schedule: schedule.schedule)
        // `lr net …` rates win over `train … lr`.
        plan.rates = .perLayerGroup(labModel.groupRates.map { .perGroup($0) } ?? .uniform(Float(lr)))
        plan.momentum = opt == .sgd ? Float(momentum) : nil
        plan.warmupSteps = warmup
        plan.clipNorm = clip.map(Float.init)
        plan.gradualUnfreezing = unfreeze == .gradual ? .epochs(1) : nil
        plan.patience = patience
        plan.augment = augment.augmentation
        if augment != .none {
            guard case let .examples(d) = data, case .image = d.kind else {
                throw LabError("`augment` changes images; `\(on)` is not a set of images", at: $augment.range)
            }
            if augment == .marker && !Marker.fits(d) {
                throw LabError("`augment marker` moves the marker of 8x8 digits; `\(on)` is not", at: $augment.range)
            }
        }
        plan.loss = loss.trainingLoss(smoothing: Float(smoothing))
        plan.l2 = Float(l2)
        plan.evaluationBatch = TaskData.evaluationBatch(for: labModel.module, flopsPerBatch: SessionBudget.stepFLOPs)
        if case let .examples(d) = data {
            switch balance {
            case .weights: plan.classWeights = d.inverseFrequencyWeights
            case .oversample: data = .examples(d.oversampled())
            case .groups: data = .examples(d.groupOversampled())
            case .none: break
            }
        }
        // The held-out data and the tracked data, looked up and checked once.
        let watched = { (v: Value) throws -> TaskData in
            let d = try session.data(v)
            try session.checkCompatible(labModel.module, d, at: v.range)
            return d
        }
        let valid = try val.map(watched)
        let tracked = try track.map { (name: $0.word ?? $0.path?.root ?? "tracked", data: try watched($0)) }

        let learner = try Learner(model: labModel.module, task: data, plan: plan, valid: valid,
                                  rng: session.rng.split(), name: "\(name) on \(data.name)")
        learner.interrupt = session.interruptCheck
        try checkBudget(learner, data: data, valid: valid, tracked: tracked, in: session, name: name, written)
        try addRecordersAndPenalties(to: learner, in: session, model: labModel, tracked: tracked)
        let planText = self.planText(written, data: data, rates: labModel.groupRates)
        let writer = try checkpoint.map { file in
            let w = Checkpointing(file: try session.file(file, for: .write, at: $checkpoint.range), every: every,
                                  metadata: ["plan": planText, "model": labModel.module.typeName])
            learner.add(w)
            return w
        }
        let start = try resume.map { try resumePosition(learner, from: $0, planText: planText, in: session) }
        learner.fit(resume: start)

        labModel.lastRates = learner.optimizer.groups.map(\.baseLR)
        if let norms = learner.callback(GradNormRecorder.self) { labModel.lastGradNorms = norms.norms }
        var run = LabRun(model: name, history: learner.history, epochsAsked: learner.budgetEpochs,
                         stopReason: learner.stopReason, tracked: tracked.map(\.name),
                         bestValidation: learner.callback(EarlyStopping.self)?.bestValue)
        run.trainableGroups = learner.callback(TrainableGroupsRecorder.self)?.perStep ?? []
        run.ewcStrength = ewc
        run.balance = balance
        run.augment = augment
        run.l2 = l2
        run.weightDecay = wd
        run.patience = patience ?? 0
        run.groupGradNorms = learner.callback(GroupGradNorms.self)?.perStep ?? []
        run.clipNorm = clip
        labModel.runs.append(run)
        labModel.record.steps += run.history.steps.count
        labModel.record.epochs += run.history.epochs.count
        labModel.record.peakTrainable = Swift.max(labModel.record.peakTrainable,
                                                  learner.callback(TrainableGroupsRecorder.self)?.peakTrainable ?? 0)
        if case let .examples(d) = data { labModel.record.exampleIDs.formUnion(d.ids) }
        session.lastRun = run
        var outputs = session.trainingReport(run)
        if let start, let file = resume {
            outputs.insert(.note("resumed from \(file) at epoch \(start.epoch + 1), step \(start.step + 1)"), at: 0)
        }
        if let writer, let file = checkpoint {
            if let error = writer.errors.first { outputs.append(.error("could not write the checkpoint: \(error)")) }
            if let last = writer.written.last { outputs.append(.note("checkpoint: the state after epoch \(last) is in \(file)")) }
        }
        // Say so when `lr NAME …` rates won over the number given here, rather than ignore it silently.
        if $lr.isGiven, let rates = labModel.groupRates {
            let text = rates.map { formatNumber(Double($0)) }.joined(separator: ", ")
            outputs.insert(.note("`lr \(formatNumber(lr))` was not used: the rates set with `lr \(name)` win (\(text), bottom to top)"), at: 0)
        }
        return CommandResult(outputs: outputs, items: [.run(run)])
    }

    /// Throws unless the run fits the session's budget: its peak memory next to the
    /// workspace, the cost of one step (Ctrl-C waits for it) and the whole run's work.
    func checkBudget(_ learner: Learner, data: TaskData, valid: TaskData?, tracked: [(name: String, data: TaskData)],
                     in session: Session, name: String, _ written: Statement) throws {
        let model = learner.model
        let tokens: Int? = if case let .sequences(s) = data { s.context } else { nil }
        let perExample = model.trainingModelCost(tokens: tokens)
        let cost = TrainingCost(model: perExample, trainableParameters: model.trainableParameterCount,
                                optimizerStateFloats: learner.optimizer.stateBufferCount,
                                anchorCopies: (ewc == nil ? 0 : 2) + (l2sp == nil ? 0 : 1),
                                batch: Swift.min(batch, Swift.max(1, data.count)))
        let params = countText(Double(perExample.parameters))
        try session.checkMemory(cost.bytes, what: "training `\(name)` (\(params) parameters) with batches of \(cost.batch) needs \(bytesText(cost.bytes))",
                                replacing: name, at: $batch.range ?? written.command.range)
        try session.checkStep(cost, what: "one step of `\(name)` (\(params) parameters) on \(cost.batch) examples",
                              advice: cost.batch > 1 ? "use a smaller `batch`" : "make the model smaller", at: $batch.range ?? written.command.range)
        // The whole run: its steps, and each epoch's pass over the data it watches.
        let steps = learner.plannedSteps
        let watched = (valid.map { [$0] } ?? []) + tracked.map(\.data)
        let evaluation = Double(watched.reduce(0) { $0 + $1.count }) * perExample.forwardFLOPsPerExample * Double(learner.budgetEpochs)
        try session.checkRun(Double(steps) * cost.stepFLOPs + evaluation, steps: steps,
                             at: ($steps.range ?? $epochs.range) ?? written.command.range)
    }

    /// The dataset `keep` names, which `option` needs.
    func keepData(for option: String, at written: Written) throws -> Value {
        guard let keep else {
            throw LabError("`\(option)` needs `keep DATASET`: the old task to protect", at: written.range)
        }
        return keep
    }

    /// What the shell records of every run, and the penalties that protect an old task.
    func addRecordersAndPenalties(to learner: Learner, in session: Session, model: LabModel,
                                  tracked: [(name: String, data: TaskData)]) throws {
        learner.add(MetricsRecorder())
        learner.add(GradNormRecorder())
        learner.add(GroupGradNorms())
        learner.add(TrainableGroupsRecorder())
        if session.showProgress { learner.add(Progress()) }
        for (name, d) in tracked {
            learner.add(ForgettingMeter(source: d.inOrder(size: learner.evaluationBatch), name: name))
        }
        if let lambda = ewc {
            let keep = try session.data(try keepData(for: "ewc", at: $ewc))
            let fisher = FisherDiagonal.estimate(model.module, on: keep.inOrder(), maxExamples: 300,
                                                 lossFunction: keep.lossFunction())
            learner.add(EWC(fisher: fisher, anchor: Snapshot(model.module), lambda: Float(lambda)))
        }
        if let alpha = l2sp { learner.add(L2SP(anchor: Snapshot(model.module), alpha: Float(alpha))) }
    }
}

/// The language's words for the engine's choices, one exhaustive switch each.
extension OptimizerChoice {
    /// `sgd` is SGD with momentum (the `momentum` option, 0.9 unless given).
    var kind: OptimizerKind {
        switch self {
        case .sgd: .sgd
        case .adam: .adam
        case .adamw: .adamw
        }
    }
}

extension LossChoice {
    func trainingLoss(smoothing: Float) -> TrainingLoss {
        switch self {
        case .ce: .crossEntropy
        case .smooth: .labelSmoothing(smoothing)
        case .mse: .squaredError
        }
    }
}

extension ScheduleChoice {
    var schedule: Schedule {
        switch self {
        case .constant: .constant
        case .linear: .linear
        case .cosine: .cosine()
        case .onecycle: .oneCycle()
        case .stlr: .slantedTriangular()
        }
    }
}

extension AugmentChoice {
    var augmentation: Augment? {
        switch self {
        case .none: nil
        case .shift: .onePixelShifts
        case .affine: .mild
        case .marker: .randomMarker
        }
    }
}

extension Session {
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
            outputs.append(reason.isFailure ? .error("training stopped: \(reason); the model keeps its weights from before that step")
                                            : .note("stopped early: \(reason)"))
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
}

extension LRCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, model, pattern) = try session.layers(layers)
        let groups = model.module.layerGroups
        let fallback = Float(TrainCommand().lr)   // what `train` uses when no rate was set
        var rates = model.groupRates ?? model.lastRates ?? Array(repeating: fallback, count: groups.count)
        if rates.count != groups.count { rates = Array(repeating: fallback, count: groups.count) }
        if let factor = decay {
            let top = Float(rate ?? Double(rates.last ?? fallback))
            do { rates = try RateSpec.decay(top: top, factor: Float(factor)).rates(groupCount: groups.count) } catch {
                throw LabError("\(error)", at: $decay.range)
            }
            model.groupRates = rates
        } else if let rate {
            let chosen = groups.indices.filter { pattern.isEmpty || PathPattern(pattern).covers(groups[$0]) || PathPattern(groups[$0]).covers(pattern) }
            guard !chosen.isEmpty else { throw LabError("`\(pattern)` is not in any layer group of `\(name)`", at: layers.range) }
            for i in chosen { rates[i] = Float(rate) }
            model.groupRates = rates
        }
        let table = Table(title: "learning rate per layer group of \(name)", columns: ["group", "lr"], alignments: [.left, .right],
                          rows: zip(groups, rates).map { [$0.0, formatNumber(Double($0.1))] })
        return CommandResult(outputs: [.table(table)])
    }
}

extension FreezeCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        try session.setTrainable(false, layers, except: except, at: written.command.range)
    }
}

extension UnfreezeCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        try session.setTrainable(true, layers, except: except, at: written.command.range)
    }
}

extension Session {
    /// `freeze` and `unfreeze`: the layers named, less those after `except`.
    func setTrainable(_ trainable: Bool, _ layers: [Value], except: [Value], at range: SourceRange) throws -> CommandResult {
        let (name, model, patterns) = try layerPatterns(layers)
        let kept = try except.map { v -> String in
            let (n, _, p) = try self.layers(v)
            guard n == name else { throw LabError("`except` must name layers of `\(name)`", at: v.range) }
            return p
        }
        do {
            try model.module.setTrainable(trainable, patterns.filter { !$0.isEmpty }, except: kept)
        } catch {
            throw LabError("\(error)", at: range)
        }
        return CommandResult(outputs: [.text(TrainableReport(model.module).description)])
    }
}

/// Records, after every step, which parameter groups had a trainable parameter during it,
/// and the most parameters that trained in one step (gradual unfreezing grows it).
final class TrainableGroupsRecorder: Callback {
    var perStep: [[Bool]] = []
    var peakTrainable = 0
    func afterStep(_ learner: Learner) {
        // One pass over the optimizer's groups (which hold every parameter, frozen ones too)
        // rather than walking the module tree and building its paths after every step.
        var trainable = 0
        perStep.append(learner.optimizer.groups.map { group in
            var any = false
            for p in group.parameters where p.tensor.requiresGrad {
                any = true
                trainable += p.tensor.count
            }
            return any
        })
        peakTrainable = Swift.max(peakTrainable, trainable)
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
