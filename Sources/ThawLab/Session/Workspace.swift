import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// A model in the workspace, with what the session knows about it.
public final class LabModel {
    public var module: Module
    /// The rate given to each layer group with `lr`, overriding `train … lr`.
    public var groupRates: [Float]?
    /// Each group's effective rate in the last run (for `show` and `lr net`).
    public var lastRates: [Float]?
    /// The gradient norm of each parameter at the last step of the last run.
    public var lastGradNorms: [String: Double] = [:]
    /// Runs that trained this model, oldest first.
    public var runs: [LabRun] = []
    /// What training brought this model's weights where they are, for budgets and leak checks.
    public var record = TrainingRecord()
    /// True for models that read token ids and predict the next one (GPT).
    public var isLanguageModel: Bool { module is GPT || module is PromptTuned }

    public init(_ module: Module) { self.module = module }
}

/// What trained a model's weights in this session: optimizer steps and the examples seen.
///
/// A clone inherits it and a restore takes the snapshot's, so training a copy and cloning it
/// back does not hide steps or data. Examples are counted by `Dataset.ids` (source rows),
/// which splits, selections and transforms carry, so a transformed copy of held-out data is
/// still held-out data.
public struct TrainingRecord: Sendable, Equatable {
    public var steps = 0
    /// Epochs, counted as the runs' histories count them (a partial last epoch is one).
    public var epochs = 0
    /// The most parameters that trained in any one step.
    public var peakTrainable = 0
    public var exampleIDs: Set<Int> = []
    public init() {}
}

/// A finished training run.
public struct LabRun {
    public var model: String
    public var history: RunHistory
    public var epochsAsked: Int
    public var stopReason: StopReason?
    /// The names of the datasets tracked after each epoch.
    public var tracked: [String]
    /// Best validation accuracy, when the run watched `val`.
    public var bestValidation: Double?
    /// The EWC strength λ the run trained with, if it used EWC.
    public var ewcStrength: Double?
    /// How the run countered class imbalance, and how it augmented its images.
    public var balance = BalanceChoice.none
    public var augment = AugmentChoice.none
    /// The coupled L2 strength (`l2`) and the decoupled weight decay (`wd`) it trained with.
    public var l2 = 0.0
    public var weightDecay = 0.0
    /// For the best trial of a `search`, how many trials it was chosen from; 0 otherwise.
    public var searchTrials = 0
    /// The run's `patience` (early stopping), 0 for none.
    public var patience = 0
    /// For each step, whether each parameter group had anything trainable: a frozen group's
    /// rate is 0 in `plot lr`, since it did not move (gradual unfreezing, `freeze`).
    public var trainableGroups: [[Bool]] = []
    /// For each step, the gradient norm of each layer group before clipping (`plot gradnorm`).
    public var groupGradNorms: [[Double]] = []
    /// The gradient-norm limit the run clipped at, if it clipped.
    public var clipNorm: Double?
}

/// A copy of a model's weights and flags, with the model it was taken from.
public struct LabSnapshot {
    public var snapshot: Snapshot
    public var trainable: [String: Bool]
    /// A copy of the model's structure, so a snapshot can be measured on its own.
    public var model: Module
    /// The model's training record when the snapshot was taken.
    public var record = TrainingRecord()
}

/// Whatever a name can stand for.
public enum WorkspaceItem {
    case data(TaskData)
    case model(LabModel)
    case snapshot(LabSnapshot)
    case run(LabRun)
    case report([Output])
    /// A learning-rate sweep (`lrfind`).
    case sweep(RateSweep)

    public var kindName: String {
        switch self {
        case .data: "a dataset"
        case .model: "a model"
        case .snapshot: "a snapshot"
        case .run: "a run"
        case .report: "a report"
        case .sweep: "a learning-rate sweep"
        }
    }
}
