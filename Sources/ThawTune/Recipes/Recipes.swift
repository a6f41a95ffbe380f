import ThawNN
import ThawOptim
import ThawTensor

/// Whole fine-tuning procedures in a few readable lines, as fastai and ULMFiT describe them.
public enum Recipes {
    /// fastai's `fine_tune`: train only the top group for `freezeEpochs` with a one-cycle
    /// schedule, then unfreeze everything and train `epochs` more with rates spread from
    /// base/100 (bottom) to base/2 (top), again one-cycle.
    ///
    ///     freeze_to(-1);  fit_one_cycle(freezeEpochs, lr)
    ///     unfreeze();     fit_one_cycle(epochs, slice(lr/200, lr/2))
    @discardableResult
    public static func fineTune(_ model: Module, train: BatchSource, valid: BatchSource?, epochs: Int,
                                baseLR: Float, freezeEpochs: Int = 1, optimizer: OptimizerKind = .adamw,
                                rng: inout RNG) throws -> [Learner] {
        try model.freezeTo(-1)
        let head = Learner(model: model, optimizer: optimizer.make(groups: try model.paramGroups(.uniform(baseLR))),
                           train: train, valid: valid, rng: rng.split(), name: "fine_tune: head")
        head.add(ScheduleCallback(.oneCycle()))
        head.add(MetricsRecorder())
        head.fit(epochs: freezeEpochs)
        try model.unfreeze()
        let groups = model.layerGroups.count > 1
            ? try model.paramGroups(.range(low: baseLR / 200, high: baseLR / 2))
            : try model.paramGroups(.uniform(baseLR / 2))
        let all = Learner(model: model, optimizer: optimizer.make(groups: groups), train: train, valid: valid,
                          rng: rng.split(), name: "fine_tune: all")
        all.add(ScheduleCallback(.oneCycle()))
        all.add(MetricsRecorder())
        all.fit(epochs: epochs)
        return [head, all]
    }

    /// ULMFiT (Howard & Ruder 2018): gradual unfreezing (one more group every `unfreezeEvery`
    /// epochs, top first), discriminative rates (÷2.6 per group down) and slanted triangular
    /// learning rates, in one run.
    @discardableResult
    public static func ulmfit(_ model: Module, train: BatchSource, valid: BatchSource?, epochs: Int,
                              topLR: Float, factor: Float = 2.6, unfreezeEvery: GradualUnfreezing.Interval = .epochs(1),
                              optimizer: OptimizerKind = .adam, rng: inout RNG) throws -> Learner {
        let learner = Learner(model: model, optimizer: optimizer.make(groups: try model.paramGroups(.decay(top: topLR, factor: factor))),
                              train: train, valid: valid, rng: rng.split(), name: "ulmfit")
        learner.add(GradualUnfreezing(every: unfreezeEvery))
        learner.add(ScheduleCallback(.slantedTriangular()))
        learner.add(MetricsRecorder())
        learner.fit(epochs: epochs)
        return learner
    }
}
