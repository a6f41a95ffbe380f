import ThawLang
import ThawTune

/// `train`'s options that go together: the loss and its smoothing, and checkpoints (`checkpoint`,
/// `every`, `resume`), which must continue the very run that wrote them.
extension TrainCommand {
    /// Options that only make sense together, checked before anything runs.
    func checkLossAndCheckpointOptions(_ data: TaskData) throws {
        if $smoothing.isGiven && loss != .smooth {
            throw LabError("`smoothing` is the amount for `loss smooth`; add `loss smooth`, or leave it out", at: $smoothing.range)
        }
        if loss == .mse {
            if data.isLanguageModelling {
                throw LabError("`loss mse` is for labelled examples, not next-character text", at: $loss.range)
            }
            if balance == .weights {
                throw LabError("`balance weights` weights the cross-entropy; with `loss mse` use `balance oversample`", at: $balance.range)
            }
        }
        if $every.isGiven && checkpoint == nil {
            throw LabError("`every` says how often to write a checkpoint: add `checkpoint \"FILE\"`", at: $every.range)
        }
        guard resume != nil else { return }
        // What a checkpoint does not hold: the anchor of a penalty, a sample of old data, an unfreezing timetable.
        let unsupported: [(String, Bool, SourceRange?)] = [
            ("ewc", ewc != nil, $ewc.range), ("l2sp", l2sp != nil, $l2sp.range),
            ("rehearse", rehearse != nil, $rehearse.range), ("unfreeze gradual", unfreeze == .gradual, $unfreeze.range),
        ]
        if let (name, _, range) = unsupported.first(where: \.1) {
            throw LabError("`resume` cannot continue a run with `\(name)`: a checkpoint does not keep what it started from", at: range)
        }
    }

    /// The options that decide what a run computes, as written (and the data's size, and rates
    /// set with `lr`): a checkpoint keeps them, and `resume` goes on only under the same.
    func planText(_ written: Statement, data: TaskData, rates: [Float]?) -> String {
        let ignored: Set = ["on", "track", "checkpoint", "every", "resume"]
        var parts = ["\(data.count) examples"]
        parts += written.command.options.filter { !ignored.contains($0.name) }
            .map { ([$0.name] + $0.values.map(\.description)).joined(separator: " ") }.sorted()
        if let rates { parts.append("lr per group " + rates.map { formatNumber(Double($0)) }.joined(separator: " ")) }
        return parts.joined(separator: ", ")
    }

    /// Reads a checkpoint into the learner, after checking it was written by the same line.
    func resumePosition(_ learner: Learner, from file: String, planText: String, in session: Session) throws -> TrainingPosition {
        let url = try session.file(file, for: .read, at: $resume.range)
        do {
            return try learner.resume(from: url) { meta in
                guard let saved = meta["plan"] else {
                    throw LabError("\(file) holds no training run: write one with `train … checkpoint \"FILE\"`", at: $resume.range)
                }
                guard saved == planText else {
                    throw LabError("\(file) was written by a run of (\(saved)); this line is (\(planText)): resume with the same options",
                                   at: $resume.range)
                }
            }
        } catch let e as LabError { throw e } catch {
            throw LabError("\(error)", at: $resume.range)
        }
    }
}
