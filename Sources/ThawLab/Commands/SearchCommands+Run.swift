import Foundation
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `search`: train a copy of the model per trial, score each on `val`, keep the best.
extension SearchCommand: LabCommand {
    /// One trial: its settings by name, and its accuracy on `val`.
    struct Trial {
        var number: Int
        var settings: [String: Double]
        var score: Double
    }

    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        let data = try session.data(on), valid = try session.data(val)
        try session.checkCompatible(labModel.module, data, at: on.range)
        try session.checkCompatible(labModel.module, valid, at: val.range)
        if $epochs.isGiven && steps != nil {
            throw LabError("give `epochs` or `steps`, not both", at: $steps.range)
        }
        let (space, fixed) = try searchSpace()
        // With `seed`, the search is its own: the same trials and batches whatever ran before.
        var rng = seed.map { RNG(seed: UInt64($0)) } ?? session.rng.split()
        let points = try trialPoints(space, rng: &rng)
        let batchRNG = rng.split()  // every trial draws the same batches: only the settings differ
        let plan = { (settings: [String: Double]) -> TrainingPlan in
            var plan = TrainingPlan(budget: steps.map { .steps($0) } ?? .epochs(epochs), batchSize: batch, optimizer: opt.kind,
                                    rates: .single(Float(settings["lr"]!)), weightDecay: Float(settings["wd"]!))
            plan.l2 = Float(settings["l2"]!)
            plan.momentum = opt == .sgd ? 0.9 : nil
            plan.evaluationBatch = TaskData.evaluationBatch(for: labModel.module, flopsPerBatch: SessionBudget.stepFLOPs)
            return plan
        }
        let probe = try Learner(model: labModel.module, task: data, plan: plan(fixed.merging(zip(space.axes.map(\.name), points[0])) { $1 }),
                                rng: batchRNG, name: name)
        try checkBudget(probe, trials: points.count, data: data, valid: valid, in: session, name: name, written)

        var trials: [Trial] = [], best: (model: Module, learner: Learner)?, interrupted = false
        for (i, point) in points.enumerated() {
            if session.interruptCheck?() == true { interrupted = true; break }
            let settings = fixed.merging(zip(space.axes.map(\.name), point)) { $1 }
            let copy = labModel.module.deepCopy()
            let learner = try Learner(model: copy, task: data, plan: plan(settings), rng: batchRNG, name: "\(name) trial \(i + 1)")
            learner.interrupt = session.interruptCheck
            learner.fit()
            if case .interrupted? = learner.stopReason { interrupted = true; break }
            let e = valid.evaluate(copy, batchSize: learner.evaluationBatch, interrupt: session.interruptCheck)
            guard e.complete else { interrupted = true; break }
            trials.append(Trial(number: i + 1, settings: settings, score: e.accuracy))
            if trials.count == 1 || e.accuracy > trials.dropLast().map(\.score).max()! { best = (copy, learner) }
        }
        guard let best else {
            throw LabError("interrupted before the first trial finished: nothing to keep", at: written.command.range)
        }
        var outputs = report(trials, space: space, fixed: fixed, planned: points.count)
        if interrupted { outputs.insert(.note("interrupted: \(trials.count) of \(points.count) trials ran; the best of those is kept"), at: 0) }
        return CommandResult(outputs: outputs, items: [.model(bestModel(best.model, best.learner, from: labModel, data: data, trials: trials.count))])
    }

    /// The settings searched (two numbers: a log range) and those fixed (one number).
    func searchSpace() throws -> (SearchSpace, fixed: [String: Double]) {
        var axes: [SearchSpace.Axis] = [], fixed: [String: Double] = [:]
        for (name, values, range) in [("lr", lr, $lr.range), ("wd", wd, $wd.range), ("l2", l2, $l2.range)] {
            switch values.count {
            case 1: fixed[name] = values[0]
            case 2:
                guard values[0] > 0, values[1] > values[0] else {
                    throw LabError("`\(name)` is searched on a log scale: give the lowest then the highest, both above 0", at: range)
                }
                axes.append(.init(name, low: values[0], high: values[1]))
            default:
                throw LabError("`\(name)` takes one number (fixed) or two (the lowest and highest to search)", at: range)
            }
        }
        guard !axes.isEmpty else {
            throw LabError("nothing to search: give a setting two numbers, the lowest and highest, such as `lr 1e-5 1e-1`", at: $lr.range)
        }
        return (SearchSpace(axes), fixed)
    }

    /// The settings of each trial, by `method`.
    func trialPoints(_ space: SearchSpace, rng: inout RNG) throws -> [[Double]] {
        switch method {
        case .grid:
            guard let side = space.gridSide(trials: trials) else {
                let d = space.axes.count
                let fits = (2...5).map { k in String((0..<d).reduce(1) { p, _ in p * k }) }.joined(separator: ", ")
                throw LabError("a grid over \(d) setting\(d == 1 ? "" : "s") has the same number of values for each: \(fits)… trials, not \(trials)",
                               at: $trials.range ?? $method.range)
            }
            return space.grid(side: side)
        case .random:
            return space.random(trials: trials, rng: &rng)
        }
    }

    /// Throws unless every trial together fits the session's budget (one copy trains at a time,
    /// beside the best so far).
    func checkBudget(_ learner: Learner, trials: Int, data: TaskData, valid: TaskData, in session: Session,
                     name: String, _ written: Statement) throws {
        let module = learner.model
        let tokens: Int? = if case let .sequences(s) = data { s.context } else { nil }
        let perExample = module.trainingModelCost(tokens: tokens)
        let cost = TrainingCost(model: perExample, trainableParameters: module.trainableParameterCount,
                                optimizerStateFloats: learner.optimizer.stateBufferCount, batch: Swift.min(batch, Swift.max(1, data.count)))
        let bytes = cost.bytes + 4 * Double(module.parameterCount)
        try session.checkMemory(bytes, what: "searching from `\(name)` needs \(bytesText(bytes))", at: $batch.range ?? written.command.range)
        try session.checkStep(cost, what: "one step of `\(name)` on \(cost.batch) examples", advice: "use a smaller `batch`",
                              at: $batch.range ?? written.command.range)
        let steps = learner.plannedSteps * trials
        let evaluation = Double(valid.count * trials) * perExample.forwardFLOPsPerExample
        try session.checkRun(Double(steps) * cost.stepFLOPs + evaluation, steps: steps, at: $trials.range ?? written.command.range)
    }

    /// The trials, best first, and their scores against the first searched setting.
    func report(_ trials: [Trial], space: SearchSpace, fixed: [String: Double], planned: Int) -> [Output] {
        let names = space.axes.map(\.name)
        let sorted = trials.sorted { ($0.score, -$0.number) > ($1.score, -$1.number) }
        let how = method == .grid
            ? "grid " + Array(repeating: String(space.gridSide(trials: planned) ?? 0), count: names.count).joined(separator: " × ")
            : "random" + (seed.map { ", seed \($0)" } ?? "")
        let kept = fixed.keys.sorted().map { "\($0) \(formatNumber(fixed[$0]!))" }.joined(separator: ", ")
        let table = Table(title: "search over \(names.joined(separator: ", ")): \(trials.count) trials (\(how)); fixed \(kept)",
                          columns: ["trial"] + names + ["val accuracy"], alignments: Array(repeating: .right, count: names.count + 2),
                          rows: sorted.map { t in [String(t.number)] + names.map { formatNumber(t.settings[$0]!) } + [percent(t.score)] })
        // One point per trial: a gap (nan) between points keeps them from being joined.
        let first = names[0]
        let points = trials.sorted { $0.settings[first]! < $1.settings[first]! }
            .flatMap { [Plot.Point(log10($0.settings[first]!), $0.score), Plot.Point(.nan, .nan)] }
        let plot = Plot(title: "val accuracy of each trial", xLabel: "log10 \(first)", yLabel: "val accuracy",
                        series: [.init(name: "trials", points: points)])
        return [.table(table), .plot(plot)]
    }

    /// The best trial's model, with a record of how it was trained.
    func bestModel(_ module: Module, _ learner: Learner, from original: LabModel, data: TaskData, trials: Int) -> LabModel {
        let best = LabModel(module)
        best.record = original.record
        best.record.steps += learner.history.steps.count
        best.record.epochs += learner.history.epochs.count
        if case let .examples(d) = data { best.record.exampleIDs.formUnion(d.ids) }
        best.lastRates = learner.optimizer.groups.map(\.baseLR)
        var run = LabRun(model: learner.history.name, history: learner.history, epochsAsked: learner.budgetEpochs,
                         stopReason: learner.stopReason, tracked: [])
        run.l2 = Double(learner.optimizer.groups.first?.l2 ?? 0)
        run.weightDecay = Double(learner.optimizer.groups.first?.weightDecay ?? 0)
        run.searchTrials = trials
        best.runs = [run]
        return best
    }
}
