import ThawOptim
import ThawTensor

/// Records each epoch's mean training loss and, when the learner has validation data, the
/// validation loss and accuracy, into `learner.history`.
public final class MetricsRecorder: Callback {
    public var order: Int { 50 }
    private var stepAtEpochStart = 0
    public init() {}

    public func beforeEpoch(_ learner: Learner) { stepAtEpochStart = learner.step }

    public func afterEpoch(_ learner: Learner) {
        guard learner.step > stepAtEpochStart else { return }
        var record = RunHistory.Epoch(epoch: learner.epoch + 1, step: learner.step,
                                      trainLoss: learner.history.meanLoss(since: stepAtEpochStart))
        if let valid = learner.valid {
            let e = learner.evaluate(valid)
            record.validLoss = e.loss
            record.validAccuracy = e.accuracy
        }
        learner.history.epochs.append(record)
    }
}

/// Sets every group's learning rate from a schedule before each step, optionally after a
/// linear warm-up over the first `warmup` steps (the two multiply).
public final class ScheduleCallback: Callback {
    public let schedule: Schedule
    public let warmup: Int
    public var order: Int { 10 }
    public init(_ schedule: Schedule, warmup: Int = 0) {
        self.schedule = schedule
        self.warmup = warmup
    }

    public func beforeBatch(_ learner: Learner) {
        learner.optimizer.applySchedule(schedule, step: learner.step, total: learner.totalSteps)
        if warmup > 0 && learner.step < warmup {
            let w = Schedule.warmup(steps: warmup).multiplier(step: learner.step, total: learner.totalSteps)
            for i in learner.optimizer.groups.indices { learner.optimizer.groups[i].lr *= w }
        }
    }
}

/// Clips the global gradient norm before each step and remembers the norms seen.
public final class GradientClipping: Callback {
    public let maxNorm: Float
    public private(set) var norms: [Float] = []
    public var order: Int { 30 }
    public init(maxNorm: Float) { self.maxNorm = maxNorm }

    public func afterBackward(_ learner: Learner) {
        norms.append(clipGradNorm(learner.model.trainableParameters, maxNorm: maxNorm))
    }
}
