import Foundation
import ThawData
import ThawLang
import ThawNN
import ThawTune

/// The session's budget (`SessionBudget`): what the workspace holds, and the checks that
/// model-building commands and `train` make before they allocate or run anything.
extension Session {
    /// Bytes the workspace holds now: each model's weights and gradients, each snapshot's
    /// copy, each dataset's numbers. A model bound to two names counts once.
    public var workspaceBytes: Int {
        var seen = Set<ObjectIdentifier>()
        var floats = 0
        for item in workspace.values {
            switch item {
            case let .model(m):
                guard seen.insert(ObjectIdentifier(m.module)).inserted else { continue }
                floats += m.module.heldFloats
            case let .snapshot(s):
                floats += s.snapshot.values.values.reduce(0) { $0 + $1.count } + s.model.heldFloats
            case let .data(d):
                floats += d.heldFloats
            case .run, .report, .sweep: break
            }
        }
        return 4 * floats
    }

    /// Throws unless a model of this cost can be built and trained (one example at a time,
    /// with Adam) within the budget, next to what the workspace already holds.
    func checkBuild(_ cost: ModelCost, for written: Statement) throws {
        let (name, range) = (written.bindings.first?.name, written.command.range)
        let training = TrainingCost(building: cost)
        let what = "this model has \(countText(Double(cost.parameters))) parameters"
        try checkMemory(training.bytes, what: "\(what); training it needs \(bytesText(training.bytes)) even one example at a time",
                        replacing: name, at: range)
        try checkStep(training, what: what + "; one training step on a single example", advice: "make the model smaller", at: range)
    }

    /// Throws unless `bytes` fit the budget next to the workspace (less the model `replacing`
    /// names, which the result takes the place of).
    func checkMemory(_ bytes: Double, what: String, replacing name: String? = nil, at range: SourceRange) throws {
        var held = Double(workspaceBytes)
        if let name, case let .model(old)? = workspace[name] { held -= Double(4 * old.module.heldFloats) }
        let budget = Double(budget.memoryBytes)
        guard bytes + held > budget else { return }
        let others = held > 0 ? " and the workspace already holds \(bytesText(held))" : ""
        let raise = Int(((bytes + held) / Double(1 << 20)).rounded(.up))
        let advice = raise <= Limits.memoryMiB
            ? "`budget memory \(max(raise, 64))` raises it"
            : "that is more than thaw allows (\(Limits.memoryMiB) MiB): make it smaller"
        throw LabError("\(what)\(others); the session's budget is \(bytesText(budget)): \(advice)", at: range)
    }

    /// Throws when one training step would cost more than `SessionBudget.stepFLOPs`: Ctrl-C
    /// is seen between steps, so a longer step would keep the prompt waiting.
    func checkStep(_ cost: TrainingCost, what: String, advice: String, at range: SourceRange) throws {
        guard cost.stepFLOPs > SessionBudget.stepFLOPs else { return }
        let seconds = SessionBudget.seconds(cost.stepFLOPs)
        throw LabError("\(what) would take about \(secondsText(seconds)) (\(countText(cost.stepFLOPs)) FLOPs); thaw keeps a step "
                       + "under \(secondsText(SessionBudget.seconds(SessionBudget.stepFLOPs))) so that Ctrl-C stops it at once: "
                       + advice, at: range)
    }

    /// Throws when a run of `flops` estimated work would take longer than the budget allows.
    func checkRun(_ flops: Double, steps: Int, at range: SourceRange) throws {
        guard flops > budget.runFLOPs else { return }
        let minutes = SessionBudget.seconds(flops) / 60
        let raise = Int(minutes.rounded(.up))
        let advice = raise <= Limits.runMinutes ? "`budget minutes \(raise)` raises it" : "that is more than thaw allows: train for fewer steps"
        throw LabError("this run of \(steps) steps would take about \(minutesText(minutes)) of compute; "
                       + "the session allows \(budget.runMinutes) minutes a run: \(advice)", at: range)
    }
}

extension Module {
    /// Floats this model holds: its weights and the gradients it keeps after training.
    var heldFloats: Int { parameters.reduce(0) { $0 + $1.count + ($1.gradData?.count ?? 0) } }
}

extension TaskData {
    /// Floats this dataset holds: its inputs and targets.
    var heldFloats: Int {
        switch self {
        case let .examples(d): d.count * (d.sampleSize + 1)
        case let .sequences(s): 2 * s.count * s.context
        }
    }
}

/// Sizes in words: "5.1 GiB", "303 M", "0.30 s". Bytes in binary units, as the budget is set in MiB.
func bytesText(_ bytes: Double) -> String {
    if bytes >= Double(1 << 30) { return "\(NumberText.fixed(bytes / Double(1 << 30), decimals: 1)) GiB" }
    if bytes >= Double(1 << 20) { return "\(NumberText.fixed(bytes / Double(1 << 20), decimals: 0)) MiB" }
    return "\(NumberText.fixed(bytes / 1024, decimals: 0)) KiB"
}

func countText(_ n: Double) -> String {
    if n >= 1e12 { return "\(NumberText.trimZeros(NumberText.fixed(n / 1e12, decimals: 1))) T" }
    if n >= 1e9 { return "\(NumberText.trimZeros(NumberText.fixed(n / 1e9, decimals: 1))) G" }
    if n >= 1e6 { return "\(NumberText.trimZeros(NumberText.fixed(n / 1e6, decimals: 1))) M" }
    return NumberText.fixed(n, decimals: 0)
}

func secondsText(_ s: Double) -> String {
    s < 1 ? "\(NumberText.fixed(s, decimals: 2)) s" : "\(NumberText.fixed(s, decimals: 0)) s"
}

func minutesText(_ m: Double) -> String {
    m < 120 ? "\(NumberText.fixed(m, decimals: 0)) minutes" : "\(NumberText.fixed(m / 60, decimals: 1)) hours"
}
