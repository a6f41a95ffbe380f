import ThawNN
import ThawOptim
import ThawTensor

extension Learner {
    /// A Learner for `model` on `task`, set up as `plan` says: its optimizer and rate groups,
    /// the task's loss (padding ignored, classes weighted), the schedule, clipping, gradual
    /// unfreezing and early stopping. Recorders and task-specific callbacks (EWC, tracking)
    /// are the caller's to add. Train it with ``fit()``.
    public convenience init(model: Module, task: TaskData, plan: TrainingPlan, valid: TaskData? = nil,
                            rng: RNG, name: String) throws {
        self.init(model: model, optimizer: try plan.makeOptimizer(for: model),
                  train: task.shuffled(size: plan.batchSize, augment: plan.augment),
                  valid: valid?.inOrder(size: plan.evaluationBatch), rng: rng, name: name)
        lossFunction = task.lossFunction(classWeights: plan.classWeights, loss: plan.loss)
        ignoredTarget = task.ignoredTarget
        (budgetEpochs, budgetSteps) = plan.epochs(over: task.count)
        evaluationBatch = plan.evaluationBatch
        if plan.schedule != .constant || plan.warmupSteps > 0 {
            add(ScheduleCallback(plan.schedule, warmup: plan.warmupSteps))
        }
        if let clip = plan.clipNorm { add(GradientClipping(maxNorm: clip)) }
        if let interval = plan.gradualUnfreezing { add(GradualUnfreezing(every: interval)) }
        if let patience = plan.patience {
            guard valid != nil else { throw PlanError.patienceNeedsValidation }
            add(EarlyStopping(patience: patience, monitor: .validAccuracy))
        }
    }

    /// Trains for the plan's budget (see ``TrainingPlan/epochs(over:)``), from the start or,
    /// with `resume`, from a checkpoint's position (see ``resume(from:)``).
    public func fit(resume: TrainingPosition? = nil) {
        fit(epochs: budgetEpochs, maxSteps: budgetSteps, resume: resume)
    }
}

/// A plan that cannot be carried out as written.
public enum PlanError: Error, Equatable, CustomStringConvertible {
    case patienceNeedsValidation

    public var description: String {
        switch self {
        case .patienceNeedsValidation: "early stopping (`patience`) watches held-out data, and none was given"
        }
    }
}
