import ThawNN
import ThawOptim
import ThawTensor

/// The training loop: batches in, steps out, with named events that callbacks hook into.
///
/// ```swift
/// let learner = Learner(model: net, optimizer: Adam(groups: net.singleGroup(lr: 1e-3)),
///                       train: trainBatches, valid: validBatches)
/// learner.add(EarlyStopping(patience: 3))
/// learner.fit(epochs: 10)
/// print(learner.history.epochs.last!)
/// ```
public final class Learner {
    public let model: Module
    public let optimizer: Optimizer
    public var train: BatchSource
    public var valid: BatchSource?
    /// The loss of a batch given the model's output (cross-entropy by default).
    public var lossFunction: (Tensor, Batch) -> Tensor = { Loss.crossEntropy($0, $1.targets) }
    /// A target value that does not count in evaluation (a language model's padding): set it
    /// with a loss that ignores it too, or padding positions count in the accuracy.
    public var ignoredTarget: Int?
    public private(set) var callbacks: [Callback] = []
    /// Shuffling and anything else random in the loop.
    public var rng: RNG
    /// Polled at every step boundary; returning true stops the run there (the shell's Ctrl-C).
    public var interrupt: (() -> Bool)?
    /// Everything that happened: per-step losses and rates, per-epoch metrics.
    public var history: RunHistory

    // MARK: State visible to callbacks during `fit`

    public internal(set) var epoch = 0
    /// Steps taken in this run so far (0 before the first).
    public internal(set) var step = 0
    /// Steps this run will take if not stopped early.
    public internal(set) var totalSteps = 0
    public internal(set) var epochCount = 0
    public internal(set) var batch: Batch?
    public internal(set) var output: Tensor?
    /// The loss of the current batch; `afterLoss` callbacks may replace it (penalties).
    public var loss: Tensor?
    /// Why the run ended early, if it did.
    public internal(set) var stopReason: StopReason?
    /// The budget set by a ``TrainingPlan``, for ``fit()``.
    public internal(set) var budgetEpochs = 1
    public internal(set) var budgetSteps: Int?
    /// Examples per batch for measuring during the run (`valid`, tracked data).
    public internal(set) var evaluationBatch = 256
    /// Which batch of the current epoch comes next, and the generator as it was when the
    /// epoch's batches were drawn: with `step`, all a checkpoint needs to resume exactly.
    public internal(set) var batchInEpoch = 0
    public internal(set) var epochStartRNG = RNG(seed: 0)
    /// The batches of the current epoch.
    public internal(set) var batchesInEpoch = 0
    /// The weights from before the last update, to go back to if the loss stops being finite.
    var divergence = DivergenceGuard()

    /// Where the run is now, for a checkpoint. After an epoch's last batch that is the start
    /// of the next epoch (the generator has drawn this epoch's batches and nothing since), so
    /// a resumed run does not end the finished epoch a second time.
    public var position: TrainingPosition {
        if batchesInEpoch > 0 && batchInEpoch >= batchesInEpoch {
            return TrainingPosition(epoch: epoch + 1, batchInEpoch: 0, step: step, epochStartRNG: rng)
        }
        return TrainingPosition(epoch: epoch, batchInEpoch: batchInEpoch, step: step, epochStartRNG: epochStartRNG)
    }

    public init(model: Module, optimizer: Optimizer, train: BatchSource, valid: BatchSource? = nil,
                rng: RNG = RNG(seed: 0), name: String = "run") {
        self.model = model
        self.optimizer = optimizer
        self.train = train
        self.valid = valid
        self.rng = rng
        self.history = RunHistory(name: name, groupNames: optimizer.groups.map(\.name))
    }

    /// Adds a callback (kept sorted by `order`, stable).
    public func add(_ callback: Callback) {
        callbacks.append(callback)
        callbacks = callbacks.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
    }

    /// The first callback of a type, if any.
    public func callback<C: Callback>(_ type: C.Type) -> C? { callbacks.first { $0 is C } as? C }

    /// Asks the run to stop at the next step boundary.
    public func requestStop(_ reason: StopReason) {
        if stopReason == nil { stopReason = reason }
    }

    /// The steps a run of `epochs` passes takes, capped at `maxSteps`: one place for the
    /// arithmetic that `fit` runs by and a budget estimates with.
    public func steps(epochs: Int, maxSteps: Int?) -> Int {
        min(epochs * train.count(with: rng), maxSteps ?? Int.max)
    }

    /// The steps `fit()` will take for the plan's budget, if not stopped early.
    public var plannedSteps: Int { steps(epochs: budgetEpochs, maxSteps: budgetSteps) }

    /// Trains for `epochs` passes over the training batches, or until stopped; `maxSteps`
    /// caps the steps (a run of "steps 300" is epochs enough, capped at 300).
    ///
    /// With `resume`, the run continues from a checkpoint's position: the same epoch, the same
    /// shuffled batches, from the same batch on, with the schedule at the same step.
    public func fit(epochs: Int, maxSteps: Int? = nil, resume: TrainingPosition? = nil) {
        epochCount = epochs
        totalSteps = steps(epochs: epochs, maxSteps: maxSteps)
        step = resume?.step ?? 0
        stopReason = nil
        model.train()
        divergence.watch(model)
        fire(.beforeFit)
        epochLoop: for e in (resume?.epoch ?? 0)..<epochs {
            epoch = e
            if let resume, e == resume.epoch { rng = resume.epochStartRNG }
            epochStartRNG = rng
            fire(.beforeEpoch)
            let batches = train.makeEpoch(&rng)
            batchesInEpoch = batches.count
            let skip = resume.map { e == $0.epoch ? $0.batchInEpoch : 0 } ?? 0
            for (i, b) in batches.enumerated() where i >= skip {
                batchInEpoch = i
                if interrupt?() == true { requestStop(.interrupted) }
                if stopReason != nil || step >= totalSteps { break }
                runStep(b)
                batchInEpoch = i + 1
            }
            // A partial epoch (stopped, or capped by maxSteps) is still recorded.
            fire(.afterEpoch)
            if stopReason != nil || step >= totalSteps { break epochLoop }
        }
        // The last update's weights had no loss computed from them: check them once.
        if stopReason == nil, let (path, value) = divergence.firstNonFinite() {
            let undone = divergence.restore() ? ", so that update is undone" : ""
            requestStop(.diverged("the loss became nan after the last step: step \(step)'s update made `\(path)` "
                                  + "\(DivergenceGuard.describe(value)) (the learning rate is probably too high)\(undone)"))
        }
        model.eval()
        fire(.afterFit)
    }

    func runStep(_ b: Batch) {
        batch = b
        fire(.beforeBatch)
        model.zeroGrad()  // every parameter the optimizer updates belongs to the model
        let out = model(b.inputs)
        output = out
        loss = lossFunction(out, b)
        fire(.afterLoss)
        let value = loss!.item
        if !value.isFinite {
            // The weights that gave this loss are the bad ones: undo the update that made them.
            let what = divergence.diagnosis(afterStep: step)
            let undone = divergence.restore() ? ", so that update is undone" : ""
            requestStop(.diverged("the loss became \(DivergenceGuard.describe(value)) at step \(step + 1): \(what) "
                                  + "(the learning rate is probably too high)\(undone)"))
            return
        }
        divergence.remember()
        loss!.backward()
        fire(.afterBackward)
        optimizer.step()
        step += 1
        history.recordStep(step, loss: value, rates: optimizer.groups.map(\.lr))
        fire(.afterStep)
        fire(.afterBatch)
        output = nil
    }

    func fire(_ event: TrainingEvent) {
        for c in callbacks {
            switch event {
            case .beforeFit: c.beforeFit(self)
            case .beforeEpoch: c.beforeEpoch(self)
            case .beforeBatch: c.beforeBatch(self)
            case .afterLoss: c.afterLoss(self)
            case .afterBackward: c.afterBackward(self)
            case .afterStep: c.afterStep(self)
            case .afterBatch: c.afterBatch(self)
            case .afterEpoch: c.afterEpoch(self)
            case .afterFit: c.afterFit(self)
            }
        }
    }

    /// Loss and accuracy of the model on `source`, in evaluation mode, without gradients.
    public func evaluate(_ source: BatchSource) -> Evaluation {
        let e = Evaluation.run(model, on: source, lossFunction: lossFunction, ignoring: ignoredTarget, interrupt: interrupt)
        if !e.complete { requestStop(.interrupted) }
        return e
    }
}
