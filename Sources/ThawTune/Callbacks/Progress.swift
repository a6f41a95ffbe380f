import Foundation

/// A one-line progress display on standard error, redrawn in place at most ten times a
/// second: `epoch 2/5 · step 120/300 · loss 0.4312`. Silent when standard error is not a
/// terminal, so logs and replays stay clean.
public final class Progress: Callback {
    private let enabled: Bool
    private var lastDraw: UInt64 = 0
    public var order: Int { 90 }

    public init(enabled: Bool = isatty(2) != 0) { self.enabled = enabled }

    public func afterStep(_ learner: Learner) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || learner.step == learner.totalSteps else { return }
        lastDraw = now
        let loss = learner.history.steps.last.map { fixed(Double($0.loss), 4) } ?? "–"
        // The run's name says what is training: a lesson may run several commands in a row.
        let line = "\(learner.history.name) · epoch \(learner.epoch + 1)/\(learner.epochCount) · step \(learner.step)/\(learner.totalSteps) · loss \(loss)  (Ctrl-C stops after this step)"
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    }

    public func afterFit(_ learner: Learner) {
        guard enabled, lastDraw > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        lastDraw = 0
    }
}
