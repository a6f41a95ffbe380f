import ThawNN
import ThawOptim
import ThawTensor

/// Whole fine-tuning procedures in a few readable lines, as fastai and ULMFiT describe them.
/// Each phase is a ``TrainingPlan``: read one to see exactly what the recipe does.
public enum Recipes {
    /// fastai's `fine_tune`: train only the top group for `freezeEpochs` with a one-cycle
    /// schedule, then unfreeze everything and train `epochs` more with rates spread from
    /// base/100 (bottom) to base/2 (top), again one-cycle.
    ///
    ///     freeze_to(-1);  fit_one_cycle(freezeEpochs, lr)
    ///     unfreeze();     fit_one_cycle(epochs, slice(lr/200, lr/2))
    @discardableResult
    public static func fineTune(_ model: Module, task: TaskData, valid: TaskData?, epochs: Int, baseLR: Float,
                                freezeEpochs: Int = 1, batchSize: Int = 32, optimizer: OptimizerKind = .adamw,
                                rng: inout RNG) throws -> [Learner] {
        try model.freezeTo(-1)
        let headPlan = TrainingPlan(budget: .epochs(freezeEpochs), batchSize: batchSize, optimizer: optimizer,
                                    rates: .perLayerGroup(.uniform(baseLR)), schedule: .oneCycle())
        let head = try Learner(model: model, task: task, plan: headPlan, valid: valid, rng: rng.split(), name: "fine_tune: head")
        head.add(MetricsRecorder())
        head.fit()
        try model.unfreeze()
        let spread: RateSpec = model.layerGroups.count > 1 ? .range(low: baseLR / 200, high: baseLR / 2) : .uniform(baseLR / 2)
        let allPlan = TrainingPlan(budget: .epochs(epochs), batchSize: batchSize, optimizer: optimizer,
                                   rates: .perLayerGroup(spread), schedule: .oneCycle())
        let all = try Learner(model: model, task: task, plan: allPlan, valid: valid, rng: rng.split(), name: "fine_tune: all")
        all.add(MetricsRecorder())
        all.fit()
        return [head, all]
    }

    /// ULMFiT (Howard & Ruder 2018): gradual unfreezing (one more group every `unfreezeEvery`
    /// epochs, top first), discriminative rates (÷2.6 per group down) and slanted triangular
    /// learning rates, in one run.
    @discardableResult
    public static func ulmfit(_ model: Module, task: TaskData, valid: TaskData?, epochs: Int, topLR: Float,
                              factor: Float = 2.6, unfreezeEvery: GradualUnfreezing.Interval = .epochs(1),
                              batchSize: Int = 32, optimizer: OptimizerKind = .adam, rng: inout RNG) throws -> Learner {
        var plan = TrainingPlan(budget: .epochs(epochs), batchSize: batchSize, optimizer: optimizer,
                                rates: .perLayerGroup(.decay(top: topLR, factor: factor)), schedule: .slantedTriangular())
        plan.gradualUnfreezing = unfreezeEvery
        let learner = try Learner(model: model, task: task, plan: plan, valid: valid, rng: rng.split(), name: "ulmfit")
        learner.add(MetricsRecorder())
        learner.fit()
        return learner
    }
}
