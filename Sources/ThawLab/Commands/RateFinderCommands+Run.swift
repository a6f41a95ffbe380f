import ThawData
import ThawLang
import ThawNN
import ThawTune

/// `lrfind`.
extension LRFindCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        let data = try session.data(on)
        try session.checkCompatible(labModel.module, data, at: on.range)
        guard start < end else {
            throw LabError("the sweep runs from a low rate up to a high one: `start` (\(formatNumber(start))) must be below `end` (\(formatNumber(end)))",
                           at: $start.range ?? $end.range ?? written.command.range)
        }
        var plan = TrainingPlan(batchSize: batch, optimizer: opt.kind)
        plan.momentum = opt == .sgd ? Float(momentum) : nil
        plan.evaluationBatch = TaskData.evaluationBatch(for: labModel.module, flopsPerBatch: SessionBudget.stepFLOPs)
        try checkBudget(labModel.module, data: data, in: session, name: name, written)
        let sweep = try RateFinder.sweep(labModel.module, on: data, plan: plan,
                                         settings: RateFinder.Settings(start: start, end: end, steps: steps),
                                         rng: session.rng.split(), interrupt: session.interruptCheck)
        return CommandResult(outputs: session.sweepOutputs(name, sweep), items: [.sweep(sweep)])
    }

    /// Throws unless the sweep fits the session's budget: a copy of the model trained for
    /// `steps` steps.
    func checkBudget(_ module: Module, data: TaskData, in session: Session, name: String, _ written: Statement) throws {
        let tokens: Int? = if case let .sequences(s) = data { s.context } else { nil }
        let perExample = module.trainingModelCost(tokens: tokens)
        let cost = TrainingCost(model: perExample, trainableParameters: module.trainableParameterCount,
                                anchorCopies: 1, batch: Swift.min(batch, Swift.max(1, data.count)))
        let range = $batch.range ?? written.command.range
        try session.checkMemory(cost.bytes, what: "sweeping a copy of `\(name)` with batches of \(cost.batch) needs \(bytesText(cost.bytes))", at: range)
        try session.checkStep(cost, what: "one step of `\(name)` on \(cost.batch) examples",
                              advice: cost.batch > 1 ? "use a smaller `batch`" : "make the model smaller", at: range)
        try session.checkRun(Double(steps) * cost.stepFLOPs, steps: steps, at: $steps.range ?? written.command.range)
    }
}

extension Session {
    /// A sweep as the learner sees it: the smoothed loss against the rate, and what it found.
    func sweepOutputs(_ name: String, _ s: RateSweep) -> [Output] {
        let points = zip(s.rates, s.smoothed).map { Plot.Point($0, $1) }
        var outputs: [Output] = [.plot(Plot(title: "learning-rate sweep of \(name)", xLabel: "learning rate (log scale)",
                                            yLabel: "smoothed loss", series: [.init(name: "smoothed loss", points: points)], logX: true))]
        guard let low = s.minimumRate, let loss = s.minimumLoss, let suggestion = s.suggestion else {
            return [.note("the sweep took no step: nothing to suggest")]
        }
        outputs.append(.text("lowest smoothed loss \(formatNumber(loss)) at lr \(formatNumber(low)); suggestion (that rate / 10): \(formatNumber(suggestion))"))
        if s.interrupted {
            outputs.append(.note("interrupted after \(s.rates.count) of \(s.settings.steps) steps"))
        } else if s.blewUp {
            outputs.append(.note("stopped after \(s.rates.count) of \(s.settings.steps) steps, at lr \(formatNumber(s.rates.last ?? 0)): the loss blew up"))
        } else if s.rates.count == s.settings.steps {
            outputs.append(.note("the smoothed loss stayed below \(formatNumber(s.settings.stopFactor)) × its lowest up to lr \(formatNumber(s.settings.end)): a larger `end` shows more of the blow-up"))
        }
        return outputs
    }

    /// The sweep bound to `value`.
    func sweep(_ value: Value) throws -> RateSweep {
        let (name, item) = try self.item(value, expecting: "a learning-rate sweep")
        guard case let .sweep(s) = item else {
            throw LabError("`\(name)` is \(item.kindName), not a learning-rate sweep (bind one with `f = lrfind …`)", at: value.range)
        }
        return s
    }
}
