import Foundation
import ThawText

/// A one-line progress display on standard error, redrawn in place at most ten times a
/// second and cut to the terminal's width (`TerminalWidth`), cleared when the run ends:
/// `epoch 2/5 · step 120/300 · loss 0.4312`. Silent when standard error is not a terminal,
/// so logs and replays stay clean.
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
        FileHandle.standardError.write(Data(Progress.redraw(line, width: TerminalWidth.columns(fileDescriptor: 2)).utf8))
    }

    /// What redraws the line in place: back to the start of the line, clear it, the text.
    /// A line as wide as the terminal would wrap (and `\r` only returns to the last row, so
    /// every redraw would leave a row behind), so it is cut one cell short of the width.
    package static func redraw(_ line: String, width: Int) -> String {
        "\r\u{1B}[2K" + DisplayWidth.truncated(line, to: width - 1)
    }

    public func afterFit(_ learner: Learner) {
        guard enabled, lastDraw > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        lastDraw = 0
    }
}
